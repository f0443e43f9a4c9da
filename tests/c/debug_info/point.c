#include <stdio.h>
#include "point.h"

struct point translate(struct point p, int dx, int dy) {
    struct point r = {p.x + dx, p.y + dy};
    return r;
}

int dist2(struct point a, struct point b) {
    int dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy;
}

static char description[64];

const char *describe(struct point p) {
    snprintf(description, sizeof description, "(%d, %d)", p.x, p.y);
    return description;
}
