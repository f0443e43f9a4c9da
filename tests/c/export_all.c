// --export-all: every defined function and global is exported (libc's too).
// LDFLAGS: --export-all
#include <stdio.h>

int global_counter = 3;
int helper(int x) { return x + global_counter; }

int main(void) {
    printf("helper=%d\n", helper(4));
    return 0;
}
