int late(int x) { return x * 100; }
