# Checks: MAP_FIXED over a sealed range is EPERM and the sealed VMA stays.
# Kernel: mm/mmap.c do_mmap -> mm/vma.c __mmap_region -> vms_gather_munmap_vmas (sealed -> -EPERM).
# Expected: EPERM; original VMA with "sl" and page A.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 4K w
mseal $a 8K
mmap 0x100000000000 4K r-- fixed
dump
