// A weak undefined reference does not pull an archive member in; a strong reference to
// another symbol of the same member does, in a second archive.
// ARCHIVE: libopt.a: optional.c
// ARCHIVE: libboth.a: both.c
#include <stdio.h>

extern int optional_feature(void) __attribute__((weak));
extern int both_weak(void) __attribute__((weak));
int both_strong(void);

int main(void) {
    printf("optional_feature %s\n", optional_feature ? "linked" : "not linked");
    printf("both_strong=%d both_weak=%s\n", both_strong(), both_weak ? "linked" : "not linked");
    if (both_weak) printf("both_weak()=%d\n", both_weak());
    return 0;
}
