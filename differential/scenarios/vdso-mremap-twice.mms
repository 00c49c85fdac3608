# Checks: [vdso] can be moved twice; each whole move succeeds and the old place is empty afterwards.
# Kernel: mm/mremap.c move_vma; mm/mmap.c special_mapping_mremap; arch/x86/entry/vdso/vma.c vdso_mremap.
# Expected: 0x100000000000, 0x100000100000, exec ok, the first place SIGSEGV(MAPERR).
kernel x86_64-6.18
$v = mremap [vdso] 8K 8K maymove fixed=0x100000000000
$w = mremap $v 8K 8K maymove fixed=0x100000100000
exec $w
exec $v
dump
