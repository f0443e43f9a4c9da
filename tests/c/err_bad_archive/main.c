// An archive with a valid magic and a malformed member header.
// INPUTS: libbad.a
// EXPECT-ERROR: failed to parse archive
int helper(int);
int main(void) { return helper(2); }
