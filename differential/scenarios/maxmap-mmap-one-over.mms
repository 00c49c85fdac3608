# Checks: do_mmap refuses only when map_count is already above the limit, so one mmap may reach limit + 1.
# Kernel: mm/mmap.c do_mmap (mm->map_count > sysctl_max_map_count -> -ENOMEM).
# Expected: the first two mmaps succeed (the second brings map_count to limit + 1), the third is ENOMEM.
kernel x86_64-6.18
sysctl vm.max_map_count +1
mmap 0x100000000000 4K rw- fixed
mmap 0x100000010000 4K r-- fixed
mmap 0x100000020000 4K rw- fixed
mmap 0x100000030000 4K rw- fixed
dump
