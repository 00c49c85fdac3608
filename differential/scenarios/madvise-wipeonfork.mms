# Checks: MADV_WIPEONFORK: the child gets the VMA but empty (reads 0); the parent keeps its pages.
# Kernel: mm/madvise.c (VM_WIPEONFORK, "wf"), kernel/fork.c dup_mmap (no page copy for VM_WIPEONFORK).
# Expected: child dump: VMA with "wf" and no pages, read 0x0; parent still 0x5a with page A.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
madvise $a 8K wipeonfork
$c = fork
dump
read $a
exit
read $a
dump
