# Checks: MADV_WIPEONFORK is only for private anonymous mappings: on a file or shared mapping it is EINVAL.
# Kernel: mm/madvise.c madvise_vma_behavior (MADV_WIPEONFORK: vma->vm_file || VM_SHARED -> -EINVAL).
# Expected: EINVAL, EINVAL.
kernel x86_64-6.18
file f 8K
$a = mmap 0x100000000000 8K rw- private file=f fixed
$s = mmap 0x100000100000 8K rw- shared fixed
madvise $a 8K wipeonfork
madvise $s 8K wipeonfork
