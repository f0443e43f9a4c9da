// --unresolved-symbols=import-dynamic in an ordinary (non-PIC) link: symbols nobody defines
// become imports, data ones through GOT.mem globals, and the pointers to them in data are
// stored at start-up by __wasm_apply_data_relocs; the module gets a dylink.0 section.
// CFLAGS: -fPIC
// LDFLAGS: --unresolved-symbols=import-dynamic
// RUN: no
#include <stdio.h>

extern int plugin_version;
extern int plugin_entry(int);
int *version_ptr = &plugin_version;
int (*entry_ptr)(int) = plugin_entry;

int main(void) {
    printf("version %d entry %d\n", *version_ptr, entry_ptr(3) + plugin_entry(4));
    return 0;
}
