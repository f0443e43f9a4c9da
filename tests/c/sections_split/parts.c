#include <stdio.h>

int used_counter = 1;
int unused_counter = 2;
const char used_data[] = "used data";
const char unused_data[] = "this string should not be in the output";
char unused_buffer[100000];

int used_function(int x) { return x * 2 + 1; }
int unused_function(int x) { printf("unused %d %s\n", x, unused_data); return unused_buffer[x]; }
static int unused_static(void) { return unused_counter; }
int (*unused_pointer)(void) = unused_static;
