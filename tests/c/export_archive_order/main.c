// --export names pull archive members in: wasm-ld takes the names in the order of its
// hash set, not the command line's, and that order decides the layout of the members'
// functions and data. Thirteen names also make the set grow (rehash) once.
// ARCHIVE: libex.a: ex_a.c ex_b.c ex_c.c ex_d.c ex_e.c ex_f.c ex_g.c ex_h.c ex_i.c ex_j.c ex_k.c ex_l.c ex_m.c
// LDFLAGS: --export=ex_h --export=ex_a --export=ex_m --export=ex_c --export=ex_b
// LDFLAGS: --export-if-defined=ex_k --export=ex_g --export=ex_e --export=ex_l --export=ex_j
// LDFLAGS: --export=ex_d --export-if-defined=ex_i --export=ex_f --export=ex_a
#include <stdio.h>

int main(void) {
    puts("exports pulled from libex.a");
    return 0;
}
