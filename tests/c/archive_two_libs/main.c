// Two archives where a member of the first needs a member of the second, the second found
// by -L/-l search; a member needed only through another archive member.
// ARCHIVE: libfront.a: front.c front_extra.c
// ARCHIVE: libback.a: back.c back_unused.c
// LIBS: -L{out} -lfront -lback
#include <stdio.h>

int front_entry(int);

int main(void) {
    printf("front_entry(5) = %d\n", front_entry(5));
    return 0;
}
