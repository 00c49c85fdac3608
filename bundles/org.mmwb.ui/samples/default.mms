# A short tour of mmwb: anonymous and file mappings, faults, a split, fork and COW.
kernel x86_64-6.18
file f 16K                                   # page i starts with 'A'+i
$a = mmap 0x100000000000 16K rw- fixed       # anonymous, private
touch $a 8K r                                # reads map the shared zero page: Z Z . .
touch $a+4K 8K w                             # writes: page 1 replaces Z, page 2 is new
mprotect $a+8K 4K r--                        # splits the VMA into three
touch $a+8K 4K w                             # SIGSEGV(ACCERR)
$m = mmap 0x100000100000 16K r-- file=f      # a private file mapping
read $m+4K                                   # 0x42 ('B')
dump
$c = fork                                    # continue in the child
touch $a 4K w                                # copy-on-write: the child gets its own page
dump
exit                                         # back to the parent
dump
