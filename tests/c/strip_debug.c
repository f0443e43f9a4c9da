// --strip-debug: DWARF sections dropped, the name section kept.
// CFLAGS: -g -O1
// LDFLAGS: --strip-debug
#include <stdio.h>

struct pair {
    int a, b;
};

static struct pair swap(struct pair p) {
    struct pair q = {p.b, p.a};
    return q;
}

int main(void) {
    struct pair p = swap((struct pair){1, 2});
    printf("%d %d\n", p.a, p.b);
    return 0;
}
