# Checks: growing an mlocked VMA in place populates the new part (it is locked too).
# Kernel: mm/mremap.c (VM_LOCKED: mm_populate(new_addr + old_len, new_len - old_len) after the resize).
# Expected: 0x100000000000; one "lo" VMA of 16K with pages AAAA.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed locked
mremap $a 8K 16K
dump
