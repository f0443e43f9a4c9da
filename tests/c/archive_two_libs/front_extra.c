int front_unused(int x) { return x; }
