// An undefined data symbol is an error.
// EXPECT-ERROR: undefined symbol: missing_table
extern int missing_table[];

int main(void) {
    return missing_table[2];
}
