# Checks: accesses to pages of a file mapping wholly beyond EOF raise SIGBUS(ADRERR).
# Kernel: mm/filemap.c filemap_fault (pgoff >= file size -> VM_FAULT_SIGBUS); arch/x86/mm/fault.c do_sigbus (BUS_ADRERR).
# Expected: ok ok SIGBUS(ADRERR) SIGBUS(ADRERR).
kernel x86_64-6.18
file f 8K
$a = mmap 0x100000000000 16K r-- file=f fixed
touch $a 16K r
