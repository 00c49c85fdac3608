# Checks: MREMAP_DONTUNMAP of a shared anonymous mapping: the kernel allows it on any mapping that is not special.
# Kernel: mm/mremap.c check_mremap_params / vrm_... (DONTUNMAP allowed on shared since 5.13); move_vma.
# Expected: the new address; both VMAs /dev/zero (deleted) rw-s; the old one still reads the shared data.
kernel x86_64-6.18
$s = mmap 0x100000000000 8K rw- shared fixed
write $s 0x71
mremap $s 8K 8K maymove dontunmap fixed=0x100000100000
read $s
read 0x100000100000
dump
