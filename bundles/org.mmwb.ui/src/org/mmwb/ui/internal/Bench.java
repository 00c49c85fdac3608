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
 * has painted. Each prints one line {@code mmwb-bench NAME MS} and closes the workbench.
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
        }
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
            v.getTable().getViewer().getTable().addListener(SWT.Paint, e -> {
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
