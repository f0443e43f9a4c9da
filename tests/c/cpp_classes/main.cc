// C++ without its library: templates and inline functions (COMDAT groups, one copy kept),
// virtual calls through vtables, static constructors in two files, mangled names
// (demangled in the map and messages), extern "C" glue.
// CFLAGS: -fno-exceptions -fno-rtti -O1
#include <stdio.h>
#include "shapes.h"

static Square big(7);
Circle unit(1);

int main() {
    const Shape* shapes[] = {&big, &unit, make_triangle()};
    for (const Shape* s : shapes) {
        printf("%s: area %d, scaled %d\n", s->name(), s->area(), twice(s->area()));
    }
    printf("sum of squares to 5: %d\n", Accumulate<5>::value());
    printf("registry: %d shapes\n", registry_count());
    return 0;
}
