# Checks: MADV_POPULATE_READ on private anonymous memory maps the shared zero page everywhere.
# Kernel: mm/madvise.c madvise_populate -> mm/gup.c faultin_page_range (read faults -> do_anonymous_page zero page).
# Expected: ok, pages ZZZZ.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
madvise $a 16K populate_read
dump
