# Checks: executing from r-- is SIGSEGV(ACCERR); after mprotect r-x it works.
# Kernel: arch/x86/mm/fault.c access_error (X86_PF_INSTR without VM_EXEC); mm/mprotect.c.
# Expected: SIGSEGV(ACCERR), ok, ok.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K r-- fixed
exec $a
mprotect $a 4K r-x
exec $a
dump
