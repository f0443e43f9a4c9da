// Data that points at functions: a static command table {name, handler} in one object
// whose handlers live in other objects, plus a nested table of tables.
#include <stdio.h>
#include <string.h>
#include "commands.h"

static const struct command *find(const char *name) {
    for (const struct command_group *g = groups; g->name; g++)
        for (const struct command *c = g->commands; c->name; c++)
            if (strcmp(c->name, name) == 0) return c;
    return NULL;
}

int main(void) {
    const char *script[] = {"add", "mul", "shout", "sub", "nope", "whisper", "mul"};
    int acc = 3;
    for (unsigned i = 0; i < sizeof script / sizeof *script; i++) {
        const struct command *c = find(script[i]);
        if (!c) {
            printf("%s: unknown\n", script[i]);
            continue;
        }
        acc = c->handler(acc, c->arg);
        printf("%s(%d) -> %d\n", c->name, c->arg, acc);
    }
    printf("groups:");
    for (const struct command_group *g = groups; g->name; g++) printf(" %s", g->name);
    printf("\n");
    return 0;
}
