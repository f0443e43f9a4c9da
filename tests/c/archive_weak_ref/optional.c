int optional_feature(void) { return 1; }
