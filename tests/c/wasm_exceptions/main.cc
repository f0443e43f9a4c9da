// C++ exceptions as WebAssembly exception handling (-fwasm-exceptions): the weak
// `__cpp_exception` tag is defined in every object that throws or catches, so the link keeps
// one, writes the tag section and an export-free tag index into each `throw` and `catch`
// (R_WASM_TAG_INDEX_LEB). Debian's libc++abi for wasm32 is built without exceptions, so
// runtime.c supplies the four functions these throws and catch-alls call.
// CFLAGS: -O1 -fwasm-exceptions
extern "C" int printf(const char *, ...);
void thrower(int v);
int through_pointer(void (*f)(int), int v);

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
    return 0;
}
