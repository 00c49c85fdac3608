# Checks: writing to [vvar] (read-only) is SIGSEGV(ACCERR); exec too (NX).
# Kernel: arch/x86/mm/fault.c access_error.
# Expected: SIGSEGV(ACCERR), SIGSEGV(ACCERR).
kernel x86_64-6.18
write [vvar] 0x1
exec [vvar]
