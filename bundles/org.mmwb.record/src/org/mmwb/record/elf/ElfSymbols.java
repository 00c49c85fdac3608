package org.mmwb.record.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The function symbols of an ELF file (.symtab, else .dynsym; both when both exist), to name the function an
 * instruction pointer of a recording was in: {@link #at(long)} takes a file offset (the ip's offset in the file
 * mapping it, ip - vm_start + vm_pgoff * 4096) and gives {@code name+0xoff}.
 *
 * <p>The file is input from outside (whatever is at a recorded path now), so it is read defensively: {@link #read}
 * never throws; a missing, unreadable, non-ELF, 32-bit, big-endian, truncated or inconsistent file, or one whose
 * size or inode is not the recorded one, gives no symbols and says why ({@link #why()}). Only the ELF header, the
 * program and section headers and the symbol and string tables are read (positional reads, each bounded), not the
 * whole file. Hand-written because the one maintained Java ELF library on Maven Central (net.fornwall:jelf) is
 * not an OSGi bundle, and this needs only the few hundred lines below (docs/workbench.md).
 */
public final class ElfSymbols {
    /** The largest symbol or string table read: 64 MiB (a debug build of a big program has tens of MB). */
    static final long MAX_TABLE_BYTES = 64L << 20;
    /** The most symbols kept (a debug build of a large C++ program has a few hundred thousand functions). */
    static final int MAX_SYMBOLS = 1 << 21;
    /** The longest symbol name kept (C++ names can be kilobytes; the rest is cut). */
    static final int MAX_NAME = 512;

    private static final int PT_LOAD = 1;
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_DYNSYM = 11;
    private static final int STT_NOTYPE = 0, STT_FUNC = 2, STT_GNU_IFUNC = 10;
    private static final int SHN_UNDEF = 0;
    private static final int SYM_SIZE = 24;

    /** The PT_LOAD segments: file offset, vaddr, file size. */
    private final long[] segOffset, segVaddr, segSize;
    /** Symbols sorted by value. */
    private final long[] value, size;
    private final String[] name;
    private final String why;

    private ElfSymbols(long[] segOffset, long[] segVaddr, long[] segSize, long[] value, long[] size, String[] name,
            String why) {
        this.segOffset = segOffset;
        this.segVaddr = segVaddr;
        this.segSize = segSize;
        this.value = value;
        this.size = size;
        this.name = name;
        this.why = why;
    }

    private static ElfSymbols none(String why) {
        return new ElfSymbols(new long[0], new long[0], new long[0], new long[0], new long[0], new String[0], why);
    }

    /** Reads the symbols of file; never throws (see the class comment). */
    public static ElfSymbols read(Path file) {
        return read(file, -1, -1);
    }

    /**
     * Reads the symbols of file if it is the file recorded: of expectedSize bytes and inode expectedIno (-1: not
     * checked). Never throws.
     */
    public static ElfSymbols read(Path file, long expectedSize, long expectedIno) {
        try {
            if (!Files.isRegularFile(file)) {
                return none(Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "not a regular file" : "no such file");
            }
            if (expectedIno >= 0) {
                Object ino = Files.getAttribute(file, "unix:ino");
                if (ino instanceof Long l && l != expectedIno) {
                    return none("not the file recorded (inode " + l + ", recorded " + expectedIno + ")");
                }
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long fileSize = ch.size();
                if (expectedSize >= 0 && fileSize != expectedSize) {
                    return none("not the file recorded (" + fileSize + " bytes, recorded " + expectedSize + ")");
                }
                return new Reader(ch, fileSize).read();
            }
        } catch (IOException | RuntimeException e) {
            // UnsupportedOperationException (no unix view), SecurityException, a malformed value: no symbols
            return none(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Why there are no symbols (null when the file was read, even if it has none). */
    public String why() {
        return why;
    }

    /** Number of function symbols read. */
    public int size() {
        return value.length;
    }

    /**
     * The function holding file offset off, as {@code name} or {@code name+0x1f}; null when the offset is in no
     * loaded segment or no symbol covers it.
     */
    public String at(long off) {
        long vaddr = vaddrOf(off);
        if (vaddr == -1) {
            return null;
        }
        int i = floor(vaddr);
        // a symbol of size 0 (an assembler label) names what follows it until the next symbol
        for (int k = i; k >= 0 && k > i - 16; k--) {
            if (size[k] > 0 && vaddr - value[k] < size[k] && vaddr >= value[k]) {
                return label(k, vaddr);
            }
        }
        return i >= 0 && size[i] == 0 ? label(i, vaddr) : null;
    }

    /** The file offset of the start of symbol sym, or -1 (tests; a symbol outside every PT_LOAD has none). */
    public long offsetOf(String sym) {
        for (int i = 0; i < name.length; i++) {
            if (name[i].equals(sym)) {
                for (int s = 0; s < segVaddr.length; s++) {
                    if (Long.compareUnsigned(value[i] - segVaddr[s], segSize[s]) < 0) {
                        return value[i] - segVaddr[s] + segOffset[s];
                    }
                }
            }
        }
        return -1;
    }

    private String label(int k, long vaddr) {
        long d = vaddr - value[k];
        return d == 0 ? name[k] : name[k] + "+0x" + Long.toHexString(d);
    }

    private long vaddrOf(long off) {
        for (int s = 0; s < segOffset.length; s++) {
            if (off >= segOffset[s] && off - segOffset[s] < segSize[s]) {
                return off - segOffset[s] + segVaddr[s];
            }
        }
        return -1;
    }

    /** The last symbol with value <= v, or -1. */
    private int floor(long v) {
        int lo = 0;
        int hi = value.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(value[mid], v) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** One read of one file: every offset and size is checked against the file before it is used. */
    private static final class Reader {
        private final FileChannel ch;
        private final long fileSize;

        Reader(FileChannel ch, long fileSize) {
            this.ch = ch;
            this.fileSize = fileSize;
        }

        /** Reads [off, off + len) of the file, or null when that is not inside the file. */
        private ByteBuffer bytes(long off, long len) throws IOException {
            if (off < 0 || len < 0 || len > Integer.MAX_VALUE || off > fileSize || len > fileSize - off) {
                return null;
            }
            ByteBuffer b = ByteBuffer.allocate((int) len).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (ch.read(b, off + b.position()) < 0) {
                    return null; // the file shrank meanwhile
                }
            }
            return b.flip();
        }

        ElfSymbols read() throws IOException {
            ByteBuffer h = bytes(0, 64);
            if (h == null || h.getInt(0) != 0x464c457f) {
                return none("not an ELF file");
            }
            if (h.get(4) != 2 || h.get(5) != 1) {
                return none("not a 64-bit little-endian ELF file");
            }
            long phoff = h.getLong(0x20);
            long shoff = h.getLong(0x28);
            int phentsize = Short.toUnsignedInt(h.getShort(0x36));
            int phnum = Short.toUnsignedInt(h.getShort(0x38));
            int shentsize = Short.toUnsignedInt(h.getShort(0x3a));
            int shnum = Short.toUnsignedInt(h.getShort(0x3c));
            if (phnum > 0 && phentsize < 56 || shnum > 0 && shentsize < 64) {
                return none("malformed ELF header (entry sizes)");
            }
            List<long[]> segs = new ArrayList<>();
            ByteBuffer ph = bytes(phoff, (long) phnum * phentsize);
            if (ph == null) {
                return none("truncated: the program headers are outside the file");
            }
            for (int i = 0; i < phnum; i++) {
                int b = i * phentsize;
                if (ph.getInt(b) == PT_LOAD) {
                    segs.add(new long[] {ph.getLong(b + 8), ph.getLong(b + 16), ph.getLong(b + 32)});
                }
            }
            ByteBuffer sh = shnum == 0 ? null : bytes(shoff, (long) shnum * shentsize);
            if (sh == null) {
                return none(shnum == 0 ? "no section headers" : "truncated: the section headers are outside the file");
            }
            List<Sym> syms = new ArrayList<>();
            boolean hadTable = false;
            for (int i = 0; i < shnum; i++) {
                int b = i * shentsize;
                int type = sh.getInt(b + 4);
                if (type != SHT_SYMTAB && type != SHT_DYNSYM) {
                    continue;
                }
                int link = sh.getInt(b + 0x28);
                if (link < 0 || link >= shnum) {
                    continue;
                }
                int lb = link * shentsize;
                ByteBuffer table = table(sh.getLong(b + 0x18), sh.getLong(b + 0x20));
                ByteBuffer strings = table(sh.getLong(lb + 0x18), sh.getLong(lb + 0x20));
                if (table == null || strings == null) {
                    continue; // cut off or absurd: the other table may still be good
                }
                hadTable = true;
                symbols(table, strings, syms);
            }
            if (!hadTable) {
                return none("no symbol table (stripped)");
            }
            syms.sort((a, c) -> Long.compareUnsigned(a.value, c.value));
            // .symtab and .dynsym name most functions twice: keep one per value (the sized one)
            List<Sym> unique = new ArrayList<>(syms.size());
            for (Sym s : syms) {
                Sym last = unique.isEmpty() ? null : unique.get(unique.size() - 1);
                if (last != null && last.value == s.value) {
                    if (last.size == 0 && s.size > 0) {
                        unique.set(unique.size() - 1, s);
                    }
                } else {
                    unique.add(s);
                }
            }
            long[] so = new long[segs.size()];
            long[] sv = new long[segs.size()];
            long[] ss = new long[segs.size()];
            for (int i = 0; i < so.length; i++) {
                so[i] = segs.get(i)[0];
                sv[i] = segs.get(i)[1];
                ss[i] = segs.get(i)[2];
            }
            int n = unique.size();
            long[] v = new long[n];
            long[] z = new long[n];
            String[] nm = new String[n];
            for (int i = 0; i < n; i++) {
                v[i] = unique.get(i).value;
                z[i] = unique.get(i).size;
                nm[i] = unique.get(i).name;
            }
            return new ElfSymbols(so, sv, ss, v, z, nm, null);
        }

        private ByteBuffer table(long off, long len) throws IOException {
            return len > MAX_TABLE_BYTES ? null : bytes(off, len);
        }

        private static void symbols(ByteBuffer table, ByteBuffer strings, List<Sym> out) {
            int count = table.limit() / SYM_SIZE;
            for (int i = 1; i < count && out.size() < MAX_SYMBOLS; i++) { // entry 0 is the undefined symbol
                int b = i * SYM_SIZE;
                int type = table.get(b + 4) & 0xf;
                int shndx = Short.toUnsignedInt(table.getShort(b + 6));
                long value = table.getLong(b + 8);
                if (shndx == SHN_UNDEF || value == 0
                        || type != STT_FUNC && type != STT_GNU_IFUNC && type != STT_NOTYPE) {
                    continue;
                }
                String n = name(strings, table.getInt(b));
                if (n != null && !n.isEmpty()) {
                    out.add(new Sym(value, Math.max(0, table.getLong(b + 16)), n));
                }
            }
        }

        /** The NUL-terminated string at off of the string table, or null when off is outside it. */
        private static String name(ByteBuffer strings, int off) {
            if (off < 0 || off >= strings.limit()) {
                return null;
            }
            int end = off;
            while (end < strings.limit() && strings.get(end) != 0 && end - off < MAX_NAME) {
                end++;
            }
            byte[] b = new byte[end - off];
            strings.get(off, b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private record Sym(long value, long size, String name) {
    }

    @Override
    public String toString() {
        return why != null ? "no symbols: " + why : value.length + " symbols " + Arrays.toString(segOffset);
    }
}
