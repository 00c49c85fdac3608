# Checks: executing from a rw- mapping (NX) is SIGSEGV(ACCERR); from r-x it works.
# Kernel: arch/x86/mm/fault.c access_error (X86_PF_INSTR without VM_EXEC) -> bad_area_access_error (SEGV_ACCERR).
# Expected: SIGSEGV(ACCERR), ok.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
$x = mmap 0x100000100000 4K r-x fixed
exec $a
exec $x
