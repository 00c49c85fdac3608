# Checks: after fork a parent write copies the page for the parent; the child's page is then mapped only once
#   (pagemap shows it exclusive again: A); an unwritten page stays shared (a) on both sides.
# Kernel: mm/memory.c do_wp_page -> wp_page_copy; fs/proc/task_mmu.c pagemap (PM_MMAP_EXCLUSIVE by mapcount).
# Expected: parent Aa; child Aa.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
$c = fork
switch 1
write $a 0x70
dump
switch 2
dump
read $a
