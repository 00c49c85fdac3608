# Checks: the process [stack] grows down when a page just below it is touched.
# Kernel: arch/x86/mm/fault.c do_user_addr_fault -> mm/mmap.c expand_stack.
# Expected: ok (the [stack] VMA grows; its pages are not compared since the live process uses its own stack).
kernel x86_64-6.18
touch [stack]-4K 4K w
read [stack]-4K
