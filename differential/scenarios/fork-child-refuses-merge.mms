# Checks: a fork child's faulted VMA (anon_vma chain of two) refuses a new adjacent neighbour that the parent's
#   VMA accepts.
# Kernel: mm/vma.c is_mergeable_anon_vma -> vma_had_uncowed_parents (!list_is_singular(&vma->anon_vma_chain)).
# Expected: child: two VMAs; parent: one 16K VMA.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
$c = fork
mmap 0x100000002000 8K rw- fixed
dump
exit
mmap 0x100000002000 8K rw- fixed
dump
