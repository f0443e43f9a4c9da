#include <stdlib.h>
void *stub_alloc(int n) { return malloc((size_t)n); }
