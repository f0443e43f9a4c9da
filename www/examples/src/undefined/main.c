// Fails to link: compute_checksum is declared but nothing defines it.
#include <stdio.h>

int compute_checksum(const char *data);
void report(int value);

int main(void) {
    report(compute_checksum("weld"));
    return 0;
}
