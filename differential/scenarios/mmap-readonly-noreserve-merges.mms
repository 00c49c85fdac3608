# Checks: a read-only private mapping is never accounted, so noreserve or not makes no difference: they merge.
# Kernel: mm/vma.c accountable_mapping / __mmap_region (VM_ACCOUNT only for private writable), vma_merge_new_range.
# Expected: one r--p VMA of 16K (VmFlags may show "nr" on both or neither as the kernel decides).
kernel x86_64-6.18
$a = mmap 0x100000000000 8K r-- fixed
$b = mmap 0x100000002000 8K r-- fixed noreserve
dump
