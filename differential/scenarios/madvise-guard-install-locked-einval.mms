# Checks: guard regions cannot be installed in an mlocked VMA.
# Kernel: mm/madvise.c is_valid_guard_vma (VM_LOCKED is a disallowed flag -> -EINVAL).
# Expected: EINVAL; pages AA.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed locked
madvise $a 4K guard_install
dump
