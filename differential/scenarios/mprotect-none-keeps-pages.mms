# Checks: mprotect PROT_NONE keeps the pages present (PROT_NONE PTEs), reads fault ACCERR; restoring gives the
#   data back and merges.
# Kernel: mm/mprotect.c change_protection (PTEs kept with PAGE_NONE); arch/x86/mm/fault.c access_error.
# Expected: pages AA with ---p; SIGSEGV(ACCERR); after rw-: 0x5a and one VMA.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
mprotect $a 8K ---
dump
read $a
mprotect $a 8K rw-
read $a
dump
