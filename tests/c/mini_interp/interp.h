#include <stddef.h>

enum kind { NUM, VAR, BINOP, CALL, ASSIGN };

struct node {
    enum kind kind;
    double value;
    char name[16];
    char op;
    struct node *left, *right;
};

/* lexer.c */
struct lexer {
    const char *src;
    size_t pos;
};
enum token { T_END, T_NUM, T_IDENT, T_OP, T_LPAREN, T_RPAREN, T_ERR };
enum token next_token(struct lexer *lx, double *num, char *ident, char *op);
enum token peek_token(struct lexer *lx);

/* parser.c */
struct node *parse_statement(const char *src);
void free_tree(struct node *n);

/* eval.c */
int eval(const struct node *n, double *out);
void set_var(const char *name, double v);
int get_var(const char *name, double *out);
size_t var_count(void);

/* builtins.c */
typedef double (*builtin_fn)(double);
builtin_fn find_builtin(const char *name);
