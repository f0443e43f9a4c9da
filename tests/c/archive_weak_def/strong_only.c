const char *variant(void) { return "strong variant from the archive"; }
