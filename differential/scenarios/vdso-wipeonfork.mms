# Checks: MADV_WIPEONFORK on [vdso] (private, no vm_file) is accepted; a child still executes from it (pages come
#   from the pages array again).
# Kernel: mm/madvise.c madvise_vma_behavior (MADV_WIPEONFORK refuses only vm_file or VM_SHARED);
#   kernel/fork.c dup_mmap; mm/mmap.c special_mapping_fault.
# Expected: ok; child exec ok; [vdso] with "wf".
kernel x86_64-6.18
madvise [vdso] 8K wipeonfork
$c = fork
exec [vdso]
dump
