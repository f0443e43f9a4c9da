#include <stdio.h>
__attribute__((constructor)) static void loud(void) { puts("unused.o was linked!"); }
int unused_fn(void) { return 1; }
