typedef int (*op_fn)(int);
void register_op(const char *name, op_fn fn);
int apply_all(int x);
int twice(int x);
op_fn lib_twice_ptr(void);
op_fn add_one_ptr(void);
op_fn pick(int i);
