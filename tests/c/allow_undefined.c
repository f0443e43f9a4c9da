// --allow-undefined: an undefined function becomes an import from "env" (called, the
// runner's stub answers); an undefined data symbol is not allowed, so none here.
// LDFLAGS: --allow-undefined
#include <stdio.h>

int host_provided(int a, int b);
void host_notify(void);

int main(void) {
    int r = host_provided(20, 22);
    host_notify();
    printf("host_provided returned %d\n", r);
    return 0;
}
