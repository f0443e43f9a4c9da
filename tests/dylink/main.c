// The executable (a PIE): calls into both libraries, passes its own function to them
// through a pointer, and overrides libcounter's weak `describe`.
extern void log_i32(int label, int value) __attribute__((import_module("env"), import_name("log_i32")));
extern int counter_report(void);
extern int text_report(void);
extern int bump(int);
extern int counter;
extern int (*step_fn)(int);

static int local_twice(int x) { return 2 * x; }
int (*ops[2])(int) = {local_twice, bump};
int describe(void) { return 7; }

int run(void) {
    log_i32(1, counter);                      // 42: 40 plus libcounter's constructor
    log_i32(2, ops[0](21));                   // 42: a local function through the table
    log_i32(3, ops[1](8));                    // 50: libcounter's bump through a GOT.func slot
    log_i32(4, step_fn(0));                   // 1: libcounter's table slot, read from its data
    counter_report();
    text_report();
    log_i32(5, counter);
    return 0;
}
