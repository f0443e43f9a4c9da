// Heap use: malloc, calloc, realloc growth and shrink, free, and a heap-built list.
// CFLAGS: -O1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
    int value;
    struct node *next;
};

int main(void) {
    int *v = NULL;
    size_t cap = 0, len = 0;
    for (int i = 0; i < 10000; i++) {
        if (len == cap) {
            cap = cap ? cap * 2 : 4;
            v = realloc(v, cap * sizeof *v);
            if (!v) return 1;
        }
        v[len++] = i * 7 % 1000;
    }
    long sum = 0;
    for (size_t i = 0; i < len; i++) sum += v[i];
    v = realloc(v, 16 * sizeof *v);
    printf("vector: len=%zu cap=%zu sum=%ld first=%d last=%d\n", len, cap, sum, v[0], v[15]);
    free(v);

    char *zeros = calloc(1000, 1);
    int nonzero = 0;
    for (int i = 0; i < 1000; i++) nonzero += zeros[i] != 0;
    printf("calloc nonzero bytes: %d\n", nonzero);
    free(zeros);

    struct node *head = NULL;
    for (int i = 1; i <= 100; i++) {
        struct node *n = malloc(sizeof *n);
        n->value = i * i;
        n->next = head;
        head = n;
    }
    long total = 0;
    int count = 0;
    while (head) {
        struct node *next = head->next;
        total += head->value;
        count++;
        free(head);
        head = next;
    }
    printf("list: %d nodes, total %ld\n", count, total);

    char *s = malloc(4);
    strcpy(s, "abc");
    for (int i = 0; i < 5; i++) {
        size_t n = strlen(s);
        s = realloc(s, n * 2 + 1);
        memcpy(s + n, s, n + 1);
    }
    printf("string of %zu chars, starts %.6s\n", strlen(s), s);
    free(s);
    return 0;
}
