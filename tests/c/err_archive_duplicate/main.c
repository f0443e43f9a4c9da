// An archive member loaded for one symbol also defines a symbol the object already has.
// ARCHIVE: libdup.a: member.c
// EXPECT-ERROR: duplicate symbol: clash
int clash(void) { return 1; }
int from_archive(void);
int main(void) { return clash() + from_archive(); }
