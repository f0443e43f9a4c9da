#include <stdio.h>
int provided_counter = 77;
void provided_hook(const char *who) { printf("provided_hook called by %s\n", who); }
