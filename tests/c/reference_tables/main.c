// Tables the object defines (static externref tables), beside libc's objects compiled
// without reference types, which call through table 0 without relocations: the indirect
// function table must come first, before this object's tables, and --print-gc-sections
// names the table nothing uses. (Through -r, wasm-ld 19 and weld alike lose what says libc
// calls through table 0: that final module does not validate, a note and not a mismatch.)
// CFLAGS: -O1 -mreference-types
// LDFLAGS: --print-gc-sections
#include <stdio.h>

static __externref_t refs[0];
static __externref_t unused_refs[0];

__attribute__((noinline)) int grow(__externref_t r, int n) { return __builtin_wasm_table_grow(refs, r, n); }
int size(void) { return __builtin_wasm_table_size(refs); }
int unused_size(void) { return __builtin_wasm_table_size(unused_refs); }

static int twice(int x) { return 2 * x; }
int (*volatile through_table)(int) = twice;

int main(void) {
    int before = grow(__builtin_wasm_ref_null_extern(), 3);
    printf("table had %d, now %d; twice(21) = %d\n", before, size(), through_table(21));
    return 0;
}
