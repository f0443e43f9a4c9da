// Const strings and duplicate string literals across objects (mergeable string sections),
// const arrays of strings, and string tails. Prints contents, not addresses.
// CFLAGS: -O2
#include <stdio.h>
#include <string.h>

const char *lib_greeting(void);
const char *lib_tail(void);
const char *const *lib_words(void);
extern const char lib_array[];

static const char *const words[] = {"common prefix", "shared literal", "only in main"};

int main(void) {
    const char *mine = "shared literal";
    printf("%s | %s | %s\n", mine, lib_greeting(), lib_tail());
    const char *const *theirs = lib_words();
    for (int i = 0; i < 3; i++) printf("%s / %s\n", words[i], theirs[i]);
    printf("lib_array=%s len=%zu\n", lib_array, strlen(lib_array));
    printf("equal contents: %d %d\n", strcmp(mine, lib_greeting()) == 0,
           strcmp(words[1], theirs[1]) == 0);
    return 0;
}
