// The runtime the exceptions and jumps of this program call: Debian's libc++abi for wasm32
// is built without exceptions and its wasi-libc without setjmp, so this object supplies the
// C++ ABI entry points (thrown as tag 0, `__cpp_exception`) and LLVM's __wasm_setjmp family
// (thrown as tag 1, `__c_longjmp`); it defines both tags too.
// FILE-CFLAGS: -mexception-handling
#include <stdint.h>
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

// What the code LLVM lowers setjmp/longjmp to expects: longjmp throws a pointer to
// {env, value}; the catching function asks __wasm_setjmp_test whether env is one of its own.
struct jump {
    void *invocation;
    uint32_t label;
    struct {
        void *env;
        int value;
    } thrown;
};
void __wasm_setjmp(void *env, uint32_t label, void *invocation) {
    struct jump *j = env;
    j->invocation = invocation;
    j->label = label;
}
uint32_t __wasm_setjmp_test(void *env, void *invocation) {
    struct jump *j = env;
    return j->invocation == invocation ? j->label : 0;
}
void __wasm_longjmp(void *env, int value) {
    struct jump *j = env;
    j->thrown.env = env;
    j->thrown.value = value ? value : 1;
    __builtin_wasm_throw(1, &j->thrown);
}
