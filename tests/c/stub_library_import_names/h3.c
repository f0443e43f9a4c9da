int h3(void) { return 3; }
