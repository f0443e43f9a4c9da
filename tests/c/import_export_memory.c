// --import-memory=MODULE,NAME with --export-memory=NAME: the memory is imported under the
// given name and re-exported under another.
// LDFLAGS: --import-memory=host,mem --export-memory=exported_mem
#include <stdio.h>

static char text[] = "memory imported as host.mem";

int main(void) {
    puts(text);
    return 0;
}
