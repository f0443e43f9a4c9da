int ex_i_value = 105;
int ex_i(void) { return ex_i_value; }
