# Checks: mlockall(MCL_FUTURE) is not inherited by fork: the child's copy of a VMA locked by def_flags loses
#   VM_LOCKED (dup_mmap) and its mm->def_flags keeps only VM_NOHUGEPAGE (mm_init: VM_INIT_DEF_MASK), so a mapping
#   made in the child is neither locked nor populated, while one made in the parent afterwards is both.
#   (MCL_CURRENT is left out: it would populate the whole [stack], whose pages the live child then writes.)
# Kernel: kernel/fork.c mm_init (def_flags & VM_INIT_DEF_MASK), mm/mmap.c dup_mmap (vm_flags_clear VM_LOCKED_MASK).
# Expected: every result ok; the child's dump without lo and with unpopulated new pages, the parent's with both.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
mlockall future
$b = mmap 0x100000010000 8K rw- fixed
$c = fork
mmap 0x100000100000 8K rw- fixed
dump
exit
mmap 0x100000200000 8K rw- fixed
dump
