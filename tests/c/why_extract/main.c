// --why-extract=- prints which reference pulled in each archive member and lazy object, in
// wasm-ld's order (a member's line after the lines of what it pulled in): function
// references, data references (not recorded by wasm-ld), -u, --export, lazy definitions
// of symbols already undefined, and a call back into a member still loading; with
// --trace, its lines come first.
// ARCHIVE: libwhy.a: lib_fn.c lib_data.c lib_u.c lib_export.c lib_chain.c lib_loop_a.c lib_loop_b.c lib_loop_c.c
// START-LIB: lazy_late.c
// LDFLAGS: --why-extract=- --trace -u from_u --export=from_export
#include <stdio.h>

int lib_fn(int);
extern int lib_data;
int loop_entry(void);

int main(void) {
    printf("lib_fn(4) = %d, lib_data = %d, loop_entry() = %d\n", lib_fn(4), lib_data, loop_entry());
    return 0;
}
