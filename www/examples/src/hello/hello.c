// Hello world against wasi-libc: printf, malloc, a data table and a zero-filled buffer.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Initialised data: an array of pointers to string literals (.data + .rodata).
static const char *greetings[] = {"Hello", "Hola", "Bonjour", "Hallo"};

// Zero-filled data (.bss): takes memory but no bytes in the file.
static char scratch[4096];

int main(int argc, char **argv) {
    const char *who = argc > 1 ? argv[1] : "world";
    printf("%s, %s!\n", greetings[0], who);

    char *line = malloc(64);
    snprintf(line, 64, "%d greetings, %zu bytes of scratch", 4, sizeof scratch);
    puts(line);
    free(line);

    for (int i = 1; i < 4; i++) {
        strcat(scratch, greetings[i]);
        strcat(scratch, i < 3 ? " " : "\n");
    }
    fputs(scratch, stdout);
    return 0;
}
