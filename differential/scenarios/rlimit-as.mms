# Checks: RLIMIT_AS on total_vm: mmap, MAP_FIXED over existing pages (only the new pages count), mremap growth,
#   brk and mprotect; unmapping makes room again.
# Kernel: mm/mmap.c may_expand_vm from __mmap_setup, do_brk_flags, mm/mremap.c check_prep_vma.
# Expected: the mapping up to the limit succeeds, one page more is ENOMEM, a replacement is ok, growth by
#   mremap is ENOMEM and brk stays where it was.
kernel x86_64-6.18
setrlimit RLIMIT_AS +64K
$a = mmap 0x100000000000 64K rw- fixed
mmap 0x100000100000 4K rw- fixed
mmap $a 16K r-- fixed
mremap $a+48K 16K 20K maymove
$b = brk +0
brk +8K
munmap $a 4K
mmap 0x100000100000 4K rw- fixed
mmap 0x100000200000 4K rw- fixed
dump
