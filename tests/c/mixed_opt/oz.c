// FILE-CFLAGS: -Oz
#include <stdio.h>
int level_z(int x) { printf("Oz got %d\n", x); return x / 7; }
