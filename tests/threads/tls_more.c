// More thread-locals, from a second object: the linker gathers every object's .tdata and
// .tbss into one TLS block. `name` needs a data relocation inside the TLS segment.

_Thread_local double scale = 1.5;
_Thread_local int zero_block[64];
_Thread_local const char *name = "worker";
_Thread_local struct small { short a; char b; } small = {-2, 'x'};
