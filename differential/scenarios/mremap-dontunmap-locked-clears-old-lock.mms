# Checks: MREMAP_DONTUNMAP of an mlocked VMA: the new VMA stays locked with the pages; the old VMA loses
#   VM_LOCKED (it has no pages any more).
# Kernel: mm/mremap.c dontunmap_complete (clears VM_LOCKED|VM_LOCKONFAULT on the old VMA).
# Expected: old: no "lo", pages ..; new: "lo", pages AA.
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed locked
mremap $a 8K 8K maymove dontunmap fixed=0x100000100000
dump
