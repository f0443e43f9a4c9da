const char *greeting(void) { return "strong greeting"; }
int config_value = 42;
int table[4] = {9, 8, 7, 6};
