# Checks: MADV_POPULATE_WRITE on private anonymous memory allocates every page.
# Kernel: mm/madvise.c madvise_populate -> mm/gup.c faultin_page_range (FOLL_WRITE).
# Expected: ok, pages AAAA.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
madvise $a 16K populate_write
dump
