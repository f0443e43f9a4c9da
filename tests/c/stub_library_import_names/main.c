// A stub library names host functions as the module imports them: by import name
// (`import_name`), found by walking the symbol table after the names it lists are matched
// directly. The first match of a symbol decides its dependencies (f_z is matched by its
// own name before its import name "zeta" is seen); members extracted for one are not
// extracted again for another.
// ARCHIVE: libh.a: h1.c h2.c h3.c h4.c
// INPUTS: host.so
// LDFLAGS: --why-extract=-
#include <stdio.h>

__attribute__((import_name("zeta"))) int f_z(void);
__attribute__((import_name("alpha"))) int f_a(void);
__attribute__((import_name("mid"))) int f_m(void);
int direct(void);

int main(void) {
    printf("%d\n", f_a() + f_z() + f_m() + direct());
    return 0;
}
