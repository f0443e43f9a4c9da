int ex_j_value = 106;
int ex_j(void) { return ex_j_value; }
