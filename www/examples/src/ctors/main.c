// Constructors run before main in priority order (lower first, no priority last);
// __wasm_call_ctors, made by the linker, calls them in that order across all objects.
#include <stdio.h>

__attribute__((constructor(101))) static void first(void) { puts("ctor 101 (main.c)"); }

__attribute__((constructor(300))) static void third(void) { puts("ctor 300 (main.c)"); }

__attribute__((constructor)) static void plain(void) { puts("ctor without priority (main.c)"); }

__attribute__((destructor)) static void bye(void) { puts("destructor (main.c)"); }

int main(void) {
    puts("main");
    return 0;
}
