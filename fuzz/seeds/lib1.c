// Fuzz seed (archive member): a function, a global, a weak definition.
int counter = 42;
int add(int a, int b) { return a + b + counter; }
__attribute__((weak)) int maybe(void) { return 1; }
