// --growable-table: the table has no maximum; --export-table to see it too.
// LDFLAGS: --growable-table --export-table
#include <stdio.h>

static void hello(void) { puts("called through the table"); }
static void bye(void) { puts("bye through the table"); }
static void (*volatile fps[])(void) = {hello, bye};

int main(void) {
    for (int i = 0; i < 2; i++) fps[i]();
    return 0;
}
