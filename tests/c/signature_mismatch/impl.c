int compute(int x) { return x * 2 + 1; }
int call_compute_properly(int x) { return compute(x); }
