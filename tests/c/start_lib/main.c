// Objects between --start-lib and --end-lib load only when something needs a symbol they
// define, like archive members: helper.o (called here) loads and pulls in more.o; arch.o,
// an archive member, pulls in late.o, a lazy object given before the archive; unused.o
// (with a constructor that would print) and weak.o (only weakly referenced) stay out.
// START-LIB: helper.c more.c late.c unused.c weak.c
// ARCHIVE: libarch.a: arch.c
// LDFLAGS: --trace
#include <stdio.h>

int helper(int);
int arch_entry(int);
__attribute__((weak)) int weak_only(void);

int main(void) {
    printf("helper(2) = %d\n", helper(2));
    printf("arch_entry(3) = %d\n", arch_entry(3));
    printf("weak_only is %s\n", weak_only ? "linked" : "absent");
    return 0;
}
