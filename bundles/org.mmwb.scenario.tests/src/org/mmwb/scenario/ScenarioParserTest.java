package org.mmwb.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwb.core.catalog.ProviderCatalog;
import org.mmwb.core.mm.Madvise;

class ScenarioParserTest extends ParseFixture {

    @Test
    void everyOperationParses() {
        Scenario s = ok("""
                kernel x86_64-6.18 levels=5
                # a comment line
                file f 16K
                $a = mmap 0x100000000000 8K rw- fixed   # trailing comment
                $b = mmap 0 4K r-x shared file=f:4K noreserve populate locked
                mmap 0x100000100000 1M --- private anon noreplace growsdown
                munmap $a+4K 4K
                mprotect $a 8K r--
                mlock $a 4K
                munlock $a 4K
                mseal $a 4K
                $c = mremap $a 8K 16K maymove fixed=0x100000200000 dontunmap
                madvise $c 4K dontneed
                $h = brk +64K
                brk $h-4K
                touch $c 16K w
                $v = read [vdso]+0x10
                write $c 0x5a
                exec [vdso]
                $p = fork
                exit
                switch $p
                switch 1
                dump
                touch [vvar_vclock] 8K r
                touch [stack]-4K 4K r
                touch [heap] 4K r
                """);
        assertEquals("t.mms", s.fileName());
        assertEquals("x86_64-6.18", s.profile().name());
        assertEquals(5, s.levels());
        List<String> names = s.ops().stream().map(Op::name).toList();
        assertEquals(List.of("file", "mmap", "mmap", "mmap", "munmap", "mprotect", "mlock", "munlock", "mseal",
                "mremap", "madvise", "brk", "brk", "touch", "read", "write", "exec", "fork", "exit", "switch", "switch",
                "dump", "touch", "touch", "touch"), names);

        Op a = s.ops().get(1);
        assertEquals(4, a.line());
        assertEquals(6, a.column());
        assertEquals("a", a.binding());
        assertEquals(1, a.bindingColumn());
        Expr.Num addr = assertInstanceOf(Expr.Num.class, a.arg("ADDR"));
        assertEquals(0x100000000000L, addr.value());
        assertEquals(11, addr.column());
        assertEquals(8192, ((Expr.Num) a.arg("LEN")).value());
        assertEquals(26, a.arg("LEN").column());
        assertEquals(3, ((Expr.Word) a.arg("PROT")).value());
        assertEquals(33, a.flags().get(0).column());

        Op b = s.ops().get(2);
        Expr.FileRef f = assertInstanceOf(Expr.FileRef.class, b.flag("file").value());
        assertEquals("f", f.name());
        assertEquals(4096, f.offset());
        assertEquals(5, ((Expr.Word) b.arg("PROT")).value());
        assertTrue(b.hasFlag("shared") && b.hasFlag("noreserve") && b.hasFlag("populate") && b.hasFlag("locked"));

        Expr.Offset off = assertInstanceOf(Expr.Offset.class, s.ops().get(4).arg("ADDR"));
        assertEquals(new Expr.Bound("a", 8), off.base());
        assertEquals(4096, off.size());

        Op remap = s.ops().get(9);
        assertEquals(0x100000200000L, ((Expr.Num) remap.flag("fixed").value()).value());
        assertEquals(Madvise.DONTNEED, ((Expr.Word) s.ops().get(10).arg("ADVICE")).value());
        assertInstanceOf(Expr.Relative.class, s.ops().get(11).arg("ADDR"));
        Expr.Offset vd = assertInstanceOf(Expr.Offset.class, s.ops().get(14).arg("ADDR"));
        assertEquals(new Expr.Special("[vdso]", 11), vd.base());
        assertEquals(0x5a, ((Expr.Num) s.ops().get(15).arg("BYTE")).value());
        assertInstanceOf(Expr.Bound.class, s.ops().get(19).arg("PID"));
        assertEquals(Access.WRITE.ordinal(), ((Expr.Word) s.ops().get(13).arg("ACCESS")).value());
    }

    @Test
    void defaultsWithoutKernelLine() {
        Scenario s = ok("mmap 0 4K rw-\n");
        // org.mmwb.x86 declares x86_64-6.18 default="true"; the scenario layer itself knows no profile
        assertEquals(ProviderCatalog.installed().defaultProfile().name(), s.profile().name());
        assertEquals("x86_64-6.18", s.profile().name());
        assertEquals(4, s.levels());
    }

