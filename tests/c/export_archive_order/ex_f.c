int ex_f_value = 102;
int ex_f(void) { return ex_f_value; }
