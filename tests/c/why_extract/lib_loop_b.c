int loop_stop(void);
static int default_handler(void) { return loop_stop() + 2; }
int (*loop_handler)(void) = default_handler;
