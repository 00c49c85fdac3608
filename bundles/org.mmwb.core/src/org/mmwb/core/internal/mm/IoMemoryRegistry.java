package org.mmwb.core.internal.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mmwb.core.internal.page.PhysMem;
import org.mmwb.core.mm.Errno;
import org.mmwb.core.mm.IoMemory;
import org.mmwb.core.mm.SpecialMapping;
import org.mmwb.core.mm.VmArea;

/**
 * Device memory: which PFNs of the PCI hole belong to which device model, as request_mem_region keeps them
 * (kernel/resource.c: ranges never overlap, a clash is EBUSY), who registered them (the provider whose
 * {@code create} ran, "[name] (bundle)"), and the byte loads and stores that reach a device. A device model is
 * plugin code: one whose readb or writeb throws ends the access as a failing device access does (SIGBUS, see
 * {@link #DEVICE_ERROR}) and is reported, with the reason, to the failure listener of the mapping whose provider
 * registered it (docs/plugin-guide.md, "What a failure looks like").
 */
public final class IoMemoryRegistry {
    /** What {@link #readb} and {@link #writeb} return when the device threw: the access gets SIGBUS. */
    public static final int DEVICE_ERROR = -1;

    /** A registered range [first, first + pages); mapping is the one its provider created (null if none). */
    private static final class Region {
        final long first;
        final long pages;
        final IoMemory device;
        final String owner;
        SpecialMapping mapping;

        Region(long first, long pages, IoMemory device, String owner) {
            this.first = first;
            this.pages = pages;
            this.device = device;
            this.owner = owner;
        }

        long end() {
            return first + pages;
        }
    }

    private final PhysMem phys;
    private final TreeMap<Long, Region> regions = new TreeMap<>();
    /** The provider whose create() runs now, "[name] (bundle)"; null outside provider creation. */
    private String creating;
    /** The regions registered by the provider creating now. */
    private final List<Region> created = new ArrayList<>();
    private int refusals;
    private String lastRefusal;

    public IoMemoryRegistry(MmKernel k) {
        this.phys = k.phys;
    }

    /** A provider's create() starts: what it registers belongs to owner ("[name] (bundle)"). */
    public void beginCreate(String owner) {
        creating = owner;
        created.clear();
    }

    /** The provider's create() ended: its devices report their failures to sm (null: left out or none made). */
    public void endCreate(SpecialMapping sm) {
        for (Region r : created) {
            r.mapping = sm;
        }
        created.clear();
        creating = null;
    }

    /**
     * request_mem_region of [firstPfn, firstPfn + pages) for device. 0, -EINVAL (pages &lt;= 0, a null device, a
     * negative PFN or one that is RAM) or -EBUSY (overlaps a registered range; counted and described, see
     * {@link #lastRefusal}).
     */
    public long register(long firstPfn, int pages, IoMemory device) {
        if (pages <= 0 || device == null || firstPfn < 0) {
            return -Errno.EINVAL;
        }
        long end = firstPfn + pages;
        for (long p = firstPfn; p < end; p++) {
            if (phys.isRam(p)) {
                return -Errno.EINVAL;
            }
        }
        Region clash = overlap(firstPfn, end);
        if (clash != null) {
            refusals++;
            lastRefusal = String.format("IO memory PFNs 0x%x-0x%x overlap 0x%x-0x%x, registered by %s (EBUSY)",
                    firstPfn, end - 1, clash.first, clash.end() - 1,
                    clash.owner.isEmpty() ? "another device" : clash.owner);
            return -Errno.EBUSY;
        }
        Region r = new Region(firstPfn, pages, device, creating == null ? "" : creating);
        regions.put(firstPfn, r);
        if (creating != null) {
            created.add(r);
        }
        return 0;
    }

    /**
     * The lowest free range of pages PFNs in the PCI hole, registered for device (the PCI core assigning a BAR):
     * its first PFN, -EINVAL (pages &lt;= 0, a null device) or -ENOMEM (no free range that long).
     */
    public long alloc(int pages, IoMemory device) {
        if (pages <= 0 || device == null) {
            return -Errno.EINVAL;
        }
        long first = PhysMem.IO_PFN_BASE;
        for (Region r : regions.tailMap(first).values()) {
            if (r.first - first >= pages) {
                break;
            }
            first = Math.max(first, r.end());
        }
        if (first + pages > PhysMem.IO_PFN_END) {
            return -Errno.ENOMEM;
        }
        return register(first, pages, device) == 0 ? first : -Errno.ENOMEM;
    }

    /** release_mem_region of the range registered at firstPfn: 0 or -ENOENT. */
    public long unregister(long firstPfn) {
        return regions.remove(firstPfn) != null ? 0 : -Errno.ENOENT;
    }

    /** "[name] (bundle)" of the provider that registered pfn, "" outside provider creation, null if unregistered. */
    public String owner(long pfn) {
        Region r = region(pfn);
        return r == null ? null : r.owner;
    }

    /** Registrations refused with EBUSY so far. */
    public int refusals() {
        return refusals;
    }

    /** Why the last registration was refused with EBUSY ("" when none was). */
    public String lastRefusal() {
        return lastRefusal == null ? "" : lastRefusal;
    }

    /**
     * A byte load at offset off of pfn through vma at addr: 0..255 from the device (0 where none is registered),
     * or {@link #DEVICE_ERROR} when its readb threw.
     */
    public int readb(VmArea vma, long addr, long pfn, int off) {
        Region r = region(pfn);
        if (r == null) {
            return 0;
        }
        try {
            return r.device.readb(pfn, off) & 0xff;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return failed(r, vma, addr, "readb", pfn, e);
        }
    }

    /** A byte store at offset off of pfn through vma at addr: 0 (dropped where no device is) or DEVICE_ERROR. */
    public int writeb(VmArea vma, long addr, long pfn, int off, byte value) {
        Region r = region(pfn);
        if (r == null) {
            return 0;
        }
        try {
            r.device.writeb(pfn, off, value);
            return 0;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return failed(r, vma, addr, "writeb", pfn, e);
        }
    }

    /** Tells the listener of the device's mapping why the access failed. */
    private static int failed(Region r, VmArea vma, long addr, String op, long pfn, Throwable e) {
        SpecialMapping sm = r.mapping;
        if (sm != null && sm.failureListener() != null) {
            String why = String.format("its device's %s of IO memory PFN 0x%x threw %s", op, pfn, e);
            try {
                sm.failureListener().failed(sm, vma, addr, why);
            } catch (RuntimeException ignored) {
                // a listener must not turn a SIGBUS into an engine failure
            }
        }
        return DEVICE_ERROR;
    }

    private Region region(long pfn) {
        Map.Entry<Long, Region> e = regions.floorEntry(pfn);
        return e != null && pfn < e.getValue().end() ? e.getValue() : null;
    }

    private Region overlap(long first, long end) {
        Map.Entry<Long, Region> below = regions.floorEntry(end - 1);
        return below != null && below.getValue().end() > first ? below.getValue() : null;
    }
}
