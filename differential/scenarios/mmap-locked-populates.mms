# Checks: MAP_LOCKED maps locked ("lo") and populated.
# Kernel: mm/mmap.c do_mmap (VM_LOCKED, populate), mm/gup.c __mm_populate.
# Expected: "lo", pages AAA.
kernel x86_64-6.18
$a = mmap 0x100000000000 12K rw- fixed locked
dump
