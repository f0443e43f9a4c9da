// export_name on functions of a command: the exports exist next to _start and memory.
#include <stdio.h>

__attribute__((export_name("plus"))) int plus(int a, int b) { return a + b; }
__attribute__((export_name("renamed.thing"))) int internal_name(void) { return 5; }
__attribute__((export_name("unused_but_exported"))) void unused(void) {}

int main(void) {
    printf("plus=%d thing=%d\n", plus(2, 3), internal_name());
    return 0;
}
