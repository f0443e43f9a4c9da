// A symbol defined as data in one object and used as a function in another.
// EXPECT-ERROR: symbol type mismatch: thing
void thing(void);
int main(void) {
    thing();
    return 0;
}
