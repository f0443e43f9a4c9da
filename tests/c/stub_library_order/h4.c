int helper_4(void) { return 4; }
