// Fuzz seed: C++ exceptions as wasm exceptions (a tag, try/catch, throw).
// (Compiled twice, the second time with -DGUARDED=another_name: both define the weak tag.)
extern "C" int host_value(int);
struct Error { int code; };
static int check(int x) {
    if (x < 0) throw Error{x};
    return x * 2;
}
#ifndef GUARDED
#define GUARDED guarded
#endif
extern "C" int GUARDED(int x) {
    try {
        return check(host_value(x));
    } catch (const Error &e) {
        return e.code;
    } catch (...) {
        return -1;
    }
}
