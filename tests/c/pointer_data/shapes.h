struct node {
    int value;
    const char *label;
    const struct node *next;
};
struct vertex {
    const char *name;
    const struct vertex *edges[2];
};
extern int external_value;
extern const struct node *list_head;
extern const struct vertex graph[4];
extern const char *const names[3];
extern const char *const *name_ptr;
extern const char messages[];
extern const int message_offsets[];
