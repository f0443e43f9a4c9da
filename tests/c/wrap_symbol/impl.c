#include <stdio.h>
int compute(int x) { return x * x; }
int __real_compute(int);
int __wrap_compute(int x) {
    printf("wrapped compute(%d)\n", x);
    return __real_compute(x) + 1;
}
