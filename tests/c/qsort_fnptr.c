// qsort and bsearch with several comparators passed as function pointers; -O2.
// CFLAGS: -O2
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person {
    const char *name;
    int age;
};

static int by_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int by_int_desc(const void *a, const void *b) { return by_int(b, a); }

static int by_name(const void *a, const void *b) {
    return strcmp(((const struct person *)a)->name, ((const struct person *)b)->name);
}

static int by_age(const void *a, const void *b) {
    return ((const struct person *)a)->age - ((const struct person *)b)->age;
}

static int (*const comparators[])(const void *, const void *) = {by_name, by_age};

int main(void) {
    int numbers[64];
    unsigned seed = 12345;
    for (int i = 0; i < 64; i++) {
        seed = seed * 1103515245 + 12345;
        numbers[i] = (seed >> 16) % 1000;
    }
    qsort(numbers, 64, sizeof numbers[0], by_int);
    for (int i = 0; i < 64; i += 8) printf("%d ", numbers[i]);
    printf("\n");
    int key = numbers[17];
    int *found = bsearch(&key, numbers, 64, sizeof numbers[0], by_int);
    printf("bsearch %d -> index %d\n", key, found ? (int)(found - numbers) : -1);
    qsort(numbers, 64, sizeof numbers[0], by_int_desc);
    printf("max=%d min=%d\n", numbers[0], numbers[63]);

    struct person people[] = {
        {"mallory", 41}, {"alice", 30}, {"bob", 25}, {"eve", 35}, {"carol", 28},
    };
    for (int c = 0; c < 2; c++) {
        qsort(people, 5, sizeof people[0], comparators[c]);
        for (int i = 0; i < 5; i++) printf("%s(%d) ", people[i].name, people[i].age);
        printf("\n");
    }
    return 0;
}
