# Checks: a write through a shared file mapping changes the file: a second shared mapping sees it at once.
# Kernel: mm/memory.c do_shared_fault (page cache page mapped writable).
# Expected: 0x5a read back through the other mapping; both VMAs have page F.
kernel x86_64-6.18
file f 4K
$a = mmap 0x100000000000 4K rw- shared file=f fixed
$b = mmap 0x100000100000 4K r-- shared file=f fixed
touch $a 4K w
read $b
dump
