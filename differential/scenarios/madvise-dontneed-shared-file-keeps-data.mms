# Checks: MADV_DONTNEED on a shared file mapping only unmaps: the data written stays in the file and comes back.
# Kernel: mm/madvise.c madvise_dontneed_single_vma (zap only); mm/shmem.c page cache keeps the page.
# Expected: ok; pages ....; read 0x5a.
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K rw- shared file=f fixed
touch $a 4K w
madvise $a 16K dontneed
dump
read $a
