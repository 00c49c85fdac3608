package org.mmwb.record.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ELF symbol reader against the binutils: a program built with gcc, its functions where nm and readelf put
 * them; and files that are not ELF, cut short or scribbled over give no symbol, never an exception.
 */
class ElfSymbolsTest {
    @TempDir
    static Path dir;
    private static Path program;

    @BeforeAll
    static void build() throws Exception {
        Path c = Files.writeString(dir.resolve("fns.c"), """
                int counter;
                __attribute__((noinline)) int first_function(int x) { return x * 3 + counter; }
                __attribute__((noinline)) int second_function(int x) { return first_function(x) ^ 0x55; }
                int main(int argc, char **argv) { return second_function(argc); }
                """);
        program = dir.resolve("fns");
        Assumptions.assumeTrue(run("gcc", "-O1", "-o", program.toString(), c.toString()) != null, "no gcc");
    }

    /** Runs a command; its output, or null when it failed. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return p.waitFor() == 0 ? out : null;
    }

    /** The file offset of symbol sym as nm (its address) and readelf (the PT_LOAD segments) give it. */
    private static long binutilsOffset(String sym) throws Exception {
        long value = -1;
        for (String line : run("nm", program.toString()).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[2].equals(sym)) {
                value = Long.parseLong(f[0], 16);
            }
        }
        assertTrue(value > 0, "nm lists " + sym);
        for (String line : run("readelf", "-lW", program.toString()).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5 && f[0].equals("LOAD")) {
                long off = Long.decode(f[1]);
                long vaddr = Long.decode(f[2]);
                long filesz = Long.decode(f[4]);
                if (value >= vaddr && value < vaddr + filesz) {
                    return value - vaddr + off;
                }
            }
        }
        throw new AssertionError("no LOAD segment holds " + sym);
    }

    @Test
    void namesTheFunctionAtAFileOffsetAsNmAndReadelfPlaceIt() throws Exception {
        ElfSymbols s = ElfSymbols.read(program);
        assertNull(s.why(), s.toString());
        for (String fn : new String[] {"main", "first_function", "second_function"}) {
            long off = binutilsOffset(fn);
            assertEquals(fn, s.at(off));
            assertEquals(fn + "+0x3", s.at(off + 3));
            assertEquals(off, s.offsetOf(fn));
        }
        assertNull(s.at(0), "the ELF header is in no function");
        assertNull(s.at(Files.size(program) + 4096), "past the end of the file");
    }

    @Test
    void readsTheDynamicSymbolsOfASharedLibrary() {
        Path libjvm = Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so");
        Assumptions.assumeTrue(Files.isReadable(libjvm), "no " + libjvm);
        ElfSymbols s = ElfSymbols.read(libjvm);
        long off = s.offsetOf("JNI_CreateJavaVM");
        assertTrue(off > 0, s.toString());
        assertEquals("JNI_CreateJavaVM+0x10", s.at(off + 0x10));
    }

    @Test
    void theFileMustBeTheOneRecorded() throws Exception {
        long size = Files.size(program);
        long ino = (Long) Files.getAttribute(program, "unix:ino");
        assertNull(ElfSymbols.read(program, size, ino).why());
        assertTrue(ElfSymbols.read(program, size + 1, ino).why().startsWith("not the file recorded"));
        assertTrue(ElfSymbols.read(program, size, ino + 1).why().startsWith("not the file recorded"));
    }

    /** The cache of a recording names functions only in files that are still the ones it recorded. */
    @Test
    void theCacheReadsTheFilesOfARecordingAsRecorded() throws Exception {
        long size = Files.size(program);
        long ino = (Long) Files.getAttribute(program, "unix:ino");
        Path copy = Files.copy(program, dir.resolve("fns-copy"));
        String text = "{\"mmwb_recording\":1,\"kernel\":\"6.18.44\",\"command\":[\"./fns\"]}\n"
            + String.format("{\"t\":1,\"type\":\"file\",\"dev\":\"fe:00\",\"ino\":%d,\"path\":\"%s\",\"size\":%d,"
                + "\"cached\":[]}%n", ino, program, size)
            + String.format("{\"t\":2,\"type\":\"file\",\"dev\":\"fe:00\",\"ino\":%d,\"path\":\"%s\",\"size\":%d,"
                + "\"cached\":[]}%n", ino, copy, size); // the copy has another inode: not the file recorded
        ElfSymbolCache cache = new ElfSymbolCache(org.mmwb.record.RecordingReader.read(
            new java.io.BufferedReader(new java.io.StringReader(text)), "t.rec"));
        long main = binutilsOffset("main");
        assertEquals("main+0x1", cache.symbol(program.toString(), main + 1));
        assertNull(cache.symbol(copy.toString(), main + 1));
        assertTrue(cache.symbols(copy.toString()).why().startsWith("not the file recorded (inode"),
            cache.symbols(copy.toString()).toString());
        assertNull(cache.symbol(copy + "-missing", main), "a path that does not exist has no symbols");
        assertNull(cache.symbol(null, main));
        assertNull(cache.symbol(program.toString(), -1));
    }

    @Test
    void badFilesGiveNoSymbolsAndNoException() throws Exception {
        assertEquals("no such file", ElfSymbols.read(dir.resolve("missing")).why());
        assertEquals("not a regular file", ElfSymbols.read(dir).why());
        assertEquals("not an ELF file", ElfSymbols.read(Files.writeString(dir.resolve("text"), "#!/bin/sh\n")).why());
        assertEquals("not an ELF file", ElfSymbols.read(Files.write(dir.resolve("empty"), new byte[0])).why());
        byte[] elf = Files.readAllBytes(program);
        long mainOff = binutilsOffset("main");
        Random rnd = new Random(11);
        Path cut = dir.resolve("cut");
        for (int i = 0; i < 200; i++) {
            int len = i < 64 ? i : rnd.nextInt(elf.length);
            Files.write(cut, Arrays.copyOf(elf, len));
            ElfSymbols s = ElfSymbols.read(cut);
            // ld writes the section headers last: a file cut anywhere has lost them
            assertNotNull(s.why(), len + ": " + s);
            assertNull(s.at(mainOff), len + ": " + s);
        }
        // bytes scribbled over anywhere, headers included: whatever it reads, it answers
        for (int i = 0; i < 300; i++) {
            byte[] junk = elf.clone();
            for (int k = 0; k < 1 + rnd.nextInt(40); k++) {
                int at = rnd.nextInt(i < 150 ? Math.min(junk.length, 64 + 64 * 14) : junk.length);
                junk[at] = (byte) rnd.nextInt();
            }
            Files.write(cut, junk);
            ElfSymbols s = ElfSymbols.read(cut);
            s.at(mainOff);
            s.at(rnd.nextLong() & 0xffffffL);
            s.offsetOf("main");
        }
    }
}
