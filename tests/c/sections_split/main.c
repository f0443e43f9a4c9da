// -ffunction-sections -fdata-sections: unused functions and data are dropped one by one
// by --gc-sections, while used ones in the same object stay.
// CFLAGS: -ffunction-sections -fdata-sections -O1
#include <stdio.h>

int used_function(int);
extern const char used_data[];
extern int used_counter;

int main(void) {
    used_counter += used_function(20);
    printf("%s %d\n", used_data, used_counter);
    return 0;
}
