#include <stdio.h>
__attribute__((constructor)) static void oops(void) { puts("back_unused linked!"); }
