// Dense switches (br_table) and switch-to-lookup-table data at -O2, sparse switches too.
// CFLAGS: -O2
#include <stdio.h>

static const char *day_name(int d) {
    switch (d) {
    case 0: return "sunday";
    case 1: return "monday";
    case 2: return "tuesday";
    case 3: return "wednesday";
    case 4: return "thursday";
    case 5: return "friday";
    case 6: return "saturday";
    default: return "?";
    }
}

static int weight(int c) {
    switch (c) {
    case 'a': return 11;
    case 'b': return 23;
    case 'c': return 37;
    case 'd': return 41;
    case 'e': return 53;
    case 'f': return 67;
    case 'g': return 79;
    default: return 1;
    }
}

static int sparse(int x) {
    switch (x) {
    case 1: return 10;
    case 100: return 20;
    case 1000: return 30;
    case 10000: return 40;
    case -5: return 50;
    default: return 0;
    }
}

static int action(int op, int a, int b) {
    switch (op) {
    case 0: return a + b;
    case 1: return a - b;
    case 2: return a * b;
    case 3: return b ? a / b : 0;
    case 4: return a & b;
    case 5: return a | b;
    case 6: return a ^ b;
    case 7: return a << (b & 7);
    default: return -1;
    }
}

int main(int argc, char **argv) {
    (void)argv;
    for (int d = -1; d < 8; d++) printf("%s ", day_name(d + argc - 1));
    printf("\n");
    int total = 0;
    for (const char *p = "abcdefghij"; *p; p++) total += weight(*p);
    printf("weights=%d\n", total);
    int xs[] = {1, 100, 1000, 10000, -5, 7};
    for (int i = 0; i < 6; i++) printf("%d ", sparse(xs[i] * argc));
    printf("\n");
    for (int op = 0; op < 9; op++) printf("%d ", action(op, 12 * argc, 5));
    printf("\n");
    return 0;
}
