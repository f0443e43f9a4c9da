// A freestanding module with atomics and bulk memory and --shared-memory: the memory is
// shared with a maximum, data segments become passive and __wasm_init_memory is the start
// function.
// CRT: none
// NODEFAULTLIBS: yes
// CFLAGS: -O2 -matomics -mbulk-memory -nostdlib
// LDFLAGS: --no-entry --shared-memory --max-memory=1048576 --export=bump --export=read_table
// INVOKE: bump:1 bump:2 read_table:3
static int counter = 5;
static const int table[4] = {10, 20, 30, 40};
static char zeros[1000];

int bump(int x) {
    __atomic_fetch_add(&counter, x, __ATOMIC_SEQ_CST);
    return __atomic_load_n(&counter, __ATOMIC_SEQ_CST) + zeros[x];
}

int read_table(int i) { return table[i & 3]; }
