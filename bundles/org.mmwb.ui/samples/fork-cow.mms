# Copy-on-write after fork: pages written before fork are shared ('a') until one side writes.
kernel x86_64-6.18
$a = mmap 0x100000000000 16K rw- fixed
touch $a 16K w                    # four anonymous pages: AAAA
madvise $a+12K 4K dontfork        # splits; the last page is not inherited
$c = fork                         # now in the child
dump                              # aaa, no fourth VMA
touch $a 4K w                     # the child copies page 0
touch $a+4K 4K r                  # a read keeps sharing page 1
exit
dump                              # parent: the child is gone, its pages are mapped once again (A)
touch $a+8K 4K w
dump
