// A wasm64 program with function pointers: R_WASM_TABLE_INDEX_SLEB64 in code and
// R_WASM_TABLE_INDEX_I64 in data. wasm-ld 19 makes the table 64-bit (table64), which
// neither Node 20 nor wabt 1.0.32 supports, so this one is linked and compared, not run.

typedef int (*op_fn)(int, int);
static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
static int sub(int a, int b) { return a - b; }
op_fn ops[3] = {add, mul, sub};
int values[4] = {1, 2, 3, 4};
int *value_ptr = &values[2];

int apply(int which, int a, int b) { return ops[which % 3](a, b); }
op_fn pick(int which) { return which ? mul : add; }
int call_picked(int which, int a, int b) { return pick(which)(a, b); }
int deref(void) { return *value_ptr; }
