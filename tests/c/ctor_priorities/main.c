// Constructors and destructors with priorities across three objects, mixed with atexit.
// Constructors run in ascending priority (default 65535 last, in link order), destructors
// in descending priority after the atexit handlers registered later.
#include <stdio.h>
#include <stdlib.h>

static int order_log[16];
static int order_len;

void record(int what) {
    if (order_len < 16) order_log[order_len++] = what;
}

__attribute__((constructor(102))) static void main_ctor_102(void) { record(102); }
__attribute__((constructor)) static void main_ctor_default(void) { record(65535); }
__attribute__((destructor(150))) static void main_dtor_150(void) { puts("dtor 150 (main.c)"); }
__attribute__((destructor)) static void main_dtor_default(void) { puts("dtor default (main.c)"); }

static void at_exit_handler(void) { puts("atexit handler"); }

int main(void) {
    atexit(at_exit_handler);
    printf("constructors ran:");
    for (int i = 0; i < order_len; i++) printf(" %d", order_log[i]);
    printf("\n");
    return 0;
}
