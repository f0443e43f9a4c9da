// Data placed in a named section by several objects, walked with the linker-defined
// __start_SECTION/__stop_SECTION symbols (which also keep the section alive).
#include <stdio.h>
#include "registry.h"

REGISTER(main_entry, "main", 1);

extern const struct entry __start_weld_registry[], __stop_weld_registry[];

int main(void) {
    int total = 0;
    for (const struct entry *e = __start_weld_registry; e < __stop_weld_registry; e++) {
        printf("%s=%d\n", e->name, e->value);
        total += e->value;
    }
    printf("%d entries, total %d\n", (int)(__stop_weld_registry - __start_weld_registry), total);
    return 0;
}
