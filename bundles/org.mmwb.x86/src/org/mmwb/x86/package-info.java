/**
 * x86-64 kernel profiles for the simulator: {@link org.mmwb.x86.X86Profiles#x86_64_6_18()} (the layout and
 * special mappings of Linux 6.18: [vvar], [vvar_vclock], [vdso], the [vsyscall] gate) and a skeleton of the
 * 3.19 era ({@link org.mmwb.x86.X86Profiles#x86_64_3_19()}, whose [vvar] maps the HPET uncached by .fault).
 * Providers are plain {@link org.mmwb.core.mm.SpecialMappingProvider}s.
 */
package org.mmwb.x86;
