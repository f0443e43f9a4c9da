// A stub library (`#STUB`) names functions the host provides and what each one's host
// implementation calls back: those undefined functions are imported, and their
// dependencies exported (and pulled out of the archive). One function is matched by its
// import name; a symbol the stub names but that is defined here is left alone.
// ARCHIVE: libhelpers.a: alloc.c release.c draw_cb.c unused.c
// INPUTS: libjs.so
// LDFLAGS: --why-extract=- --trace-symbol=js_draw --trace-symbol=stub_release --trace-symbol=defined_here --trace-symbol=js_log
#include <stdio.h>

int js_draw(int shape);
void js_clear(void);
__attribute__((import_name("console_log"))) void js_log(const char *text);

int defined_here(void) { return 7; }

int main(void) {
    js_clear();
    int r = js_draw(3);
    js_log("hello");
    printf("js_draw returned %d, defined_here %d\n", r, defined_here());
    return 0;
}
