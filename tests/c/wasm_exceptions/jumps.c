// setjmp/longjmp as wasm exception handling (-mllvm -wasm-enable-sjlj): a second tag,
// `__c_longjmp`, beside the C++ one, and calls to the __wasm_setjmp family in runtime.c.
// FILE-CFLAGS: -mllvm -wasm-enable-sjlj
typedef long jmp_buf[8];
int setjmp(jmp_buf);
_Noreturn void longjmp(jmp_buf, int);
int printf(const char *, ...);

static jmp_buf env;

static void deep(int n, int value) {
    if (n == 0) longjmp(env, value);
    deep(n - 1, value);
}

int jumps(int value) {
    int r = setjmp(env);
    if (r == 0) {
        deep(3, value);
        printf("unreachable\n");
    }
    return r;
}
