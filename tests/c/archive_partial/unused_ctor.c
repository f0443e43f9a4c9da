#include <stdio.h>
__attribute__((constructor)) static void should_not_run(void) { puts("unused member linked!"); }
int unused_ctor_symbol(void) { return 1; }
