int h1(void) { return 1; }
