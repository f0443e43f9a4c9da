// Function pointers passed across objects: registration, callbacks, and equality of the
// same function's address taken in different objects (one table slot).
#include <stdio.h>
#include "api.h"

static int square(int x) { return x * x; }
static int negate(int x) { return -x; }

int main(void) {
    register_op("square", square);
    register_op("negate", negate);
    register_op("twice", twice);
    register_op("add_one", add_one_ptr());
    printf("apply all to 7: %d\n", apply_all(7));
    printf("twice from main == twice from lib: %d\n", twice == lib_twice_ptr());
    printf("add_one via pointer: %d\n", add_one_ptr()(41));
    op_fn chosen = pick(1);
    printf("pick(1)(5) = %d\n", chosen(5));
    return 0;
}
