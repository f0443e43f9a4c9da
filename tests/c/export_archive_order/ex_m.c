int ex_m_value = 109;
int ex_m(void) { return ex_m_value; }
