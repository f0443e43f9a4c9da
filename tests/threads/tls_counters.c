// Thread-locals with initial values (.tdata), zero-initialised ones (.tbss) and an
// over-aligned one, and the per-thread work loop that the host runs on every thread.
// Freestanding: compiled with -nostdlib -pthread -matomics -mbulk-memory.

_Thread_local int counter = 7;
_Thread_local long long acc[4];
_Thread_local char tag[3] __attribute__((aligned(16))) = {1, 2, 3};

// In tls_more.c.
extern _Thread_local double scale;
extern _Thread_local int zero_block[64];
extern _Thread_local const char *name;
extern _Thread_local struct small { short a; char b; } small;

// In shared.c.
void wait_for_go(void);
void locked_increment(void);
void atomic_increment(void);

// What a fresh thread must see: 0 if every thread-local has its initial value, else a
// bit per wrong one.
int check_fresh_tls(void) {
    int bad = 0;
    if (counter != 7) bad |= 1;
    if (tag[0] != 1 || tag[1] != 2 || tag[2] != 3) bad |= 2;
    for (int i = 0; i < 4; i++)
        if (acc[i] != 0) bad |= 4;
    if (scale != 1.5) bad |= 8;
    for (int i = 0; i < 64; i++)
        if (zero_block[i] != 0) bad |= 16;
    const char *want = "worker";
    for (int i = 0; i < 7; i++)
        if (!name || name[i] != want[i]) bad |= 32;
    if (small.a != -2 || small.b != 'x') bad |= 64;
    if ((unsigned long)tag % 16 != 0) bad |= 128;
    return bad;
}

// Offset of a thread-local from __tls_base (the same on every thread).
long tls_offset(int which) {
    char *base = __builtin_wasm_tls_base();
    switch (which) {
    case 0: return (char *)&counter - base;
    case 1: return (char *)&acc - base;
    case 2: return (char *)&tag - base;
    case 3: return (char *)&scale - base;
    case 4: return (char *)&zero_block - base;
    case 5: return (char *)&name - base;
    case 6: return (char *)&small - base;
    default: return -1;
    }
}

void *tls_base(void) { return __builtin_wasm_tls_base(); }

// Fills a frame on the shadow stack (__stack_pointer), recurses, and checks the frame
// survived: threads sharing a stack would overwrite each other's frames. Returns the
// number of corrupted words.
static int __attribute__((noinline)) stack_check(int depth, int seed) {
    volatile int frame[32];
    for (int i = 0; i < 32; i++)
        frame[i] = seed * 31 + i;
    int bad = depth > 0 ? stack_check(depth - 1, seed + 1) : 0;
    for (int i = 0; i < 32; i++)
        if (frame[i] != seed * 31 + i) bad++;
    return bad;
}

// Waits until the host says go, then hammers thread-locals, its stack and the shared
// counters. Returns a checksum of this thread's thread-locals (plus a million per
// corrupted stack word).
int thread_work(int id, int iters) {
    wait_for_go();
    int corrupted = 0;
    for (int i = 0; i < iters; i++) {
        if (i % 4 == 0)
            corrupted += stack_check(16, id * 100000 + i);
        counter++;
        acc[i & 3] += id;
        zero_block[i & 63] += 1;
        scale += 1.0;
        atomic_increment();
        locked_increment();
    }
    long long sum = counter + acc[0] + acc[1] + acc[2] + acc[3] + (long long)scale;
    for (int i = 0; i < 64; i++)
        sum += zero_block[i];
    return (int)sum + corrupted * 1000000;
}
