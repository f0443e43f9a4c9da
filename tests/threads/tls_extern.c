// A thread-local defined nowhere: R_WASM_MEMORY_ADDR_TLS_SLEB against an undefined symbol.

extern _Thread_local int missing_tls;
int read_missing(void) { return missing_tls; }
