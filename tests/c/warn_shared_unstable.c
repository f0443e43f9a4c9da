// Without --experimental-pic, wasm-ld warns that -shared output is not stable yet.
// CFLAGS: -fPIC
// LDFLAGS: -shared
// NODEFAULTLIBS: yes
// CRT: none
// RUN: no
// EXPECT-WARNING: creating shared libraries, with -shared, is not yet stable
int answer(void) { return 42; }
