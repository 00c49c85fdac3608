package org.mmwb.ui.internal.session;

import java.util.List;

import org.mmwb.scenario.Op;
import org.mmwb.scenario.OpRecord;

/**
 * One executed scenario line (or step of a recording) as the Results view lists it: the operation, its result and
 * what it changed.
 *
 * @param index      the operation's index in the scenario (step {@code index + 1})
 * @param op         the operation (null for a line of an imported report, which has only its record)
 * @param record     its result(s), null for an operation that reports none ({@code dump})
 * @param firstFault the fault sequence number of the step's first fault
 * @param endFault   one past its last fault ({@code endFault - firstFault} faults were taken)
 * @param changes    VMAs and PTEs added, removed or changed, in the order found; empty when not recorded
 * @param detailed   whether the changes were recorded (long runs record them for the last steps only)
 * @param remark     what a step of a recording did or why it differs from the kernel, shown first; null for none
 * @param differs    a step of a recording that the simulator did not reproduce (marked in the Results view)
 */
public record StepRecord(int index, Op op, OpRecord record, long firstFault, long endFault, List<StepChange> changes,
        boolean detailed, String remark, boolean differs) {

    public StepRecord {
        changes = List.copyOf(changes);
    }

    /** A scenario's step. */
    public StepRecord(int index, Op op, OpRecord record, long firstFault, long endFault, List<StepChange> changes,
            boolean detailed) {
        this(index, op, record, firstFault, endFault, changes, detailed, null, false);
    }

    /**
     * Hashes the step's position and faults, not its record's results (a million for a 4 GiB touch) or changes:
     * steps are hash keys in the views on every paint. Equal steps still hash equal.
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(index, firstFault, endFault, detailed, differs);
    }

    /** The scenario line. */
    public int line() {
        return op != null ? op.line() : record != null ? record.line() : 0;
    }

    /** The operation's name. */
    public String opName() {
        return op != null ? op.name() : record != null ? record.op() : "";
    }

    /** Faults taken by this step. */
    public long faults() {
        return endFault - firstFault;
    }

    /** The result as the JSON prints it ("0x7f..", "ok", "[ok, SIGSEGV(ACCERR)]"), "" for none. */
    public String resultText() {
        if (record == null || record.results().isEmpty()) {
            return "";
        }
        if (record.results().size() == 1) {
            return record.result().text();
        }
        return record.results().stream().map(r -> r.text()).distinct().toList().toString();
    }

    /** "split 0x..-0x.. ...; 3 PTEs installed, 1 changed; 2 faults": what the step did, on one line. */
    public String summary() {
        StringBuilder sb = new StringBuilder(remark == null ? "" : remark);
        long installed = 0;
        long changed = 0;
        long zapped = 0;
        int vma = 0;
        for (StepChange c : changes) {
            switch (c.kind()) {
                case PTE_INSTALLED -> installed += c.count();
                case PTE_CHANGED -> changed += c.count();
                case PTE_ZAPPED -> zapped += c.count();
                case VMA, TASK -> {
                    if (vma++ < 2) {
                        sb.append(sb.isEmpty() ? "" : "; ").append(c.text());
                    }
                }
                default -> {
                }
            }
        }
        if (vma > 2) {
            sb.append(" (+").append(vma - 2).append(" more)");
        }
        StringBuilder pte = new StringBuilder();
        if (installed > 0) {
            pte.append(installed).append(installed == 1 ? " PTE" : " PTEs").append(" installed");
        }
        if (changed > 0) {
            pte.append(pte.isEmpty() ? changed + (changed == 1 ? " PTE" : " PTEs") : ", " + changed).append(" changed");
        }
        if (zapped > 0) {
            pte.append(pte.isEmpty() ? zapped + (zapped == 1 ? " PTE" : " PTEs") : ", " + zapped).append(" zapped");
        }
        if (!pte.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "; ").append(pte);
        }
        if (faults() > 0) {
            sb.append(sb.isEmpty() ? "" : "; ").append(faults()).append(faults() == 1 ? " fault" : " faults");
        }
        if (sb.isEmpty() && op != null) {
            sb.append(detailed ? "nothing changed" : "(changes not recorded for early steps of a long run)");
        }
        return sb.toString();
    }
}
