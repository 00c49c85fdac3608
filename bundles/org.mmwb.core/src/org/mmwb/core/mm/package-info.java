/**
 * The mm simulation API: a simulated Linux 6.18 machine ({@link org.mmwb.core.mm.Kernel}) with tasks, their
 * address spaces ({@link org.mmwb.core.mm.MmStruct}, {@link org.mmwb.core.mm.VmArea}), the mm system calls with
 * the kernel's checks and errnos (results are {@code >= 0} or {@code -errno}; bad input never throws), memory
 * accesses that go through the page-fault path and end with the kernel's signals, special mappings
 * ({@link org.mmwb.core.mm.SpecialMapping}, contributed through {@link org.mmwb.core.mm.SpecialMappingProvider}),
 * dumps as /proc/PID/maps, smaps and pagemap show them, and the fault log.
 *
 * <pre>
 * Kernel k = new Kernel(X86Profiles.x86_64_6_18());          // org.mmwb.x86
 * Task t = k.spawn();                                         // pid 1, freshly exec'd layout
 * long a = k.mmap(t, 0, 3 * 4096, Prot.READ | Prot.WRITE, MapFlags.PRIVATE | MapFlags.ANONYMOUS, null, 0);
 * int r = k.write(t, a, (byte) 'Z');                          // Signals.OK or e.g. SIGSEGV(ACCERR)
 * Task child = k.fork(t);                                     // COW
 * for (VmaSnapshot s : k.snapshot(t)) System.out.println(s.mapsLine() + " " + s.pages());
 * FaultRecord f = k.fault(k.faultCount() - 1);                // the last fault
 * </pre>
 * Names follow the kernel (mm/mmap.c, mm/vma.c, mm/memory.c, arch/x86/mm/fault.c) so that a reader can look up
 * the rule a method mirrors. Not thread-safe: one caller at a time, like one CPU holding mmap_lock.
 */
package org.mmwb.core.mm;
