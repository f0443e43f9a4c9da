// A weak definition in an object is not replaced by a strong one in an archive member: the
// member is not loaded for it (but is when something else it defines is needed, and then
// the strong definition wins).
// ARCHIVE: libstrong.a: strong_only.c strong_and_needed.c
#include <stdio.h>

__attribute__((weak)) const char *variant(void) { return "weak variant from main.c"; }
__attribute__((weak)) const char *other_variant(void) { return "weak other_variant from main.c"; }
int needed(void);

int main(void) {
    printf("%s\n%s\nneeded=%d\n", variant(), other_variant(), needed());
    return 0;
}
