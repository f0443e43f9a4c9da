// --stack-first: the stack sits at the bottom of memory, data after it.
// LDFLAGS: --stack-first --export=__heap_base --export=__data_end
#include <stdint.h>
#include <stdio.h>

extern unsigned char __heap_base, __data_end;
static int data_item = 3;

int main(void) {
    int local = 1;
    printf("local below data: %d\n", (uintptr_t)&local < (uintptr_t)&data_item);
    printf("&data_item=%lu __data_end=%lu __heap_base=%lu\n", (unsigned long)(uintptr_t)&data_item,
           (unsigned long)(uintptr_t)&__data_end, (unsigned long)(uintptr_t)&__heap_base);
    return data_item + local - 4;
}
