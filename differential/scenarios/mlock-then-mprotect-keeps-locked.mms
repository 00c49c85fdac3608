# Checks: mprotect of part of an mlocked VMA keeps VM_LOCKED on both parts and the pages stay.
# Kernel: mm/mprotect.c mprotect_fixup (vm_flags keep VM_LOCKED; populates if a locked VMA becomes writable).
# Expected: two "lo" VMAs, rw-p and r--p, with pages AA and AA.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed locked
mprotect $a+8K 8K r--
dump
