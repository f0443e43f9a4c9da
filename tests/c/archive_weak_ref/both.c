int both_weak(void) { return 22; }
int both_strong(void) { return 11; }
