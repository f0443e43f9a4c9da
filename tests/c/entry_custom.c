// --entry=NAME without crt1: the entry function is exported (no _start); the runner calls
// it. It runs constructors itself through __wasm_call_ctors.
// CRT: none
// LDFLAGS: --entry=my_entry
// INVOKE: my_entry
#include <stdio.h>

void __wasm_call_ctors(void);
static int ready;
__attribute__((constructor)) static void init(void) { ready = 1; }

int my_entry(void) {
    __wasm_call_ctors();
    printf("my_entry: ready=%d\n", ready);
    fflush(stdout);
    return 17;
}
