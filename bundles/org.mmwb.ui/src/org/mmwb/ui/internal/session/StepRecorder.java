package org.mmwb.ui.internal.session;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.core.mm.Kernel;
import org.mmwb.scenario.Op;
import org.mmwb.scenario.OpRecord;

/**
 * Records each step of a replay for the Results view: the result, the faults taken and what changed. Long
 * scenarios record the changes of the last steps only (a probe reads every VMA and, for small page tables, every
 * PTE), so a replay of many steps stays quick; the faults are counted for every step.
 */
final class StepRecorder {

    /** Scenarios up to this many operations get every step's VMA changes; longer ones the last steps'. */
    static final int DETAILED_OPS = 2000;
    /** Steps before the target whose changes are always recorded. */
    static final int DETAILED_TAIL = 16;

    private final Kernel kernel;
    private final List<StepRecord> steps;
    private MmProbe before;
    /** The probe after the previous step: the kernel has not changed since, so it serves as the next "before". */
    private MmProbe last;
    private long faultsBefore;

    /** Appends to a copy of {@code sofar} (the records of the steps already run on this kernel). */
    StepRecorder(Kernel kernel, List<StepRecord> sofar) {
        this.kernel = kernel;
        this.steps = new ArrayList<>(sofar);
    }

    /** Call before running step {@code index} of a replay to step {@code target} of {@code total}. */
    void before(int index, int target, int total) {
        boolean tail = index >= target - DETAILED_TAIL;
        long budget = tail ? MmProbe.PTE_TABLE_BUDGET : MmProbe.PTE_TABLE_BUDGET_EARLY;
        if (total > DETAILED_OPS && !tail) {
            before = null;
        } else if (last != null && (last.ptes != null || !tail || last.tablePages > MmProbe.PTE_TABLE_BUDGET)) {
            before = last; // (a new probe would not read the PTEs of tables over the budget either)
        } else {
            before = MmProbe.take(kernel, budget);
        }
        last = null;
        faultsBefore = kernel.faultCount();
    }

    /** Call after the step ran. */
    StepRecord after(int index, Op op, OpRecord rec) {
        List<StepChange> changes = List.of();
        if (before != null) {
            last = MmProbe.take(kernel, before.ptes != null ? MmProbe.PTE_TABLE_BUDGET : 0);
            changes = StepDiff.compare(before, last);
            if (last.ptes == null && kernel.faultCount() > faultsBefore) {
                changes = new ArrayList<>(changes);
                changes.add(new StepChange(StepChange.Kind.NOTE, 0, -1, "PTE changes are not listed: the page tables "
                        + "have " + last.tablePages + " pages, more than the " + MmProbe.PTE_TABLE_BUDGET
                        + " compared per step; the faults below show what was mapped"));
            }
        }
        StepRecord r = new StepRecord(index, op, rec, faultsBefore, kernel.faultCount(), changes, before != null);
        steps.add(r);
        before = null;
        return r;
    }

    /** The records so far. */
    List<StepRecord> steps() {
        return List.copyOf(steps);
    }
}
