/**
 * The live-kernel side of mmwb: run scenario operations on the Linux kernel of this machine and read back what it
 * did, and import the memory map of a live process.
 * <ul>
 * <li>{@link org.mmwb.host.HostKernel} builds (gcc, cached) and starts the C helper {@code native/mmwb-hostd.c}
 * and speaks its line protocol; {@link org.mmwb.host.HostScenario} and {@link org.mmwb.host.HostProcess} give one
 * typed method per scenario operation, answering {@link org.mmwb.host.HostResult}s and
 * {@link org.mmwb.host.HostVma} dumps; {@link org.mmwb.host.HostScenario#faults()} the user page faults the
 * scenario's accesses took ({@link org.mmwb.host.HostFaults}, captured with perf on exceptions:page_fault_user).</li>
 * <li>{@link org.mmwb.host.ProcImport} reads /proc/PID into a {@link org.mmwb.host.ProcSnapshot}.</li>
 * <li>{@link org.mmwb.host.HostBench} measures the kernel for {@code ./mmwb bench}.</li>
 * </ul>
 * Plain Java 21, no scenario-language or Eclipse classes: an adapter maps scenario lines onto these calls.
 */
package org.mmwb.host;
