// C++ exceptions and setjmp/longjmp as WebAssembly exception handling: the weak tags
// `__cpp_exception` and `__c_longjmp` are defined in every object that throws or catches,
// so the link keeps one of each, writes the tag section and the tag indices into each
// `throw` and `catch` (R_WASM_TAG_INDEX_LEB); --print-gc-sections names the copies dropped.
// runtime.c is what they call, from an archive as libc++abi would be.
// ARCHIVE: libehrt.a: runtime.c
// CFLAGS: -O1 -fwasm-exceptions
// LDFLAGS: --print-gc-sections
extern "C" int printf(const char *, ...);
void thrower(int v);
int through_pointer(void (*f)(int), int v);
extern "C" int jumps(int value);

static int attempt(void (*f)(int), int v) {
    try {
        f(v);
    } catch (...) {
        return 1;
    }
    return 0;
}

int main(int argc, char **) {
    int caught = 0;
    for (int i = -2; i < 3; i++) caught += attempt(thrower, i);
    printf("caught %d of 5 direct\n", caught);
    printf("caught %d through a pointer\n", through_pointer(thrower, argc));
    printf("longjmp gave %d, then %d\n", jumps(7), jumps(0));
    return 0;
}
