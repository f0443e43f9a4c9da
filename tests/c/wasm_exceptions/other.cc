extern "C" int printf(const char *, ...);

void thrower(int v) {
    if (v > 0) throw v;
    printf("%d: no throw\n", v);
}

int through_pointer(void (*f)(int), int v) {
    try {
        f(v);
    } catch (...) {
        return 1;
    }
    return 0;
}
