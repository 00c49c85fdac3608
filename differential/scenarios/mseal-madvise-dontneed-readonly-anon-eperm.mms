# Checks: on a sealed read-only private anonymous mapping, discarding madvise (MADV_DONTNEED) is EPERM; on a sealed
#   writable one it is allowed.
# Kernel: mm/madvise.c madvise_lock / can_madvise_modify (is_ro_anon) -> -EPERM.
# Expected: EPERM, ok.
kernel x86_64-6.18
$r = mmap 0x100000000000 8K r-- fixed
$w = mmap 0x100000100000 8K rw- fixed
mseal $r 8K
mseal $w 8K
madvise $r 8K dontneed
madvise $w 8K dontneed
