int helper_0(void) { return 0; }
