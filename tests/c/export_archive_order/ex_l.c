int ex_l_value = 108;
int ex_l(void) { return ex_l_value; }
