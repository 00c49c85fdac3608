# Checks: a shared file mapping opened read-write can be made writable by mprotect (VM_MAYWRITE); a shared anon
#   r-- mapping likewise. Writes then work.
# Kernel: mm/mprotect.c do_mprotect_pkey (newflags & ~VM_MAY* check).
# Expected: ok; write ok; read 0x61.
kernel x86_64-6.18
file f 4K
$a = mmap 0x100000000000 4K r-- shared file=f fixed
mprotect $a 4K rw-
write $a 0x61
read $a
dump
