# __NAME__ in a new x86_64 process: page 0 is the kernel page ('P' = 0x50), page 1 the device's register.
# In mmwb's checkout: ./mmwb --plugins __DIR__/bundles/__ID__/target run __DIR__/bundles/__ID__/demo.mms
# In the IDE: the launch "__ID__ in the mmwb workbench" opens it.
kernel x86_64-6.18
read __NAME__
read __NAME__+4K
