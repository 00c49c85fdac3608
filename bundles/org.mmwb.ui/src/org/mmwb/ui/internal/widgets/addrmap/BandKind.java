package org.mmwb.ui.internal.widgets.addrmap;

import org.eclipse.swt.graphics.RGB;

/** What kind of memory a band of the address map is; decides its colour and legend entry. */
public enum BandKind {
    /** Anonymous private or shared memory (mmap without a file). */
    ANON("anon", new RGB(0x9e, 0xc9, 0xe8)),
    /** File-backed: program image, libraries, memfd. */
    FILE("file", new RGB(0xa6, 0xd9, 0x9b)),
    /** [stack]. */
    STACK("stack", new RGB(0xfd, 0xb8, 0x74)),
    /** [heap] (brk area). */
    HEAP("heap", new RGB(0xc6, 0xb5, 0xe0)),
    /** A special mapping: [vdso], [vvar], [vvar_vclock], [vsyscall]. */
    SPECIAL("special", new RGB(0xf6, 0xd8, 0x5a)),
    /** IO memory (VM_IO | VM_PFNMAP device pages). */
    IO("IO", new RGB(0xef, 0x96, 0x8f)),
    /** A guard region (PROT_NONE gap, guard pages). */
    GUARD("guard", new RGB(0xd4, 0xd4, 0xd4));

    private final String label;
    private final RGB rgb;

    BandKind(String label, RGB rgb) {
        this.label = label;
        this.rgb = rgb;
    }

    /** Legend label. */
    public String label() {
        return label;
    }

    /** Fill colour. */
    public RGB rgb() {
        return rgb;
    }

    /** A darker shade of the fill, for borders. */
    public RGB border() {
        return new RGB(rgb.red * 3 / 5, rgb.green * 3 / 5, rgb.blue * 3 / 5);
    }
}
