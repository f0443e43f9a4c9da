// FILE-CFLAGS: --target=wasm64
int helper(int x) { return x + 1; }
