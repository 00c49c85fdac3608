# Checks: MADV_DONTNEED on a private file mapping drops the private copy; the file's content comes back.
# Kernel: mm/madvise.c madvise_dontneed_single_vma; mm/memory.c do_read_fault.
# Expected: after the write the page is A (0x7a); after dontneed and read it is 0x41 ('A') from the file.
kernel x86_64-6.18
file f 4K
$a = mmap 0x100000000000 4K rw- file=f fixed
write $a 0x7a
read $a
dump
madvise $a 4K dontneed
read $a
dump
