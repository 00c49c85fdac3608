package org.mmwb.ui.internal.session;

import org.mmwb.core.internal.mm.Mm;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.mm.Task;

/**
 * Reaches engine internals the public API does not offer yet, in one place: the page table of a task's mm.
 * The engine's {@code Mm} is x-internal; an accessor on {@code MmStruct} or {@code Kernel} would replace this.
 */
public final class EngineAccess {

    private EngineAccess() {
    }

    /** The page table of a live task's mm, or null (exited task, or an mm that is not the engine's). */
    public static PageTable pageTable(Task task) {
        if (task == null || !task.alive()) {
            return null;
        }
        return task.mm() instanceof Mm mm ? mm.pageTable() : null;
    }
}
