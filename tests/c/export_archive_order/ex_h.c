int ex_h_value = 104;
int ex_h(void) { return ex_h_value; }
