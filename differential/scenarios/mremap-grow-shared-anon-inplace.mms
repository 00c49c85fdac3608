# Checks: a shared anonymous (shmem) mapping grows in place with mremap, but its shmem object keeps the size
#   of the original mmap, so the grown page is past EOF.
# Kernel: mm/mremap.c expand_vma_in_place; mm/shmem.c (the shmem file is sized by the original mmap: pages past
#   it SIGBUS).
# Expected: 0x100000000000; the old page reads 0x71; the grown page beyond the shmem object's size SIGBUS(ADRERR).
kernel x86_64-6.18
$s = mmap 0x100000000000 4K rw- shared fixed
write $s 0x71
mremap $s 4K 8K
read $s
read $s+4K
dump
