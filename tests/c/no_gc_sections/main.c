// --no-gc-sections keeps unreferenced functions and data, including in libc members that
// were pulled in.
// LDFLAGS: --no-gc-sections
#include <stdio.h>

int unused_function(int x) { return x * 42; }
const char unused_text[] = "kept with --no-gc-sections";
int unused_array[500] = {1};

int main(void) {
    puts("main");
    return 0;
}
