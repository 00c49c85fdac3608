# Checks: MREMAP_DONTUNMAP of a private file mapping: the written (anon COW) page moves to the new place; the old
#   VMA stays and reads the file's content again.
# Kernel: mm/mremap.c move_vma (MREMAP_DONTUNMAP keeps the old VMA; move_page_tables moves the PTEs).
# Expected: 0x100000100000; new reads 0x7a; old reads 0x41 ('A').
kernel x86_64-6.18
file f 8K
$a = mmap 0x100000000000 8K rw- private file=f fixed
write $a 0x7a
mremap $a 8K 8K maymove dontunmap fixed=0x100000100000
read 0x100000100000
read $a
dump
