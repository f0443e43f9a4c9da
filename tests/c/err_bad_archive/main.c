// An archive with a valid magic and a malformed member header.
// INPUTS: libbad.a
// EXPECT-ERROR: failed to parse archive
// LLVM 19 ends its message with stray text ("... header for this is not a va)").
// STDERR: loose
int helper(int);
int main(void) { return helper(2); }
