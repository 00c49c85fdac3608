package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Imports of live processes from /proc. */
class ProcImportTest {

    private static void assumeProc() {
        Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self")),
                "skipped: no Linux /proc on this host");
    }

    @Test
    void importsTheTestJvmItself() throws ProcImportException {
        assumeProc();
        long pid = ProcessHandle.current().pid();
        ProcSnapshot s = ProcImport.read(pid, 4096);
        assertEquals(pid, s.pid());
        assertEquals(ProcImport.kernelRelease(), s.kernelRelease());
        assertFalse(s.comm().isEmpty());
        assertTrue(s.vmas().size() > 10, s.vmas().size() + " VMAs");
        HostVma stack = s.vmas().stream().filter(v -> v.name().equals("[stack]")).findFirst().orElseThrow();
        assertTrue(stack.flags().contains("gd"), stack.flags().toString());
        assertTrue(stack.pages().indexOf('A') >= 0, "the running stack has present pages: " + stack.pages());
        HostVma vvar = s.vmas().stream().filter(v -> v.name().equals("[vvar]")).findFirst().orElseThrow();
        assertEquals("....", vvar.pages());
        for (int i = 1; i < s.vmas().size(); i++) {
            assertTrue(Long.compareUnsigned(s.vmas().get(i - 1).end(), s.vmas().get(i).start()) <= 0);
        }
        assertTrue(s.pagemapRead());
        if (s.vmas().stream().anyMatch(v -> v.pageCount() > 4096)) {
            assertTrue(s.notes().stream().anyMatch(n -> n.contains("letters only for the first 4096")), s.notes()
                    .toString());
        }
    }

    @Test
    void aDeadPidIsAClearMessage() throws Exception {
        assumeProc();
        Process p = new ProcessBuilder("true").start();
        long pid = p.pid();
        p.waitFor();
        ProcImportException e = assertThrows(ProcImportException.class, () -> ProcImport.read(pid));
        assertTrue(e.getMessage().contains("process " + pid + " does not exist"), e.getMessage());
        assertThrows(ProcImportException.class, () -> ProcImport.read(-5));
    }
}
