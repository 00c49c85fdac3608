# Checks: a MAP_NORESERVE read-only private mapping made writable by mprotect is not charged (no "ac").
# Kernel: mm/mprotect.c mprotect_fixup (charge only if !(oldflags & (VM_ACCOUNT|VM_WRITE|VM_HUGETLB|VM_SHARED|
#   VM_NORESERVE))).
# Expected: rw-p with "nr" and no "ac".
kernel x86_64-6.18
$a = mmap 0x100000000000 8K r-- fixed noreserve
mprotect $a 8K rw-
dump
