int ex_b_value = 98;
int ex_b(void) { return ex_b_value; }
