# Checks: guard regions on a shared file mapping (allowed since 6.15); access -> SIGSEGV; the VMA does not split.
# Kernel: mm/madvise.c madvise_guard_install (is_valid_guard_vma), handle_pte_marker.
# Expected: ok; one VMA; page 1 is G, VmFlags gain "gu"; touch page 1 SIGSEGV(MAPERR).
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K rw- shared file=f fixed
madvise $a+4K 4K guard_install
touch $a+4K 4K r
dump
