// Fuzz seed: thread-local data, atomics, bulk memory (passive segments, TLS relocations).
_Thread_local int tls_counter = 5;
_Thread_local char tls_buf[32];
int bump(void) { tls_buf[0] = 1; return __atomic_add_fetch(&tls_counter, 1, __ATOMIC_SEQ_CST); }
