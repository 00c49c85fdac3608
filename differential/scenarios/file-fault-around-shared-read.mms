# Checks: a read fault on a shared file mapping faults around too.
# Kernel: mm/memory.c do_fault -> do_read_fault -> do_fault_around -> filemap_map_pages.
# Expected: 0x44 ('D'); pages FFFF.
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K r-- shared file=f fixed
read $a+12K
dump
