// --export-table: the indirect function table is exported; function pointers index it.
// LDFLAGS: --export-table
#include <stdio.h>

typedef int (*unary)(int);
static int inc(int x) { return x + 1; }
static int dec(int x) { return x - 1; }
static int dbl(int x) { return x * 2; }
static unary ops[] = {inc, dec, dbl, inc};

int main(void) {
    int x = 10;
    for (int i = 0; i < 4; i++) x = ops[i](x);
    printf("x=%d same slot: %d\n", x, ops[0] == ops[3]);
    return 0;
}
