int ex_c_value = 99;
int ex_c(void) { return ex_c_value; }
