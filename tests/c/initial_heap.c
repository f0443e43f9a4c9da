// --initial-heap: the initial memory is sized for data, stack and this much heap.
// LDFLAGS: --initial-heap=262144
#include <stdio.h>

int main(void) {
    printf("pages=%lu\n", (unsigned long)__builtin_wasm_memory_size(0));
    return 0;
}
