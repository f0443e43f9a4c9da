// --compress-relocations: every LEB relocation in the code (calls, globals, data addresses,
// table slots, type indices of indirect calls) is rewritten at its minimal length, and the
// function sizes, the code section and the -Map offsets shrink to match.
// CFLAGS: -g -O1
// LDFLAGS: --compress-relocations --strip-debug
#include <stdio.h>
#include <string.h>

static int table[300];
static const char *words[] = {"alpha", "beta", "gamma", "delta"};
char big[70000] = {1};

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
int (*ops[])(int, int) = {add, mul};

__attribute__((noinline)) static int apply(int which, int a, int b) { return ops[which & 1](a, b); }

int main(int argc, char **argv) {
    for (int i = 0; i < 300; i++) table[i] = i * 3;
    int sum = 0;
    for (int i = 0; i < 4; i++) sum += (int)strlen(words[i]);
    big[69999] = 7;
    printf("%d %d %d %d %d\n", apply(0, table[10], table[299]), apply(1, 6, 7), sum, big[0] + big[69999], argc);
    return 0;
}
