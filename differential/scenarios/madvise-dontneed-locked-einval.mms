# Checks: MADV_DONTNEED on an mlocked range is EINVAL and the pages stay.
# Kernel: mm/madvise.c madvise_dontneed_free_valid_vma (VM_LOCKED -> false -> -EINVAL).
# Expected: EINVAL; pages AA.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
mlock $a 8K
madvise $a 8K dontneed
dump
