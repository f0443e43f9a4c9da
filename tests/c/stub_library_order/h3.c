int helper_3(void) { return 3; }
