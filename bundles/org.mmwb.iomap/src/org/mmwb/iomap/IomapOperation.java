package org.mmwb.iomap;

import java.util.ArrayList;
import java.util.List;

import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.Kernel;
import org.mmwb.core.mm.MapFlags;
import org.mmwb.core.mm.Placement;
import org.mmwb.core.mm.Prot;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.SpecialMappingProvider;
import org.mmwb.core.mm.Task;
import org.mmwb.scenario.ArgKind;
import org.mmwb.scenario.ArgSpec;
import org.mmwb.scenario.OpContext;
import org.mmwb.scenario.OpResult;
import org.mmwb.scenario.OpSpec;
import org.mmwb.scenario.OperationTable;
import org.mmwb.scenario.sim.SimulatorTarget;

/**
 * The scenario operation {@code [$n =] iomap NAME [ADDR]}: installs the on-request special mapping {@code [NAME]}
 * (a provider contributed with {@code placement="request"}, e.g. {@code iomap mmwb_timer}) into the current
 * process, as a device driver's mmap does with {@code _install_special_mapping}. Without ADDR the address is the
 * one mmap would choose for the same length (get_unmapped_area, top-down); with ADDR the range must be free.
 * Results: the address, {@code ENODEV} (no such on-request mapping in this kernel profile), {@code EINVAL} (ADDR not
 * page aligned), {@code ENOMEM} (the range is taken or no room), {@code ESRCH} (no process).
 * <p>
 * On the simulator it works through the engine's public API; other targets get
 * {@link org.mmwb.scenario.ScenarioTarget#extension(String, List) extension("iomap", [NAME, ADDR?])}, which the live
 * kernel answers with ENOSYS (there is no such device on the host).
 */
public final class IomapOperation {
    /** The operation's name. */
    public static final String OP = "iomap";

    private static final OpSpec SPEC = new OpSpec(OP,
            List.of(ArgSpec.of("NAME", ArgKind.NAME, "an on-request special mapping without brackets, e.g."
                    + " mmwb_timer"), ArgSpec.optional("ADDR", ArgKind.ADDRESS, "where to map it (default: where"
                    + " mmap would)")),
            List.of(), true, true, OpSpec.Placement.CHOSEN,
            "Maps the on-request special mapping [NAME] (a device's registers, e.g. mmwb_timer) into the current"
                    + " process, like a driver's mmap; returns its address.",
            IomapOperation::execute);

    private IomapOperation() {
    }

    /** The declaration, for {@link OperationTable#with(OpSpec)}. */
    public static OpSpec spec() {
        return SPEC;
    }

    /** The built-in operations plus {@code iomap}. */
    public static OperationTable table() {
        return OperationTable.builtin().with(SPEC);
    }

    private static List<OpResult> execute(OpContext c) {
        String name = c.text("NAME");
        boolean hasAddr = c.present("ADDR");
        long addr = hasAddr ? c.value("ADDR") : 0;
        if (c.target() instanceof SimulatorTarget sim) {
            return List.of(map(sim, "[" + name + "]", hasAddr, addr));
        }
        List<Object> args = new ArrayList<>();
        args.add(name);
        if (hasAddr) {
            args.add(addr);
        }
        return List.of(c.target().extension(OP, args));
    }

    /** Installs the mapping into the simulator's current task. */
    static OpResult map(SimulatorTarget sim, String name, boolean hasAddr, long addr) {
        Kernel k = sim.kernel();
        Task t = k.task(sim.currentPid());
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
        long at = hasAddr ? addr : unmappedArea(k, t, len);
        if (at < 0) {
            return OpResult.errno(Errno.name((int) -at));
        }
        long r = k.installSpecialMapping(t, at, len, p.vmFlags(), sm);
        return r < 0 ? OpResult.errno(Errno.name((int) -r)) : OpResult.value(r);
    }

    /**
     * get_unmapped_area for len bytes: the engine does not export it, so ask mmap for the address it would choose
     * and give the range back at once (an unfaulted PROT_NONE mapping leaves no trace). Returns -errno on failure.
     */
    private static long unmappedArea(Kernel k, Task t, long len) {
        long a = k.mmap(t, 0, len, Prot.NONE, MapFlags.PRIVATE | MapFlags.ANONYMOUS, null, 0);
        if (a >= 0) {
            k.munmap(t, a, len);
        }
        return a;
    }
}
