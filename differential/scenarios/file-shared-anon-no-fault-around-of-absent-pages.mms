# Checks: fault-around maps only pages that already exist in the page cache. In shared anonymous memory (shmem)
#   a child writes page 3 and exits (the page stays in the shmem cache); the parent's read of page 0 then maps
#   page 0 (allocated by shmem_fault) and page 3 (mapped by fault-around), but not the never-touched pages 1 and 2.
# Kernel: mm/memory.c do_read_fault -> do_fault_around -> mm/filemap.c filemap_map_pages (only uptodate folios
#   present in the mapping); mm/shmem.c shmem_fault (allocates the faulting page).
# Expected: parent read 0x0; pages F..F; page 3 reads 0x33.
kernel x86_64-6.18
$s = mmap 0x100000000000 16K rw- shared fixed
$c = fork
write $s+12K 0x33
exit
read $s
dump
read $s+12K
