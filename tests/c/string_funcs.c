// <string.h> and friends: copies, comparisons, searches, tokenizing, conversions.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char buf[128];
    strcpy(buf, "The quick brown fox");
    strcat(buf, " jumps over the lazy dog");
    printf("len=%zu\n", strlen(buf));
    printf("strchr=%s\n", strchr(buf, 'q'));
    printf("strrchr=%s\n", strrchr(buf, 'o'));
    printf("strstr=%s\n", strstr(buf, "lazy"));
    printf("strcmp=%d %d %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strcmp("x", "x"));
    printf("strncmp=%d\n", strncmp("abcdef", "abcxyz", 3));
    printf("strspn=%zu strcspn=%zu\n", strspn("aaabbb", "a"), strcspn("hello world", " "));

    char copy[128];
    strncpy(copy, buf, sizeof copy);
    for (char *p = copy; *p; p++) *p = toupper((unsigned char)*p);
    printf("upper=%s\n", copy);

    int words = 0;
    for (char *tok = strtok(copy, " "); tok; tok = strtok(NULL, " ")) words++;
    printf("words=%d\n", words);

    char mem[32];
    memset(mem, 'x', sizeof mem);
    memcpy(mem, "0123456789", 10);
    memmove(mem + 2, mem, 10);
    mem[20] = 0;
    printf("memmove=%s memcmp=%d\n", mem, memcmp(mem, "01", 2));
    printf("memchr=%s\n", (char *)memchr(mem, '5', 20));

    printf("strtol=%ld atoi=%d strtoul=%lu\n", strtol("-0x7f", NULL, 16), atoi("1234"),
           strtoul("777", NULL, 8));
    char *dup = strdup("duplicated");
    printf("strdup=%s\n", dup);
    free(dup);
    snprintf(buf, 10, "%s", "truncated output here");
    printf("snprintf=%s\n", buf);
    return 0;
}
