int helper_5(void) { return 5; }
