# Checks: guard markers can be installed in a never-faulted anonymous VMA; then mprotect over it keeps them.
# Kernel: mm/madvise.c madvise_guard_install (installs PTE markers, allocating page tables); mm/mprotect.c
#   change_pte_range (leaves markers alone).
# Expected: pages .G.. ; after mprotect r--: still G; touch: ok SIGSEGV(MAPERR) ok ok.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
madvise $a+4K 4K guard_install
mprotect $a 16K r--
touch $a 16K r
dump
