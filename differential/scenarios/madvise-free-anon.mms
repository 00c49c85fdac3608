# Checks: MADV_FREE on dirty anonymous pages leaves them mapped (lazily freed only under memory pressure).
# Kernel: mm/madvise.c madvise_free_single_vma -> madvise_free_pte_range (clears dirty, marks lazyfree).
# Expected: ok; pages still AA; content still 0x5a.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
madvise $a 8K free
dump
read $a
