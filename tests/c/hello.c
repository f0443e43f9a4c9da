// The smallest command: puts and printf through wasi-libc's stdio.
#include <stdio.h>

int main(void) {
    puts("hello, world");
    printf("%s %d %x %c|%5s|%-5s|\n", "printf", 42, 0xbeef, '!', "r", "l");
    return 0;
}
