// __tls_size and __tls_align, which wasm-ld defines only for shared memory.

unsigned long tls_size(void) { return __builtin_wasm_tls_size(); }
unsigned long tls_align(void) { return __builtin_wasm_tls_align(); }
