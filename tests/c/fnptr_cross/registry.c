// FILE-CFLAGS: -O2
#include <stdio.h>
#include "api.h"

static struct {
    const char *name;
    op_fn fn;
} ops[8];
static int n_ops;

void register_op(const char *name, op_fn fn) {
    ops[n_ops].name = name;
    ops[n_ops].fn = fn;
    n_ops++;
}

int apply_all(int x) {
    for (int i = 0; i < n_ops; i++) {
        printf("  %s(%d) = %d\n", ops[i].name, x, ops[i].fn(x));
        x = ops[i].fn(x);
    }
    return x;
}

op_fn pick(int i) { return ops[i].fn; }
