# Checks: VM_ACCOUNT takes part in merge decisions: a MAP_NORESERVE writable private mapping (no "ac") does not
# merge with an accounted neighbour, while two noreserve neighbours do.
# Kernel: mm/vma.c is_mergeable_vma (flags compared incl. VM_ACCOUNT), mm/mmap.c do_mmap (MAP_NORESERVE -> VM_NORESERVE).
# Expected: [rw-p ac][rw-p nr] as two VMAs; the second noreserve mapping merges with the first noreserve one.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
$b = mmap 0x100000002000 8K rw- fixed noreserve
$c = mmap 0x100000004000 8K rw- fixed noreserve
dump
