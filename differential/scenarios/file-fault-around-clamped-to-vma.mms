# Checks: fault-around never maps outside the faulting VMA: a 2-page VMA at a file offset maps just its 2 pages,
#   and a neighbouring mapping of the same file stays empty.
# Kernel: mm/memory.c do_fault_around (from/to clamped to vma->vm_start/vm_end).
# Expected: 0x43 ('C'); [$a] FF; [$b] ..
kernel x86_64-6.18
file f 64K
$a = mmap 0x100000000000 8K r-- file=f:8K fixed
$b = mmap 0x100000002000 8K r-x file=f:16K fixed
read $a
dump
