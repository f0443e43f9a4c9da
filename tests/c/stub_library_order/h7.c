int helper_7(void) { return 7; }
