# Move [vdso] with mremap: the whole mapping moves and its .mremap callback updates the mm's vdso pointer.
# Partial moves, growth and shrinking are refused (special mappings cannot split).
kernel x86_64-6.18
dump
mremap [vdso] 4K 4K maymove fixed=0x100000000000      # part of it: EINVAL
mremap [vdso] 8K 16K maymove                           # growth: EFAULT
$v = mremap [vdso] 8K 8K maymove fixed=0x100000010000  # the whole mapping: moves
exec $v                                                # still executable at the new place
dump
