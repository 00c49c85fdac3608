package org.mmwb.ui.internal;

import java.lang.management.ManagementFactory;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.views.FaultLogView;

/**
 * Measurements for releng/scripts/ui-bench.sh, run inside the real product when {@code -Dmmwb.bench=...} is set
 * (never in normal use): {@code startup} prints the milliseconds from JVM start to the first window being open
 * (and, as {@code startup-cpu}, the CPU time the process used until then),
 * {@code faultlog} runs a scenario with 2^20 faults, then times opening the Fault Log view on it until its table
 * has painted; {@code scale} opens sessions of real size (1 GiB touched: 262,144 faults; 200,000 VMAs; a live JVM
 * imported with {@code ./mmwb import}, its file given by {@code -Dmmwb.bench.import=FILE}) and, for each, times the
 * views (Address Space, Page Tables, Fault Log, Address Map, Properties) from the run's end until the UI is idle,
 * then a Step Back and the longest the UI thread stalled meanwhile. Each prints lines {@code mmwb-bench NAME MS} and
 * closes the workbench.
 */
final class Bench {

    /** The scenario of the fault log measurement: 2^20 read faults on the zero page. */
    static final String MILLION = "kernel x86_64-6.18\n$a = mmap 0x200000000000 4G r-- fixed noreserve\n"
            + "touch $a 4G r\n";

    private Bench() {
    }

    /** Called when the first window is open. */
    static void windowOpened() {
        String what = System.getProperty("mmwb.bench");
        if (what == null) {
            return;
        }
        Display d = Display.getCurrent();
        if (what.equals("startup")) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            // CPU time of the whole process: what start-up costs, independent of other load on the machine
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis)
                    .orElse(-1L);
            System.out.println("mmwb-bench startup-cpu " + cpu);
            report("startup", ms);
        } else if (what.equals("faultlog")) {
            d.asyncExec(Bench::faultLog);
        } else if (what.equals("scale")) {
            d.asyncExec(Bench::scale);
        }
    }

    /** The sessions of the {@code scale} measurement: name and scenario text. */
    static final String[][] SCALE = {
        {"touch-1g", "$a = mmap 0 1G rw-\ntouch $a 1G w\n"},
        {"vma-200k", "sysctl vm.max_map_count 300000\n$a = mmap 0 800M rw-\n"
                + "repeat $i 0 100000 { mprotect $a+$i*8K 4K r-- }\n"},
    };

    private static void scale() {
        Session s = Session.get();
        Display d = Display.getCurrent();
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        try {
            for (String id : new String[] {ViewIds.ADDRESS_SPACE, ViewIds.PAGE_TABLES, ViewIds.FAULT_LOG,
                    ViewIds.ADDRESS_MAP, "org.eclipse.ui.views.PropertySheet"}) {
                page.showView(id, null, IWorkbenchPage.VIEW_VISIBLE);
            }
            for (String[] sc : SCALE) {
                long t0 = System.nanoTime();
                s.openScenario(sc[0] + ".mms", sc[1], null);
                long[] stall = waitIdle(d, s);
                long run = System.nanoTime();
                print("scale-" + sc[0] + "-run", (run - t0) / 1_000_000);
                print("scale-" + sc[0] + "-views", stall[1]);
                print("scale-" + sc[0] + "-run-maxstall", stall[0]);
                long b0 = System.nanoTime();
                s.stepBack();
                long[] back = waitIdle(d, s);
                print("scale-" + sc[0] + "-stepback", (System.nanoTime() - b0) / 1_000_000);
                print("scale-" + sc[0] + "-stepback-maxstall", back[0]);
            }
            String imported = System.getProperty("mmwb.bench.import");
            if (imported != null) {
                long t0 = System.nanoTime();
                s.importReport(java.nio.file.Path.of(imported));
                long[] stall = waitIdle(d, s);
                print("scale-import-views", (System.nanoTime() - t0) / 1_000_000);
                print("scale-import-maxstall", stall[0]);
            }
        } catch (PartInitException | RuntimeException e) {
            System.out.println("mmwb-bench scale failed: " + e);
        }
        report("scale", 0);
    }

    /**
     * Dispatches events until the session's job is done and the UI has nothing left to do. Returns the longest
     * gap between two ticks of a 20 ms timer (how long the UI thread was unresponsive) and the milliseconds from
     * the job's end until idle (the views catching up with the new state).
     */
    private static long[] waitIdle(Display d, Session s) {
        long[] last = {System.nanoTime()};
        long[] maxGap = {0};
        boolean[] on = {true};
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            long now = System.nanoTime();
            maxGap[0] = Math.max(maxGap[0], now - last[0]);
            last[0] = now;
            if (on[0]) {
                d.timerExec(20, tick[0]);
            }
        };
        d.timerExec(20, tick[0]);
        long until = System.currentTimeMillis() + 300_000;
        while (s.isBusy() && System.currentTimeMillis() < until) {
            if (!d.readAndDispatch()) {
                d.sleep();
            }
        }
        long done = System.nanoTime();
        on[0] = false;
        // idle: ten looks 10 ms apart find no event (the views have painted what the new state shows)
        long lastEvent = done;
        int quiet = 0;
        long idleUntil = System.currentTimeMillis() + 30_000; // views still busy after 30 s: report 30 s and go on
        while (quiet < 10 && System.currentTimeMillis() < Math.min(until, idleUntil)) {
            if (d.readAndDispatch()) {
                lastEvent = System.nanoTime();
                quiet = 0;
            } else {
                quiet++;
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return new long[] {maxGap[0] / 1_000_000, (lastEvent - done) / 1_000_000};
    }

    private static void print(String name, long ms) {
        System.out.println("mmwb-bench " + name + " " + ms);
        System.out.flush();
    }

    private static void faultLog() {
        Session s = Session.get();
        s.openScenario("million.mms", MILLION, null);
        Display d = Display.getCurrent();
        while (s.isBusy()) {
            if (!d.readAndDispatch()) {
                d.sleep();
            }
        }
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IViewPart old = page.findView(ViewIds.FAULT_LOG);
        if (old != null) {
            page.hideView(old);
        }
        while (d.readAndDispatch()) {
            // let the hide settle
        }
        long[] painted = {0};
        long t0 = System.nanoTime();
        try {
            FaultLogView v = (FaultLogView) page.showView(ViewIds.FAULT_LOG);
            v.getTable().getTable().addListener(SWT.Paint, e -> {
                if (painted[0] == 0) {
                    painted[0] = System.nanoTime();
                }
            });
            v.getTable().redraw();
            long until = System.currentTimeMillis() + 30_000;
            while (painted[0] == 0 && System.currentTimeMillis() < until) {
                if (!d.readAndDispatch()) {
                    d.timerExec(5, () -> { });
                    d.sleep();
                }
            }
            if (v.getTable().rowCount() != s.state().faultLog().size()) {
                throw new IllegalStateException("fault log shows " + v.getTable().rowCount() + " rows");
            }
        } catch (PartInitException | RuntimeException e) {
            System.out.println("mmwb-bench faultlog failed: " + e);
            PlatformUI.getWorkbench().close();
            return;
        }
        report("faultlog", (painted[0] - t0) / 1_000_000);
    }

    private static void report(String name, long ms) {
        System.out.println("mmwb-bench " + name + " " + ms);
        System.out.flush();
        Display.getCurrent().asyncExec(() -> PlatformUI.getWorkbench().close());
    }
}
