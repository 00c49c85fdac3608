# Checks: with MADV_NOHUGEPAGE a write fault in a 2M-aligned region maps a single 4K page.
# Kernel: mm/huge_memory.c thp_vma_allowable_orders (VM_NOHUGEPAGE) -> mm/memory.c do_anonymous_page.
# Expected: one A page, the rest not present.
kernel x86_64-6.18
$a = mmap 0x100000000000 2M rw- fixed
madvise $a 2M nohugepage
touch $a+4K 4K w
dump
