// Code that uses the newer wasm features the linker must carry through: tail calls
// (return_call and return_call_indirect, whose table operand is an R_WASM_TABLE_NUMBER_LEB
// once reference types are on), SIMD, and multi-value returns (the experimental-mv ABI
// returns small structs as several values). The target_features section must list them all.
// CFLAGS: -O2 -mtail-call -mreference-types -msimd128 -mmultivalue -Xclang -target-abi -Xclang experimental-mv
#include <stdio.h>
#include <wasm_simd128.h>

typedef struct { int quotient, remainder; } divided;
divided divide(int a, int b);
int count_down(int n, int acc);
int apply(int (*f)(int, int), int n);
float dot4(const float *a, const float *b);

int main(void) {
    divided d = divide(47, 5);
    printf("47 / 5 = %d rem %d\n", d.quotient, d.remainder);
    printf("count_down: %d\n", count_down(1000000, 0));
    printf("apply: %d\n", apply(count_down, 10));
    float a[4] = {1, 2, 3, 4}, b[4] = {5, 6, 7, 8};
    printf("dot: %g\n", dot4(a, b));
    return 0;
}
