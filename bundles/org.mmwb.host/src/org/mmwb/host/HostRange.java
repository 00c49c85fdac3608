package org.mmwb.host;

/**
 * An address range [start, end) of the live process, e.g. where its [vdso] is.
 *
 * @param start first address
 * @param end   first address after the range
 */
public record HostRange(long start, long end) {
    /** @return end - start */
    public long length() {
        return end - start;
    }
}
