// -fno-function-sections -fno-data-sections: one code and one data section per object,
// so sections are kept or dropped as a whole.
// CFLAGS: -fno-function-sections -fno-data-sections
#include <stdio.h>

int used_function(int);
extern const char used_data[];
extern int used_counter;

int main(void) {
    used_counter += used_function(20);
    printf("%s %d\n", used_data, used_counter);
    return 0;
}
