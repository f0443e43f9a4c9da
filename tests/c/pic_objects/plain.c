// FILE-CFLAGS: -fno-PIC
int plain_helper(int x) { return x + 1; }
