// The C++ ABI entry points the exceptions above need, thrown as the wasm tag 0
// (`__cpp_exception`, which this object defines too).
// FILE-CFLAGS: -mexception-handling
#include <stdlib.h>

char _ZTIi[8]; // typeinfo for int: only its address is passed to __cxa_throw.

void *__cxa_allocate_exception(size_t size) { return malloc(size); }
void __cxa_throw(void *object, void *type, void (*destroy)(void *)) {
    (void)type;
    (void)destroy;
    __builtin_wasm_throw(0, object);
}
void *__cxa_begin_catch(void *object) { return object; }
void __cxa_end_catch(void) {}
