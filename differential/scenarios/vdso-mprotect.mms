# Checks: mprotect of the whole [vdso] to rw- succeeds (VM_MAYWRITE is set); partial mprotect is EINVAL;
#   exec after dropping PROT_EXEC is ACCERR.
# Kernel: mm/mprotect.c mprotect_fixup -> mm/vma.c vma_modify_flags -> __split_vma (special_mapping_split).
#   Making the private mapping writable charges it: VM_ACCOUNT ("ac") appears.
# Expected: EINVAL, ok, SIGSEGV(ACCERR); [vdso] rw-p with "ac".
kernel x86_64-6.18
mprotect [vdso] 4K r--
mprotect [vdso] 8K rw-
exec [vdso]
dump
