// Data that points at other data, initialised statically: pointer arrays, a linked list,
// pointers into the middle of arrays (addends), pointers to pointers, and a cyclic graph,
// with the pointees spread over objects.
#include <stdio.h>
#include "shapes.h"

static int numbers[10] = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90};
static int *middle = &numbers[5];
static int *const slots[] = {&numbers[1], &numbers[3], &numbers[9], &external_value};
static int **indirect = (int **)&slots[2];

int main(void) {
    printf("middle=%d middle[-2]=%d\n", *middle, middle[-2]);
    for (int i = 0; i < 4; i++) printf("slots[%d]=%d ", i, *slots[i]);
    printf("\n**indirect=%d\n", **indirect);

    int total = 0, length = 0;
    for (const struct node *n = list_head; n; n = n->next) {
        total += n->value;
        length++;
    }
    printf("list: %d nodes, total %d, label %s\n", length, total, list_head->label);

    const struct vertex *v = &graph[0];
    for (int step = 0; step < 7; step++) {
        printf("%s ", v->name);
        v = v->edges[step % 2];
    }
    printf("\n");
    printf("names: %s %s %s\n", names[0], names[1] + 2, *name_ptr);
    printf("string table offset: %s\n", messages + message_offsets[2]);
    return 0;
}
