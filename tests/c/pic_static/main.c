// Objects compiled with -fPIC linked into a static (non-PIC) module, as in Rust's wasm32-wasip1
// sysroot (its crt1-command.o reads `__memory_base`): every GOT access becomes an internal,
// immutable global (`GOT.data.internal.*`, `GOT.func.internal.*`), and functions whose address
// goes through the GOT get a table slot.
#include <stdio.h>

int shared_counter = 5;
const char greeting[] = "hello from main";
int main_helper(int x) { return x * 3; }

int pic_sum(void);
const char *pic_greeting(void);
int (*pic_fn(void))(int);
int pic_weak_is_null(void);
int *pic_counter_addr(void);
int pic_local(int);

int main(void) {
    printf("pic_sum = %d\n", pic_sum());
    printf("greeting via GOT: %s (same address: %d)\n", pic_greeting(), pic_greeting() == greeting);
    printf("fn via GOT: %d (same: %d)\n", pic_fn()(14), pic_fn() == main_helper);
    printf("weak undefined is null: %d\n", pic_weak_is_null());
    printf("counter address equal: %d\n", pic_counter_addr() == &shared_counter);
    printf("local static: %d %d\n", pic_local(1), pic_local(2));
    return 0;
}
