# Checks: vm.overcommit_memory: 1 commits anything, 0 refuses one request larger than RAM + swap unless
#   MAP_NORESERVE, 2 ignores MAP_NORESERVE (the mapping is accounted) and refuses past the commit limit.
# Kernel: mm/util.c __vm_enough_memory, mm/mmap.c do_mmap (MAP_NORESERVE and sysctl_overcommit_memory),
#   __mmap_setup (accountable_mapping).
# Expected: ok, ENOMEM, ok, then under mode 2 ENOMEM for 0x400000000000 even with noreserve, and a small noreserve mapping
#   without nr (accounted: ac).
kernel x86_64-6.18
sysctl vm.overcommit_memory 1
$a = mmap 0 0x400000000000 rw-
munmap $a 0x400000000000
sysctl vm.overcommit_memory 0
mmap 0 0x400000000000 rw-
$b = mmap 0 0x400000000000 rw- noreserve
munmap $b 0x400000000000
sysctl vm.overcommit_memory 2
mmap 0 0x400000000000 rw- noreserve
mmap 0x100000000000 4K rw- fixed noreserve
mmap 0x100000010000 4K r-- fixed
mprotect 0x100000010000 4K rw-
dump
