# Checks: munmap of one 4K page inside a THP-backed VMA splits the VMA and the PMD; every other page stays.
# Kernel: mm/vma.c vms_gather_munmap_vmas -> __split_vma -> vma_adjust_trans_huge (split_huge_pmd);
#   mm/memory.c zap_pmd_range.
# Expected: two VMAs (256 + 255 pages), all A; the hole MAPERR.
kernel x86_64-6.18
$a = mmap 0x100000000000 2M rw- fixed
madvise $a 2M hugepage
touch $a 4K w
munmap $a+1M 4K
touch $a+1M 4K r
dump
