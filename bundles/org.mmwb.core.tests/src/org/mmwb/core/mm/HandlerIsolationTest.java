package org.mmwb.core.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A broken third-party .fault handler ends its fault as VM_FAULT_SIGBUS, leaves no PTE behind, and the fault log
 * names the handler and the reason (docs/plugin-guide.md, "What a failure looks like"). The kernel BUG_ONs of vmf_insert_pfn become such failures.
 */
class HandlerIsolationTest {
    private static final long P = Sim.PAGE;
    private static final long AT = 0x300000000L;
    private static final long PFNMAP = VmFlags.READ | VmFlags.MAYREAD | VmFlags.IO | VmFlags.PFNMAP;
    private final Sim s = new Sim();

    private FaultRecord faultWith(long vmFlags, SpecialMapping.Fault handler) {
        SpecialMapping sm = new SpecialMapping("[broken]", null, handler, null, null, "com.example.plugin");
        s.check(s.k.installSpecialMapping(s.t, AT, 2 * P, vmFlags, sm));
        assertEquals("SIGBUS(ADRERR)", s.r(AT));
        FaultRecord f = s.k.fault(s.k.faultCount() - 1);
        assertEquals("[broken] (com.example.plugin)", f.handler());
        assertEquals(VmFaultResult.SIGBUS, f.result());
        assertEquals("..", s.range(AT, 2), "no PTE left behind");
        assertEquals(0, s.k.vtop(s.t, AT).pfn() + 1, "unmapped");
        assertNotNull(f.reason());
        return f;
    }

    @Test
    void throwingHandler() {
        FaultRecord f = faultWith(PFNMAP, (sm, vma, vmf) -> {
            throw new IllegalStateException("boom");
        });
        assertTrue(f.reason().contains("IllegalStateException: boom"), f.reason());
    }

    @Test
    void invalidResult() {
        assertTrue(faultWith(PFNMAP, (sm, vma, vmf) -> 0x40000000).reason().contains("invalid vm_fault_t"));
    }

    @Test
    void insertOutsideItsVma() {
        FaultRecord f = faultWith(PFNMAP, (sm, vma, vmf) -> vmf.vmfInsertPfn(vma.end(), s.k.ioPfn(0)));
        assertTrue(f.reason().contains("outside its VMA"), f.reason());
    }

    @Test
    void insertTwice() {
        FaultRecord f = faultWith(PFNMAP, (sm, vma, vmf) -> {
            vmf.vmfInsertPfn(vmf.address(), s.k.ioPfn(0));
            return vmf.vmfInsertPfn(vmf.address(), s.k.ioPfn(1));
        });
        assertTrue(f.reason().contains("twice"), f.reason());
    }

    @Test
    void pageAndInsert() {
        long page = s.k.allocKernelPage();
        FaultRecord f = faultWith(PFNMAP, (sm, vma, vmf) -> {
            vmf.vmfInsertPfn(vmf.address() + P, s.k.ioPfn(0));
            vmf.setPage(page);
            return 0;
        });
        assertTrue(f.reason().contains("also inserted"), f.reason());
    }

    @Test
    void insertIntoANonPfnmapVmaIsTheKernelsBugOn() {
        FaultRecord f = faultWith(VmFlags.READ | VmFlags.MAYREAD,
            (sm, vma, vmf) -> vmf.vmfInsertPfn(vmf.address(), s.k.ioPfn(0)));
        assertTrue(f.reason().contains("BUG_ON"), f.reason());
    }

    @Test
    void recursionIntoTheFaultPath() {
        FaultRecord[] inner = new FaultRecord[1];
        FaultRecord f = faultWith(PFNMAP, (sm, vma, vmf) -> {
            s.k.access(s.t, AT + P, Kernel.ACCESS_READ);
            return vmf.vmfInsertPfn(vmf.address(), s.k.ioPfn(0));
        });
        assertTrue(f.reason().contains("recursed"), f.reason());
        assertNull(inner[0]);
    }

    @Test
    void noPageWithoutPteAndSuccessWithoutPage() {
        assertTrue(faultWith(PFNMAP, (sm, vma, vmf) -> VmFaultResult.NOPAGE).reason().contains("without"));
    }

    @Test
    void successWithoutAPage() {
        assertTrue(faultWith(VmFlags.READ | VmFlags.MAYREAD, (sm, vma, vmf) -> 0).reason().contains("without a page"));
    }

    @Test
    void pageThatIsNotAnAllocatedFrame() {
        FaultRecord f = faultWith(VmFlags.READ | VmFlags.MAYREAD, (sm, vma, vmf) -> {
            vmf.setPage(s.k.ioPfn(5));
            return 0;
        });
        assertTrue(f.reason().contains("not an allocated page"), f.reason());
    }

    @Test
    void aGoodFaultAfterABrokenOneStillWorks() {
        boolean[] broken = {true};
        SpecialMapping sm = new SpecialMapping("[flaky]", null, (m, vma, vmf) -> {
            if (broken[0]) {
                throw new RuntimeException("first time");
            }
            return vmf.vmfInsertPfn(vmf.address(), s.k.ioPfn(0));
        }, null, null, "x");
        s.check(s.k.installSpecialMapping(s.t, AT, P, PFNMAP, sm));
        assertEquals("SIGBUS(ADRERR)", s.r(AT));
        broken[0] = false;
        assertEquals("ok", s.r(AT));
        assertNull(s.k.fault(s.k.faultCount() - 1).reason());
    }
}
