// A reactor: no main. The host calls _initialize once (it runs the constructors),
// then any exported function. fib and gcd are exported with --export; checksum and
// store with an export_name attribute.
static int table[8]; // zero-filled (.bss), filled in by the constructor

__attribute__((constructor)) static void fill_table(void) {
    for (int i = 0; i < 8; i++)
        table[i] = i * i;
}

int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int gcd(int a, int b) {
    while (b) {
        int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

__attribute__((export_name("checksum"))) int checksum(void) {
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += table[i];
    return sum;
}

__attribute__((export_name("store"))) void store(int i, int value) { table[i & 7] = value; }

// Not exported and not referenced: removed by --gc-sections (on by default).
int unused_helper(int x) { return x * 3; }
