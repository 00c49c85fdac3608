# Checks: a 2M-aligned anonymous region with MADV_HUGEPAGE gets a transparent huge page on its first write fault
#   (THP "madvise" mode): all 512 pages of the 2M become present at once.
# Kernel: mm/memory.c __handle_mm_fault -> create_huge_pmd -> mm/huge_memory.c do_huge_pmd_anonymous_page.
# Expected: the first 2M reads as 512 A pages, the second 2M stays empty.
kernel x86_64-6.18
$a = mmap 0x100000000000 4M rw- fixed
madvise $a 4M hugepage
touch $a+4K 4K w
dump
