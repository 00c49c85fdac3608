package org.mmwb.releng.idecheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.junit.JUnitCore;
import org.eclipse.jdt.junit.TestRunListener;
import org.eclipse.jdt.junit.model.ITestCaseElement;
import org.eclipse.jdt.junit.model.ITestElement;
import org.eclipse.jdt.junit.model.ITestRunSession;
import org.eclipse.pde.core.target.ITargetDefinition;
import org.eclipse.pde.core.target.ITargetPlatformService;
import org.eclipse.pde.core.target.LoadTargetDefinitionJob;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The plugin guide's IDE steps (docs/plugin-guide.md, section 9) done by Eclipse itself, headless, on a project that
 * {@code ./mmwb new-plugin} generated: import its projects, make {@code ide.target} the active target platform, build
 * with no problem marker, run the shipped JUnit Plug-in Test launch in debug mode with a breakpoint in the provider's
 * {@code fault}, and (with {@code --workbench}, which needs a display) the shipped workbench launch likewise.
 * Arguments: {@code DIR ID [--workbench]}. Exit 0 when every step held; each step prints one line.
 */
public final class IdeCheck implements IApplication {
    private static final long LAUNCH_TIMEOUT_MS = 240_000;

    private final List<String> failures = new ArrayList<>();

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        if (args.length < 2) {
            say("usage: DIR ID [--workbench]");
            return 2;
        }
        Path dir = Path.of(args[0]);
        String id = args[1];
        boolean workbench = args.length > 2 && args[2].equals("--workbench");
        IWorkspace ws = ResourcesPlugin.getWorkspace();
        IWorkspaceDescription description = ws.getDescription();
        description.setAutoBuilding(false);
        ws.setDescription(description);

