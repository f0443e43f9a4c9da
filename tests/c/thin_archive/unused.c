#include <stdio.h>
// Never pulled in: its constructor must not run.
__attribute__((constructor)) static void loud(void) { puts("unused.o was loaded"); }
int unused_symbol(void) { return 1; }
