// --warn-unresolved-symbols: undefined symbols are warnings, not errors.
// LDFLAGS: --warn-unresolved-symbols
// EXPECT-WARNING: undefined symbol: not_here
#include <stdio.h>

int not_here(void);

int main(int argc, char **argv) {
    (void)argv;
    if (argc > 100) return not_here();
    puts("linked despite not_here");
    return 0;
}
