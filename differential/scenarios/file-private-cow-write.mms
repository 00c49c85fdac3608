# Checks: a write to a private file mapping copies the page (A); the file (seen through a shared mapping) is unchanged.
# Kernel: mm/memory.c do_cow_fault (write fault on a private file VMA), wp_page_copy.
# Expected: private page A holds 0x5a; the shared mapping still reads 0x41.
kernel x86_64-6.18
file f 4K
$p = mmap 0x100000000000 4K rw- file=f fixed
$s = mmap 0x100000100000 4K r-- shared file=f fixed
touch $p 4K w
read $p
read $s
dump
