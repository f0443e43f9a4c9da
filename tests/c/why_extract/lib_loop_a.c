// Refers to data of lib_loop_b.c (which wasm-ld does not record) before it defines
// loop_stop, which lib_loop_b.c calls back while this member is still loading: that call
// is recorded, naming this member, ahead of this member's own line.
extern int (*loop_handler)(void);
int loop_value(void) { return loop_handler(); }
int loop_stop(void) { return 40; }
