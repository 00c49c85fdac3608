# Checks: a read fault in a MADV_HUGEPAGE 2M-aligned region maps the huge zero page: all 512 pages read as Z.
# Kernel: mm/huge_memory.c do_huge_pmd_anonymous_page (!FAULT_FLAG_WRITE && use_zero_page -> mm_get_huge_zero_folio).
# Expected: 0x0; 512 Z pages.
kernel x86_64-6.18
$a = mmap 0x100000000000 2M rw- fixed
madvise $a 2M hugepage
read $a+8K
dump
