// Fuzz seed: the other half of `--wrap=add` (main.c calls add; lib1.c defines it).
int __real_add(int, int);
int __wrap_add(int a, int b) { return __real_add(a, b) * 2; }

// A weak reference to data an archive member defines (lib1.c's counter): it does not
// extract the member, a strong reference after it does.
__attribute__((weak)) extern int counter;
int peek_counter(void) { return &counter ? counter : -1; }
