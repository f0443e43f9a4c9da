// A link that fails on an undefined symbol still prints its --trace and --why-extract
// lines, as wasm-ld prints them before it finds the error.
// LDFLAGS: --why-extract=- --trace
// EXPECT-ERROR: undefined symbol: not_defined_anywhere
#include <stdio.h>
int not_defined_anywhere(void);
int main(void) {
    printf("%d\n", not_defined_anywhere());
    return 0;
}
