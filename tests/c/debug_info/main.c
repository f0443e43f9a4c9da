// A -g build of several objects: DWARF sections (.debug_info, .debug_line, .debug_str,
// ...) with relocations against code and data are concatenated and relocated.
// CFLAGS: -g -O1
#include <stdio.h>
#include "point.h"

static struct point origin = {0, 0};

int main(void) {
    struct point p = {3, 4};
    struct point q = translate(p, 10, -2);
    printf("distance^2 = %d\n", dist2(origin, q));
    printf("describe: %s\n", describe(q));
    return 0;
}
