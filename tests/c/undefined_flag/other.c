#include <stdio.h>
void other_marker(void) {}
__attribute__((constructor)) static void hello(void) { puts("other.o was pulled in by --undefined"); }
