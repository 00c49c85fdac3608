# Checks: vm.mmap_min_addr raises a lower hint to itself (round_hint_to_min); root (CAP_SYS_RAWIO) may still map
#   below it with MAP_FIXED.
# Kernel: mm/mmap.c do_mmap -> round_hint_to_min, security/commoncap.c cap_mmap_addr.
# Expected: the hinted mapping lands at 0x100000 when that is free; the fixed one at 0x20000 succeeds.
kernel x86_64-6.18
sysctl vm.mmap_min_addr 0x100000
$a = mmap 0x30000 4K rw-
munmap $a 4K
mmap 0x20000 4K rw- fixed
munmap 0x20000 4K
