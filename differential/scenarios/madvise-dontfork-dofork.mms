# Checks: MADV_DONTFORK then MADV_DOFORK on a part: the flag ("dc") splits then merges back; the child inherits all.
# Kernel: mm/madvise.c madvise_update_vma (VM_DONTCOPY), mm/vma.c vma_modify_flags; kernel/fork.c dup_mmap.
# Expected: dump 1: three VMAs, the middle with "dc"; dump 2: one VMA; the child has the whole VMA (pages aaa).
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed
touch $a 12K w
madvise $a+4K 4K dontfork
dump
madvise $a+4K 4K dofork
dump
$c = fork
dump
