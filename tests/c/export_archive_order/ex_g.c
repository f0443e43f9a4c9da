int ex_g_value = 103;
int ex_g(void) { return ex_g_value; }
