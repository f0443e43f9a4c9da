// --compress-relocations moves code, so the debug info that points into it must go.
// CFLAGS: -g
// LDFLAGS: --compress-relocations
// EXPECT-ERROR: --compress-relocations is incompatible with output debug information. Please pass --strip-debug or --strip-all
int main(void) { return 0; }
