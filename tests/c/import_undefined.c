// --unresolved-symbols=ignore-all --import-undefined: undefined functions become imports
// (from env) instead of stubs; the runner provides them.
// LDFLAGS: --unresolved-symbols=ignore-all --import-undefined
#include <stdio.h>

int provided_by_host(int);

int main(void) {
    printf("host says %d\n", provided_by_host(9));
    return 0;
}
