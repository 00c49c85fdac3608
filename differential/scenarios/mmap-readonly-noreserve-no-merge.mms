# Checks: a read-only private mapping is never accounted (no "ac" either way), yet MAP_NORESERVE still sets
#   VM_NORESERVE ("nr"), and that flag alone keeps the neighbours apart.
# Kernel: mm/mmap.c do_mmap (MAP_NORESERVE -> VM_NORESERVE regardless of prot), mm/vma.c is_mergeable_vma
#   (vm_flags must be equal).
# Expected: two r--p VMAs, the second with "nr".
kernel x86_64-6.18
$a = mmap 0x100000000000 8K r-- fixed
$b = mmap 0x100000002000 8K r-- fixed noreserve
dump
