// Fuzz seed: the symbols the linker defines (the memory layout's bounds, the constructors'
// caller, a named section's start and stop), referenced by code and by data; and a custom
// section of its own, as Rust's #[link_section] makes one.
extern char __heap_base, __heap_end, __data_end, __dso_handle, __global_base, __stack_low, __stack_high;
extern void __wasm_call_ctors(void);
extern const int __start_weld_list[], __stop_weld_list[];
__attribute__((used, section("weld_list"))) static const int list_a[] = {1, 2};
__attribute__((used, section("weld_list"))) static const int list_b = 3;
__asm__(".section .custom_section.weld_meta,\"\",@\n.asciz \"layout.c\"\n.text\n");
char *bounds[] = {&__heap_base, &__data_end, &__stack_high};
int counter = 7;
unsigned long layout_sum(void) {
    __wasm_call_ctors();
    unsigned long s = (unsigned long)&__heap_end - (unsigned long)bounds[1];
    s += (unsigned long)&__stack_high - (unsigned long)&__stack_low + (unsigned long)&__global_base;
    s += (unsigned long)&__dso_handle + (unsigned long)bounds[0];
    for (const int *p = __start_weld_list; p < __stop_weld_list; p++) s += *p;
    return s + counter;
}
