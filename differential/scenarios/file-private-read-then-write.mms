# Checks: a write after a read on a private file mapping replaces the page-cache page with a private copy (A),
#   a write fault with no read before does the same directly (do_cow_fault).
# Kernel: mm/memory.c do_wp_page -> wp_page_copy; do_cow_fault.
# Expected: pages A A for the two written pages (fault-around maps the others as F).
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K rw- file=f fixed
read $a
write $a 0x61
write $a+12K 0x62
dump
read $a+12K
