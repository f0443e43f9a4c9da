int late(int);
int arch_entry(int x) { return late(x) + 1; }
