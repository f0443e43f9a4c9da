int late_fn(int);
int chained(int x) { return late_fn(x) * 2; }
