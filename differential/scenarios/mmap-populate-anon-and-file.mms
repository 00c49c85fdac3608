# Checks: MAP_POPULATE prefaults: private writable anon -> A pages; shared file -> F pages; private read-only -> Z.
# Kernel: mm/mmap.c do_mmap (*populate), mm/gup.c __mm_populate / populate_vma_page_range.
# Expected: AAAA, FFFF, ZZ.
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K rw- fixed populate
$s = mmap 0x100000100000 16K rw- shared file=f fixed populate
$r = mmap 0x100000200000 8K r-- fixed populate
dump
