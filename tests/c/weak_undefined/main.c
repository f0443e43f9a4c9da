// Weak undefined references: functions called only when non-NULL, data checked by address.
// One weak reference is satisfied by another object and one is not.
// CFLAGS: -O1
#include <stdio.h>

extern void optional_hook(const char *) __attribute__((weak));
extern int optional_counter __attribute__((weak));
extern void provided_hook(const char *) __attribute__((weak));
extern int provided_counter __attribute__((weak));

typedef void (*hook_fn)(const char *);
static hook_fn hooks[] = {optional_hook, provided_hook};
static int *counters[] = {&optional_counter, &provided_counter};

int main(void) {
    if (optional_hook) optional_hook("optional");
    else puts("optional_hook is absent");
    if (provided_hook) provided_hook("provided");
    printf("&optional_counter %s NULL\n", &optional_counter ? "!=" : "==");
    if (&provided_counter) printf("provided_counter=%d\n", provided_counter);
    for (int i = 0; i < 2; i++) {
        printf("hooks[%d] %s, counters[%d] %s\n", i, hooks[i] ? "set" : "null", i,
               counters[i] ? "set" : "null");
    }
    return 0;
}
