# Checks: reading each page of [vvar]: time data ok, timens page SIGBUS (no time namespace), rng ok, arch SIGBUS.
# Kernel: arch/x86/entry/vdso/vma.c / lib/vdso/datastore.c vvar_fault (VM_FAULT_SIGBUS for absent pages);
#   mm/mmap.c special_mapping_fault.
# Expected: ok SIGBUS(ADRERR) ok SIGBUS(ADRERR); pages .... (PFNMAP pages are not shown by pagemap).
kernel x86_64-6.18
touch [vvar] 16K r
dump
