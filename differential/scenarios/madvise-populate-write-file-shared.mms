# Checks: MADV_POPULATE_WRITE on a shared file mapping maps every page writable from the page cache (F).
# Kernel: mm/madvise.c madvise_populate -> mm/gup.c faultin_page_range -> do_shared_fault.
# Expected: ok; FFFF; the first byte of each page unchanged (reads 0x41).
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K rw- shared file=f fixed
madvise $a 16K populate_write
dump
read $a
