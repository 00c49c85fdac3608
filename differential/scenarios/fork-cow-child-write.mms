# Checks: after fork anonymous pages are shared (a) in both; a child write copies the page (A in the child);
#   the parent still reads its old value.
# Kernel: kernel/fork.c dup_mmap -> mm/memory.c copy_page_range; do_wp_page -> wp_page_copy.
# Expected: child dump: Aa; parent after exit: reads 0x5a, page 0 A again (sole owner), page 1 A.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
$c = fork
write $a 0x63
dump
exit
read $a
dump
