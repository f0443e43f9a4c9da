// Fuzz seed: the other half of `--wrap=add` (main.c calls add; lib1.c defines it).
int __real_add(int, int);
int __wrap_add(int a, int b) { return __real_add(a, b) * 2; }
