#include "commands.h"
int do_add(int acc, int arg) { return acc + arg; }
int do_sub(int acc, int arg) { return acc - arg; }
int do_mul(int acc, int arg) { return acc * arg; }
