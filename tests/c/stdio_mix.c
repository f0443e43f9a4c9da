// stdout and stderr, fputs/putchar/fwrite, sprintf, setvbuf, fflush ordering.
#include <stdio.h>

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    fputs("fputs line\n", stdout);
    putchar('c');
    putchar('\n');
    fwrite("fwrite\n", 1, 7, stdout);
    fprintf(stderr, "to stderr: %d\n", 17);
    char buf[64];
    int n = sprintf(buf, "%08.3f|%-6d|%+d", 3.14159, 42, 7);
    printf("%s (%d)\n", buf, n);
    fflush(stdout);
    fputs("stderr again\n", stderr);
    return 0;
}
