int helper_6(void) { return 6; }
