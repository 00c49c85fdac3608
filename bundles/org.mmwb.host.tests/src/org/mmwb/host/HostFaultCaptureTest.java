package org.mmwb.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwb.host.HostTestSupport.PAGE;
import static org.mmwb.host.HostTestSupport.WIN;
import static org.mmwb.host.HostTestSupport.mapAnon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mmwb.core.mm.Madvise;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Prot;

/**
 * The helper captures exactly the user page faults of the scenario's own accesses (exceptions:page_fault_user),
 * in every process of the tree and in order, and none of its own; without perf it says so.
 */
class HostFaultCaptureTest extends HostWindowTestBase {

    private static List<String> shown(HostFaults f) {
        assertTrue(f.captured(), () -> "faults not captured: " + f.notCapturedBecause());
        List<String> out = new ArrayList<>();
        for (HostFault x : f.faults()) {
            out.add(x.pid() + " " + x.access() + " 0x" + Long.toHexString(x.address()));
        }
        return out;
    }

    @Test
    void eachAccessThatFaultsIsCapturedInOrderAcrossFork() throws IOException {
        HostTestSupport.assumeRoot();
        boolean z = kernel.zeroPage();
        mapAnon(p, WIN, 4 * PAGE, Prot.READ | Prot.WRITE);
        p.touch(WIN, PAGE, 'w');                       // do_anonymous_page
        p.read(WIN + PAGE + 5);                        // the zero page, or a fresh page where it is forbidden
        p.write(WIN + PAGE + 5, 1);                    // a write-protect fault on the zero page only
        p.dump();                                      // the helper's own work: no faults of the scenario
        p.touch(WIN, PAGE, 'w');                       // present and writable: no fault
        HostProcess child = scenario.process((int) p.fork().value());
        child.write(WIN, 2);                           // COW in the child
        // a fetch from a readable, not-executable VMA: access_error lets the not-present fault map the page (a
        // read), the fetch is retried and the present NX page faults again: SIGSEGV(ACCERR) after two faults
        child.exec(WIN + 2 * PAGE);
        p.read(WIN + 3 * PAGE);                        // back in the parent
        List<String> want = new ArrayList<>(List.of("1 w 0x100000000000", "1 r 0x100000001005"));
        if (z) {
            want.add("1 w 0x100000001005");
        }
        want.addAll(List.of("2 w 0x100000000000", "2 x 0x100000002000", "2 x 0x100000002000",
                "1 r 0x100000003000"));
        assertEquals(want, shown(scenario.faults()));
    }

    @Test
    void populateTakesNoUserFaultsAndLargeTouchesAreComplete() throws IOException {
        HostTestSupport.assumeRoot();
        assertEquals(WIN, p.mmap(WIN, 64 * PAGE, Prot.READ | Prot.WRITE, MapFlags.PRIVATE | MapFlags.ANONYMOUS
                | MapFlags.FIXED_NOREPLACE | MapFlags.POPULATE, -1, 0).value());
        p.touch(WIN, 64 * PAGE, 'w');                  // populated by GUP in the kernel: no user fault
        long big = WIN + 0x1000000;
        mapAnon(p, big, 20_000 * PAGE, Prot.READ | Prot.WRITE);
        p.madvise(big, 20_000 * PAGE, Madvise.NOHUGEPAGE);
        p.touch(big, 20_000 * PAGE, 'w');              // more records than one ring holds: drained while waiting
        List<String> got = shown(scenario.faults());
        assertEquals(20_000, got.size(), () -> "first: " + got.subList(0, Math.min(5, got.size())));
        assertEquals("1 w 0x" + Long.toHexString(big), got.get(0));
        assertEquals("1 w 0x" + Long.toHexString(big + 19_999 * PAGE), got.get(19_999));
    }

    @Test
    void withoutPerfTheHelperSaysFaultsWereNotCaptured() throws Exception {
        HostTestSupport.assumeRoot();
        Path setpriv = Path.of("/usr/bin/setpriv");
        Assumptions.assumeTrue(Files.isExecutable(setpriv), "skipped: no setpriv to run the helper unprivileged");
        // the same helper as user nobody: perf_event_open of a tracepoint and tracefs need root or CAP_PERFMON
        Path bin = Path.of(kernel.helperProcess().info().command().orElseThrow());
        Path dir = Files.createTempDirectory("mmwb-hostd-nobody");
        Path copy = dir.resolve("mmwb-hostd");
        try {
            Files.copy(bin, copy);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
            Process h = new ProcessBuilder(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                    copy.toString()).redirectErrorStream(true).start();
            h.getOutputStream().write(("begin\n1 mmap 0x100000000000 0x1000 3 0x22 -1 0\n"
                    + "1 touch 0x100000000000 0x1000 w\nfaults\nquit\n").getBytes(StandardCharsets.US_ASCII));
            h.getOutputStream().close();
            assertTrue(h.waitFor(20, TimeUnit.SECONDS), "the unprivileged helper did not finish");
            List<String> lines = new String(h.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals("val 0x1", lines.get(0), lines::toString);
            assertEquals("ok", lines.get(3), () -> "the touch itself still works: " + lines);
            assertTrue(lines.get(4).startsWith("fail faults not captured: "), lines::toString);
            assertFalse(lines.get(4).contains("list"), lines::toString);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(dir);
        }
    }
}
