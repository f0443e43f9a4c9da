// Fuzz seed (archive member): strings and a switch table.
const char *greet(void) { return "hello, fuzz"; }
int classify(int x) {
    switch (x) {
    case 0: return 10; case 1: return 21; case 2: return 32;
    case 3: return 43; case 4: return 54; default: return -1;
    }
}
