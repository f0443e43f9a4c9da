inline thread_local int level = 5;
inline int bump() {
    static thread_local int calls = 100;
    return ++calls + level;
}
