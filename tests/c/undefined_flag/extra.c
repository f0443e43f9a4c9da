#include <stdio.h>
int extra_marker;
__attribute__((constructor)) static void hello(void) { puts("extra.o was pulled in by -u"); }
