// --max-memory that is not a multiple of the page size.
// LDFLAGS: --max-memory=100000
// EXPECT-ERROR: maximum memory must be 65536-byte aligned
int main(void) { return 0; }
