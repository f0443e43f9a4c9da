// --export-dynamic: symbols with default visibility are exported, hidden ones are not
// (clang's default for wasm is hidden).
// LDFLAGS: --export-dynamic
#include <stdio.h>

__attribute__((visibility("default"))) int api_add(int a, int b) { return a + b; }
__attribute__((visibility("default"))) int api_version = 3;
__attribute__((visibility("default"))) const char api_name[] = "export-dynamic";
int internal_only(int x) { return x - 1; }

int main(void) {
    printf("%s v%d: %d %d\n", api_name, api_version, api_add(2, 2), internal_only(5));
    return 0;
}
