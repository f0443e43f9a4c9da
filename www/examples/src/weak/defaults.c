// Weak defaults: used unless another object defines the same name strongly.
#include <stdio.h>

__attribute__((weak)) const char *greeting(void) { return "default greeting"; }

__attribute__((weak)) int answer(void) { return 0; }

__attribute__((weak)) void log_line(const char *message) { printf("[log] %s\n", message); }
