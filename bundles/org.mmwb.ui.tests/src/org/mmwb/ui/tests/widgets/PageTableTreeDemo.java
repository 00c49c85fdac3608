package org.mmwb.ui.tests.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mmwb.core.internal.pgtable.PageTable;
import org.mmwb.core.internal.pgtable.Pte;
import org.mmwb.ui.internal.widgets.pgtable.PageTableTree;
import org.mmwb.ui.internal.widgets.pgtable.PtEntry;

/**
 * Visual check of {@link PageTableTree}: 4-level tables of a process with a few thousand PTEs (program image,
 * heap, an anonymous arena, a huge PMD, libc, [vvar]/[vvar_vclock]/[vdso], a guard marker, a PROT_NONE page,
 * stack); screenshots of vtop walks that reach a PTE, stop at an empty PMD entry, and end at a huge leaf.
 */
public final class PageTableTreeDemo {

    private PageTableTreeDemo() {
    }

    static final long ANON = Pte.PRESENT | Pte.RW | Pte.USER | Pte.ACCESSED | Pte.DIRTY | Pte.SOFT_DIRTY | Pte.NX;
    static final long RO = Pte.PRESENT | Pte.USER | Pte.ACCESSED | Pte.NX;
    static final long RX = Pte.PRESENT | Pte.USER | Pte.ACCESSED;

    /** Fills a page table like a running process's. */
    static PageTable makeTable() {
        PageTable pt = new PageTable(4);
        long pfn = 0x1000;
        long image = 0x5598_0442_5000L;
        for (int i = 0; i < 12; i++) {
            pt.set(image + i * 4096L, Pte.mk(pfn++, i < 2 ? RO : i < 7 ? RX : ANON));
        }
        long heap = 0x5598_0471_b000L;
        for (int i = 0; i < 33; i++) {
            pt.set(heap + i * 4096L, Pte.mk(pfn++, ANON));
        }
        long arena = 0x7f2c_0922_1000L;
        for (int i = 0; i < 3000; i++) {
            pt.set(arena + i * 4096L, Pte.mk(pfn++, ANON));
        }
        pt.setHugePmd(0x7f2c_0940_0000L + 0x0200_0000L, Pte.mk(0x40000, ANON | Pte.PSE));
        long libc = 0x7f2c_492a_6000L;
        for (int i = 0; i < 400; i++) {
            pt.set(libc + i * 4096L, Pte.mk(0x8000 + i, i < 38 ? RO : RX));
        }
        pt.set(0x7f2c_4929_a000L, Pte.guardMarker());
        pt.set(0x7f2c_4929_b000L, Pte.mk(pfn++, Pte.PROTNONE | Pte.USER | Pte.ACCESSED | Pte.NX));
        long vvar = 0x7f2c_4949_3000L;
        pt.set(vvar, Pte.mk(0x1c2e, RO | Pte.SPECIAL));
        pt.set(vvar + 2 * 4096, Pte.mk(0x1c30, RO | Pte.SPECIAL));
        pt.set(vvar + 4 * 4096, Pte.mk(0xfed00, RO | Pte.SPECIAL | Pte.PCD));
        pt.set(vvar + 6 * 4096, Pte.mk(0x1c40, RX));
        pt.set(vvar + 7 * 4096, Pte.mk(0x1c41, RX));
        long stack = 0x7fff_0dec_8000L;
        for (int i = 0; i < 33; i++) {
            pt.set(stack + i * 4096L, Pte.mk(pfn++, ANON));
        }
        return pt;
    }

    /** Runs the demo. */
    public static void main(String[] args) {
        PageTable pt = makeTable();
        Display d = new Display();
        Shell shell = Shots.shell(d, "Page Tables", 1240, 760);
        PageTableTree tree = new PageTableTree(shell, SWT.NONE);
        tree.setInput(pt);
        shell.open();
        Shots.settle(d, 300);
        PtEntry e = tree.revealAddress(0x7f2c_0922_1000L + 1234 * 4096L + 0x10);
        System.out.println("walk 1 -> " + e + " raw " + Long.toHexString(tree.rawEntry(e)));
        Shots.save(shell, "pgtable-1-vtop-pte");
        e = tree.revealAddress(0x7f2c_4949_3000L + 0x4000 + 0x0f0);
        System.out.println("walk 2 -> " + e);
        Shots.save(shell, "pgtable-2-vtop-vvar-io");
        e = tree.revealAddress(0x7f2c_0b40_0000L + 0x5123);
        System.out.println("walk 3 -> " + e);
        Shots.save(shell, "pgtable-3-vtop-huge");
        e = tree.revealAddress(0x7f2c_1000_0000L);
        System.out.println("walk 4 -> " + e);
        Shots.save(shell, "pgtable-4-vtop-stops");
        d.dispose();
    }
}
