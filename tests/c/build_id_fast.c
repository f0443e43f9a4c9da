// --build-id (the default "fast" style): a build_id custom section with a content hash.
// LDFLAGS: --build-id
#include <stdio.h>

int main(void) {
    puts("build id fast");
    return 0;
}
