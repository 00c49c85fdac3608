package org.mmwb.ui.internal.views;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.mmwb.core.mm.ReadOnlyFaultLog;
import org.mmwb.core.mm.VmFaultResult;
import org.mmwb.scenario.Diagnostic;
import org.mmwb.scenario.OpResult;
import org.mmwb.ui.internal.ViewIds;
import org.mmwb.ui.internal.editor.ScenarioEditors;
import org.mmwb.ui.internal.session.ProcessInfo;
import org.mmwb.ui.internal.session.Session;
import org.mmwb.ui.internal.session.SessionState;
import org.mmwb.ui.internal.session.StepChange;
import org.mmwb.ui.internal.session.StepRecord;
import org.mmwb.ui.internal.views.ResultRows.Child;
import org.mmwb.ui.internal.views.ResultRows.PageResult;
import org.mmwb.ui.internal.views.ResultRows.Pages;
import org.mmwb.ui.internal.widgets.SelectionRelay;
import org.mmwb.ui.internal.widgets.faultlog.FaultRef;
import org.mmwb.ui.internal.widgets.rows.TreeRows;
import org.mmwb.ui.internal.widgets.rows.TreeTable;

/**
 * Results: every executed line of the scenario with its pid, operation and result, and under it what the step
 * changed (VMAs, PTEs, processes, why a merge did not happen), the faults it took and the per-page results of a
 * {@code touch}. A scenario that does not parse lists its problems instead. Selecting a row shows its line in the
 * open scenario editor (opening one on double-click); a fault or VMA under a step is selected in the other views.
 * The rows are a {@link TreeTable}: a run of a million steps or a touch of a million pages costs only the rows
 * shown.
 */
public final class ResultsView extends SessionView {

    /** View id (plugin.xml). */
    public static final String ID = ViewIds.RESULTS;

    private record Column(String title, String sample, boolean right, Function<Object, String> text) {
    }

    private TreeTable table;
    private ResultRows rows = new ResultRows(List.of(), List.of(), null);
    /**
     * What a step's per-page results come to (its result text, whether one failed, the pages' summary), computed
     * once: a touch of 4 GiB has a million results, and the labels are asked for on every paint.
     */
    private final Map<Object, Object> resultFacts = new IdentityHashMap<>();
    private final Map<StepRecord, Boolean> failedSteps = new IdentityHashMap<>();
    /** The rows under each step shown so far: by identity, a record's hash would hash all its page results. */
    private final Map<StepRecord, List<Object>> children = new IdentityHashMap<>();
    private Color errorFg;
    private Color quietFg;
    private final SelectionRelay relay = new SelectionRelay();

    private final List<Column> columns = List.of(
            new Column("step", "9999999", true, o -> o instanceof StepRecord s ? String.valueOf(s.index() + 1)
                    : o instanceof Diagnostic ? "error" : ""),
            new Column("line", "line 999", true, o -> o instanceof StepRecord s ? String.valueOf(s.line())
                    : o instanceof Diagnostic d ? d.line() + ":" + d.column() : ""),
            new Column("pid", "pid", true, o -> o instanceof StepRecord s && s.record() != null
                    ? String.valueOf(s.record().pid()) : o instanceof Child c && c.item() instanceof StepChange sc
                            && sc.pid() > 0 ? String.valueOf(sc.pid()) : o instanceof Child c
                                    && c.item() instanceof FaultRef f ? String.valueOf(f.pid()) : ""),
            new Column("operation", "not merged", false, this::operation),
            new Column("result", "SIGSEGV(ACCERR)", false, this::result),
            new Column("what changed", "x".repeat(90), false, this::changed));

