int normal_used(void) { return 7; }
