int from_u(void) { return 1; }
