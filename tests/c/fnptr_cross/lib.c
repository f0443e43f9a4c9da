#include "api.h"

int twice(int x) { return 2 * x; }
static int add_one(int x) { return x + 1; }
op_fn lib_twice_ptr(void) { return twice; }
op_fn add_one_ptr(void) { return add_one; }
