# Checks: mremap with old_len 0 on a shared mapping creates a second mapping of the same pages; on a private
#   mapping it is refused.
# Kernel: mm/mremap.c (old_len == 0: allowed only for VM_SHARED, private -> -EINVAL; the new VMA shares the
#   shmem object).
# Expected: 0x100000100000 reading 0x66 written through the original; EINVAL for the private one.
kernel x86_64-6.18
$s = mmap 0x100000000000 8K rw- shared fixed
write $s 0x66
mremap $s 0 8K maymove fixed=0x100000100000
read 0x100000100000
$p = mmap 0x100000200000 8K rw- fixed
mremap $p 0 8K maymove fixed=0x100000300000
dump
