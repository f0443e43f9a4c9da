// libm: trigonometry, roots, exponentials, rounding; linked with -lm.
// CFLAGS: -O1
// LIBS: -lm
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv) {
    (void)argv;
    volatile double x = 0.5 * argc; // keep the calls from being constant-folded
    printf("sin=%.9f cos=%.9f tan=%.9f\n", sin(x), cos(x), tan(x));
    printf("asin=%.9f atan2=%.9f\n", asin(x), atan2(x, 2.0));
    printf("sqrt=%.9f cbrt=%.9f hypot=%.9f\n", sqrt(x * 8), cbrt(x * 54), hypot(x * 6, x * 8));
    printf("exp=%.9f log=%.9f log10=%.9f pow=%.9f\n", exp(x), log(x * 10), log10(x * 200),
           pow(x * 4, 0.75));
    printf("floor=%.1f ceil=%.1f round=%.1f trunc=%.1f fmod=%.4f\n", floor(-x * 3), ceil(x * 3),
           round(x * 5), trunc(-x * 7), fmod(x * 17, 3.0));
    printf("sinf=%.5f sqrtf=%.5f\n", (double)sinf((float)x), (double)sqrtf((float)x * 2));
    printf("isnan=%d isinf=%d\n", isnan(sqrt(-x)) != 0, isinf(1.0 / (x - x)) != 0);
    return 0;
}
