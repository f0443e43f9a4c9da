// --max-memory=: growth stops at 2 MiB, so malloc eventually fails at the same point.
// LDFLAGS: --max-memory=2097152
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int blocks = 0;
    while (malloc(64 * 1024) != NULL && blocks < 1000) blocks++;
    printf("allocated %d blocks of 64 KiB, pages=%lu\n", blocks,
           (unsigned long)__builtin_wasm_memory_size(0));
    return 0;
}
