package org.mmwb.ui.internal;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.mmwb.ui.internal.session.ProcessInfo;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.VmaRow;
import org.mmwb.ui.internal.views.AddressSpaceView;
import org.mmwb.ui.internal.views.FaultLogView;

/**
 * Measurements for releng/scripts/ui-bench.sh, run inside the real product when {@code -Dmmwb.bench=...} is set
 * (never in normal use): {@code startup} prints the milliseconds from JVM start to the first window being open
 * (and, as {@code startup-cpu}, the CPU time the process used until then),
 * {@code faultlog} runs a scenario with 2^20 faults, then times opening the Fault Log view on it until its table
 * has painted; {@code scale} opens sessions of real size (1 GiB touched: 262,144 faults; 200,000 VMAs; a live JVM
 * imported with {@code ./mmwb import}, its file given by {@code -Dmmwb.bench.import=FILE}) with every view of
 * {@link #SCALE_VIEWS} open and, for each, times the run, the views from the run's end until the UI is idle, each
 * view brought to the front, a VMA selected, then Step Back, Step and the slider to the middle, each with the
 * longest the UI thread stalled meanwhile; with {@code -Dmmwb.bench.recording=FILE} also a recording of a real
 * program opened (read and replayed to its end), Step Back, Step, the slider to the middle and Step and Step Back
 * there. Each prints lines {@code mmwb-bench NAME MS} and closes the workbench.
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
        // a million faults in one step (SESSIONS=fault-1m): the Fault Log and the Fault Timeline at that size
        {"fault-1m", MILLION},
    };

    /** The views of the {@code scale} measurement: every view that shows a session's size. */
    static final List<String> SCALE_VIEWS = List.of(ViewIds.ADDRESS_SPACE, ViewIds.PAGE_TABLES, ViewIds.ADDRESS_MAP,
            IPageLayout.ID_PROP_SHEET, ViewIds.RESULTS, ViewIds.FAULT_TIMELINE, ViewIds.FAULT_LOG);

    private static void scale() {
        Session s = Session.get();
        Display d = Display.getCurrent();
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        // -Dmmwb.bench.sessions=vma-200k,import measures only those
        List<String> only = List.of(System.getProperty("mmwb.bench.sessions", "touch-1g,vma-200k,import").split(","));
        try {
            for (String id : SCALE_VIEWS) {
                page.showView(id, null, IWorkbenchPage.VIEW_VISIBLE);
            }
            for (String[] sc : SCALE) {
                if (only.contains(sc[0])) {
                    phase(d, s, "scale-" + sc[0], () -> s.openScenario(sc[0] + ".mms", sc[1], null));
                    afterRun(d, s, page, "scale-" + sc[0]);
                    phase(d, s, "scale-" + sc[0] + "-stepback", s::stepBack);
                    phase(d, s, "scale-" + sc[0] + "-step", s::step);
                    phase(d, s, "scale-" + sc[0] + "-slider", () -> s.goTo(s.state().total() / 2));
                }
            }
            // -Dmmwb.bench.recording=FILE: a recording (./mmwb record) opened, stepped back and forth, slid
            String recording = System.getProperty("mmwb.bench.recording");
            if (recording != null && only.contains("recording")) {
                phase(d, s, "scale-recording", () -> s.open(java.nio.file.Path.of(recording)));
                if (!s.isRecording() || s.state().total() == 0) {
                    throw new IllegalStateException("the recording did not open: " + s.state().status());
                }
                System.out.println("mmwb-bench note: " + s.state().total() + " steps, " + s.state().faultLog().size()
                        + " faults; " + s.verdict());
                afterRun(d, s, page, "scale-recording");
                System.out.println("mmwb-bench note: " + s.state().status());
                phase(d, s, "scale-recording-stepback", s::stepBack);
                System.out.println("mmwb-bench note: " + s.state().status());
                phase(d, s, "scale-recording-step", s::step);
                phase(d, s, "scale-recording-slider", () -> s.goTo(s.state().total() / 2));
                System.out.println("mmwb-bench note: " + s.state().status());
                phase(d, s, "scale-recording-step-mid", s::step);
                phase(d, s, "scale-recording-stepback-mid", s::stepBack);
                System.out.println("mmwb-bench note: " + s.state().status());
            }
            String imported = System.getProperty("mmwb.bench.import");
            if (imported != null && only.contains("import")) {
                phase(d, s, "scale-import", () -> s.importReport(java.nio.file.Path.of(imported)));
                afterRun(d, s, page, "scale-import");
                if (s.state().processes().isEmpty()) {
                    throw new IllegalStateException("the import failed: " + s.state().status());
                }
            }
        } catch (PartInitException | RuntimeException e) {
            System.out.println("mmwb-bench scale failed: " + e);
        }
        report("scale", 0);
    }

    /**
     * Times {@code action} until the views are idle; prints NAME-run (the action and the job it started, if any),
     * NAME-views (from there until idle: the views catching up), NAME-maxstall (the longest the UI thread did not
     * answer) and NAME-uicpu (the CPU time of the UI thread meanwhile).
     */
    private static void phase(Display d, Session s, String name, Runnable action) {
        long t0 = System.nanoTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long[] t = waitIdle(d, s, action);
        print(name + "-run", (t[2] - t0) / 1_000_000);
        print(name + "-views", t[1]);
        print(name + "-maxstall", t[0]);
        // what the UI thread itself computed: on a loaded machine a stall is longer than its CPU time
        print(name + "-uicpu", (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000);
    }

    /**
     * What a user does once a run is shown: each view brought to the front (NAME-switch: the slowest from the click
     * to idle, and its longest stall), and the last VMA of the largest process selected (Address Space publishes it,
     * Page Tables walks it, Address Map selects it, Properties shows it: NAME-select).
     */
    private static void afterRun(Display d, Session s, IWorkbenchPage page, String name) throws PartInitException {
        long worst = 0;
        long worstStall = 0;
        for (String id : SCALE_VIEWS) {
            long t0 = System.nanoTime();
            long[] t = waitIdle(d, s, () -> {
                try {
                    page.showView(id);
                } catch (PartInitException e) {
                    throw new IllegalStateException(e);
                }
            });
            worst = Math.max(worst, (t[2] - t0) / 1_000_000 + t[1]);
            worstStall = Math.max(worstStall, t[0]);
            System.out.println("mmwb-bench note: switch to " + id + " " + ((t[2] - t0) / 1_000_000 + t[1])
                    + " ms, stall " + t[0] + " ms");
        }
        print(name + "-switch", worst);
        print(name + "-switch-maxstall", worstStall);
        AddressSpaceView space = (AddressSpaceView) page.showView(ViewIds.ADDRESS_SPACE);
        ProcessInfo big = s.state().processes().stream().max((a, b) -> a.vmas().size() - b.vmas().size())
                .orElse(null);
        VmaRow last = big == null ? null : big.vmas().stream().filter(v -> !v.gate()).reduce((a, b) -> b)
                .orElse(null);
        if (last != null) {
            phase(d, s, name + "-select", () -> space.selectVma(last.pid(), last.start()));
        }
    }

    /**
     * Runs {@code action}, then dispatches events until the session's job (if it started one) is done and the UI
     * has nothing left to do. Returns the longest gap between two ticks of a 20 ms timer (how long the UI thread
     * was unresponsive, the action itself included), the milliseconds from the job's end until idle (the views
     * catching up with the new state), and the nanoTime of the job's end.
     */
    private static long[] waitIdle(Display d, Session s, Runnable action) {
        long[] last = {System.nanoTime()};
        long[] maxGap = {0};
        boolean[] on = {true};
        boolean[] ticked = {false};
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            long now = System.nanoTime();
            maxGap[0] = Math.max(maxGap[0], now - last[0]);
            last[0] = now;
            ticked[0] = true;
            if (on[0]) {
                d.timerExec(20, tick[0]);
            }
        };
        d.timerExec(20, tick[0]);
        action.run(); // on the UI thread: what it takes counts as a stall at the next tick
        long until = System.currentTimeMillis() + 300_000;
        while (s.isBusy() && System.currentTimeMillis() < until) {
            if (!d.readAndDispatch()) {
                d.sleep();
            }
        }
        long done = System.nanoTime();
        // idle: ten looks 10 ms apart find no event (the views have painted what the new state shows)
        long lastEvent = done;
        int quiet = 0;
        long idleUntil = System.currentTimeMillis() + 30_000; // views still busy after 30 s: report 30 s and go on
        while (quiet < 10 && System.currentTimeMillis() < Math.min(until, idleUntil)) {
            ticked[0] = false;
            if (d.readAndDispatch()) {
                if (!ticked[0]) { // the timer's own tick is no work of the views
                    lastEvent = System.nanoTime();
                    quiet = 0;
                }
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
        on[0] = false;
        if (quiet < 10) { // what kept the UI busy: a dialog, a view that repaints for ever?
            StringBuilder shells = new StringBuilder();
            for (org.eclipse.swt.widgets.Shell sh : d.getShells()) {
                shells.append(" [").append(sh.getText()).append(sh.isVisible() ? "" : " (hidden)").append(']');
            }
            System.out.println("mmwb-bench note: not idle after 30 s; shells:" + shells);
        }
        return new long[] {maxGap[0] / 1_000_000, (lastEvent - done) / 1_000_000, done};
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
