// Symbol names in llvm::demangle's edge forms, as wasm-ld-19 writes them into the name
// section and the map: a Darwin-style extra underscore (`__Z3foov` reads `foo()`), a
// leading dot that stays (`._Z3barv` reads `.bar()`), a block invocation, and names LLVM
// rejects, which stay as they are: a Rust v0 name whose back-reference points at itself
// (rustc-demangle would print a megabyte of it) and an invalid C++ name.
// LDFLAGS: -Map={out}/demangle_forms.map
#include <stdio.h>

__attribute__((noinline)) int extra_underscore(int x) __asm__("__Z3foov");
__attribute__((noinline)) int extra_underscore(int x) { return x + 1; }
__attribute__((noinline)) int leading_dot(int x) __asm__("._Z3barv");
__attribute__((noinline)) int leading_dot(int x) { return x + 2; }
__attribute__((noinline)) int block(int x) __asm__("___Z4mainv_block_invoke_2");
__attribute__((noinline)) int block(int x) { return x + 3; }
__attribute__((noinline)) int self_reference(int x) __asm__("_RYRRB_B_");
__attribute__((noinline)) int self_reference(int x) { return x + 4; }
__attribute__((noinline)) int invalid(int x) __asm__("_ZN3foo");
__attribute__((noinline)) int invalid(int x) { return x + 5; }

int main(void) {
    printf("%d %d %d %d %d\n", extra_underscore(1), leading_dot(1), block(1), self_reference(1), invalid(1));
    return 0;
}
