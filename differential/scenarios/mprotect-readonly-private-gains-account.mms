# Checks: VM_ACCOUNT is set when a private read-only mapping becomes writable, only on the changed part.
# Kernel: mm/mprotect.c mprotect_fixup (charges and sets VM_ACCOUNT for private writable), mm/vma.c split_vma.
# Expected: r--p without "ac" and rw-p with "ac" as two VMAs.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K r-- fixed
dump
mprotect $a+8K 8K rw-
dump
