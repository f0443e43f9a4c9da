// The same COMDAT groups (C++ inline functions, a static local in one, a lambda) in two
// objects, linked without garbage collection: the first object's copies are the ones the
// symbols name, and wasm-ld 19 still writes the second object's copies (unreferenced, as
// their own functions and data segments). `-r` (which the harness also checks) keeps them
// too, each COMDAT listing both copies.
// LDFLAGS: --no-gc-sections
#include <stdio.h>

int first(int x);
int second(int x);

int main(void) {
    printf("first %d second %d\n", first(3), second(4));
    printf("first %d second %d\n", first(5), second(6));
    return 0;
}
