int from_export(void) { return 2; }
