#include <stdio.h>

int get_total(void);

__attribute__((export_name("describe_state"))) int describe_state(void) {
    printf("state: total=%d\n", get_total());
    fflush(stdout);
    return 1;
}

__attribute__((export_name("fib"))) int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
