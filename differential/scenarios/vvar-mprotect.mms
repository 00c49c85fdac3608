# Checks: mprotect [vvar] to rw- is EACCES (no VM_MAYWRITE); partial mprotect EINVAL; whole to --- ok, then reads ACCERR.
# Kernel: mm/mprotect.c do_mprotect_pkey (newflags & ~(VM_MAY*) -> -EACCES), __split_vma (special_mapping_split).
# Expected: EACCES, EINVAL, ok, SIGSEGV(ACCERR).
kernel x86_64-6.18
mprotect [vvar] 16K rw-
mprotect [vvar] 4K ---
mprotect [vvar] 16K ---
read [vvar]
dump
