// An input that is neither a wasm object, an archive nor anything else wasm-ld knows.
// INPUTS: garbage.o
// EXPECT-ERROR: unknown file type:
// EXPECT-ERROR: garbage.o
int main(void) { return 0; }
