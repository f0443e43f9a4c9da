// A position-independent executable with extended-const: segments keep their own offsets
// from __memory_base and GOT entries are initialised by constant expressions, so there is
// no __wasm_apply_global_relocs.
// CFLAGS: -fPIC -fvisibility=default -mextended-const -O1
// LDFLAGS: --experimental-pic -pie --no-entry --export-dynamic --unresolved-symbols=import-dynamic
// NODEFAULTLIBS: yes
// CRT: none
// RUN: no

extern int lib_function(int);
extern int lib_data[];
static const char message[] = "position independent";
int values[3] = {7, 8, 9};
int *value_ptr = &values[1];
const char *message_ptr = message;
static int zeroed[32];
_Thread_local int per_thread = 5;

static int square(int x) { return x * x; }
int (*square_ptr)(int) = square;

__attribute__((constructor)) static void init(void) { zeroed[0] = values[0]; }

int entry(int x) {
    per_thread += x;
    return square_ptr(x) + *value_ptr + message_ptr[x & 7] + lib_function(x) + lib_data[x & 1] + zeroed[0] + per_thread;
}
