# Checks: MADV_DONTNEED of one page inside a THP splits the PMD and drops only that page.
#   MADV_NOHUGEPAGE is applied after the THP fault and before the DONTNEED so that khugepaged (woken when the mm
#   registers) cannot collapse the range back into a THP before the dump (seen once while writing this scenario).
# Kernel: mm/madvise.c madvise_dontneed_single_vma -> mm/memory.c zap_pmd_range (__split_huge_pmd for a partial
#   range); mm/khugepaged.c (collapse only in VM_HUGEPAGE VMAs in "madvise" mode).
# Expected: 511 A pages and one '.' (page 2).
kernel x86_64-6.18
$a = mmap 0x100000000000 2M rw- fixed
madvise $a 2M hugepage
touch $a 4K w
madvise $a 2M nohugepage
madvise $a+8K 4K dontneed
dump
