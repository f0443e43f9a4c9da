int shared_counter;
const char *const labels[] = {"zero", "one", "two"};
static int triple(int x) { return 3 * x; }
int bump(int by) { return shared_counter += by; }
int (*get_op(void))(int) { return triple; }
