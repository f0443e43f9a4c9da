#include <stdlib.h>
// Hidden, but a stub library's dependency is exported all the same.
__attribute__((visibility("hidden"))) void stub_release(void *p) { free(p); }
