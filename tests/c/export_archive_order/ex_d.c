int ex_d_value = 100;
int ex_d(void) { return ex_d_value; }
