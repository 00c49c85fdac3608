# Checks: mprotect adding PROT_EXEC to part of an anon VMA: "ex" appears only there, and exec works only there.
# Kernel: mm/mprotect.c mprotect_fixup; arch/x86/mm/fault.c access_error.
# Expected: two VMAs rw-p and rwxp; exec SIGSEGV(ACCERR), ok.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
mprotect $a+4K 4K rwx
exec $a
exec $a+4K
dump
