# Checks: a file mapping at an offset reads the file's pages from that offset; pgoff shows in the maps line.
# Kernel: mm/mmap.c do_mmap (vm_pgoff = offset >> PAGE_SHIFT); mm/filemap.c filemap_fault.
# Expected: 0x44 ('D'), 0x45 ('E'); pgoff 0x3000.
kernel x86_64-6.18
file f 32K
$a = mmap 0x100000000000 8K r-- file=f:12K fixed
read $a
read $a+4K
dump
