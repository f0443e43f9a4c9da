// --initial-memory=: a 4 MiB initial memory; memory.size reports it.
// LDFLAGS: --initial-memory=4194304
#include <stdio.h>

int main(void) {
    printf("pages=%lu\n", (unsigned long)__builtin_wasm_memory_size(0));
    return 0;
}
