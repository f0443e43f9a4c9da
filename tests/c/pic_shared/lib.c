// A shared library (side module): its data and table slots are placed at load time, so
// every pointer stored in data is written by __wasm_apply_data_relocs and every address
// the code takes comes from a GOT global (GOT.mem / GOT.func imports for symbols another
// module may define, internal GOT entries for its own hidden ones).
// CFLAGS: -fPIC -fvisibility=default -O1
// LDFLAGS: --experimental-pic -shared --unresolved-symbols=import-dynamic
// NODEFAULTLIBS: yes
// CRT: none
// RUN: no

extern int host_value;                      // data of another module: GOT.mem import
extern int host_callback(int);              // called directly: a function import
extern int host_optional(int) __attribute__((weak));   // weak import, listed in dylink.0
extern int host_weak_data __attribute__((weak));

int counter = 3;                            // exported, reached through its own GOT import
static int hidden_table[4] = {1, 2, 3, 4};  // local: relocated relative to __memory_base
__attribute__((visibility("hidden"))) int hidden_sum(int x) { return x + hidden_table[x & 3]; }
static int twice(int x) { return 2 * x; }

int *counter_ptr = &counter;
int *table_third = &hidden_table[2];        // an addend
int *host_ptr = &host_value;
int (*callbacks[3])(int) = {twice, hidden_sum, host_callback};
const char *const names[] = {"alpha", "beta", "gamma"};
char scratch[64];                           // .bss, combined into the one .data segment

__attribute__((weak)) int overridable(int x) { return x - 1; }   // imported and exported

__attribute__((constructor)) static void setup(void) { counter += hidden_table[0]; }

int run(int x) {
    int total = callbacks[x % 3](x) + *counter_ptr + *table_third + *host_ptr + overridable(x);
    if (host_optional) total += host_optional(x);
    if (&host_weak_data) total += host_weak_data;
    scratch[x & 63] = (char)total;
    return total + names[x % 3][0];
}

void *address_of_twice(void) { return (void *)twice; }
int *address_of_hidden(void) { return &hidden_table[1]; }
