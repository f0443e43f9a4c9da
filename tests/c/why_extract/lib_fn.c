int chained(int);
int lib_fn(int x) { return chained(x) + 1; }
