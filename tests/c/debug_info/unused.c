// FILE-CFLAGS: -O0
// Dropped by --gc-sections: its debug info must be handled (tombstoned) too.
int never_called(int x) {
    int local = x * 2;
    return local + 1;
}
