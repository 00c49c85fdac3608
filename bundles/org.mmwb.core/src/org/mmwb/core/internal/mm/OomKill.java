package org.mmwb.core.internal.mm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.mm.Signals;

/**
 * The OOM killer, mm/oom_kill.c, as the page allocator's slow path calls it (__alloc_pages_may_oom):
 * out_of_memory -> select_bad_process, which picks the live task with the highest oom_badness (RSS + page-table
 * pages; oom_score_adj is 0 for all, ties go to the task met last, the newest) -> oom_kill_process, which sends it
 * SIGKILL; the oom_reaper frees its memory at once. Not modelled: memory cgroups, oom_score_adj, swap.
 */
public final class OomKill implements MmKernel.OomKiller {
    private final PhysMem phys;
    private final Collection<TaskImpl> tasks;
    private final List<String> kills = new ArrayList<>();

    /** @param tasks every task of the kernel, live or not (a live view) */
    public OomKill(MmKernel k, Collection<TaskImpl> tasks) {
        this.phys = k.phys;
        this.tasks = tasks;
    }

    /**
     * out_of_memory for an allocation of current: select_bad_process and oom_kill_process. Returns true if another
     * task died (retry the allocation); false if current was chosen or nothing could be killed, with its SIGKILL
     * pending ({@link Mm#oomKilled}: it dies when the operation returns).
     */
    @Override
    public boolean outOfMemory(Mm current) {
        TaskImpl victim = selectBadProcess();
        if (victim == null) {
            current.oomKilled = true;
            return false;
        }
        Mm vm = victim.engineMm();
        long rss = vm.residentPages();
        long pgtables = vm.pageTable().pgtablesBytes() / 4096;
        kills.add(String.format("Out of memory: Killed process %d total-vm:%dkB, rss:%dkB, pgtables:%dkB "
            + "(RAM %d pages, %d in use, %d page-table pages)", victim.pid(), vm.totalVm() * 4, rss * 4,
            pgtables * 4, phys.ramFrames(), phys.allocatedFrames(), phys.pgtableFrames()));
        if (vm == current) {
            current.oomKilled = true;
            return false;
        }
        oomKillProcess(victim);
        return true;
    }

    /** select_bad_process: the live task with the highest oom_badness; on a tie the one met last. */
    private TaskImpl selectBadProcess() {
        TaskImpl victim = null;
        long best = -1;
        for (TaskImpl t : tasks) {
            Mm m = t.engineMm();
            if (m == null) {
                continue;
            }
            long points = oomBadness(m);
            if (points >= best) {
                best = points;
                victim = t;
            }
        }
        return victim;
    }

    /** oom_badness without oom_score_adj: RSS + swap entries (none here) + page-table pages. */
    static long oomBadness(Mm mm) {
        return mm.residentPages() + mm.pageTable().pgtablesBytes() / 4096;
    }

    /**
     * oom_kill_process and the oom_reaper: the victim gets SIGKILL and its mm is torn down at once. Also how a
     * task that was chosen while it faulted dies, when its operation returns.
     */
    public static void oomKillProcess(TaskImpl victim) {
        ForkExit.exitMmap(victim.engineMm());
        victim.setMm(null);
        victim.setExitSignal(Signals.SIGKILL);
    }

    /** The OOM killer's messages so far, oldest first (as dmesg's "Out of memory: Killed process ..."). */
    public List<String> kills() {
        return List.copyOf(kills);
    }
}
