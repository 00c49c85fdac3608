# Checks: MAP_POPULATE on a file mapping longer than the file succeeds; only the pages inside the file are
#   populated; a read-only private file mapping is populated with page-cache pages (F).
# Kernel: mm/mmap.c do_mmap -> mm/gup.c __mm_populate (errors from populate are ignored by mmap).
# Expected: 0x100000000000; pages FF..; a read of page 3 SIGBUS(ADRERR).
kernel x86_64-6.18
file f 8K
$a = mmap 0x100000000000 16K r-- file=f fixed populate
dump
read $a+12K
