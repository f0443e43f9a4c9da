// A stub library line whose symbol nothing references still marks what it depends on as
// used by the program (wasm-ld does this before LTO, and it shows without LTO): here
// __wasm_call_ctors, so the exports get no command wrappers that would run the
// constructor first, and `value` returns what it was before the constructor ran.
// CRT: none
// NODEFAULTLIBS: yes
// CFLAGS: -O2 -nostdlib
// LDFLAGS: --no-entry --export=value
// INPUTS: host.so
// INVOKE: value value
static volatile int state = 1;  // (volatile: clang would run the constructor at compile time)

__attribute__((constructor)) static void init(void) { state = 42; }

int value(void) { return state++; }
