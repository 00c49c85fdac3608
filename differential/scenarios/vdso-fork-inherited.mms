# Checks: a moved [vdso] is inherited at the new place by a fork child and stays executable there.
# Kernel: kernel/fork.c dup_mmap (copies special VMAs and mm->context.vdso via arch_dup_mmap).
# Expected: child exec ok at 0x100000000000; child dump shows [vdso] there.
kernel x86_64-6.18
$v = mremap [vdso] 8K 8K maymove fixed=0x100000000000
$c = fork
exec $v
dump
