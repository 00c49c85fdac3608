# Checks: munmap of a middle page leaves two VMAs and a hole; access to the hole is SIGSEGV(MAPERR).
# Kernel: mm/vma.c do_vmi_munmap -> vms_gather_munmap_vmas (split_vma); arch/x86/mm/fault.c bad_area (SEGV_MAPERR).
# Expected: [0,4K) and [8K,12K), pages kept (A and A).
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed
touch $a 12K w
munmap $a+4K 4K
dump
touch $a 12K r
