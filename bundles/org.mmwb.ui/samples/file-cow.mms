# Private and shared mappings of the same file: a private write copies the page, a shared write goes to the file.
kernel x86_64-6.18
file f 16K
$p = mmap 0x100000000000 16K rw- private file=f
$s = mmap 0x100000100000 16K rw- shared file=f
read $p                           # 0x41 ('A'), the page-cache page (F)
read $s+4K                        # 0x42 ('B')
write $p 0x61                     # private copy: the page becomes anonymous (A)
read $s                           # still 0x41: the file did not change
write $s+4K 0x62                  # shared write changes the file
read $p+4K                        # 0x62: the private mapping still reads the file's page
$o = mmap 0x100000200000 8K r-- file=f:8K   # from page 2: 'C', 'D'
read $o
dump
