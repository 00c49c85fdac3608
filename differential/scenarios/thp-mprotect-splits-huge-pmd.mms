# Checks: mprotect of one 4K page inside a THP splits the VMA and the PMD; every page stays present.
# Kernel: mm/vma.c __split_vma -> vma_adjust_trans_huge -> mm/huge_memory.c split_huge_pmd; mm/mprotect.c.
# Expected: three VMAs, all pages A (512 in all).
kernel x86_64-6.18
$a = mmap 0x100000000000 2M rw- fixed
madvise $a 2M hugepage
touch $a 4K w
mprotect $a+1M 4K r--
dump
