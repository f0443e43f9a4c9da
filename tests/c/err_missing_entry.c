// --entry naming a symbol nobody defines is an error.
// CRT: none
// LDFLAGS: --entry=no_such_entry
// EXPECT-ERROR: entry symbol not defined (pass --no-entry to suppress): no_such_entry
int main(void) { return 0; }
