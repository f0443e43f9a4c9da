// A stub library's dependency that nothing defines is an error naming the library, the
// missing symbol and the symbol that needed it (an empty name between commas counts).
// INPUTS: bad.so
// RUN: no
// EXPECT-ERROR: bad.so: undefined symbol: nowhere. Required by js_need
// EXPECT-ERROR: bad.so: undefined symbol: still_undefined. Required by js_need
// EXPECT-ERROR: bad.so: undefined symbol: . Required by js_other
int js_need(void);
int js_other(void);
int still_undefined(void);

int main(void) { return js_need() + js_other() + still_undefined(); }
