// Weak definitions overridden by strong ones in another object (functions and data);
// weak definitions nobody overrides stay in use.
#include <stdio.h>

__attribute__((weak)) const char *greeting(void) { return "weak greeting"; }
__attribute__((weak)) const char *farewell(void) { return "weak farewell"; }
__attribute__((weak)) int config_value = 1;
__attribute__((weak)) int config_default = 5;
__attribute__((weak)) int table[4] = {1, 1, 1, 1};

int main(void) {
    printf("%s / %s\n", greeting(), farewell());
    printf("config_value=%d config_default=%d\n", config_value, config_default);
    printf("table=%d,%d,%d,%d\n", table[0], table[1], table[2], table[3]);
    return 0;
}
