// A small expression interpreter over several objects: lexer, recursive-descent parser
// building a heap AST, evaluator with a hash table of variables, and builtins found
// through a table of function pointers; uses strtod, libm and printf("%g").
// CFLAGS: -O2
// LIBS: -lm
#include <stdio.h>
#include "interp.h"

static const char *const program[] = {
    "x = 3",
    "y = x * (x + 4) - 2",
    "z = sqrt(y + 20) / 2",
    "w = floor(z * 100) + abs(0 - 7.5)",
    "sin(0) + cos(0) + y % 5",
    "unknown + 1",
    "q = (1 + 2",
    "big = 2 ^ 10 ^ 0.5",
    "x = x + big",
};

int main(void) {
    for (size_t i = 0; i < sizeof program / sizeof *program; i++) {
        struct node *tree = parse_statement(program[i]);
        if (!tree) {
            printf("%-40s => parse error\n", program[i]);
            continue;
        }
        double value;
        if (eval(tree, &value)) printf("%-40s => %.10g\n", program[i], value);
        else printf("%-40s => evaluation error\n", program[i]);
        free_tree(tree);
    }
    printf("%zu variables\n", var_count());
    return 0;
}
