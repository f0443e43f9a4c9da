// -u / --undefined loads an archive member nobody references. Loading alone does not keep
// it: only when one of its symbols is live (here through a weak reference from main) do
// its constructors run.
// ARCHIVE: libextra.a: extra.c other.c
// LDFLAGS: -u extra_marker --undefined=other_marker
#include <stdio.h>

extern int extra_marker __attribute__((weak));

int main(void) {
    printf("extra_marker %s\n", &extra_marker ? "defined" : "undefined");
    puts("main runs after the constructors");
    return 0;
}
