#include <stddef.h>
#include "shapes.h"

int external_value = 1234;

static const struct node n3 = {3, "third", NULL};
static const struct node n2 = {2, "second", &n3};
static const struct node n1 = {1, "first", &n2};
const struct node *list_head = &n1;

const struct vertex graph[4] = {
    {"A", {&graph[1], &graph[2]}},
    {"B", {&graph[2], &graph[3]}},
    {"C", {&graph[3], &graph[0]}},
    {"D", {&graph[0], &graph[1]}},
};

const char *const names[3] = {"alpha", "beta", "gamma"};
const char *const *name_ptr = &names[2];
const char messages[] = "zero\0one\0two\0three";
const int message_offsets[] = {0, 5, 9, 13};
