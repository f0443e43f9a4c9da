// Static locals: counters, initialised arrays, pointers to other statics; -Oz.
// CFLAGS: -Oz
#include <stdio.h>

static int next_id(void) {
    static int id = 100;
    return id++;
}

static const char *cycle(void) {
    static const char *names[] = {"red", "green", "blue"};
    static int i;
    return names[i++ % 3];
}

static int *shared_slot(void) {
    static int slot = 7;
    static int *p = &slot;
    return p;
}

static unsigned fib(unsigned n) {
    static unsigned memo[48] = {0, 1};
    if (n < 2 || memo[n]) return memo[n];
    return memo[n] = fib(n - 1) + fib(n - 2);
}

int main(void) {
    for (int i = 0; i < 3; i++) printf("id=%d ", next_id());
    printf("\n");
    for (int i = 0; i < 5; i++) printf("%s ", cycle());
    printf("\n");
    *shared_slot() += 5;
    printf("slot=%d\n", *shared_slot());
    printf("fib(40)=%u fib(47)=%u\n", fib(40), fib(47));
    return 0;
}
