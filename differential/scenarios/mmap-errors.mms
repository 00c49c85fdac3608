# Checks: mmap errno edge cases.
# Kernel: mm/mmap.c do_mmap and ksys_mmap_pgoff / arch mmap: zero length -> EINVAL; fixed unaligned -> EINVAL;
#   a length that overflows when page-aligned -> ENOMEM; unaligned file offset -> EINVAL; neither private nor shared
#   is not expressible here.
# Expected: EINVAL, EINVAL, ENOMEM, EINVAL.
kernel x86_64-6.18
file f 16K
mmap 0x100000000000 0 rw- fixed
mmap 0x100000000001 4K rw- fixed
mmap 0x100000000000 0xfffffffffffff001 rw- fixed
mmap 0x100000000000 4K r-- fixed file=f:100
