#include <stdio.h>
int helper(int x) { printf("helper %d\n", x); return x; }
