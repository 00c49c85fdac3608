# Checks: MADV_GUARD_INSTALL puts guard markers (G) in the range, zapping present pages; an access is SIGSEGV(MAPERR).
#   MADV_GUARD_REMOVE removes them; the page reads as zero again.
# Kernel: mm/madvise.c madvise_guard_install / madvise_guard_remove; mm/memory.c handle_pte_marker (VM_FAULT_SIGSEGV).
#   The VMA gets VM_MAYBE_GUARD ("gu"), which stays after the removal.
# Expected: pages AGA., touch: ok SIGSEGV(MAPERR) ok; after remove A.A. and read 0x0 (zero page: AZA.).
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
touch $a 12K w
madvise $a+4K 4K guard_install
dump
touch $a 12K r
madvise $a+4K 4K guard_remove
dump
read $a+4K
