# Checks: a read fault on a page past EOF still faults around first: the pages inside the file in the same 64K
#   window get mapped even though the access itself ends in SIGBUS.
# Kernel: mm/memory.c do_read_fault (do_fault_around before __do_fault) -> mm/filemap.c filemap_map_pages
#   (end clamped to the file size); filemap_fault (VM_FAULT_SIGBUS past EOF).
# Expected: SIGBUS(ADRERR); pages FF..
kernel x86_64-6.18
file f 8K
$a = mmap 0x100000000000 16K r-- file=f fixed
read $a+12K
dump
