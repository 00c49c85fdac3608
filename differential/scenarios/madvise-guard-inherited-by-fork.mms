# Checks: guard markers are copied to a fork child: the child's access to a guard page is SIGSEGV too.
# Kernel: kernel/fork.c dup_mmap -> mm/memory.c copy_page_range (vma_needs_copy: VM_MAYBE_GUARD / anon_vma ->
#   copy; copy_nonpresent_pte keeps guard markers).
# Expected: child pages AG (shared: aG), touch: ok SIGSEGV(MAPERR).
kernel x86_64-6.18
$a = mmap 0x100000000000 8K rw- fixed
touch $a 8K w
madvise $a+4K 4K guard_install
$c = fork
touch $a 8K r
dump
