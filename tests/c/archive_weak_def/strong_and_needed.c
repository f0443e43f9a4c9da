const char *other_variant(void) { return "strong other_variant from the archive"; }
int needed(void) { return 99; }
