// --wrap=compute: references to compute go to __wrap_compute, which calls the original
// through __real_compute.
// LDFLAGS: --wrap=compute
#include <stdio.h>

int compute(int);

int main(void) {
    printf("compute(5)=%d\n", compute(5));
    return 0;
}
