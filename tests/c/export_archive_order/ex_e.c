int ex_e_value = 101;
int ex_e(void) { return ex_e_value; }
