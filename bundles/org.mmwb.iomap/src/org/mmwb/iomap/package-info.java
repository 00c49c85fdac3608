/**
 * The IO mapping of a simulated device (docs/architecture.md, org.mmwb.iomap): {@link org.mmwb.iomap.TimerDevice}, a
 * timer block with three register pages at physical 0xfebf0000 (a PCI BAR, outside RAM), and
 * {@link org.mmwb.iomap.TimerRegsProvider}, whose {@code .fault} handler maps them with {@code vmf_insert_pfn_prot}
 * and uncached protections into a VM_IO|VM_PFNMAP special mapping {@code [mmwb_timer]}, installed on request by
 * the scenario operation {@link org.mmwb.iomap.IomapOperation iomap NAME [ADDR]}.
 */
package org.mmwb.iomap;
