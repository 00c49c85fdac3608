# Checks: a fork child that moves its VMA with mremap keeps sharing the pages with the parent (a); a write there
#   copies (A) and leaves the parent's page alone.
# Kernel: mm/mremap.c move_vma (move_page_tables keeps the PTEs, rmap follows through copy_vma's anon_vma);
#   mm/memory.c wp_page_copy.
# Expected: child: aa at 0x100000100000, then Aa after the write; parent reads 0x5a.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
$c = fork
mremap $a 8K 8K maymove fixed=0x100000100000
dump
write 0x100000100000 0x11
dump
exit
read $a
dump
