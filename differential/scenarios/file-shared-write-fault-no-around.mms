# Checks: a write fault on a shared file mapping maps only the faulting page (no fault-around for write faults).
# Kernel: mm/memory.c do_shared_fault (no do_fault_around).
# Expected: pages .F..
kernel x86_64-6.18
file f 16K
$a = mmap 0x100000000000 16K rw- shared file=f fixed
touch $a+4K 4K w
dump
