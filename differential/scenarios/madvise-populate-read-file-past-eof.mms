# Checks: MADV_POPULATE_READ on a file mapping that extends past EOF fails with EFAULT after populating the pages
#   inside the file.
# Kernel: mm/madvise.c madvise_populate (VM_FAULT_SIGBUS from the fault -> -EFAULT).
# Expected: EFAULT; the first page mapped (F), the past-EOF page not.
kernel x86_64-6.18
file f 4K
$a = mmap 0x100000000000 8K r-- file=f fixed
madvise $a 8K populate_read
dump
