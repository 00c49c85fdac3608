# Checks: MADV_HUGEPAGE / MADV_NOHUGEPAGE set the "hg" / "nh" VmFlags and split the VMA.
# Kernel: mm/khugepaged.c hugepage_madvise, mm/madvise.c madvise_update_vma.
# Expected: three VMAs: "hg", none, "nh".
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed
madvise $a 4K hugepage
madvise $a+8K 4K nohugepage
dump
