# Checks: mlock populates a read-only private anonymous mapping with the zero page.
# Kernel: mm/gup.c populate_vma_page_range (no FOLL_WRITE for a read-only mapping) -> zero page.
# Expected: "lo", pages ZZ.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K r-- fixed
mlock $a 8K
dump
