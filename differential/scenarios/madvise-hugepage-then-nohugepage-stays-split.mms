# Checks: MADV_HUGEPAGE on the middle page of a VMA splits it ("hg"); MADV_NOHUGEPAGE on the same page replaces
#   the flag with "nh" (VM_NOHUGEPAGE), so the VMA stays split in three rather than merging back.
# Kernel: mm/khugepaged.c hugepage_madvise (sets one flag, clears the other), mm/madvise.c madvise_update_vma.
# Expected: three VMAs with the middle "hg"; then three with the middle "nh".
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed
madvise $a+4K 4K hugepage
dump
madvise $a+4K 4K nohugepage
dump
