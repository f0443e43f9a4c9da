#include <wasm_simd128.h>

typedef struct { int quotient, remainder; } divided;

divided divide(int a, int b) { return (divided){a / b, a % b}; }

// A million frames deep without tail calls; with them, none.
__attribute__((noinline)) int count_down(int n, int acc) {
    if (n == 0) return acc;
    __attribute__((musttail)) return count_down(n - 1, acc + (n & 3));
}

int apply(int (*f)(int, int), int n) {
    return f(n, 100); // return_call_indirect at -O2
}

float dot4(const float *a, const float *b) {
    v128_t p = wasm_f32x4_mul(wasm_v128_load(a), wasm_v128_load(b));
    return wasm_f32x4_extract_lane(p, 0) + wasm_f32x4_extract_lane(p, 1) + wasm_f32x4_extract_lane(p, 2) +
           wasm_f32x4_extract_lane(p, 3);
}
