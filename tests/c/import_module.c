// Functions imported with import_module/import_name attributes (no --allow-undefined
// needed); the runner provides stubs that print their arguments.
#include <stdio.h>

__attribute__((import_module("host"), import_name("log_value")))
int host_log(int value);
__attribute__((import_module("host"), import_name("mix64")))
long long host_mix(long long a, int b);
__attribute__((import_module("env"), import_name("scale")))
double env_scale(double x);
__attribute__((import_module("host"), import_name("never_called")))
void host_unused(void);

int main(int argc, char **argv) {
    (void)argv;
    int r = host_log(41 + argc);
    long long m = host_mix(1LL << 40, 2);
    double s = env_scale(2.5);
    printf("results: %d %lld %.2f\n", r, m, s);
    if (argc > 5) host_unused();
    return 0;
}
