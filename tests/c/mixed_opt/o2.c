// FILE-CFLAGS: -O2
#include <stdio.h>
static int helper(int x, int i) { return (x ^ i) + (i & 3); }
int level2(int x) {
    int acc = 0;
    for (int i = 0; i < 100; i++) acc += helper(x, i);
    printf("O2 got %d\n", x);
    return acc;
}
