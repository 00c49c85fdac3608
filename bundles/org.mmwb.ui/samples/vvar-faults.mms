# Touch every page of [vvar] and [vvar_vclock]. Their .fault handlers insert PFNs for the pages that exist
# and refuse the others with VM_FAULT_SIGBUS:
#   [vvar]        p0 time data, p1 timens (SIGBUS outside a time namespace), p2 rng, p3 arch (none on x86: SIGBUS)
#   [vvar_vclock] p0 pvclock (SIGBUS without a pvclock), p1 hvclock (SIGBUS without Hyper-V)
kernel x86_64-6.18
touch [vvar] 16K r
touch [vvar_vclock] 8K r
touch [vvar] 4K w                 # read-only: SIGSEGV(ACCERR)
dump                              # PFNMAP pages read as '.' in pagemap
