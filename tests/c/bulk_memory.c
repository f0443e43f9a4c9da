// Objects using bulk-memory (memory.copy/fill for memcpy/memset) and nontrapping
// float-to-int conversions, linked with a libc built without them.
// CFLAGS: -O2 -mbulk-memory -mnontrapping-fptoint
#include <stdio.h>
#include <string.h>

struct blob {
    char bytes[300];
};

static struct blob make(char c) {
    struct blob b;
    memset(b.bytes, c, sizeof b.bytes);
    return b;
}

int main(int argc, char **argv) {
    (void)argv;
    struct blob a = make('a' + argc), b;
    memcpy(&b, &a, sizeof a);
    b.bytes[299] = 0;
    volatile double big = 1e20 * argc;
    int clamped = (int)big;
    printf("%.5s len=%zu clamped=%d\n", b.bytes, strlen(b.bytes), clamped);
    return 0;
}
