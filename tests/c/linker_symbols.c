// Linker-defined symbols read at run time and exported: __heap_base, __data_end,
// __global_base, __dso_handle, __stack_pointer's start (via a local's address).
// LDFLAGS: --export=__heap_base --export=__data_end --export=__global_base --export=__dso_handle
#include <stdint.h>
#include <stdio.h>

extern unsigned char __heap_base;
extern unsigned char __data_end;
extern unsigned char __global_base;
extern void *__dso_handle;
static int some_data = 5;

int main(void) {
    int local = 0;
    printf("__heap_base=%lu\n", (unsigned long)(uintptr_t)&__heap_base);
    printf("__data_end=%lu\n", (unsigned long)(uintptr_t)&__data_end);
    printf("__global_base=%lu\n", (unsigned long)(uintptr_t)&__global_base);
    printf("__dso_handle=%lu\n", (unsigned long)(uintptr_t)&__dso_handle);
    printf("&some_data=%lu (%d)\n", (unsigned long)(uintptr_t)&some_data, some_data);
    printf("stack below heap base: %d\n", (uintptr_t)&local < (uintptr_t)&__heap_base);
    return 0;
}
