int helper_1(void) { return 1; }
