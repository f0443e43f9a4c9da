// --soname names the module in the name section instead of the output file.
// LDFLAGS: --soname=custom-module-name
#include <stdio.h>
int main(void) {
    puts("named by --soname");
    return 0;
}
