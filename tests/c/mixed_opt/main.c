// Objects built at every optimisation level (-O0, -O1, -O2, -Os, -Oz, -O3 with -g) linked
// together, calling each other.
// FILE-CFLAGS: -O0
#include <stdio.h>

int level1(int), level2(int), level_s(int), level_z(int), level3(int);

int main(void) {
    int x = 3;
    x = level1(x);
    x = level2(x);
    x = level_s(x);
    x = level_z(x);
    x = level3(x);
    printf("result=%d\n", x);
    return 0;
}
