# Checks: on x86-64 without protection keys, PROT_EXEC alone (--x) cannot forbid reads: a read succeeds, a write
#   is SIGSEGV(ACCERR).
# Kernel: arch/x86/mm/fault.c access_error (a read is allowed if the VMA has VM_READ|VM_EXEC|VM_WRITE);
#   arch/x86/include/asm/pgtable_types.h (PAGE_EXECREAD for --x).
# Expected: 0x0, SIGSEGV(ACCERR), ok. (On a CPU with PKU, mprotect would use an execute-only pkey instead.)
kernel x86_64-6.18
$x = mmap 0x100000000000 4K --x fixed
read $x
write $x 0x1
exec $x
dump
