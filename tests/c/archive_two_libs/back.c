#include <stdio.h>
static int calls;
int back_helper(int x) {
    calls++;
    printf("back_helper call %d\n", calls);
    return x * 3;
}
