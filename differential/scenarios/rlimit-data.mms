# Checks: RLIMIT_DATA counts private writable non-stack mappings (data_vm): shared or read-only mappings are
#   free, a private mapping turning writable is refused, brk is refused.
# Kernel: mm/mmap.c may_expand_vm (is_data_mapping), mm/mprotect.c mprotect_fixup ("area turns into data"),
#   mm/mmap.c sys_brk -> check_data_rlimit / do_brk_flags.
# Expected: 32K of data ok, one page more ENOMEM, read-only ok, making it writable ENOMEM, shared ok, private
#   writable noreserve ENOMEM (still data), brk unchanged; after unmapping 8K the mprotect is ok.
kernel x86_64-6.18
setrlimit RLIMIT_DATA +32K
mmap 0x100000000000 32K rw- fixed
mmap 0x100000100000 4K rw- fixed
mmap 0x100000100000 64K r-- fixed
mprotect 0x100000100000 4K rw-
mmap 0x100000200000 64K rw- fixed shared
mmap 0x100000300000 64K rw- fixed noreserve
brk +64K
munmap 0x100000000000 8K
mprotect 0x100000100000 4K rw-
dump
