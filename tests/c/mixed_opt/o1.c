// FILE-CFLAGS: -O1
#include <stdio.h>
int level1(int x) { printf("O1 got %d\n", x); return x * 3 + 1; }
