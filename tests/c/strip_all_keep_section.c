// --strip-all with --keep-section: everything custom is stripped except the named sections.
// CFLAGS: -g
// LDFLAGS: --strip-all --keep-section=target_features --keep-section=producers
#include <stdio.h>

int main(void) {
    puts("kept target_features and producers");
    return 0;
}