    @Test
    void numbersAndSuffixes() {
        Scenario s = ok("mmap 0x10K 1M rw-\nmmap 1G 3g r--\nmmap 0xffffffffffffffff 0 -\nmmap 18446744073709551615 0x3FFFFFFFFG x\n");
        assertEquals(0x4000, ((Expr.Num) s.ops().get(0).arg("ADDR")).value());
        assertEquals(1 << 20, ((Expr.Num) s.ops().get(0).arg("LEN")).value());
        assertEquals(3L << 30, ((Expr.Num) s.ops().get(1).arg("LEN")).value());
        assertEquals(-1L, ((Expr.Num) s.ops().get(2).arg("ADDR")).value());
        assertEquals(0, ((Expr.Word) s.ops().get(2).arg("PROT")).value());
        assertEquals(-1L, ((Expr.Num) s.ops().get(3).arg("ADDR")).value());
        assertEquals(0x3FFFFFFFFL << 30, ((Expr.Num) s.ops().get(3).arg("LEN")).value());
    }

    @Test
    void unknownOperationFlagAdviceProfile() {
        assertError("t.mms:1:8: unknown kernel profile 'x86_64-6.81' (did you mean 'x86_64-6.18'?);"
                + " expected one of: x86_64-6.18, x86_64-3.19", "kernel x86_64-6.81\n");
        assertError("t.mms:2:3: unknown operation 'mmapp' (did you mean 'mmap'?); expected one of: kernel,"
                + " file, mmap, munmap, mprotect, mlock, munlock, mseal, mlockall, munlockall, capdrop, mremap, madvise,"
                + " brk, touch, read, write,"
                + " exec, fork, exit, switch, sysctl, setrlimit, dump", "# x\n  mmapp 0 4K rw-\n");
        assertError("t.mms:1:15: unknown flag 'prvate' for mmap (did you mean 'private'?); expected one of:"
                + " private, shared, anon, file=NAME[:OFFSET], fixed, noreplace, growsdown, noreserve, populate,"
                + " locked", "mmap 0 4K rw- prvate\n");
        assertError("t.mms:1:19: unknown advice 'dontneeed' (did you mean 'dontneed'?); expected one of:"
                + " dontneed, free, dontfork, dofork, wipeonfork, keeponfork, populate_read, populate_write,"
                + " hugepage, nohugepage, guard_install, guard_remove", "madvise 0x1000 4K dontneeed\n");
        assertError("t.mms:1:17: unknown access 'rw' (did you mean 'r'?); expected one of: r, w, x",
                "touch 0x1000 4K rw\n");
        assertError("t.mms:1:27: unknown value '6' for levels; expected levels=4|5", "kernel x86_64-6.18 levels=6\n");
        assertError("t.mms:1:27: levels=5 needs 5-level paging; expected levels=4 with profile x86_64-3.19"
                + " (it supports 4 levels)", "kernel x86_64-3.19 levels=5\n");
    }

    @Test
    void flagValuesAndCombinations() {
        assertError("t.mms:1:23: flag 'shared' conflicts with 'private' (column 15); expected only one of"
                + " them", "mmap 0 4K rw- private shared\n");
        assertError("t.mms:1:21: flag 'fixed' given twice (first at column 15); expected each flag once",
                "mmap 0 4K rw- fixed fixed\n");
        assertError("t.mms:1:21: flag 'shared' takes no value; expected a space after it", "mmap 0 4K rw- shared=1\n");
        assertError("t.mms:1:21: flag 'fixed' needs a value; expected fixed=ADDR",
                "mremap 0x1000 4K 8K fixed maymove\n");
        assertError("t.mms:1:15: flag 'file' needs a value; expected file=NAME[:OFFSET]", "mmap 0 4K rw- file\n");
    }

