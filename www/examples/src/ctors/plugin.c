// A second object whose constructor sits between main.c's by priority.
#include <stdio.h>

__attribute__((constructor(200))) static void second(void) { puts("ctor 200 (plugin.c)"); }
