int ex_a_value = 97;
int ex_a(void) { return ex_a_value; }
