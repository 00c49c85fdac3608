package org.mmwb.core.mm;

/**
 * A simulated device's register pages: the bytes behind IO PFNs (not RAM). Registered with
 * {@link Kernel#allocIoMemory} (PFNs nobody else uses) or {@link Kernel#registerIoMemory} (fixed PFNs);
 * {@link Kernel#read} and {@link Kernel#write} of a user address mapped to
 * one of its PFNs (e.g. by a special mapping's {@code .fault} handler with {@code vmf_insert_pfn_prot}) call it,
 * as a load or store of an uncached mapping reaches the device. Called on the simulation thread, one byte at a
 * time. A device that throws fails the access: the load or store ends in SIGBUS(BUS_ADRERR), and the failure
 * listener of the mapping whose provider registered the device is told which call threw and why.
 */
@FunctionalInterface
public interface IoMemory {
    /** The value of the register byte at offset (0..4095) of pfn, 0..255. */
    int readb(long pfn, int offset);

    /** A store of value at offset of pfn; read-only registers ignore it (the default). */
    default void writeb(long pfn, int offset, byte value) {
    }
}
