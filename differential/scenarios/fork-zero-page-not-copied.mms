# Checks: a VMA that was only read (zero-page PTEs, no anon_vma) has its page tables NOT copied at fork: the
#   child starts with nothing present and faults lazily; a child write allocates (A).
# Kernel: kernel/fork.c dup_mmap -> mm/memory.c copy_page_range (vma_needs_copy: no anon_vma -> skip);
#   do_anonymous_page for the child's write.
# Expected: child .., then A.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K r
$c = fork
dump
write $a 0x1
dump
