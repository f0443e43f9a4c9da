// An undefined function with no definition anywhere is an error.
// EXPECT-ERROR: undefined symbol: missing_function
int missing_function(int);

int main(void) {
    return missing_function(3);
}
