// Inline functions every file including this defines in its own COMDAT group.
inline int* counter() {
    static int calls = 100;  // a data segment in the COMDAT of its function
    return &calls;
}
inline int scaled(int x) {
    auto twice = [](int v) { return 2 * v; };  // a lambda: its own COMDAT
    *counter() += 1;
    return twice(x) + *counter();
}
