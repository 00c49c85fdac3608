# Checks: mlock of [vvar] (VM_SPECIAL) succeeds but does not set VM_LOCKED; mlock of [vdso] (VM_DONTEXPAND is
#   VM_SPECIAL too) likewise.
# Kernel: mm/mlock.c mlock_fixup (oldflags & VM_SPECIAL -> nothing changes, return 0).
# Expected: ok, ok; neither shows "lo".
kernel x86_64-6.18
mlock [vvar] 16K
mlock [vdso] 8K
dump
