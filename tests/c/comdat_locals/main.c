// Two objects with the same COMDAT group holding local symbols (an internal function and
// an internal table pointing at it; LLVM IR, since clang puts no locals in a C++ COMDAT),
// linked without garbage collection: the second object's copy is written too, and with
// `-r` (which the harness also checks) its locals go into the symbol table, since its
// relocations name them.
// LDFLAGS: --no-gc-sections
#include <stdio.h>

int use_x(void);
int use_y(void);

int main(void) {
    printf("%d %d\n", use_x(), use_y());
    return 0;
}
