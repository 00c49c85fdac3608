# An IO mapping: the registers of a simulated timer device (org.mmwb.iomap), mapped on request like a driver's
# mmap of its BAR. Its .fault handler inserts the device's PFNs (outside RAM) with uncached PTEs (PCD|PWT) and
# returns VM_FAULT_NOPAGE; the VMA is VM_IO|VM_PFNMAP, so pagemap shows its pages as '.'.
# Simulator only: the live kernel has no such device (diff reports ENOSYS there).
$t = iomap mmwb_timer
read $t                     # GCAP_ID byte 0: revision 0x01
read $t+4K                  # the main counter: 100 ticks per sample
read $t+4K                  # ... and 100 more
read $t+8K                  # GEN_CONF: ENABLE_CNF
touch $t 4K w               # read-only registers: SIGSEGV(ACCERR)
munmap $t 4K                # a special mapping cannot be split: EINVAL
dump