    @Test
    void unboundNamesUnknownSpecialsUnknownFiles() {
        assertError("t.mms:1:8: $x is not bound; expected a binding made on an earlier line, e.g."
                + " '$x = mmap 0 4K rw-'", "munmap $x 4K\n");
        // a binding is usable only after its line, also on its own line
        assertError("t.mms:1:11: $a is not bound; expected a binding made on an earlier line, e.g."
                + " '$a = mmap 0 4K rw-'", "$a = mmap $a 4K rw-\n");
        assertError("t.mms:1:7: unknown special mapping '[vdsoo]' (did you mean '[vdso]'?); expected one"
                + " of: [vvar], [vvar_vclock], [vdso], [vsyscall], [stack], [heap]", "touch [vdsoo] 4K r\n");
        assertError("t.mms:2:7: special mapping [vvar_vclock] does not exist in profile x86_64-3.19;"
                + " expected one of: [vvar], [vdso], [vsyscall], [stack], [heap]",
                "kernel x86_64-3.19\ntouch [vvar_vclock] 4K r\n");
        assertError("t.mms:1:7: expected ']' to close '[vdso'; a special mapping is written like [vdso]",
                "touch [vdso 4K r\n");
        assertError("t.mms:1:20: unknown file 'g'; expected a file declared on an earlier line, e.g."
                + " 'file g 16K'", "mmap 0 4K rw- file=g\nfile g 4K\n");
        assertError("t.mms:2:6: file 'f' is already declared on line 1; expected a new name", "file f 4K\nfile f 8K\n");
    }

    @Test
    void numberOverflowAndBytes() {
        assertError("t.mms:1:6: number 0x10000000000000000 does not fit in 64 bits (largest is"
                + " 0xffffffffffffffff)", "mmap 0x10000000000000000 4K rw-\n");
        assertError("t.mms:1:6: number 18446744073709551616 does not fit in 64 bits (largest is"
                + " 0xffffffffffffffff)", "mmap 18446744073709551616 4K rw-\n");
        assertError("t.mms:1:8: size 0x400000000G overflows 64 bits (largest is 0xffffffffffffffff)",
                "mmap 0 0x400000000G rw-\n");
        assertError("t.mms:1:14: expected a byte value 0..255 but found 256", "write 0x1000 256\n");
        assertFirstError("t.mms:1:8: expected LEN, a size (decimal or 0x-hex, optionally K, M or G) but found"
                + " 'rw-'", "mmap 0 rw- 4K\n");
        assertError("t.mms:1:6: expected a number (decimal or 0x-hex, optionally K, M or G) but found"
                + " '12q'", "mmap 12q 4K rw-\n");
        assertError("t.mms:1:11: expected PROT as rwx letters or '-' (rw-, r-x, ---) but found 'rwz'",
                "mmap 0 4K rwz\n");
        assertError("t.mms:1:9: touch covers 1048577 pages; expected at most 1048576 pages (4G) per line",
                "touch 0 0x100001000 r\n");
        assertError("t.mms:1:8: expected a pid 1..2147483647 but found 0", "switch 0\n");
    }

    @Test
    void argumentCounts() {
        assertError("t.mms:1:10: mmap: expected PROT, PROT as rwx letters or '-' (rw-, r-x, ---); usage:"
                + " [$n =] mmap ADDR LEN PROT [FLAG]*", "mmap 0 4K\n");
        assertError("t.mms:1:9: munmap: expected ADDR, an address (number, $name or [special], optionally"
                + " +/- a size); usage: munmap ADDR LEN", "munmap  # nothing\n");
        assertError("t.mms:1:6: fork: too many arguments, unexpected '3'; usage: [$n =] fork", "fork 3\n");
        assertError("t.mms:1:18: munmap: too many arguments, unexpected '4K'; usage: munmap ADDR LEN",
                "munmap 0x1000 4K 4K\n");
        assertError("t.mms:2:9: unexpected ',4K' after the address; expected +SIZE, -SIZE or a space",
                "$a = mmap 0 4K rw-\ntouch $a,4K 4K r\n");
        assertError("t.mms:2:10: expected a number (decimal or 0x-hex, optionally K, M or G) but found"
                + " '4K4K'", "$a = mmap 0 4K rw-\ntouch $a+4K4K 4K r\n");
        assertError("t.mms:1:1: 'munmap' gives no value to bind to $z; expected an operation with a result:"
                + " mmap, mremap, brk, read, fork", "$z = munmap 0x1000 4K\n");
        assertError("t.mms:1:4: expected '=' after $a (a binding line reads '$a = mmap ...')", "$a mmap 0 4K rw-\n");
    }

    @Test
    void kernelMustBeFirst() {
        assertError("t.mms:3:1: 'kernel' must be the first line of the file; expected it before line 2",
                "# comment\nmmap 0 4K rw-\nkernel x86_64-6.18\n");
        assertError("t.mms:2:1: 'kernel' must be the first line of the file; expected it before line 1",
                "kernel x86_64-6.18\nkernel x86_64-3.19\n");
    }

