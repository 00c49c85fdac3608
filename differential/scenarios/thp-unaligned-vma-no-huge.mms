# Checks: a THP is only used when the whole 2M-aligned range lies inside the VMA: in a VMA starting one page past
#   a 2M boundary, a fault in its first 2M maps a single 4K page.
# Kernel: mm/huge_memory.c thp_vma_suitable_order (haddr < vm_start -> not suitable) -> do_anonymous_page.
# Expected: one A page at page 0.
kernel x86_64-6.18
$a = mmap 0x100000001000 2M rw- fixed
madvise $a 2M hugepage
touch $a 4K w
dump
