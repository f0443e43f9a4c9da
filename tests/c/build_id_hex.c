// --build-id=0x...: a build_id custom section with the given bytes.
// LDFLAGS: --build-id=0x0123456789abcdef
#include <stdio.h>

int main(void) {
    puts("build id hex");
    return 0;
}
