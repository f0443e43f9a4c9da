// FILE-CFLAGS: -Os
#include <stdio.h>
#include <string.h>
int level_s(int x) {
    char buf[32];
    snprintf(buf, sizeof buf, "%d", x);
    printf("Os got %s\n", buf);
    return (int)strlen(buf) * 1000 + x % 997;
}
