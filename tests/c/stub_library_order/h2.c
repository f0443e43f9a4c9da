int helper_2(void) { return 2; }
