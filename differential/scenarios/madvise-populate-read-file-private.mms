# Checks: MADV_POPULATE_READ on a private file mapping maps the page-cache pages (F), no private copies.
# Kernel: mm/madvise.c madvise_populate -> mm/gup.c faultin_page_range (read) -> do_read_fault.
# Expected: ok; pages FFFF; a read gives 0x43 at page 2.
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K rw- private file=f fixed
madvise $a 16K populate_read
dump
read $a+8K
