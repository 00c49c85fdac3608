# Checks: vm.max_map_count at mprotect: split_vma refuses once map_count >= the limit, and a refused second
#   split leaves the first one done (the range is split below, not above).
# Kernel: mm/vma.c split_vma (map_count >= sysctl_max_map_count -> -ENOMEM) via vma_modify_flags.
# Expected: ok, ok, then ENOMEM with the VMA split at $a+12K only.
kernel x86_64-6.18
$a = mmap 0x100000000000 64K rw- fixed
sysctl vm.max_map_count +3
mprotect $a+4K 4K r--
mprotect $a+12K 4K r--
mprotect $a+24K 4K r--
mprotect $a+40K 4K r--
dump
