// A function declared with a different signature than its definition: wasm-ld warns and
// links (calls through the wrong type would hit a trapping stub, so none are made).
// EXPECT-WARNING: function signature mismatch: compute
#include <stdio.h>

long long compute(long long a, int b); // defined as int compute(int) in impl.c
int call_compute_properly(int x);

int main(int argc, char **argv) {
    (void)argv;
    if (argc > 100) printf("%lld\n", compute(1, 2));
    printf("properly: %d\n", call_compute_properly(20));
    return 0;
}
