# Checks: a read fault on a private read-only file mapping maps the neighbouring page-cache pages too (fault-around,
#   fault_around_bytes = 64K), so one read makes all four pages present.
# Kernel: mm/memory.c do_read_fault -> do_fault_around -> mm/filemap.c filemap_map_pages.
# Expected: 0x42; pages FFFF.
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K r-- file=f fixed
read $a+4K
dump
