# Checks: mseal of [vvar_vclock], then munmap and mprotect of it are EPERM.
# Kernel: mm/mseal.c; mm/vma.c vms_gather_munmap_vmas; mm/mprotect.c.
# Expected: ok, EPERM, EPERM.
kernel x86_64-6.18
mseal [vvar_vclock] 8K
munmap [vvar_vclock] 8K
mprotect [vvar_vclock] 8K ---
dump
