// A thin archive (llvm-ar --thin): it holds the symbol table and names its members' files
// (here in a subdirectory, libthin.a.members/) instead of holding them. Members load
// lazily as from a regular archive, named `libthin.a(libthin.a.members/shapes.o)`.
// THIN-ARCHIVE: libthin.a: shapes.c colors.c unused.c
// LDFLAGS: --why-extract=- -y area
#include <stdio.h>

int area(int w, int h);
const char *color_name(int i);

int main(void) {
    printf("area %d, color %s\n", area(6, 7), color_name(1));
    return 0;
}
