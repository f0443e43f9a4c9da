// --build-id=sha1: a build_id custom section with a SHA-1 of the output.
// LDFLAGS: --build-id=sha1
#include <stdio.h>

int main(void) {
    puts("build id sha1");
    return 0;
}
