# Checks: mprotect errno edge cases: unaligned -> EINVAL; hole in range -> ENOMEM; PROT_WRITE on a read-only
#   shared file mapping opened read-only is not expressible; zero length -> ok.
# Kernel: mm/mprotect.c do_mprotect_pkey.
# Expected: EINVAL, ENOMEM, ok.
kernel x86_64-6.18
$a = mmap 0x100000000000 4K rw- fixed
mprotect $a+1 4K r--
mprotect $a 8K r--
mprotect $a 0 r--
dump
