// --global-base=: data starts at the given address.
// LDFLAGS: --global-base=65536
#include <stdint.h>
#include <stdio.h>

extern unsigned char __global_base;
static const char message[] = "data at the global base";
int counter = 9;

int main(void) {
    printf("__global_base=%lu message>=base: %d counter=%d\n",
           (unsigned long)(uintptr_t)&__global_base,
           (uintptr_t)message >= (uintptr_t)&__global_base, counter);
    puts(message);
    return 0;
}
