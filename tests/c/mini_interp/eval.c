#include <math.h>
#include <string.h>
#include "interp.h"

#define BUCKETS 31
static struct var {
    char name[16];
    double value;
    int used;
} table[BUCKETS];
static size_t count;

static unsigned hash(const char *s) {
    unsigned h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h % BUCKETS;
}

void set_var(const char *name, double v) {
    unsigned i = hash(name);
    while (table[i].used && strcmp(table[i].name, name) != 0) i = (i + 1) % BUCKETS;
    if (!table[i].used) {
        table[i].used = 1;
        strcpy(table[i].name, name);
        count++;
    }
    table[i].value = v;
}

int get_var(const char *name, double *out) {
    unsigned i = hash(name);
    while (table[i].used) {
        if (strcmp(table[i].name, name) == 0) {
            *out = table[i].value;
            return 1;
        }
        i = (i + 1) % BUCKETS;
    }
    return 0;
}

size_t var_count(void) { return count; }

int eval(const struct node *n, double *out) {
    double a, b;
    switch (n->kind) {
    case NUM: *out = n->value; return 1;
    case VAR: return get_var(n->name, out);
    case ASSIGN:
        if (!eval(n->left, &a)) return 0;
        set_var(n->name, a);
        *out = a;
        return 1;
    case CALL: {
        builtin_fn fn = find_builtin(n->name);
        if (!fn || !eval(n->left, &a)) return 0;
        *out = fn(a);
        return 1;
    }
    case BINOP:
        if (!eval(n->left, &a) || !eval(n->right, &b)) return 0;
        switch (n->op) {
        case '+': *out = a + b; return 1;
        case '-': *out = a - b; return 1;
        case '*': *out = a * b; return 1;
        case '/': *out = a / b; return 1;
        case '%': *out = fmod(a, b); return 1;
        case '^': *out = pow(a, b); return 1;
        }
    }
    return 0;
}
