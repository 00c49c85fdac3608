# Checks: mlockall(MCL_FUTURE) sets mm->def_flags: existing VMAs stay unlocked, every later mmap (read-only,
#   writable, PROT_NONE) is VM_LOCKED and populated (not PROT_NONE), the break grows locked and populated, a
#   MAP_GROWSDOWN mapping is locked; a locked mapping does not merge with an unlocked neighbour; MCL_FUTURE |
#   MCL_ONFAULT locks without populating; munlockall clears def_flags (the next mmap is unlocked) and merges the
#   unpopulated neighbours.
# Kernel: mm/mlock.c apply_mlockall_flags (def_flags, "goto out" without MCL_CURRENT), mm/mmap.c do_mmap
#   (vm_flags |= mm->def_flags; populate when VM_LOCKED), SYSCALL brk (populate when def_flags has VM_LOCKED),
#   mm/vma.c do_brk_flags, mm/gup.c populate_vma_page_range (VM_LOCKONFAULT: nothing).
# Expected: every result ok; dumps as described.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
mlockall future
mmap 0x100000004000 16K rw- fixed
mmap 0x100000100000 8K r-- fixed
mmap 0x100000200000 8K --- fixed
mmap 0x100000300000 8K rw- fixed growsdown
brk +8K
dump
mlockall future onfault
mmap 0x100000400000 16K rw- fixed
$b = mmap 0x100000500000 16K rw- fixed
munlockall
mmap 0x100000404000 16K rw- fixed
dump
