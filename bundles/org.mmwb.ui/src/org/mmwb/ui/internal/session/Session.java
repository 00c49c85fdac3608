package org.mmwb.ui.internal.session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.mm.KernelProfile;
import org.mmwb.host.InputFileException;
import org.mmwb.record.Recording;
import org.mmwb.record.RecordingException;
import org.mmwb.record.replay.Replayer;
import org.mmwb.scenario.Diagnostic;
import org.mmwb.scenario.Op;
import org.mmwb.scenario.OpRecord;
import org.mmwb.scenario.ParseResult;
import org.mmwb.scenario.RunReport;
import org.mmwb.scenario.Scenario;
import org.mmwb.scenario.ScenarioRunner;
import org.mmwb.scenario.ScenarioRunner.Execution;
import org.mmwb.scenario.sim.SimulatorTarget;
import org.mmwb.ui.internal.prefs.Prefs;

/**
 * The workbench's simulation session, which every view observes: a scenario (from a .mms file, a bundled sample or
 * the editor) replayed on the simulator up to a step, a recording of a real program (docs/recording.md) replayed up
 * to a step ({@link RecordingSession}: each exec, fork, exit, system call and fault is one), or a read-only imported
 * report.
 *
 * <p>Replay is deterministic, so "go to step N" (Step Back, Reset, the slider, Run) builds a fresh simulator and
 * runs the first N operations in a {@link Job} with progress and cancel; the views keep showing the previous state
 * until the new one is published. Step runs one operation of the published simulator on the UI thread. All public
 * methods are called on the UI thread; listeners are notified there.
 */
public final class Session {

    /** Told about every new state, on the UI thread. */
    @FunctionalInterface
    public interface Listener {
        /** The session has a new state. */
        void changed(SessionState state);
    }

    /** Job family of replay jobs (to join or cancel them). */
    public static final Object JOB_FAMILY = Session.class;

    private static Session instance;

    private final Executor ui;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final PluginFailures failures = new PluginFailures();
    private SessionState state = SessionState.EMPTY;
    private Scenario scenario;
    private String text = "";
    private Path path;
    private SimulatorTarget target;
    private Execution exec;
    private StepRecorder recorder;
    private List<StepRecord> steps = List.of();
    private List<Diagnostic> diagnostics = List.of();
    private Job job;
    /** Whether the job reads a step's changes ({@link #step}); Step pressed meanwhile is counted here. */
    private boolean stepping;
    private int queuedSteps;
    /** The open recording and its published replay (both null unless a recording is open). */
    private RecordingSession recording;
    private Replayer replayer;
    /** The probe after the last step of the published replay (the next step's "before"), or null. */
    private MmProbe lastProbe;

    /** A session whose listeners run through {@code ui} (the display's asyncExec in the workbench). */
    public Session(Executor ui) {
        this.ui = ui;
    }

    /** The workbench's session. */
    public static synchronized Session get() {
        if (instance == null) {
            Display d = Display.getDefault();
            instance = new Session(r -> {
                if (!d.isDisposed()) {
                    d.asyncExec(r);
                }
            });
        }
        return instance;
    }

    /** The state the views show. */
    public SessionState state() {
        return state;
    }

    /** The scenario being replayed, or null. */
    public Scenario scenario() {
        return scenario;
    }

    /** The scenario's text ("" for imported sessions). */
    public String text() {
        return text;
    }

