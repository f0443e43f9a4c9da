int h2(void) { return 2; }
