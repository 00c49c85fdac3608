# Checks: a write to a r-- mapping is SIGSEGV(ACCERR); a read of --- too; unmapped is MAPERR.
# Kernel: arch/x86/mm/fault.c access_error; bad_area (SEGV_MAPERR).
# Expected: SIGSEGV(ACCERR), SIGSEGV(ACCERR), SIGSEGV(MAPERR).
kernel x86_64-6.18
$r = mmap 0x100000000000 4K r-- fixed
$n = mmap 0x100000100000 4K --- fixed
write $r 0x1
read $n
read 0x100000200000
dump
