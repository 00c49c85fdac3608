# Checks: writing to a MADV_FREE'd page cancels the lazy free: the page keeps its new data.
# Kernel: mm/madvise.c madvise_free_pte_range (clears dirty); a later write re-dirties it (no fault needed).
# Expected: ok; 0x61 read back; pages AA.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
madvise $a 8K free
write $a 0x61
read $a
dump
