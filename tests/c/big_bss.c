// Several MB of zero-initialised data (.bss): the memory must be large enough and zero.
#include <stdio.h>

#define SIZE (6 * 1024 * 1024)
static unsigned char buffer[SIZE];
static int counts[256 * 1024];

int main(void) {
    unsigned nonzero = 0;
    for (unsigned i = 0; i < SIZE; i += 4096) nonzero += buffer[i] != 0;
    buffer[0] = 1;
    buffer[SIZE - 1] = 2;
    for (int i = 0; i < 256 * 1024; i++) counts[i] = i & 15;
    long sum = 0;
    for (int i = 0; i < 256 * 1024; i++) sum += counts[i];
    printf("nonzero=%u ends=%d,%d sum=%ld\n", nonzero, buffer[0], buffer[SIZE - 1], sum);
    return 0;
}