    @Test
    void everyErrorIsReportedInOrder() {
        List<String> e = errors("mmap 0 4K rwz bogus\nmunmap $nope 4K\nfrobnicate\nwrite 0x1000 300\n");
        assertEquals(5, e.size(), e::toString);
        assertTrue(e.get(0).startsWith("t.mms:1:11: expected PROT"), e.get(0));
        assertTrue(e.get(1).startsWith("t.mms:1:15: unknown flag 'bogus'"), e.get(1));
        assertTrue(e.get(2).startsWith("t.mms:2:8: $nope is not bound"), e.get(2));
        assertTrue(e.get(3).startsWith("t.mms:3:1: unknown operation 'frobnicate'"), e.get(3));
        assertTrue(e.get(4).startsWith("t.mms:4:14: expected a byte value 0..255"), e.get(4));
    }

    @Test
    void binaryJunk() {
        byte[] nonUtf8 = "mmap 0 4K rw-\ntouch \u00e9 4K r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertError("t.mms:2:7: invalid UTF-8 (byte 0xe9); a scenario is UTF-8 text", nonUtf8);
        byte[] nul = "dump\nmm\0ap\n".getBytes(StandardCharsets.UTF_8);
        assertError("t.mms:2:3: NUL byte (binary data?); a scenario is UTF-8 text", nul);
        assertError("t.mms:1:5: control character U+0007; expected printable text, spaces or tabs", "dump\u0007\n");
        String longLine = "# " + "x".repeat(5000) + "\n";
        assertError("t.mms:1:4097: line is longer than 4096 characters; expected one short operation per"
                + " line", longLine);
        // column counts code points: the bad byte after a 2-byte character is column 3
        byte[] mixed = {'#', (byte) 0xc3, (byte) 0xa9, (byte) 0xff, '\n'};
        assertError("t.mms:1:3: invalid UTF-8 (byte 0xff); a scenario is UTF-8 text", mixed);
        byte[] junk = new byte[4000];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i % 7 == 0 ? '\n' : 0x80 + i % 50);
        }
        List<String> many = errors(junk);
        assertEquals(ScenarioParser.MAX_DIAGNOSTICS + 1, many.size());
        assertTrue(many.get(many.size() - 1).contains("too many errors"));
    }

    @Test
    void crlfTabsAndBomAreText() {
        byte[] bom = "\ufeffmmap 0 4K rw-\r\n\tdump\r\n".getBytes(StandardCharsets.UTF_8);
        ParseResult r = parser.parse("t.mms", bom);
        assertTrue(r.ok(), r::errorText);
        assertEquals(2, r.scenario().ops().size());
        assertEquals(2, r.scenario().ops().get(1).column());
    }

    @Test
    void extensionOperationFromTheTable() {
        OpSpec iomap = new OpSpec("iomap", List.of(ArgSpec.of("NAME", ArgKind.NAME, "device"),
                ArgSpec.optional("ADDR", ArgKind.ADDRESS, "where")), List.of(FlagSpec.bare("uncached", 0, "PCD")),
                true, true, OpSpec.Placement.CHOSEN, "maps a device's registers",
                c -> List.of(OpResult.errno("ENOSYS")));
        ScenarioParser p = new ScenarioParser(OperationTable.builtin().with(iomap));
        ParseResult r = p.parse("t.mms", "$d = iomap hpet\niomap hpet 0x100000000000 uncached\niomap hpet uncached\n");
        assertTrue(r.ok(), r::errorText);
        assertNull(r.scenario().ops().get(0).arg("ADDR"));
        assertNotNull(r.scenario().ops().get(1).arg("ADDR"));
        assertTrue(r.scenario().ops().get(2).hasFlag("uncached"));
        assertEquals("[$n =] iomap NAME [ADDR] [FLAG]*", iomap.usage());
        assertError("t.mms:1:1: unknown operation 'iomap' (did you mean 'mmap'?); expected one of: kernel,"
                + " file, mmap, munmap, mprotect, mlock, munlock, mseal, mlockall, munlockall, capdrop, mremap, madvise,"
                + " brk, touch, read, write,"
                + " exec, fork, exit, switch, sysctl, setrlimit, dump", "iomap hpet\n");
    }

    @Test
    void unreadableFileIsADiagnostic() {
        ParseResult r = parser.parse(java.nio.file.Path.of("/nonexistent/dir/x.mms"));
        assertNull(r.scenario());
        assertEquals(1, r.diagnostics().size());
        assertTrue(r.diagnostics().get(0).toString().startsWith("/nonexistent/dir/x.mms:1:1: cannot read the file"));
    }
}
