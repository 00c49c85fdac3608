# Checks: a fork child inherits [vvar] and [vvar_vclock]; its faults go through the same .fault handlers.
# Kernel: kernel/fork.c dup_mmap (special VMAs are copied, PFNMAP PTEs are not: copy_page_range skips them
#   unless needed; faults repopulate); mm/mmap.c special_mapping_fault.
# Expected: child touch: ok SIGBUS(ADRERR) ok SIGBUS(ADRERR).
kernel x86_64-6.18
touch [vvar] 4K r
$c = fork
touch [vvar] 16K r
dump
