int ex_k_value = 107;
int ex_k(void) { return ex_k_value; }
