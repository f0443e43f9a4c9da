// An object compiled without -fPIC holds absolute addresses, which a shared library
// cannot: both linkers refuse it and say to recompile.
// CFLAGS: -fvisibility=default
// LDFLAGS: --experimental-pic -shared
// NODEFAULTLIBS: yes
// CRT: none
// EXPECT-ERROR: relocation R_WASM_MEMORY_ADDR_SLEB cannot be used against symbol `table`; recompile with -fPIC
int table[4];
int *slot(int i) { return &table[i]; }
