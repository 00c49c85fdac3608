package org.mmwb.ui.tests.widgets;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mmwb.core.internal.log.FaultLog;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.ui.internal.widgets.faultlog.FaultFilter;
import org.mmwb.ui.internal.widgets.faultlog.FaultLogTable;

/**
 * Visual check of {@link FaultLogTable}: a log of N faults (default 1,000,000) of three processes touching heap,
 * anonymous memory, a memfd file, the stack and [vvar]/[vvar_vclock]/[vdso]; screenshots of the plain table,
 * a filtered table and a jump to the middle. {@code --time} only measures setInput to first paint.
 * Usage: FaultLogTableDemo [N] [--time]
 */
public final class FaultLogTableDemo {

    private FaultLogTableDemo() {
    }

    /** A realistic log of {@code n} faults. */
    static FaultLog makeLog(int n) {
        FaultLog log = new FaultLog(Long.MAX_VALUE);
        int anon = log.intern("anon");
        int heap = log.intern("[heap]");
        int stack = log.intern("[stack]");
        int memfd = log.intern("/memfd:data (deleted)");
        int vvar = log.intern("[vvar]");
        int vclock = log.intern("[vvar_vclock]");
        int vdso = log.intern("[vdso]");
        int none = log.intern("-");
        int doAnon = log.intern("do_anonymous_page");
        int doWp = log.intern("do_wp_page");
        int doRead = log.intern("do_read_fault");
        int doShared = log.intern("do_shared_fault");
        int special = log.intern("special_mapping_fault");
        int badArea = log.intern("bad_area");
        long heapStart = 0x55d4_1a3c_2000L;
        long anonStart = 0x7f3a_8c00_0000L;
        long memfdStart = 0x7f3a_9d40_0000L;
        long stackStart = 0x7ffd_3b1f_0000L;
        long vvarStart = 0x7ffd_3b3f_a000L;
        SplittableRandom r = new SplittableRandom(42);
        long pfn = 0x101;
        int user = FaultLog.ACCESS_USER;
        for (int i = 0; i < n; i++) {
            int pid = 1 + (i / 1000) % 3;
            int k = r.nextInt(1000);
            if (k < 600) {
                long a = anonStart + ((long) (i % 500_000) << 12) + r.nextInt(4096);
                log.append(pid, a, FaultLog.ACCESS_WRITE | user, anonStart, anon, (a - anonStart) >>> 12,
                        0, pfn++, doAnon);
            } else if (k < 750) {
                long a = heapStart + ((long) r.nextInt(8192) << 12);
                log.append(pid, a, FaultLog.ACCESS_WRITE | user, heapStart, heap, (heapStart >>> 12)
                        + ((a - heapStart) >>> 12), 0, pfn++, k < 700 ? doAnon : doWp);
            } else if (k < 880) {
                long a = memfdStart + ((long) r.nextInt(2048) << 12);
                boolean w = k > 850;
                log.append(pid, a, (w ? FaultLog.ACCESS_WRITE : FaultLog.ACCESS_READ) | user, memfdStart, memfd,
                        (a - memfdStart) >>> 12, VmFaultResult.MAJOR * (k % 7 == 0 ? 1 : 0), pfn++,
                        w ? doShared : doRead);
            } else if (k < 950) {
                long a = stackStart + ((long) r.nextInt(33) << 12);
                log.append(pid, a, FaultLog.ACCESS_WRITE | user, stackStart, stack, a >>> 12, 0, pfn++, doAnon);
            } else if (k < 985) {
                int page = r.nextInt(8);
                long a = vvarStart + ((long) page << 12);
                int h = page < 4 ? vvar : page < 6 ? vclock : vdso;
                int pg = page < 4 ? page : page < 6 ? page - 4 : page - 6;
                boolean bus = (h == vvar && (pg == 1 || pg == 3)) || (h == vclock && pg == 1);
                int res = bus ? VmFaultResult.SIGBUS : h == vdso ? 0 : VmFaultResult.NOPAGE;
                long p = bus ? FaultLog.NO_PFN : h == vclock ? 0x2a8f5L : 0x1c2e + pg;
                log.append(pid, a, (h == vdso ? FaultLog.ACCESS_EXEC : FaultLog.ACCESS_READ) | user, (a & ~0xfffL)
                        - ((long) pg << 12), h, pg, res, p, special);
            } else {
                long a = 0x1000L * r.nextInt(64) + r.nextInt(4096);
                log.append(pid, a, FaultLog.ACCESS_READ | user, FaultLog.NO_VMA, none, 0, VmFaultResult.SIGSEGV,
                        FaultLog.NO_PFN, badArea);
            }
        }
        return log;
    }

    /** Nanoseconds from setInput to the table's first paint. */
    private static long firstPaint(Display d, FaultLogTable table, FaultLog log) {
        long[] painted = {0};
        table.getTable().addListener(SWT.Paint, e -> {
            if (painted[0] == 0) {
                painted[0] = System.nanoTime();
            }
        });
        long s = System.nanoTime();
        table.setInput(log);
        while (painted[0] == 0) {
            if (!d.readAndDispatch()) {
                d.sleep();
            }
        }
        return painted[0] - s;
    }

    /** Runs the demo. */
    public static void main(String[] args) {
        int n = args.length > 0 && !args[0].startsWith("-") ? Integer.parseInt(args[0]) : 1_000_000;
        boolean timeOnly = Arrays.asList(args).contains("--time");
        long t0 = System.nanoTime();
        FaultLog log = makeLog(n);
        long t1 = System.nanoTime();
        System.out.printf("log of %,d faults built in %.0f ms, %.1f bytes/fault%n", n, (t1 - t0) / 1e6,
                (double) log.bytesUsed() / n);

        Display d = new Display();
        Shell shell = Shots.shell(d, "Fault Log", 1240, 640);
        final FaultLogTable first = new FaultLogTable(shell, SWT.NONE);
        shell.open();
        Shots.settle(d, 300);

        FaultLogTable table = first;
        long ms = firstPaint(d, table, log);
        System.out.printf("setInput to first paint: %.1f ms%n", ms / 1e6);
        if (timeOnly) {
            for (int i = 0; i < 5; i++) { // warm: a new table each time, same JVM
                table.dispose();
                table = new FaultLogTable(shell, SWT.NONE);
                shell.layout(true);
                Shots.settle(d, 100);
                System.out.printf("warm %d: new table, setInput to first paint: %.1f ms%n", i,
                        firstPaint(d, table, log) / 1e6);
            }
        }
        if (!timeOnly) {
            table.selectFault(3, true);
            Shots.save(shell, "faultlog-1-top");
            long f0 = System.nanoTime();
            table.setFilter(FaultFilter.ALL.withResult(VmFaultResult.SIGBUS, VmFaultResult.SIGBUS).withPid(2));
            System.out.printf("filter pid=2 result=SIGBUS: %,d rows in %.1f ms, index %,d bytes%n",
                    table.rowCount(), (System.nanoTime() - f0) / 1e6, table.getIndex().bytesUsed());
            Shots.save(shell, "faultlog-2-filtered");
            table.setFilter(FaultFilter.ALL);
            table.selectFault(n / 2, true);
            Shots.save(shell, "faultlog-3-middle");
            table.setFilter(FaultFilter.ALL.withHandler(log.intern("[vvar]")));
            Shots.save(shell, "faultlog-4-vvar-selection-kept");
            System.out.println("selected " + table.getSelectedFault() + " handler " + log.name(log.handler(n / 2))
                    + " row " + table.getIndex().rowOf(n / 2) + " top " + table.topRow());
        }
        d.dispose();
    }
}
