// Misplaced --start-lib/--end-lib are errors, reported in command-line order among the
// inputs' own (a missing file here).
// LDFLAGS: --start-lib --start-lib
// LIBS: {out}/missing.o --end-lib --end-lib
// EXPECT-ERROR: nested --start-lib
// EXPECT-ERROR: stray --end-lib
int main(void) { return 0; }
