// FILE-CFLAGS: -fPIC
extern int shared_counter;
extern const char greeting[];
int main_helper(int);
__attribute__((weak)) int maybe_missing(int);

static int statics[4] = {10, 20, 30, 40};

int pic_sum(void) { return shared_counter + statics[1] + statics[3]; }
const char *pic_greeting(void) { return greeting; }
int (*pic_fn(void))(int) { return main_helper; }
int pic_weak_is_null(void) { return maybe_missing == 0; }
int *pic_counter_addr(void) { return &shared_counter; }
int pic_local(int i) { statics[i] += i; return statics[i]; }