        importProjects(ws, dir);
        if (setTarget(ws, id)) {
            build(ws);
            IFile provider = providerSource(ws.getRoot().getProject(id));
            int line = lineOf(provider, "if (vmf.pgoff() == 0)");
            String type = id + "." + provider.getName().replace(".java", "");
            JDIDebugModel.createLineBreakpoint(provider, type, line, -1, -1, 0, true, null);
            say("breakpoint: " + type + " line " + line);
            runTests(ws, id);
            if (workbench) {
                runWorkbench(ws, id);
            }
        }
        failures.forEach(f -> say("FAIL: " + f));
        say(failures.isEmpty() ? "ok" : failures.size() + " step(s) failed");
        return failures.isEmpty() ? IApplication.EXIT_OK : Integer.valueOf(1);
    }

    /** File > Import > Existing Projects into Workspace, "Search for nested projects", not copied. */
    private void importProjects(IWorkspace ws, Path dir) throws CoreException, IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, 4)) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals(".project"))
                    .filter(f -> !f.toString().contains("/target/")).sorted().toList()) {
                IProjectDescription pd = ws.loadProjectDescription(org.eclipse.core.runtime.Path.fromOSString(p.toString()));
                IProject project = ws.getRoot().getProject(pd.getName());
                project.create(pd, null);
                project.open(null);
                names.add(pd.getName());
            }
        }
        say("imported " + names.size() + " projects: " + String.join(", ", names));
        if (names.size() != 3) {
            failures.add("expected 3 projects (plugin, tests, target-platform), imported " + names.size());
        }
    }

    /** Open ide.target, resolve it, "Set as Active Target Platform". */
    private boolean setTarget(IWorkspace ws, String id) throws CoreException, InterruptedException {
        IFile file = ws.getRoot().getProject(id + ".target-platform").getFile("ide.target");
        if (!file.exists()) {
            failures.add("no " + file.getFullPath());
            return false;
        }
        BundleContext bc = FrameworkUtil.getBundle(IdeCheck.class).getBundleContext();
        ServiceReference<ITargetPlatformService> ref = bc.getServiceReference(ITargetPlatformService.class);
        ITargetDefinition target = bc.getService(ref).getTarget(file).getTargetDefinition();
        IStatus status = target.resolve(new NullProgressMonitor());
        int bundles = target.getBundles() == null ? 0 : target.getBundles().length;
        say("ide.target: " + target.getName() + ", " + target.getTargetLocations().length + " locations, " + bundles
            + " bundles, status " + status.getMessage());
        if (status.getSeverity() == IStatus.ERROR || bundles == 0) {
            failures.add("ide.target does not resolve: " + status);
            return false;
        }
        LoadTargetDefinitionJob job = new LoadTargetDefinitionJob(target);
        job.schedule();
        job.join();
        if (!job.getResult().isOK()) {
            failures.add("Set as Active Target Platform failed: " + job.getResult());
            return false;
        }
        say("active target platform: " + target.getName());
        return true;
    }

    /** A full build; the Problems view must be empty (no error, no warning). */
    private void build(IWorkspace ws) throws CoreException, InterruptedException {
        waitForJobs();
        ws.build(IncrementalProjectBuilder.FULL_BUILD, new NullProgressMonitor());
        waitForJobs();
        IMarker[] markers = ws.getRoot().findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_INFINITE);
        int shown = 0;
        for (IMarker m : markers) {
            int severity = m.getAttribute(IMarker.SEVERITY, IMarker.SEVERITY_INFO);
            if (severity >= IMarker.SEVERITY_WARNING) {
                shown++;
                say("  problem: " + (severity == IMarker.SEVERITY_ERROR ? "error" : "warning") + " "
                    + m.getResource().getFullPath() + ":" + m.getAttribute(IMarker.LINE_NUMBER, 0) + " "
                    + m.getAttribute(IMarker.MESSAGE, ""));
            }
        }
        say("build: " + shown + " problems (errors and warnings)");
        if (shown > 0) {
            failures.add(shown + " problems after the build");
        }
    }

    /** The shipped JUnit Plug-in Test launch, in debug mode: all tests pass and the breakpoint in fault is hit. */
    private void runTests(IWorkspace ws, String id) throws CoreException, InterruptedException {
        IFile file = ws.getRoot().getProject(id + ".tests").getFile(id + " tests.launch");
        AtomicInteger ok = new AtomicInteger();
        List<String> bad = new CopyOnWriteArrayList<>();
        AtomicInteger sessions = new AtomicInteger();
        TestRunListener junit = new TestRunListener() {
            @Override
            public void testCaseFinished(ITestCaseElement test) {
                if (test.getTestResult(false) == ITestElement.Result.OK) {
                    ok.incrementAndGet();
                } else {
                    bad.add(test.getTestMethodName() + ": " + test.getTestResult(false) + " " + test.getFailureTrace());
                }
            }

            @Override
            public void sessionFinished(ITestRunSession session) {
                sessions.incrementAndGet();
            }
        };
        JUnitCore.addTestRunListener(junit);
        BreakpointHits hits = new BreakpointHits();
        try {
            launch(file, hits);
        } finally {
            JUnitCore.removeTestRunListener(junit);
            hits.close();
        }
        say("tests launch: " + ok.get() + " passed, " + bad.size() + " failed, sessions finished " + sessions.get());
        bad.forEach(b -> say("  " + b));
        say("tests launch: breakpoint hit " + hits.frames.size() + " times" + hits.first());
        if (ok.get() == 0 || !bad.isEmpty() || sessions.get() != 1) {
            failures.add("the tests launch did not pass");
        }
        if (hits.frames.isEmpty() || !hits.frames.get(0).contains("fault")) {
            failures.add("the breakpoint in fault was not hit by the tests launch");
        }
    }

    /** The shipped workbench launch, in debug mode: the workbench runs demo.mms and faults in the plugin's handler. */
    private void runWorkbench(IWorkspace ws, String id) throws CoreException, InterruptedException {
        IFile file = ws.getRoot().getProject(id).getFile(id + " in the mmwb workbench.launch");
        BreakpointHits hits = new BreakpointHits();
        hits.terminateAfter = 2; // demo.mms faults both pages, then the workbench would wait for its user
        try {
            launch(file, hits);
        } finally {
            hits.close();
        }
        say("workbench launch: breakpoint hit " + hits.frames.size() + " times" + hits.first());
        if (hits.frames.size() < 2 || !hits.frames.get(0).contains("Running demo.mms")) {
            failures.add("the workbench launch did not run demo.mms through the plugin's fault handler");
        }
    }

    private void launch(IFile file, BreakpointHits hits) throws CoreException, InterruptedException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfiguration config = manager.getLaunchConfiguration(file);
        if (!config.exists()) {
            failures.add("no launch configuration " + file.getFullPath());
            return;
        }
        ILaunch launch = config.launch(ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
        hits.launch = launch;
        long deadline = System.currentTimeMillis() + LAUNCH_TIMEOUT_MS;
        while (!launch.isTerminated() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        if (!launch.isTerminated()) {
            launch.terminate();
            failures.add(config.getName() + " did not end within " + LAUNCH_TIMEOUT_MS / 1000 + " s");
        }
    }

    /** Records where each breakpoint suspended (thread, frame, variables) and resumes. */
    private static final class BreakpointHits implements IDebugEventSetListener {
        final List<String> frames = new CopyOnWriteArrayList<>();
        volatile ILaunch launch;
        int terminateAfter = Integer.MAX_VALUE;

        BreakpointHits() {
            DebugPlugin.getDefault().addDebugEventListener(this);
        }

        @Override
        public void handleDebugEvents(DebugEvent[] events) {
            for (DebugEvent e : events) {
                if (e.getKind() == DebugEvent.SUSPEND && e.getDetail() == DebugEvent.BREAKPOINT
                        && e.getSource() instanceof IJavaThread thread) {
                    try {
                        IJavaStackFrame top = (IJavaStackFrame) thread.getTopStackFrame();
                        List<String> vars = new ArrayList<>();
                        for (IVariable v : top.getVariables()) {
                            vars.add(v.getName());
                        }
                        frames.add("thread \"" + thread.getName() + "\" in " + top.getDeclaringTypeName() + "."
                            + top.getMethodName() + " line " + top.getLineNumber() + ", variables " + vars);
                        if (frames.size() >= terminateAfter && launch != null) {
                            launch.terminate();
                        } else {
                            thread.resume();
                        }
                    } catch (DebugException ex) {
                        frames.add("(frame unreadable: " + ex.getMessage() + ")");
                    }
                }
            }
        }

        String first() {
            return frames.isEmpty() ? "" : "; first: " + frames.get(0);
        }

        void close() {
            DebugPlugin.getDefault().removeDebugEventListener(this);
        }
    }

    private static IFile providerSource(IProject project) throws CoreException {
        List<IFile> sources = new ArrayList<>();
        project.getFolder("src").accept(r -> {
            if (r instanceof IFile f && f.getName().endsWith("Provider.java")) {
                sources.add(f);
            }
            return true;
        });
        if (sources.size() != 1) {
            throw new IllegalStateException("expected one *Provider.java in " + project.getName() + ", found " + sources);
        }
        return sources.get(0);
    }

    private static int lineOf(IFile file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file.getLocation().toFile().toPath());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("'" + text + "' not in " + file.getFullPath());
    }

    private static void waitForJobs() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Job.getJobManager().isIdle() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
    }

    private static void say(String line) {
        System.out.println("ide-check: " + line);
        System.out.flush();
    }

    @Override
    public void stop() {
        // runs to completion
    }
}
