# Checks: mremap of the whole [vdso] moves it (the .mremap callback updates mm->context.vdso); it stays executable.
# Kernel: mm/mremap.c move_vma -> mm/vma.c copy_vma; arch/x86/entry/vdso/vma.c vdso_mremap; mm/mmap.c special_mapping_mremap.
# Expected: 0x100000000000; [vdso] r-xp 8K at the new address; exec ok.
kernel x86_64-6.18
$v = mremap [vdso] 8K 8K maymove fixed=0x100000000000
exec $v
dump
