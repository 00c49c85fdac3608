# A MAP_GROWSDOWN mapping grows when an access hits just below it; the guard gap keeps other mappings away.
kernel x86_64-6.18
$g = mmap 0x100000100000 16K rw- fixed growsdown
touch $g 4K w
touch $g-4K 4K w                  # below the start: the VMA grows down by a page
touch $g-64K 4K w                 # further down: grows again (one VMA)
dump
mmap 0x1000000e0000 4K rw- noreplace   # a fixed placement inside the guard gap is allowed ...
touch $g-68K 4K w                 # ... but now growth would come too close to it: SIGSEGV(MAPERR)
touch [stack]-4K 4K w             # the process stack grows the same way
dump
