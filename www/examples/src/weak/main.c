// Weak symbols: defaults.c gives weak defaults, custom.c overrides one of them.
#include <stdio.h>

const char *greeting(void);          // weak in defaults.c, strong in custom.c: custom wins
void log_line(const char *message);   // only defined (weakly) in defaults.c
int answer(void);                     // weak in defaults.c, strong in custom.c

// A weak *undefined* symbol: nothing defines it, so its address is null.
void optional_hook(void) __attribute__((weak));

int main(void) {
    printf("greeting: %s\n", greeting());
    printf("answer:   %d\n", answer());
    if (optional_hook)
        optional_hook();
    else
        log_line("optional_hook is not linked in");
    return 0;
}
