/* examples/hello: the program scripts/demo compiles, links with weld and runs.
 *
 * Small, but it touches the parts of a link that matter for C on wasi-libc:
 * printf and malloc pulled from libc.a, a constructor (run by __wasm_call_ctors before
 * main), and calls through function pointers (the indirect function table), both our
 * own and qsort's comparator called from inside libc. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *greeting = "the constructor did not run";

__attribute__((constructor)) static void init_greeting(void) {
    greeting = "Hello from C on WASI";
}

typedef long (*binop)(long, long);

static long add(long a, long b) { return a + b; }
static long mul(long a, long b) { return a * b; }
static long max(long a, long b) { return a > b ? a : b; }

/* Not static and not const: the compiler must call through the pointers. */
struct op { const char *name; binop fn; long init; } ops[] = {
    {"sum", add, 0},
    {"product", mul, 1},
    {"max", max, LONG_MIN},
};

__attribute__((noinline)) static long fold(binop f, long acc, const long *xs, size_t n) {
    for (size_t i = 0; i < n; i++) acc = f(acc, xs[i]);
    return acc;
}

static int by_length(const void *a, const void *b) {
    size_t la = strlen(*(const char *const *)a), lb = strlen(*(const char *const *)b);
    return la < lb ? -1 : la > lb ? 1 : strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv) {
    printf("%s!\n", greeting);

    size_t n = argc > 1 ? (size_t)atoi(argv[1]) : 10;
    if (n == 0 || n > 20) n = 10;
    long *xs = malloc(n * sizeof *xs);
    if (!xs) {
        perror("malloc");
        return 1;
    }
    for (size_t i = 0; i < n; i++) xs[i] = (long)i + 1;
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
        printf("  %-7s of 1..%zu = %ld\n", ops[k].name, n, fold(ops[k].fn, ops[k].init, xs, n));
    free(xs);

    const char *words[] = {"relocation", "wasm", "linker", "symbol", "table", "data"};
    size_t nw = sizeof words / sizeof words[0];
    qsort(words, nw, sizeof words[0], by_length);
    printf("  sorted by length:");
    for (size_t i = 0; i < nw; i++) printf(" %s", words[i]);
    printf("\n");
    return 0;
}
