package org.mmwb.x86;

import java.util.Set;

import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.MmStruct;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmArea;
import org.mmwb.core.mm.VmFlags;

/**
 * [vdso]: 2 pages of the vDSO image after [vvar_vclock], VM_READ|VM_EXEC|VM_MAYREAD|VM_MAYWRITE|VM_MAYEXEC,
 * served from a pages array; its .mremap (vdso_mremap) records the new address in mm->context.vdso.
 * (6.18's x86 resolves the same pages with vdso_fault setting vmf->page; the result is the same.)
 */
public final class VdsoProvider extends AbstractProvider {
    static final long FLAGS = VmFlags.READ | VmFlags.EXEC | VmFlags.MAYREAD | VmFlags.MAYWRITE | VmFlags.MAYEXEC;

    private final String profile;

    public VdsoProvider() {
        this(X86Profiles.X86_64_6_18, Placement.after("[vvar_vclock]"));
    }

    VdsoProvider(String profile, Placement placement) {
        super("[vdso]", 2, FLAGS, placement, Set.of(profile));
        this.profile = profile;
    }

    @Override
    public SpecialMapping create(Kernel kernel) {
        long p0 = kernel.allocKernelPage();
        long p1 = kernel.allocKernelPage();
        // the image starts with the ELF magic
        kernel.writeKernelPage(p0, 0, (byte) 0x7f);
        kernel.writeKernelPage(p0, 1, (byte) 'E');
        kernel.writeKernelPage(p0, 2, (byte) 'L');
        kernel.writeKernelPage(p0, 3, (byte) 'F');
        return new SpecialMapping(name(), new long[] {p0, p1}, null, VdsoProvider::vdsoMremap, null, CONTRIBUTOR);
    }

    /** vdso_mremap: current->mm->context.vdso = new_vma->vm_start. */
    static int vdsoMremap(SpecialMapping sm, VmArea newVma) {
        newVma.mm().setContextVdso(newVma.start());
        return 0;
    }

    @Override
    public void installed(MmStruct mm, VmArea vma) {
        mm.setContextVdso(vma.start());
    }

    @Override
    public String toString() {
        return name() + " (" + profile + ")";
    }
}
