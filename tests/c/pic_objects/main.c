// Position-independent objects (-fPIC: GOT-relative accesses, GOT.mem/GOT.func globals)
// linked into an ordinary static executable, mixed with a non-PIC object.
// CFLAGS: -fPIC
#include <stdio.h>

extern int shared_counter;
extern const char *const labels[];
int bump(int);
int (*get_op(void))(int);

int main(void) {
    shared_counter = 5;
    printf("bump=%d counter=%d label=%s op=%d\n", bump(3), shared_counter, labels[1], get_op()(7));
    return 0;
}
