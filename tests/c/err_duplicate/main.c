// Two strong definitions of the same function in two objects.
// EXPECT-ERROR: duplicate symbol: shared_name
int shared_name(void) { return 1; }
int main(void) { return shared_name(); }
