// FILE-CFLAGS: -O0 -g
#include <math.h>
#include <string.h>
#include "interp.h"

static double absolute(double x) { return x < 0 ? -x : x; }

static const struct {
    const char *name;
    builtin_fn fn;
} builtins[] = {
    {"sqrt", sqrt}, {"sin", sin}, {"cos", cos}, {"floor", floor}, {"abs", absolute}, {"exp", exp},
};

builtin_fn find_builtin(const char *name) {
    for (size_t i = 0; i < sizeof builtins / sizeof *builtins; i++)
        if (strcmp(builtins[i].name, name) == 0) return builtins[i].fn;
    return NULL;
}
