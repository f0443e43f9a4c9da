// Objects compiled without reference types (libc's) need the indirect function table at
// number 0, which an imported table (host.ll's) takes: an error.
// CFLAGS: -mreference-types
// LDFLAGS: --allow-undefined
// EXPECT-ERROR: object file not built with 'reference-types' feature conflicts with import of table host_refs by file
#include <stdio.h>

int host_table_size(void);
static void hello(void) { puts("hi"); }
void (*volatile fp)(void) = hello;

int main(void) {
    fp();
    printf("%d\n", host_table_size());
    return 0;
}
