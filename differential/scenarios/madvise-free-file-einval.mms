# Checks: MADV_FREE is for anonymous private memory only: on a file mapping it fails with EINVAL.
# Kernel: mm/madvise.c madvise_free_single_vma (!vma_is_anonymous -> -EINVAL).
# Expected: EINVAL.
kernel x86_64-6.18
file f 8K
$a = mmap 0x100000000000 8K rw- file=f fixed
madvise $a 8K free
