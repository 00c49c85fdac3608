# Checks: a fork child does not inherit VM_LOCKED; its pages are still shared (a).
# Kernel: kernel/fork.c dup_mmap (tmp->vm_flags &= ~(VM_LOCKED | VM_LOCKONFAULT)).
# Expected: parent "lo" AA; child: no "lo", pages aa.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed locked
$c = fork
dump
