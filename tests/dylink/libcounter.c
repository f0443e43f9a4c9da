// A shared library: state behind pointers stored in data, a constructor, a weak
// definition that the executable overrides, and a function pointer table.
extern void log_i32(int label, int value) __attribute__((import_module("env"), import_name("log_i32")));

int counter = 40;
static int steps[3] = {1, 10, 100};
int *counter_ptr = &counter;                  // relocated at load time
int *step_ptr = &steps[1];                    // with an addend
static int add_step(int i) { return steps[i % 3]; }
int (*step_fn)(int) = add_step;               // a table slot of this library

__attribute__((constructor)) static void counter_init(void) { counter += 2; }

__attribute__((weak)) int describe(void) { return 1; }   // the executable's wins

int bump(int by) {
    *counter_ptr += by;
    return *counter_ptr;
}

int counter_report(void) {
    log_i32(100, counter);
    log_i32(101, *step_ptr);
    log_i32(102, step_fn(2));
    log_i32(103, describe());
    return counter;
}
