// A wasm64 member in an archive of a wasm32 link: wasm-ld checks every object as it reads
// the files, archive members too, and stops at the first of the wrong architecture (so the
// missing file after the archive is never reported).
// ARCHIVE: libwide.a: helper.c
// LIBS: libwide.a {out}/missing.o
// EXPECT-ERROR: libwide.a(helper.o): 
// wasm-ld 19 says "wasm32 object file can't be linked in wasm64 mode" when the link is
// wasm32 by `-m wasm32` (as clang passes it); weld says "must specify -mwasm64 to process
// wasm64 object files", as wasm-ld does without `-m`.
// STDERR: loose
int helper(int);
int main(void) { return helper(2); }