    /** The file the session came from, or null (sample, editor buffer). */
    public Path path() {
        return path;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** The executed steps of the published state, in order (the Results view's rows). */
    public List<StepRecord> steps() {
        return steps;
    }

    /** The problems of the scenario that was opened last (empty when it ran). */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Whether a replay job runs. */
    public boolean isBusy() {
        return job != null;
    }

    /** The running replay job, or null. */
    public Job job() {
        return job;
    }

    /** Whether Run/Step/Step Back apply (a scenario or a recording is open and the session is not an import). */
    public boolean canStep() {
        return (scenario != null || recording != null) && !state.readOnly();
    }

    /** The verdict in few words (what fits a view's title): "S/S' system calls, F/F' faults reproduced, ...". */
    public String shortVerdict() {
        return recording == null || replayer == null ? null : recording.shortVerdict(replayer);
    }

    /** The first fault of each shown step of a recording (the timeline's ticks), null for a scenario. */
    public long[] stepStarts() {
        return recording == null ? null : recording.stepStarts(steps.size());
    }

    /** Whether the session is a recording (its steps are its recorded events, not scenario lines). */
    public boolean isRecording() {
        return recording != null;
    }

    /**
     * The fidelity verdict of the open recording's replay (docs/recording.md: "S/S' system calls ..., F/F' recorded
     * faults ..., final maps identical") at the end, the figures so far before it; null without a recording.
     */
    public String verdict() {
        return recording == null || replayer == null ? null : recording.verdict(replayer);
    }

    // ------------------------------------------------------------------------------------------------ opening

    /**
     * Opens a file: a recording (named *.mmwb-rec, or starting with a recording's header) replayed to its end, a
     * {@code .json} report read-only, anything else as a .mms scenario, run to its end. Problems (unreadable file,
     * parse errors) become the status line, never exceptions.
     *
     * @return the parser's diagnostics (empty when the file opened)
     */
    public List<Diagnostic> open(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (SessionInput.isRecording(file)) {
            openRecording(file);
            return List.of();
        }
        if (name.endsWith(".json")) {
            importReport(file);
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = SessionInput.scenario(file);
        } catch (InputFileException e) {
            return failedOpen(name, file, SessionInput.problem(e, file, name).message());
        }
        // the parser decodes the bytes itself, so binary junk gets FILE:LINE:COL as on the command line
        ParseResult r = ScenarioLanguage.parser().parse(name, bytes);
        return openParsed(name, r.ok() ? new String(bytes, StandardCharsets.UTF_8) : "", file, r);
    }

    private List<Diagnostic> failedOpen(String name, Path file, String why) {
        cancel();
        closeRecording();
        scenario = null;
        target = null;
        exec = null;
        path = file;
        Diagnostic d = new Diagnostic(name, 1, 1, why);
        diagnostics = List.of(d);
        steps = List.of();
        publish(new SessionState(name, true, null, null, List.of(), List.of(), 0, 0, d + " - nothing ran", false));
        return diagnostics;
    }

    /**
     * Opens scenario text and runs it to its end. A malformed scenario runs nothing: the state says where the
     * first error is and the diagnostics are returned (the editor shows them as annotations).
     */
    public List<Diagnostic> openScenario(String title, String source, Path file) {
        return openParsed(title, source, file, ScenarioLanguage.parser().parse(title, source));
    }

    private List<Diagnostic> openParsed(String title, String source, Path file, ParseResult r) {
        cancel();
        closeRecording();
        this.text = source;
        this.path = file;
        failures.reset();
        diagnostics = r.diagnostics();
        steps = List.of();
        if (!r.ok()) {
            scenario = null;
            target = null;
            exec = null;
            Diagnostic first = r.diagnostics().get(0);
            publish(new SessionState(title, true, null, null, List.of(), List.of(), 0, 0,
                    first + (r.diagnostics().size() > 1 ? "  (+" + (r.diagnostics().size() - 1) + " more)" : "")
                            + " - nothing ran", false));
            return r.diagnostics();
        }
        scenario = withPreferences(r.scenario(), source);
        goTo(scenario.ops().size());
        return List.of();
    }

    /**
     * Replays the open scenario's text with the current preferences (profile, levels, fault log limit) to the step
     * shown, so a preference change applies at once.
     */
    public void reopen() {
        if (recording != null) {
            goTo(state.position());
            return;
        }
        if (scenario == null) {
            return;
        }
        int at = state.position();
        ParseResult r = ScenarioLanguage.parser().parse(scenario.fileName(), text);
        if (r.ok()) {
            scenario = withPreferences(r.scenario(), text);
            goTo(at);
        }
    }

    /**
     * Opens a JSON report (./mmwb run --json, ./mmwb import PID) read-only. It is read in a job: the report of a
     * large process is megabytes of JSON.
     */
    public void importReport(Path file) {
        if (SessionInput.isRecording(file)) {
            openRecording(file);
            return;
        }
        cancel();
        closeRecording();
        String title = String.valueOf(file.getFileName());
        scenario = null;
        target = null;
        exec = null;
        text = "";
        path = file;
        diagnostics = List.of();
        steps = List.of();
        start("Importing " + title, true, "Importing " + title + " ...", monitor -> {
            monitor.subTask("reading " + file);
            try {
                RunReport report = SessionInput.report(file);
                List<StepRecord> rows = ImportedSession.steps(report);
                SessionState built = ImportedSession.state(title, report);
                return () -> {
                    steps = rows;
                    publish(built);
                };
            } catch (InputFileException e) {
                Diagnostic d = SessionInput.problem(e, file, title);
                return () -> importFailed(title, d);
            } catch (OutOfMemoryError e) {
                // what was built is garbage now: the heap is free again
                return () -> importFailed(title, new Diagnostic(title, 1, 1, "too large for the workbench's Java"
                        + " heap (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB): start it with"
                        + " MMWB_JAVA_OPTS=-Xmx8g"));
            }
        });
    }

    /**
     * Opens a recording: read and replayed to its end in a job (progress, cancel) for the fidelity verdict, then
     * shown at the step before the exits it ends with ({@link RecordingSession#openAt()}), where the processes are
     * as they ended. A malformed recording replays nothing: the status line and the Results view say FILE:LINE and
     * why, as {@code ./mmwb replay} does.
     */
    public void openRecording(Path file) {
        cancel();
        closeRecording();
        String title = String.valueOf(file.getFileName());
        scenario = null;
        target = null;
        exec = null;
        recorder = null;
        text = "";
        path = file;
        failures.reset();
        diagnostics = List.of();
        steps = List.of();
        start("Replaying " + title, true, "Reading and replaying the recording " + title + " ...", progress -> {
            SubMonitor monitor = SubMonitor.convert(progress, 3);
            monitor.subTask("reading " + file);
            long t0 = System.nanoTime();
            Recording rec;
            try {
                rec = SessionInput.recording(file);
            } catch (RecordingException e) {
                Diagnostic d = SessionInput.problem(e, file, title);
                return () -> recordingFailed(title, d);
            }
            KernelProfile profile = ProviderCatalog.installed().defaultProfile();
            if (profile == null) {
                return () -> recordingFailed(title, new Diagnostic(title, 1, 1, "no kernel profile is installed"));
            }
            RecordingSession rs = new RecordingSession(file, rec, profile, System.nanoTime() - t0);
            // to the end for the verdict, then (a second replay) to before the exits that end every process
            monitor.worked(1);
            Replayer r = rs.replay(rs.total(), Prefs.current().faultLogLimit(), monitor.split(1));
            if (r != null && rs.openAt() < rs.total()) {
                r = rs.replay(rs.openAt(), Prefs.current().faultLogLimit(), monitor.split(1));
            }
            if (r == null) {
                return () -> publish(state.withBusy(false).withStatus("Cancelled while replaying " + title));
            }
            Replayer shown = r;
            SessionState built = rs.state(r);
            List<StepRecord> rows = rs.steps(r.position());
            return () -> {
                recording = rs;
                replayer = shown;
                lastProbe = null;
                steps = rows;
                publish(built.withStatus(built.status() + String.format(" (read in %.0f ms)", rs.readNanos / 1e6)
                        + (rec.complete() ? "" : "  WARNING: the recording is INCOMPLETE (events were lost or it was "
                                + "cut short)")));
            };
        });
    }

    private void closeRecording() {
        recording = null;
        replayer = null;
        lastProbe = null;
    }

    private void recordingFailed(String title, Diagnostic why) {
        diagnostics = List.of(why);
        steps = List.of();
        publish(new SessionState(title, true, null, null, List.of(), List.of(), 0, 0, "Cannot open " + title + ":"
                + why.line() + ": " + why.message() + " - nothing replayed", false));
    }

    private void importFailed(String title, Diagnostic why) {
        diagnostics = List.of(why);
        publish(new SessionState(title, true, null, null, List.of(), List.of(), 0, 0, "Cannot import " + why, false));
    }

    /** Without a {@code kernel} line the preferences choose the profile and paging levels. */
    static Scenario withPreferences(Scenario s, String source) {
        if (hasKernelLine(source)) {
            return s;
        }
        Prefs.Values p = Prefs.current();
        KernelProfile profile = p.profile().isEmpty() ? s.profile() : ProviderCatalog.installed().profile(p.profile());
        if (profile == null) {
            return s;
        }
        int levels = Math.min(p.levels(), profile.maxLevels());
        return new Scenario(s.fileName(), profile, levels, s.ops(), s.ram());
    }

    static boolean hasKernelLine(String source) {
        for (String line : source.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            return t.startsWith("kernel ") || t.equals("kernel");
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ stepping

    /** Runs to the end. */
    public void run() {
        if (recording != null) {
            goTo(recording.total());
        } else if (scenario != null) {
            goTo(scenario.ops().size());
        }
    }

    /**
     * Runs one more operation of the published simulator on the UI thread (the only place it is ever mutated), then
     * reads what it changed and builds the new state in a job: that reading is O(VMAs), and the views go on showing
     * (and reading) the kernel meanwhile, which only this method mutates and not while a job runs.
     */
    public void step() {
        if (!canStep()) {
            return;
        }
        if (isBusy()) {
            if (stepping) {
                queuedSteps++; // F6 pressed again while the last step is read: it runs next
            }
            return;
        }
        if (recording != null) {
            stepRecording();
            return;
        }
        if (exec == null) {
            goTo(1);
            return;
        }
        if (exec.hasNext()) {
            Execution e = exec;
            SimulatorTarget t = target;
            StepRecorder rec = recorder;
            Scenario s = scenario;
            int index = e.position();
            Op op = e.peek();
            rec.before(index, index + 1, s.ops().size());
            OpRecord done = e.step();
            stepping = true;
            // a step is quick: the state shown is not marked busy, so Step stays enabled (and queues)
            start("Reading step " + (index + 1), false, null, monitor -> {
                rec.after(index, op, done);
                SessionState built = build(s, t, e);
                List<StepRecord> records = rec.steps();
                return () -> {
                    steps = records;
                    publish(built);
                    failures.check(t.kernel());
                    if (queuedSteps > 0) {
                        queuedSteps--;
                        step();
                    }
                };
            }, e);
        }
    }

    /**
     * One more step of the published replay on the UI thread (a system call or a fault is microseconds; an exec
     * touches its present pages), with its changes probed; the state is built in a short job, as a scenario's.
     */
    private void stepRecording() {
        RecordingSession rs = recording;
        Replayer r = replayer;
        if (r == null) {
            goTo(1);
            return;
        }
        if (!r.hasNext()) {
            return;
        }
        MmProbe after = rs.stepDetailed(r, lastProbe);
        lastProbe = after;
        stepping = true;
        start("Reading step " + r.position(), false, null, monitor -> {
            SessionState built = rs.state(r);
            List<StepRecord> rows = rs.steps(r.position());
            return () -> {
                steps = rows;
                publish(built);
                if (queuedSteps > 0) {
                    queuedSteps--;
                    step();
                }
            };
        }, r);
    }

    /** Goes back one operation: replays the scenario to the previous step. */
    public void stepBack() {
        if (canStep() && state.position() > 0) {
            goTo(state.position() - 1);
        }
    }

    /** Back to the freshly exec'd process: no operation run. */
    public void reset() {
        if (canStep()) {
            goTo(0);
        }
    }

    /** Replays the scenario on a fresh simulator up to step {@code n} (clamped), in a cancellable job. */
    public void goTo(int n) {
        if (recording != null) {
            goToRecording(n);
            return;
        }
        if (scenario == null) {
            return;
        }
        cancel();
        Scenario s = scenario;
        int steps = Math.max(0, Math.min(n, s.ops().size()));
        start("Running " + s.fileName() + " to step " + steps, steps > 0, "Running " + s.fileName() + " to step "
                + steps + " ...", monitor -> {
                    SubMonitor sub = SubMonitor.convert(monitor, steps);
                    SimulatorTarget t;
                    try {
                        t = open(s);
                    } catch (RuntimeException e) {
                        return () -> publish(state.withBusy(false).withStatus(s.fileName() + ": " + e.getMessage()));
                    }
                    Execution e = ScenarioRunner.start(s, t);
                    StepRecorder rec = new StepRecorder(t.kernel(), List.of());
                    while (e.position() < steps && e.hasNext()) {
                        if (sub.isCanceled()) {
                            return () -> publish(state.withBusy(false).withStatus("Cancelled at step " + e.position()
                                    + " of " + steps));
                        }
                        Op op = e.peek();
                        int index = e.position();
                        sub.subTask("line " + op.line() + ": " + op.name());
                        rec.before(index, steps, s.ops().size());
                        rec.after(index, op, e.step());
                        sub.worked(1);
                    }
                    SessionState built = build(s, t, e);
                    List<StepRecord> records = rec.steps();
                    return () -> {
                        target = t;
                        exec = e;
                        recorder = rec;
                        Session.this.steps = records;
                        publish(built);
                        failures.check(t.kernel());
                    };
                });
    }

    /** Replays the recording on a fresh simulator up to step n (clamped), in a cancellable job. */
    private void goToRecording(int n) {
        cancel();
        RecordingSession rs = recording;
        int to = Math.max(0, Math.min(n, rs.total()));
        start("Replaying " + rs.title + " to step " + to, to > 0, "Replaying " + rs.title + " to step " + to + " ...",
                monitor -> {
                    Replayer r = rs.replay(to, Prefs.current().faultLogLimit(), monitor);
                    if (r == null) {
                        return () -> publish(state.withBusy(false).withStatus("Cancelled before step " + to));
                    }
                    SessionState built = rs.state(r);
                    List<StepRecord> rows = rs.steps(to);
                    return () -> {
                        replayer = r;
                        lastProbe = null;
                        steps = rows;
                        publish(built);
                    };
                });
    }

    /** What a session job does off the UI thread; it returns what to do on the UI thread when it is done. */
    @FunctionalInterface
    private interface Work {
        Runnable run(IProgressMonitor monitor);
    }

    /**
     * Runs {@code work} in a cancellable job of {@link #JOB_FAMILY} (the state shown is marked busy meanwhile, with
     * {@code status}, unless that is null) and applies its result on the UI thread, unless another job has replaced
     * it by then.
     */
    private void start(String name, boolean user, String status, Work work) {
        start(name, user, status, work, null);
    }

    /**
     * The same; when {@code of} is given (the execution or recording replay a step job reads), the result applies
     * also after a cancel, as long as no other job started and the session still shows it: its kernel has run the
     * step, so the state must say so.
     */
    private void start(String name, boolean user, String status, Work work, Object of) {
        Job[] self = new Job[1];
        self[0] = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                Runnable done;
                try {
                    done = work.run(monitor);
                } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError x) {
                    done = failed(name, x);
                }
                Runnable apply = done;
                ui.execute(() -> {
                    if (job == self[0] || of != null && job == null && (exec == of || replayer == of)) {
                        job = null;
                        stepping = false;
                        apply.run();
                    }
                });
                return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JOB_FAMILY;
            }
        };
        job = self[0];
        job.setUser(user);
        job.setSystem(status == null); // a step's quick reading is no work to show in the progress area
        if (status != null) {
            publish(state.withBusy(true).withStatus(status));
        }
        job.schedule();
    }

    /**
     * A job that failed inside (a bug, or a plugin's failure the engine did not contain): the Error Log gets the
     * stack trace, the status line one sentence; the previous state stays and no dialog opens, so an edited
     * scenario is never lost to it.
     */
    private Runnable failed(String what, Throwable x) {
        String message = what + " failed: " + x + " (details in the Error Log)";
        org.eclipse.core.runtime.ILog.of(Session.class).error(message, x);
        return () -> publish(state.withBusy(false).withStatus(message));
    }

    /** Cancels a running replay (the previous state stays). */
    public void cancel() {
        Job j = job;
        queuedSteps = 0;
        stepping = false;
        if (j != null) {
            job = null;
            j.cancel();
            if (state.busy()) {
                publish(state.withBusy(false));
            }
        }
    }

    /** A simulator for the scenario's profile and levels. */
    static SimulatorTarget open(Scenario s) {
        return SimulatorTarget.open(s, ProviderCatalog.installed().resolver(), Prefs.current().faultLogLimit());
    }

    /** The state of a simulator after {@code e.position()} operations (job or UI thread; the kernel is idle). */
    static SessionState build(Scenario s, SimulatorTarget t, Execution e) {
        int pos = e.position();
        String status;
        if (pos == 0) {
            status = "Step 0 of " + s.ops().size() + ": the process as exec left it";
        } else {
            Op op = s.ops().get(pos - 1);
            String result = "";
            List<OpRecord> results = e.partial().results();
            if (!results.isEmpty() && results.get(results.size() - 1).line() == op.line()) {
                OpRecord rec = results.get(results.size() - 1);
                result = " -> " + (rec.results().size() == 1 ? rec.result().text()
                        : rec.results().stream().map(x -> x.text()).distinct().toList().toString());
            }
            status = "Step " + pos + " of " + s.ops().size() + ": line " + op.line() + " " + op.name() + result;
            if (result.contains("SIGKILL(KERNEL)") && !t.kernel().oomKills().isEmpty()) {
                status += "  (the OOM killer: " + (t.kernel().ramPages() >> 8) + " MiB of RAM were used up; "
                        + "the Results view says why)";
            }
        }
        KernelProfile p = t.kernel().profile();
        return new SessionState(s.fileName(), false, t.kernel(), t.kernel().faultLog(),
                KernelStates.processes(t.kernel()), t.kernel().providers(), pos, s.ops().size(),
                status + "   [" + p.name() + ", " + p.levels() + "-level paging, "
                        + t.kernel().faultCount() + " faults]", false);
    }

    private void publish(SessionState s) {
        state = s;
        for (Listener l : listeners) {
            try {
                l.changed(s);
            } catch (RuntimeException ex) {
                org.eclipse.core.runtime.ILog.of(Session.class).error("A session listener failed", ex);
            }
        }
    }

    /** Messages sent to the Error Log for this session (for tests). */
    public java.util.Set<String> loggedFailures() {
        return failures.logged();
    }
}
