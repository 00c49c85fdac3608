# Checks: munmap errno edge cases: unaligned start and zero length -> EINVAL; unaligned length is rounded up.
# Kernel: mm/vma.c do_vmi_munmap (offset_in_page(start) || len == 0 after PAGE_ALIGN -> -EINVAL).
# Expected: EINVAL, EINVAL, ok (the 1-byte munmap removes the whole page).
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
munmap $a+1 4K
munmap $a 0
munmap $a+4K 1
dump
