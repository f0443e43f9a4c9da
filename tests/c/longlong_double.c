// 64-bit integers, doubles and long double (f128, needs compiler-rt builtins) in printf.
#include <inttypes.h>
#include <stdio.h>

int main(int argc, char **argv) {
    (void)argv;
    volatile long long big = 9007199254740993LL * argc;
    unsigned long long ubig = 18446744073709551615ULL / (unsigned)argc;
    printf("lld=%lld llu=%llu llx=%llx\n", big, ubig, (unsigned long long)big);
    printf("div=%lld mod=%lld\n", big / 1000003, big % 1000003);
    printf("PRId64=%" PRId64 " PRIu32=%" PRIu32 "\n", (int64_t)-big, (uint32_t)big);
    double d = 3.14159265358979 * argc;
    printf("f=%f e=%e g=%g .10f=%.10f\n", d, d * 1e20, d / 1e10, d);
    printf("neg=%+.3f big=%.0f tiny=%g\n", -d, 1e300 * argc, 1e-300 / argc);
    volatile long double ld = 1.0L / 3.0L * argc;
    long double product = ld * ld * 9.0L;
    printf("long double: %.15f %d\n", (double)product, (int)(ld * 3000000000.0L));
    long long from_ld = (long long)(ld * 1e18L);
    printf("ld->ll=%lld\n", from_ld);
    return 0;
}
