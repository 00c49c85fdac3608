package org.mmwb.ui.internal.session;

import java.util.List;

import org.mmwb.core.mm.VmFlags;
import org.mmwb.ui.internal.widgets.addrmap.AddressBand;
import org.mmwb.ui.internal.widgets.addrmap.BandKind;

/**
 * One VMA of one process as the views show it: the /proc/PID/maps columns, VmFlags, the pagemap letters and,
 * for a special mapping, the provider that contributed it. Simulated and imported sessions both produce these.
 *
 * @param pid      the process
 * @param start    vm_start
 * @param end      vm_end
 * @param perms    "rw-p"
 * @param offset   the maps offset column in bytes (file offset, 0 for anonymous memory)
 * @param name     "[vdso]", "/memfd:f (deleted)", ""
 * @param vmFlags  raw VM_* bits, or -1 when unknown (imported sessions carry only the mnemonics)
 * @param flags    the smaps VmFlags mnemonics in kernel order
 * @param pages    one pagemap letter per page (. Z A a F G), "" when unknown
 * @param gate     the gate area ([vsyscall]), outside the VMA tree
 * @param provider contributor of the special mapping's provider, or "" for ordinary VMAs
 */
public record VmaRow(int pid, long start, long end, String perms, long offset, String name, long vmFlags,
        List<String> flags, String pages, boolean gate, String provider) {

    /** Normalizes nulls. */
    public VmaRow {
        perms = perms == null ? "----" : perms;
        name = name == null ? "" : name;
        flags = flags == null ? List.of() : List.copyOf(flags);
        pages = pages == null ? "" : pages;
        provider = provider == null ? "" : provider;
    }

    /** Bytes covered. */
    public long size() {
        return end - start;
    }

    /** Whether addr lies inside (unsigned compare: the gate area sorts last). */
    public boolean contains(long addr) {
        return Long.compareUnsigned(addr, start) >= 0 && Long.compareUnsigned(addr, end) < 0;
    }

    /** Resident pages as smaps Rss counts them: anon and file pages, not the shared zero page or markers. */
    public long residentPages() {
        long n = 0;
        for (int i = 0; i < pages.length(); i++) {
            char c = pages.charAt(i);
            if (c == 'A' || c == 'a' || c == 'F') {
                n++;
            }
        }
        return n;
    }

    /** A special mapping (a provider's, or the gate area): these stand out in every view. */
    public boolean isSpecial() {
        return gate || !provider.isEmpty();
    }

    /** VM_IO or VM_PFNMAP device memory. */
    public boolean isIo() {
        if (vmFlags >= 0) {
            return (vmFlags & (VmFlags.IO | VmFlags.PFNMAP)) != 0 && !isSpecial();
        }
        return (flags.contains("io") || flags.contains("pf")) && !isSpecial();
    }

    /** The colour class of the address map. */
    public BandKind kind() {
        if (isSpecial()) {
            return BandKind.SPECIAL;
        }
        if (isIo()) {
            return BandKind.IO;
        }
        if (name.equals("[stack]") || flags.contains("gd")) {
            return BandKind.STACK;
        }
        if (name.equals("[heap]")) {
            return BandKind.HEAP;
        }
        if (name.startsWith("/")) {
            return BandKind.FILE;
        }
        return perms.startsWith("---") ? BandKind.GUARD : BandKind.ANON;
    }

    /** The band of the address map for this VMA. */
    public AddressBand band() {
        return new AddressBand(start, end, kind(), name, perms);
    }

    /** "[vdso]", "/memfd:f (deleted)" or "[anon]" for the title of a selection. */
    public String displayName() {
        return name.isEmpty() ? "[anon]" : name;
    }
}