    @Override
    protected Control createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        table = new TreeTable(parent, SWT.NONE, SWT.NONE);
        errorFg = Display.getCurrent().getSystemColor(SWT.COLOR_RED);
        quietFg = Display.getCurrent().getSystemColor(SWT.COLOR_DARK_GRAY);
        for (Column c : columns) {
            table.addColumn(c.title(), c.sample(), c.right() ? SWT.RIGHT : SWT.LEFT);
        }
        table.addSelectListener(o -> {
            reveal(o, false);
            relay.fire(linked(o));
        });
        table.addOpenListener(o -> reveal(o, true));
        getSite().setSelectionProvider(relay);
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> {
            Object o = table.selection();
            if (o instanceof StepRecord s && (s.op() != null || Session.get().isRecording())
                    && Session.get().canStep()) {
                m.add(new Action("Run to Here (step " + (s.index() + 1) + ")") {
                    @Override
                    public void run() {
                        Session.get().goTo(s.index() + 1);
                    }
                });
            }
            if ((o instanceof StepRecord || o instanceof Diagnostic) && !Session.get().isRecording()) {
                m.add(new Action("Show Line in Editor") {
                    @Override
                    public void run() {
                        reveal(o, true);
                    }
                });
            }
        });
        table.getTable().setMenu(menu.createContextMenu(table.getTable()));
        return table;
    }

    private final TreeTable.Labels labels = new TreeTable.Labels() {
        @Override
        public String text(Object element, int column) {
            return columns.get(column).text().apply(element);
        }

        @Override
        public Color foreground(Object element, int column) {
            return ResultsView.this.foreground(element);
        }

        @Override
        public String tooltip(Object element, int column) {
            String t = changed(element);
            return t.length() > 80 ? t : null;
        }
    };

    /** Steps (or problems), then what a step changed, its faults and its pages. */
    private final TreeRows.Model model = new TreeRows.Model() {
        @Override
        public int childCount(Object parent) {
            return switch (parent) {
                case null -> rows.top().size();
                case StepRecord s -> childrenOf(s).size();
                case Child c when c.item() instanceof Pages p -> p.step().record().results().size();
                default -> 0;
            };
        }

        @Override
        public Object child(Object parent, int index) {
            return switch (parent) {
                case null -> rows.top().get(index);
                case StepRecord s -> childrenOf(s).get(index);
                case Child c when c.item() instanceof Pages p -> new PageResult(p, index,
                        p.step().record().results().get(index));
                default -> throw new IllegalArgumentException("no children: " + parent);
            };
        }
    };

    private String operation(Object o) {
        if (o instanceof StepRecord s) {
            return s.opName();
        }
        if (o instanceof Child c) {
            return switch (c.item()) {
                case StepChange sc -> switch (sc.kind()) {
                    case VMA -> "VMA";
                    case NO_MERGE -> "not merged";
                    case PTE_INSTALLED, PTE_CHANGED, PTE_ZAPPED -> "PTE";
                    case TASK -> "process";
                    case NOTE -> "why";
                };
                case FaultRef f -> "fault " + f.seq();
                case Pages p -> "pages";
                default -> "";
            };
        }
        return o instanceof PageResult p ? "page " + p.index() : "";
    }

    private String result(Object o) {
        if (o instanceof StepRecord s) {
            return (String) resultFacts.computeIfAbsent(s, k -> s.resultText());
        }
        if (o instanceof PageResult p) {
            return p.result().text();
        }
        if (o instanceof Child c && c.item() instanceof FaultRef f && rows.log() != null && inLog(f.seq())) {
            return VmFaultResult.describe(rows.log().result(f.seq()));
        }
        return "";
    }

    private String changed(Object o) {
        return switch (o) {
            case StepRecord s -> s.summary();
            case Diagnostic d -> d.message();
            case PageResult p -> "+0x" + Long.toHexString((long) p.index() << 12) + " from the first page";
            case Child c -> switch (c.item()) {
                case StepChange sc -> sc.text();
                case FaultRef f -> fault(f);
                case Pages p -> (String) resultFacts.computeIfAbsent(p, k -> String.format("%,d per-page results: %s",
                        p.step().record().results().size(), p.summary()));
                default -> String.valueOf(c.item());
            };
            default -> "";
        };
    }

    private String fault(FaultRef f) {
        ReadOnlyFaultLog log = rows.log();
        if (log == null || !inLog(f.seq())) {
            return "0x" + Long.toHexString(f.address());
        }
        long s = f.seq();
        String pfn = log.pfn(s) == ReadOnlyFaultLog.NO_PFN ? "" : " -> pfn 0x" + Long.toHexString(log.pfn(s));
        return ReadOnlyFaultLog.accessName(log.access(s)) + " 0x" + Long.toHexString(f.address()) + ": "
                + log.name(log.path(s)) + " (" + log.name(log.handler(s)) + ")" + pfn;
    }

    private boolean inLog(long seq) {
        return seq >= rows.log().firstSeq() && seq < rows.log().nextSeq();
    }

    private Color foreground(Object o) {
        if (o instanceof Diagnostic) {
            return errorFg;
        }
        if (o instanceof StepRecord s && (s.differs() || s.record() != null && failed(s))) {
            return errorFg;
        }
        if (o instanceof PageResult p && isFailure(List.of(p.result()))) {
            return errorFg;
        }
        return o instanceof Child c && c.item() instanceof String ? quietFg : null;
    }

    private boolean failed(StepRecord s) {
        return failedSteps.computeIfAbsent(s, k -> isFailure(k.record().results()));
    }

    private static boolean isFailure(List<OpResult> rs) {
        for (OpResult r : rs) {
            if (r.kind() != OpResult.Kind.OK && r.kind() != OpResult.Kind.VALUE && r.kind() != OpResult.Kind.PID) {
                return true;
            }
        }
        return false;
    }

    /** What the other views should follow for a row: a fault, the VMA a change is about, or the step itself. */
    private Object linked(Object o) {
        if (o instanceof Child c) {
            if (c.item() instanceof FaultRef f) {
                return f;
            }
            if (c.item() instanceof StepChange sc && sc.address() != -1) {
                ProcessInfo p = shown().process(sc.pid());
                Object v = p == null ? null : p.vmaAt(sc.address());
                return v != null ? v : c.step();
            }
            return c.step();
        }
        return o instanceof PageResult p ? p.pages().step() : o;
    }

    private void reveal(Object o, boolean open) {
        int line = 0;
        int col = 1;
        if (o instanceof Diagnostic d) {
            line = d.line();
            col = Math.max(1, d.column());
        } else if (o instanceof StepRecord s) {
            line = s.line();
        } else if (o instanceof Child c) {
            line = c.step().line();
        } else if (o instanceof PageResult p) {
            line = p.pages().step().line();
        }
        if (line > 0) {
            ScenarioEditors.reveal(getSite().getWorkbenchWindow(), line, col, open);
        }
    }

    @Override
    protected void show(SessionState state) {
        Session s = Session.get();
        rows = new ResultRows(s.steps(), s.diagnostics(), state.faultLog());
        children.clear();
        resultFacts.clear();
        failedSteps.clear();
        table.setInput(model, labels);
        if (rows.diagnostics().isEmpty() && !rows.steps().isEmpty()) {
            select(rows.steps().get(rows.steps().size() - 1)); // the step just run, at the bottom
        }
        String title = state.title();
        if (!rows.diagnostics().isEmpty()) {
            int n = rows.diagnostics().size();
            setContentDescription(title + ": " + n + (n == 1 ? " problem" : " problems") + ", nothing ran");
        } else {
            String verdict = s.shortVerdict();
            setContentDescription(title.isEmpty() ? "" : verdict != null ? verdict + "  (" + title + ": "
                    + rows.steps().size() + " of " + state.total() + " steps replayed)" : title + ": "
                    + rows.steps().size() + " of "
                    + Math.max(state.total(), rows.steps().size()) + " lines executed"
                    + (state.readOnly() && state.kernel() == null ? " (imported)" : ""));
        }
    }

    /**
     * Selects a row (a step, a problem, or a row under a step), opening its step, and tells the other views as a
     * click does.
     *
     * @return whether the row is shown
     */
    public boolean select(Object row) {
        return table.select(pathOf(row), true);
    }

    /** The path of a row in the tree, or null. */
    private int[] pathOf(Object row) {
        return switch (row) {
            case StepRecord s -> new int[] {topIndex(s)};
            case Diagnostic d -> new int[] {indexOf(rows.diagnostics(), d)};
            case Child c -> new int[] {topIndex(c.step()), indexOf(childrenOf(c.step()), c)};
            case null, default -> null;
        };
    }

    /** The position of a step among the rows (its index when every step from the first is listed). */
    private int topIndex(StepRecord s) {
        List<StepRecord> steps = rows.steps();
        int i = s.index();
        return i >= 0 && i < steps.size() && steps.get(i) == s ? i : indexOf(steps, s);
    }

    private static int indexOf(List<?> list, Object o) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == o) { // identity: a step's record would compare every page result
                return i;
            }
        }
        return -1;
    }

    /** Opens a step's row (for tests). */
    public void open(StepRecord s) {
        table.open(topIndex(s));
    }

    private List<Object> childrenOf(StepRecord s) {
        return children.computeIfAbsent(s, rows::children);
    }

    /** The table (for tests). */
    public TreeTable getTable() {
        return table;
    }

    /** The rows shown (for tests). */
    public ResultRows rows() {
        return rows;
    }

    /** The rows under a step (for tests). */
    public List<Object> childrenOfStep(StepRecord s) {
        return childrenOf(s);
    }

    /** The text of a row's column (for tests): 0 step, 1 line, 2 pid, 3 operation, 4 result, 5 what changed. */
    public String text(Object row, int column) {
        return columns.get(column).text().apply(row);
    }
}
