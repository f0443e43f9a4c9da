// --import-memory: the memory is imported (env.memory), not defined or exported; the
// runner creates it from the import's limits.
// LDFLAGS: --import-memory
#include <stdio.h>
#include <stdlib.h>

static char greeting[] = "initialised data in an imported memory";

int main(void) {
    char *heap = malloc(100);
    heap[0] = greeting[0];
    printf("%s (%c)\n", greeting, heap[0]);
    free(heap);
    return 0;
}
