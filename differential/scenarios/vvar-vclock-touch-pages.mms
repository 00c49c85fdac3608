# Checks: reading [vvar_vclock]: p0 pvclock (SIGBUS without a pvclock clocksource), p1 hvclock (SIGBUS without Hyper-V).
# Kernel: arch/x86/entry/vdso/vma.c vvar_vclock_fault.
# Expected on the recording machine (a KVM guest with kvm-clock, no Hyper-V): ok SIGBUS(ADRERR); pages ..
#   (machine-dependent: without a pvclock page p0 would be SIGBUS too)..
kernel x86_64-6.18
touch [vvar_vclock] 8K r
dump
