// Big structs passed, returned and assigned by value (memcpy), arrays of structs; -O0.
// CFLAGS: -O0
#include <stdio.h>
#include <string.h>

struct big {
    int id;
    char label[100];
    double values[32];
    long long total;
};

static struct big make(int id) {
    struct big b;
    memset(&b, 0, sizeof b);
    b.id = id;
    snprintf(b.label, sizeof b.label, "item-%d", id);
    for (int i = 0; i < 32; i++) b.values[i] = id * 0.5 + i;
    return b;
}

static struct big summed(struct big b) {
    b.total = 0;
    for (int i = 0; i < 32; i++) b.total += (long long)(b.values[i] * 100);
    return b;
}

static struct big table[8];

int main(void) {
    for (int i = 0; i < 8; i++) table[i] = summed(make(i));
    struct big copy = table[5];
    copy.values[0] = -1;
    printf("%s total=%lld copy.v0=%.1f table.v0=%.1f\n", table[5].label, table[5].total,
           copy.values[0], table[5].values[0]);
    struct big swap = table[0];
    table[0] = table[7];
    table[7] = swap;
    for (int i = 0; i < 8; i++) printf("%d:%lld ", table[i].id, table[i].total);
    printf("\nsizeof=%zu\n", sizeof(struct big));
    return 0;
}
