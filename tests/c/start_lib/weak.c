int weak_only(void) { return 42; }
