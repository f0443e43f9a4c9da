// FILE-CFLAGS: -O3 -g
#include <stdio.h>
int level3(int x) {
    int v[16];
    for (int i = 0; i < 16; i++) v[i] = x + i * i;
    int s = 0;
    for (int i = 0; i < 16; i++) s += v[i] % 13;
    printf("O3 got %d\n", x);
    return s;
}
