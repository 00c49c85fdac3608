# Checks: munmap of the middle of a VMA at the limit is refused; unmapping a whole VMA or an end still works.
# Kernel: mm/vma.c vms_gather_munmap_vmas (end < vm_end && map_count >= sysctl_max_map_count -> -ENOMEM).
# Expected: with no headroom: the middle ENOMEM, the end ok; the middle of the now 2-VMA area still ENOMEM;
#   once $b is gone the middle is ok.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
$b = mmap 0x100000010000 4K r-- fixed
sysctl vm.max_map_count +0
munmap $a+4K 4K
munmap $a+12K 4K
munmap $a+4K 4K
munmap $b 4K
munmap $a+4K 4K
dump
