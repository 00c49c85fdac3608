# Checks: munmap / MAP_FIXED over a range holding a sealed VMA fails with EPERM, but a VMA at the start of the
#   range that is not sealed has already been split there, and stays split.
# Kernel: mm/vma.c vms_gather_munmap_vmas (split the start, then vma_is_sealed -> -EPERM for a later VMA;
#   vms_abort_munmap_vmas reattaches without merging). Found by ./mmwb fuzz --seed 300.
# Expected: EPERM twice; the rw- VMA ends up split at a0000, a7000 and around the sealed [ae000,b0000).
kernel x86_64-6.18
file f0 28K
$a = mmap 0x100000098000 128K rw- fixed
mseal 0x1000000ae000 8K
mmap 0x1000000a7000 44K r-x fixed file=f0 noreserve
munmap 0x1000000a0000 64K
dump
