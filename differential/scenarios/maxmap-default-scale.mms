# Checks: vm.max_map_count at a real size: every other page of a 400 MiB mapping made read-only, 65,000 VMAs
#   allowed above what the process has; the mprotect that would pass the limit and every later one is ENOMEM
#   (the issue-9 workload: the kernel stops about the 32,500th mprotect).
# Kernel: mm/mprotect.c mprotect_fixup -> mm/vma.c vma_modify_flags -> split_vma (map_count >= limit -> -ENOMEM).
# Expected: ok for the first 32,500 mprotects, ENOMEM for the rest.
kernel x86_64-6.18
$base = mmap 0x100000000000 400M rw- fixed
sysctl vm.max_map_count +65000
repeat $i 0 33000 { mprotect $base+$i*8K 4K r-- }
munmap $base 400M
