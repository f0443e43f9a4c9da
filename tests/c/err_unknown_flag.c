// An option wasm-ld does not know is an error.
// LDFLAGS: --no-such-flag
// EXPECT-ERROR: unknown argument: --no-such-flag
int main(void) { return 0; }
