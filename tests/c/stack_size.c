// -z stack-size=: a 1 MiB stack that deep recursion with big frames needs.
// LDFLAGS: -z stack-size=1048576
#include <stdio.h>
#include <string.h>

static int depth_sum(int depth) {
    char frame[2048];
    memset(frame, depth & 0xff, sizeof frame);
    if (depth == 0) return frame[7];
    return frame[depth % 2048] + depth_sum(depth - 1);
}

int main(void) {
    printf("sum=%d\n", depth_sum(300));
    return 0;
}
