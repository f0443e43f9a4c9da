// FILE-CFLAGS: -Os
#include <stdio.h>
#include "commands.h"
int do_shout(int acc, int arg) { printf("SHOUT %d\n", acc); return acc + arg; }
int do_whisper(int acc, int arg) { printf("whisper %d\n", acc); return acc - arg; }
