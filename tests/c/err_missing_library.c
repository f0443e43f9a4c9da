// -l for a library that is on no search path is an error.
// LIBS: -lnosuchlibrary
// EXPECT-ERROR: unable to find library -lnosuchlibrary
int main(void) { return 0; }
