// Fuzz seed: calls, data, bss, strings, function pointers, weak and imported symbols.
extern int add(int, int);
extern int counter;
extern const char *greet(void);
__attribute__((weak)) extern int maybe(void);
__attribute__((import_module("env"), import_name("host_log"))) void host_log(int);
__attribute__((export_name("exported"))) int exported(void) { return counter; }

static int table[4] = {1, 2, 3, 4};
int zeros[64];
const char *names[] = {"alpha", "beta", "gamma"};
static int (*op)(int, int) = add;

__attribute__((constructor(101))) static void early(void) { zeros[1] = 7; }
__attribute__((constructor)) static void late(void) { zeros[2] = table[3]; }

int main(int argc, char **argv) {
    int n = op(argc, table[argc & 3]);
    if (maybe) n += maybe();
    host_log(n);
    return n + (int)greet()[0] + names[argc % 3][0] + zeros[argc];
}
