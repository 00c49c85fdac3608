package org.mmwb.ui.internal.session;

import java.util.List;

import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.MmStruct;
import org.mmwb.core.mm.PageInfo;
import org.mmwb.core.mm.PageTableView;
import org.mmwb.core.mm.Task;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFlags;

/**
 * crash's {@code vtop} and {@code kmem -p} for one address of one process, as text: canonical or not, the
 * covering VMA (or why there is none), per level the table's address, the index, the entry and its bits, then
 * the frame's struct page and every process that maps it. An address inside a VMA without a PTE is described as
 * the fault that would populate it.
 */
public final class PageInspector {

    private PageInspector() {
    }

    /** The report for {@code va} in task {@code t} of kernel {@code k}. */
    public static String report(Kernel k, Task t, long va) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("vtop 0x%x  (pid %d)%n", va, t.pid()));
        MmStruct mm = t.alive() ? t.mm() : null;
        if (mm == null) {
            return sb.append("the process has exited: no mm, no page tables\n").toString();
        }
        PageTableView pt = mm.pageTable();
        int vaBits = pt.levels() == 5 ? 57 : 48;
        long top = va >> (vaBits - 1);
        if (top != 0 && top != -1) {
            return sb.append(String.format("non-canonical address: bits 63..%d must all equal bit %d (%d-level "
                    + "paging, %d-bit virtual addresses).%nThe CPU raises #GP before any page walk; a user access "
                    + "gets SIGSEGV with si_code SI_KERNEL, never a page fault.%n", vaBits - 1, vaBits - 1,
                    pt.levels(), vaBits)).toString();
        }
        VmArea vma = mm.vmaLookup(va);
        if (vma != null) {
            sb.append(String.format("VMA   0x%x-0x%x %s %s  VmFlags: %s%n", vma.start(), vma.end(),
                    VmFlags.perms(vma.flags()), vma.name().isEmpty() ? "[anon]" : vma.name(),
                    VmFlags.smapsLine(vma.flags())));
        } else if (top == -1) {
            sb.append("kernel address (upper half): no VMA; user mode cannot reach it (a user access faults with "
                    + "the U/S bit clear: SIGSEGV). The model keeps no kernel page tables: the PGD's upper half is "
                    + "not simulated.\n");
        } else if (Long.compareUnsigned(va, mm.taskSize()) >= 0) {
            sb.append(String.format("above TASK_SIZE (0x%x): no VMA can be here%n", mm.taskSize()));
        } else {
            VmArea next = mm.findVma(va);
            sb.append("no VMA: ").append(next == null ? "find_vma finds none above it"
                    : String.format("find_vma gives the next one at 0x%x %s", next.start(),
                            next.name().isEmpty() ? "[anon]" : next.name()));
            sb.append(next != null && (next.flags() & VmFlags.GROWSDOWN) != 0
                    ? ";\na stack access here may grow it (expand_stack), else SIGSEGV (SEGV_MAPERR)\n"
                    : ";\nan access is bad_area: SIGSEGV (SEGV_MAPERR)\n");
        }
        long[] out = new long[pt.levels()];
        int n = pt.walk(va, out);
        int table = pt.root();
        long leaf = 0;
        boolean huge = false;
        sb.append(String.format("%-4s %-20s %5s  %-18s  %s%n", "", "table (simulated)", "index", "entry", "bits"));
        for (int d = 0; d < pt.levels(); d++) {
            int shift = 12 + 9 * (pt.levels() - 1 - d);
            int idx = (int) (va >>> shift) & 511;
            long e = d < n ? out[d] : 0;
            String tableAddr = table >= 0 ? String.format("0x%x", (PageTable.TABLE_PFN_BASE + table) << 12) : "-";
            sb.append(String.format("%-4s %-20s %5d  0x%016x  %s%n", pt.levelName(d).toUpperCase(), tableAddr, idx, e,
                    e == 0 ? "none" : Pte.decode(e) + (d < pt.levels() - 1 && (e & Pte.PSE) == 0 ? " (table)" : "")));
            if (e == 0 || d == pt.levels() - 1) {
                leaf = e;
                break;
            }
            if ((e & Pte.PSE) != 0) {
                leaf = e;
                huge = true;
                break;
            }
            table = pt.child(table, idx);
        }
        if (leaf == 0 || !Pte.present(leaf)) {
            sb.append(notMapped(vma, leaf));
            return sb.toString();
        }
        long pfn = huge ? Pte.pmdPfn(leaf) + ((va >>> 12) & 511) : Pte.pfn(leaf);
        sb.append(String.format("PHYS  0x%x  (pfn 0x%x%s)%n", (pfn << 12) | (va & 0xfff), pfn,
                huge ? ", in a 2 MiB huge page" : ""));
        PageInfo p = k.pageInfo(pfn);
        sb.append(String.format("PAGE  pfn 0x%x: %s, refcount %d, mapcount %d%n", p.pfn(), p.kind(), p.refcount(),
                p.mapcount()));
        if (!p.flags().isEmpty()) {
            sb.append("      flags ").append(String.join("|", p.flags())).append('\n');
        }
        if (!p.mapping().isEmpty() || p.index() >= 0) {
            sb.append(String.format("      mapping %s, index 0x%x%n", p.mapping().isEmpty() ? "-" : p.mapping(),
                    p.index()));
        }
        sb.append(mappers(p.mappings()));
        return sb.toString();
    }

    private static String mappers(List<PageInfo.Mapping> ms) {
        if (ms.isEmpty()) {
            return "      mapped by no user PTE\n";
        }
        StringBuilder sb = new StringBuilder("      mapped by:\n");
        for (PageInfo.Mapping m : ms) {
            sb.append(String.format("        pid %d  0x%x  in 0x%x %s  pte %s%s%n", m.pid(), m.address(), m.vmaStart(),
                    m.vmaName().isEmpty() ? "[anon]" : m.vmaName(), Pte.decode(m.pte()),
                    ms.size() > 1 && !Pte.write(m.pte()) ? "  (read-only: a write copies it, do_wp_page)" : ""));
        }
        return sb.toString();
    }

    /** What the kernel would do on the first access of an unpopulated address inside a VMA. */
    private static String notMapped(VmArea vma, long leaf) {
        if (Pte.isGuardMarker(leaf)) {
            return "a guard marker (MADV_GUARD_INSTALL): any access gets SIGSEGV\n";
        }
        if (vma == null) {
            return "not mapped\n";
        }
        if ((vma.flags() & VmFlags.ACCESS_FLAGS) == 0) {
            return "PROT_NONE VMA: any access is access_error -> SIGSEGV (SEGV_ACCERR)\n";
        }
        if ((vma.flags() & (VmFlags.IO | VmFlags.PFNMAP)) != 0 || vma.specialMapping() != null) {
            return "not faulted in yet (pte_none): the first access calls the mapping's ->fault ("
                    + (vma.specialMapping() != null ? "special_mapping_fault" : "the driver's vm_ops") + ")\n";
        }
        if (vma.isAnonymous()) {
            return "not faulted in yet (pte_none): a read maps the shared zero page, a write a new anonymous page "
                    + "(do_anonymous_page)" + ((vma.flags() & VmFlags.HUGEPAGE) != 0 ? "; VM_HUGEPAGE: a 2 MiB "
                            + "aligned block may get a huge page (do_huge_pmd_anonymous_page)" : "") + "\n";
        }
        return "not faulted in yet (pte_none): a read maps the page-cache page and its cached neighbours "
                + "(do_read_fault, fault-around), a write "
                + ((vma.flags() & VmFlags.SHARED) != 0 ? "maps it writable (do_shared_fault)"
                        : "gets a private copy (do_cow_fault)") + "\n";
    }
}
