// Process-wide state: data, bss (cleared by __wasm_init_memory with memory.fill when the
// memory is imported), an atomic counter, a spin lock, and a start gate that uses
// memory.atomic.wait32 / memory.atomic.notify.

int shared_data = 100;
const char greeting[] = "hello threads";
char shared_zeros[5000];
int shared_atomic;
int shared_locked;
static int lock;
static int go;

void wait_for_go(void) {
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        __builtin_wasm_memory_atomic_wait32(&go, 0, -1);
}

// Called by the host once every thread is ready.
void release(void) {
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    __builtin_wasm_memory_atomic_notify(&go, -1);
}

void atomic_increment(void) { __atomic_fetch_add(&shared_atomic, 1, __ATOMIC_RELAXED); }

void locked_increment(void) {
    while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE))
        ;
    shared_locked++;  // not atomic: only correct if the lock works
    __atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
}

int shared_atomic_total(void) { return __atomic_load_n(&shared_atomic, __ATOMIC_SEQ_CST); }
int shared_locked_total(void) { return __atomic_load_n(&shared_locked, __ATOMIC_SEQ_CST); }

// 0 if the data and bss have their initial contents, else a bit per wrong one.
int check_shared_init(void) {
    int bad = 0;
    if (shared_data != 100) bad |= 1;
    const char *want = "hello threads";
    for (int i = 0; i < 14; i++)
        if (greeting[i] != want[i]) bad |= 2;
    for (int i = 0; i < 5000; i++)
        if (shared_zeros[i] != 0) bad |= 4;
    return bad;
}

void *zeros_addr(void) { return shared_zeros; }
