// atexit handlers run in reverse order on exit(), and exit()'s status is the exit code.
#include <stdio.h>
#include <stdlib.h>

static void first(void) { puts("atexit: registered first, runs last"); }
static void second(void) { puts("atexit: registered second"); }
static void third(void) { printf("atexit: registered third, runs first\n"); }

int main(void) {
    atexit(first);
    atexit(second);
    atexit(third);
    printf("main: exiting with 3\n");
    exit(3);
}
