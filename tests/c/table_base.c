// --table-base=: function pointers (table indices) start at the given slot; their values
// are printed.
// LDFLAGS: --table-base=32
#include <stdint.h>
#include <stdio.h>

static void a(void) {}
static void b(void) {}
void c(void) {}
static void (*const fns[])(void) = {a, b, c, a};

int main(void) {
    for (int i = 0; i < 4; i++) printf("fns[%d]=%lu\n", i, (unsigned long)(uintptr_t)fns[i]);
    return 0;
}
