# Checks: a VM_DONTCOPY VMA is absent in the child; accessing it there is SIGSEGV(MAPERR).
# Kernel: kernel/fork.c dup_mmap (skips VM_DONTCOPY).
# Expected: child dump has only the first VMA; touch -> SIGSEGV(MAPERR).
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
$b = mmap 0x100000100000 8K rw- fixed
madvise $b 8K dontfork
$c = fork
dump
touch $b 4K r
