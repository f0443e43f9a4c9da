// A reactor, linked as `clang -mexec-model=reactor` links (crt1-reactor.o and
// --entry _initialize), exporting functions by --export and by export_name;
// _initialize runs the constructors.
// CRT: reactor
// CFLAGS: -O1
// LDFLAGS: --export=accumulate --export=get_total
// INVOKE: accumulate:5 accumulate:7 get_total describe_state fib:20
#include <stdio.h>

static int total;
static int initialized;

__attribute__((constructor)) static void setup(void) { initialized = 100; }

int accumulate(int x) {
    total += x;
    return total;
}

int get_total(void) { return total + initialized; }

int fib(int n);
