// --unresolved-symbols=ignore-all: an undefined function that is never called becomes a
// trapping stub and undefined data resolves to address 0.
// LDFLAGS: --unresolved-symbols=ignore-all
#include <stdint.h>
#include <stdio.h>

int never_defined(int);
extern int undefined_data;

int main(int argc, char **argv) {
    (void)argv;
    printf("&undefined_data=%lu\n", (unsigned long)(uintptr_t)&undefined_data);
    if (argc > 100) return never_defined(argc);
    puts("stub not called");
    return 0;
}
