# Checks: mlockall(MCL_CURRENT)'s populate is best effort, per VMA: a PROT_NONE VMA is locked but stays empty (GUP
#   refuses it, -EFAULT ignored), a guard marker stops the populate of its VMA (the pages before it are faulted,
#   those after it stay empty, also when the marker is the first page), the next VMA is populated again; the
#   guard VMAs still get VM_LOCKED (mlock_fixup does not check markers).
# Kernel: mm/mlock.c SYSCALL mlockall -> mm_populate(0, TASK_SIZE), mm/gup.c __mm_populate (ignore_errors:
#   "continue at next VMA", nend = nstart + ret pages), populate_vma_page_range, mm/madvise.c guard markers.
# Expected: every result ok; pages AG.. / . / A / G. with lo on every VMA, twice.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
madvise $a+4K 4K guard_install
$b = mmap 0x100000100000 8K --- fixed
mprotect $b+4K 4K rw-
$f = mmap 0x100000200000 8K rw- fixed
madvise $f 4K guard_install
mlockall current
dump
munlockall
mlockall current future
dump
