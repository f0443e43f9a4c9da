#include <stdio.h>
__attribute__((constructor)) static void never(void) { puts("unused member linked!"); }
int unused_helper(void) { return 1; }
