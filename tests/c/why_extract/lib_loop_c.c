// Pulled in by main.o; pulls in lib_loop_a.c, whose lazy names (like those of
// lib_loop_b.c) are known by then, so the call back to it is a request for a member that
// is still loading.
int loop_value(void);
int loop_entry(void) { return loop_value() + 1; }
