// --export of a symbol that is defined nowhere.
// LDFLAGS: --export=not_defined_anywhere
// EXPECT-ERROR: symbol exported via --export not found: not_defined_anywhere
int main(void) { return 0; }
