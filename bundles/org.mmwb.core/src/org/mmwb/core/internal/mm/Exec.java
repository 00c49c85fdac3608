package org.mmwb.core.internal.mm;

import java.util.List;
import java.util.Map;

import org.mmwb.core.mm.KernelProfile;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFlags;

/**
 * The address space exec leaves behind (setup_new_exec, setup_arg_pages, arch_setup_additional_pages):
 * [stack], brk, and the profile's special mappings by their placement. No ELF image is mapped.
 */
public final class Exec {
    /** Called after a provider's mapping is installed at exec (e.g. x86 records mm->context.vdso). */
    public interface Installed {
        void installed(SpecialMappingProvider p, VmArea vma);
    }

    private Exec() {
    }

    public static Mm newLayout(MmKernel k, KernelProfile p, Map<String, SpecialMapping> sms, Installed cb) {
        Mm mm = k.newMm(p.levels(), p.taskSize());
        mm.mmapBase = p.mmapBase();
        long top = p.stackTop();
        long stackStart = top - ((long) p.stackPages() << 12);
        Vma stack = new Vma(mm, stackStart, top, stackStart >>> 12, VmFlags.STACK_FLAGS);
        mm.link(stack);
        mm.totalVm += p.stackPages();
        mm.startStack = top - 0x100;
        mm.startBrk = p.startBrk();
        mm.brk = p.startBrk();
        List<SpecialMappingProvider> provs = p.providers();
        for (SpecialMappingProvider prov : provs) {
            Placement pl = prov.placement();
            switch (pl.kind()) {
                case GATE -> mm.gate = new Mm.Gate(pl.address(), pl.address() + ((long) prov.pages() << 12),
                    prov.vmFlags(), prov.name());
                case FIXED -> install(mm, prov, sms.get(prov.name()), pl.address(), cb);
                case TOP_DOWN -> {
                    long total = 0;
                    for (SpecialMappingProvider q : chain(provs, prov)) {
                        total += (long) q.pages() << 12;
                    }
                    long addr = MmapOps.getUnmappedArea(mm, null, 0, total, 0, 0, 0);
                    if (addr < 0) {
                        continue;
                    }
                    for (SpecialMappingProvider q : chain(provs, prov)) {
                        install(mm, q, sms.get(q.name()), addr, cb);
                        addr += (long) q.pages() << 12;
                    }
                }
                default -> { }
            }
        }
        return mm;
    }

    /**
     * The address space a recorded exec left on the live kernel, before its VMAs are mapped one by one: the
     * [stack] at [stackStart, stackEnd) (setup_arg_pages), the layout fields the kernel chose (mmap_base,
     * start_brk, start_stack: arch_pick_mmap_layout and the ELF loader's randomisation) and the profile's gate
     * area. The ELF segments and special mappings are installed afterwards at their recorded addresses.
     */
    public static Mm recordedLayout(MmKernel k, KernelProfile p, long mmapBase, long startBrk, long startStack,
            long stackStart, long stackEnd) {
        Mm mm = k.newMm(p.levels(), p.taskSize());
        mm.mmapBase = mmapBase;
        Vma stack = new Vma(mm, stackStart, stackEnd, stackStart >>> 12, VmFlags.STACK_FLAGS);
        mm.link(stack);
        mm.totalVm += (stackEnd - stackStart) >>> 12;
        mm.startStack = startStack;
        mm.startBrk = startBrk;
        mm.brk = startBrk;
        for (SpecialMappingProvider prov : p.providers()) {
            Placement pl = prov.placement();
            if (pl.kind() == Placement.Kind.GATE) {
                mm.gate = new Mm.Gate(pl.address(), pl.address() + ((long) prov.pages() << 12), prov.vmFlags(),
                    prov.name());
            }
        }
        return mm;
    }

    /** The provider followed by those placed AFTER it, transitively, in order. */
    static List<SpecialMappingProvider> chain(List<SpecialMappingProvider> all, SpecialMappingProvider head) {
        java.util.ArrayList<SpecialMappingProvider> out = new java.util.ArrayList<>();
        out.add(head);
        boolean grew = true;
        while (grew) {
            grew = false;
            String last = out.get(out.size() - 1).name();
            for (SpecialMappingProvider q : all) {
                if (q.placement().kind() == Placement.Kind.AFTER && last.equals(q.placement().after())
                        && !out.contains(q)) {
                    out.add(q);
                    grew = true;
                    break;
                }
            }
        }
        return out;
    }

    static void install(Mm mm, SpecialMappingProvider prov, SpecialMapping sm, long addr, Installed cb) {
        if (sm == null) {
            return;
        }
        long len = (long) prov.pages() << 12;
        Vma v;
        if (prov.legacy()) {
            long[] pages = new long[sm.pageCount()];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = sm.page(i);
            }
            v = SpecialMappings.installLegacy(mm, addr, len, prov.vmFlags(), sm.name(), pages);
        } else {
            v = SpecialMappings.install(mm, addr, len, prov.vmFlags(), sm);
        }
        if (v != null && cb != null) {
            cb.installed(prov, v);
        }
    }
}
