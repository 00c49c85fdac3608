# Checks: MADV_DONTNEED drops anonymous pages; the next read maps the zero page and returns 0.
# Kernel: mm/madvise.c madvise_dontneed_single_vma -> zap_page_range_single; mm/memory.c do_anonymous_page (zero page).
# Expected: pages A..A after dontneed, then AZ.A after the read; read result 0x0.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
touch $a 16K w
madvise $a+4K 8K dontneed
dump
read $a+4K
dump
