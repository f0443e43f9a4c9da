// --strip-all: no name section, no producers or other custom sections.
// CFLAGS: -g
// LDFLAGS: --strip-all
#include <stdio.h>

static int helper(int x) { return x * 11; }

int main(void) {
    printf("stripped: %d\n", helper(3));
    return 0;
}
