package org.mmwb.iomap;

import java.util.List;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.Task;
import org.mmwb.scenario.ArgKind;
import org.mmwb.scenario.ArgSpec;
import org.mmwb.scenario.OpContext;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OperationProvider;

/**
 * The scenario operation {@code [$n =] iomap NAME [ADDR]}: installs the on-request special mapping {@code [NAME]}
 * (a provider contributed with {@code placement="request"}, e.g. {@code iomap mmwb_timer}) into the current
 * process, as a device driver's mmap does with {@code _install_special_mapping}. Without ADDR the address is the
 * one mmap would choose for the same length (get_unmapped_area, top-down); with ADDR the range must be free.
 * Results: the address, {@code ENODEV} (no such on-request mapping in this kernel profile), {@code EINVAL} (ADDR not
 * page aligned), {@code ENOMEM} (the range is taken or no room), {@code ESRCH} (no process), {@code ENOSYS} on a
 * machine that is not the simulator (the live kernel has no such device).
 * <p>
 * Contributed to {@code org.mmwb.scenario.operations} by this bundle's plugin.xml; it works through the engine's
 * public API, which the simulator gives with {@code target.adapt(Kernel.class)}.
 */
public final class IomapOperation implements OperationProvider {
    /** The operation's name. */
    public static final String OP = "iomap";

    private static final OpSpec SPEC = new OpSpec(OP,
            List.of(ArgSpec.of("NAME", ArgKind.NAME, "an on-request special mapping without brackets, e.g."
                    + " mmwb_timer"), ArgSpec.optional("ADDR", ArgKind.ADDRESS, "where to map it (default: where"
                    + " mmap would)")),
            List.of(), true, true, OpSpec.Placement.CHOSEN,
            "Maps the on-request special mapping [NAME] (a device's registers, e.g. mmwb_timer) into the current"
                    + " process, like a driver's mmap; returns its address. Simulator only (the live kernel answers"
                    + " ENOSYS).",
            IomapOperation::execute);

    /** Created by the extension registry for this bundle's {@code <operation name="iomap">}. */
    public IomapOperation() {
    }

    @Override
    public OpSpec operation(String name) {
        return OP.equals(name) ? SPEC : null;
    }

    /** The declaration, for plain-Java use ({@link org.mmwb.scenario.OperationTable#with(OpSpec)}). */
    public static OpSpec spec() {
        return SPEC;
    }

    private static List<OpResult> execute(OpContext c) {
        Kernel k = c.target().adapt(Kernel.class);
        if (k == null) {
            return List.of(OpResult.errno("ENOSYS")); // the live kernel: no such device, no such call
        }
        boolean hasAddr = c.present("ADDR");
        return List.of(map(k, c.target().currentPid(), "[" + c.text("NAME") + "]", hasAddr,
                hasAddr ? c.value("ADDR") : 0));
    }

    /** Installs the mapping into the task of that pid. */
    static OpResult map(Kernel k, int pid, String name, boolean hasAddr, long addr) {
        Task t = k.task(pid);
        if (t == null || !t.alive()) {
            return OpResult.errno("ESRCH");
        }
        SpecialMappingProvider p = null;
        for (SpecialMappingProvider q : k.providers()) {
            if (q.name().equals(name) && q.placement().kind() == Placement.Kind.ON_REQUEST) {
                p = q;
            }
        }
        SpecialMapping sm = p == null ? null : k.specialMapping(name);
        if (sm == null) {
            return OpResult.errno("ENODEV");
        }
        long len = (long) p.pages() << 12;
        long at = hasAddr ? addr : k.getUnmappedArea(t, len);
        if (at < 0) {
            return OpResult.errno(Errno.name((int) -at));
        }
        long r = k.installSpecialMapping(t, at, len, p.vmFlags(), sm);
        return r < 0 ? OpResult.errno(Errno.name((int) -r)) : OpResult.value(r);
    }
}
