# Checks: fault-around maps the fault_around_bytes (64K = 16 pages) window, aligned down to 64K, around a read
#   fault: a read of page 20 of a 32-page private file mapping maps pages 16..31 only.
# Kernel: mm/memory.c do_read_fault -> do_fault_around (window ALIGN_DOWN(pgoff, 16), clamped to the VMA and
#   the PMD) -> mm/filemap.c filemap_map_pages (maps the uptodate page-cache pages in the window).
# Expected: 0x55 ('U'); pages: 16 '.' then 16 'F'.
kernel x86_64-6.18
file f 128K
$a = mmap 0x100000000000 128K r-- file=f fixed
read $a+80K
dump
