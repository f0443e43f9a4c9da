// --import-table: the indirect function table is imported (env.__indirect_function_table);
// the runner creates it from the import's limits.
// LDFLAGS: --import-table
#include <stdio.h>

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
static int (*volatile ops[])(int, int) = {add, mul};

int main(void) {
    printf("%d %d\n", ops[0](6, 7), ops[1](6, 7));
    return 0;
}
