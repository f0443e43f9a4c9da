// --export-if-defined exports a symbol that exists and silently ignores one that does not;
// --export of a data symbol exports a global holding its address.
// LDFLAGS: --export-if-defined=present_fn --export-if-defined=absent_fn --export=exported_data
#include <stdio.h>

int present_fn(int x) { return x + 100; }
int exported_data[4] = {1, 2, 3, 4};

int main(void) {
    printf("present_fn(1)=%d data=%d\n", present_fn(1), exported_data[3]);
    return 0;
}
