// Fuzz seed: a table of references defined in the object (reference-types), beside the
// indirect function table.
static __externref_t objects[0];
int remember(__externref_t ref) {
    int n = __builtin_wasm_table_size(objects);
    __builtin_wasm_table_grow(objects, ref, 1);
    return n;
}
__externref_t recall(int i) { return __builtin_wasm_table_get(objects, i); }
void (*pick(int i))(void);
int call_picked(int i) { pick(i)(); return i; }
