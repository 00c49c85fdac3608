# Checks: fault-around maps only pages inside the file: a 4-page mapping of a 2-page file reads as FF.. after one
#   read, and the pages past EOF still SIGBUS.
# Kernel: mm/filemap.c filemap_map_pages (end_pgoff clamped to the file size), filemap_fault (VM_FAULT_SIGBUS).
# Expected: 0x41; pages FF..; then SIGBUS(ADRERR) for page 3.
kernel x86_64-6.18
file f 8K
$a = mmap 0x100000000000 16K r-- file=f fixed
read $a
dump
read $a+12K
