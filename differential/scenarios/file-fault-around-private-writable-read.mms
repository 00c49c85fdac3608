# Checks: a read fault on a private *writable* file mapping also faults around (do_read_fault is used for every
#   read fault on a file VMA); a later write copies only its page.
# Kernel: mm/memory.c do_fault (!FAULT_FLAG_WRITE -> do_read_fault -> do_fault_around); do_wp_page -> wp_page_copy.
# Expected: 0x41; pages FFFF; after the write to page 2: FFAF.
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K rw- private file=f fixed
read $a
dump
write $a+8K 0x7a
dump
