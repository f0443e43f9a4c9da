// --whole-archive loads every member, even unreferenced ones (their constructors run);
// the archive after --no-whole-archive is searched normally.
// ARCHIVE: libwhole.a: plugin_a.c plugin_b.c
// ARCHIVE: libnormal.a: normal_used.c normal_unused.c
// LIBS: --whole-archive libwhole.a --no-whole-archive libnormal.a
#include <stdio.h>

int plugin_count(void);
int normal_used(void);
const char *plugins[4];
int n_plugins;

int main(void) {
    printf("plugins registered: %d (%d)\n", n_plugins, normal_used());
    for (int i = 0; i < n_plugins; i++) printf("  %s\n", plugins[i]);
    return 0;
}
