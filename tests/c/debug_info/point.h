struct point {
    int x, y;
};
struct point translate(struct point p, int dx, int dy);
int dist2(struct point a, struct point b);
const char *describe(struct point p);
