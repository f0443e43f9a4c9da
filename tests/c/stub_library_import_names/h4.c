int h4(void) { return 4; }
