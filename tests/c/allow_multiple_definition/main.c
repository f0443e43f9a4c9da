// --allow-multiple-definition: duplicate strong definitions are accepted, the first in
// link order wins.
// LDFLAGS: --allow-multiple-definition
#include <stdio.h>

const char *which(void) { return "main.c"; }
int shared_value = 1;

int other_which_user(void);

int main(void) {
    printf("which=%s shared_value=%d other=%d\n", which(), shared_value, other_which_user());
    return 0;
}
