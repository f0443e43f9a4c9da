// --no-growable-memory: the maximum equals the initial size, so growing fails.
// LDFLAGS: --no-growable-memory
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int blocks = 0;
    while (blocks < 100 && malloc(32 * 1024) != NULL) blocks++;
    printf("allocated %d blocks of 32 KiB before running out\n", blocks);
    return 0;
}
