# Checks: MADV_POPULATE_WRITE on a private file mapping breaks COW on every page: all become private anon copies.
# Kernel: mm/gup.c faultin_page_range (FOLL_WRITE) -> mm/memory.c do_cow_fault.
# Expected: ok; AAAA; the contents are the file's (0x42 at page 1).
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K rw- private file=f fixed
madvise $a 16K populate_write
dump
read $a+4K
