// Also refers to a function nobody defines: the linker lists every undefined symbol.
#include <stdio.h>

void flush_log(void);

void report(int value) {
    printf("checksum: %d\n", value);
    flush_log();
}
