// Extraction order follows wasm-ld's hash table of a stub library's symbols (grown past its
// first 64 buckets here by symbols nothing references), not the order of its lines.
// ARCHIVE: libh.a: h0.c h1.c h2.c h3.c h4.c h5.c h6.c h7.c
// INPUTS: order.so
#include <stdio.h>

int js_0(void);
int js_1(void);
int js_2(void);
int js_3(void);
int js_4(void);
int js_5(void);
int js_6(void);
__attribute__((import_name("renamed_7"))) int js_7(void);

int main(void) {
    printf("%d\n", js_0() + js_1() + js_2() + js_3() + js_4() + js_5() + js_6() + js_7());
    return 0;
}
