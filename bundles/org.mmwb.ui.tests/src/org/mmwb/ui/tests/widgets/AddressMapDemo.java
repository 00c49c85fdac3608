package org.mmwb.ui.tests.widgets;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mmwb.ui.internal.widgets.addrmap.AddressBand;
import org.mmwb.ui.internal.widgets.addrmap.AddressMapCanvas;
import org.mmwb.ui.internal.widgets.addrmap.BandKind;

/**
 * Visual check of {@link AddressMapCanvas} with the address space of a real-looking process (program image, heap,
 * a big anonymous arena, libraries, a memfd, an IO mapping, guard pages, stack, [vvar]/[vvar_vclock]/[vdso],
 * [vsyscall]): screenshots fitted, zoomed with a selection, and the PNG export.
 */
public final class AddressMapDemo {

    /** /proc/PID/maps lines (start-end perms name). */
    static final String MAPS = """
            559804425000-559804427000 r--p /usr/bin/cat
            559804427000-55980442c000 r-xp /usr/bin/cat
            55980442c000-55980442f000 r--p /usr/bin/cat
            55980442f000-559804430000 r--p /usr/bin/cat
            559804430000-559804431000 rw-p /usr/bin/cat
            55980471b000-55980473c000 rw-p [heap]
            7f2c09221000-7f2c49221000 rw-p
            7f2c49221000-7f2c49243000 rw-p
            7f2c49243000-7f2c4929a000 r--p /usr/lib/locale/C.utf8/LC_CTYPE
            7f2c4929a000-7f2c4929b000 ---p
            7f2c4929b000-7f2c492a3000 rw-p /memfd:data (deleted)
            7f2c492a3000-7f2c492a6000 rw-s [mmwb-iodev]
            7f2c492a6000-7f2c492cc000 r--p /usr/lib/x86_64-linux-gnu/libc.so.6
            7f2c492cc000-7f2c49422000 r-xp /usr/lib/x86_64-linux-gnu/libc.so.6
            7f2c49422000-7f2c49475000 r--p /usr/lib/x86_64-linux-gnu/libc.so.6
            7f2c49475000-7f2c49479000 r--p /usr/lib/x86_64-linux-gnu/libc.so.6
            7f2c49479000-7f2c4947b000 rw-p /usr/lib/x86_64-linux-gnu/libc.so.6
            7f2c4947b000-7f2c49488000 rw-p
            7f2c49491000-7f2c49493000 rw-p
            7f2c49493000-7f2c49497000 r--p [vvar]
            7f2c49497000-7f2c49499000 r--p [vvar_vclock]
            7f2c49499000-7f2c4949b000 r-xp [vdso]
            7f2c4949b000-7f2c4949c000 r--p /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
            7f2c4949c000-7f2c494c2000 r-xp /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
            7f2c494c2000-7f2c494cc000 r--p /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
            7f2c494cc000-7f2c494ce000 r--p /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
            7f2c494ce000-7f2c494d0000 rw-p /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
            7fff0dec7000-7fff0dec8000 ---p
            7fff0dec8000-7fff0dee9000 rw-p [stack]
            ffffffffff600000-ffffffffff601000 --xp [vsyscall]
            """;

    private AddressMapDemo() {
    }

    /** Parses {@link #MAPS} into bands, guessing each kind the way the Address Map view would. */
    static List<AddressBand> bands() {
        List<AddressBand> out = new ArrayList<>();
        for (String l : MAPS.strip().split("\n")) {
            String[] f = l.strip().split("\\s+", 3);
            String[] r = f[0].split("-");
            String name = f.length > 2 ? f[2] : "";
            out.add(new AddressBand(Long.parseUnsignedLong(r[0], 16), Long.parseUnsignedLong(r[1], 16),
                    kind(name, f[1]), name, f[1]));
        }
        return out;
    }

    static BandKind kind(String name, String perms) {
        return switch (name) {
            case "[heap]" -> BandKind.HEAP;
            case "[stack]" -> BandKind.STACK;
            case "[vvar]", "[vvar_vclock]", "[vdso]", "[vsyscall]" -> BandKind.SPECIAL;
            case "[mmwb-iodev]" -> BandKind.IO;
            case "" -> perms.startsWith("---") ? BandKind.GUARD : BandKind.ANON;
            default -> perms.startsWith("---") ? BandKind.GUARD : BandKind.FILE;
        };
    }

    /** Runs the demo. */
    public static void main(String[] args) throws Exception {
        Display d = new Display();
        Shell shell = Shots.shell(d, "Address Map", 1000, 960);
        AddressMapCanvas map = new AddressMapCanvas(shell, SWT.NONE);
        map.addBandListener(b -> System.out.println("selected " + b));
        map.setBands(bands());
        shell.open();
        Shots.settle(d, 300);
        Shots.save(shell, "addrmap-1-fit");
        map.selectAddress(0x7f2c492cc000L + 0x1234);
        for (int i = 0; i < 6; i++) {
            map.zoomIn();
        }
        map.selectAddress(0x7f2c492cc000L + 0x1234);
        Shots.save(shell, "addrmap-2-zoomed-selected");
        File png = new File(Shots.DIR, "addrmap-3-export.png");
        map.exportPng(png);
        System.out.println("exported " + png + " (" + png.length() + " bytes)");
        shell.setSize(700, 500);
        map.zoomFit();
        Shots.save(shell, "addrmap-4-small");
        d.dispose();
    }
}
