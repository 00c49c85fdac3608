# Checks: MREMAP_FIXED moves a faulted VMA to the given address, pages and contents with it.
# Kernel: mm/mremap.c mremap_to -> move_vma (move_page_tables).
# Expected: 0x100000100000; old range unmapped; new VMA with pages AA and the stored byte 0x5a.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
$n = mremap $a 8K 8K maymove fixed=0x100000100000
read $n+4K
touch $a 4K r
dump
