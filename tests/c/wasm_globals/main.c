// Wasm globals defined by objects (written in LLVM IR: C cannot): symbol resolution of
// global symbols across objects, weak against strong, global index relocations, and
// --print-gc-sections naming the globals it removes.
// LDFLAGS: --print-gc-sections
#include <stdio.h>

int bump(void);
int peek(void);

int main(void) {
    int a = bump();
    int b = bump();
    printf("%d %d %d\n", a, b, peek());
    return 0;
}
