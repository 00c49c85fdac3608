# Checks: split and re-merge of a never-faulted anonymous VMA (no anon_vma on either side).
# Kernel: mm/vma.c vma_merge_existing_range; mm/mprotect.c mprotect_fixup.
# Expected: three VMAs after the first mprotect, one 16K rw-p VMA with no pages after the second.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
mprotect $a+4K 8K r--
dump
mprotect $a 16K rw-
dump
