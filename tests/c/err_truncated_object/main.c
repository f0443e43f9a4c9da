// An object cut off in the middle of a section.
// TRUNCATE: broken.o 150
// EXPECT-ERROR: broken.o: section too large
int helper(int);
int main(void) { return helper(1); }
