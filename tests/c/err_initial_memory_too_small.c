// --initial-memory smaller than the data and stack need.
// LDFLAGS: --initial-memory=65536
// EXPECT-ERROR: initial memory too small
static char big[200000] = {1};
int main(void) { return big[0] - 1; }
