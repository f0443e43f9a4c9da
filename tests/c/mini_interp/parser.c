// FILE-CFLAGS: -Os
#include <stdlib.h>
#include <string.h>
#include "interp.h"

static struct node *make(enum kind kind) {
    struct node *n = calloc(1, sizeof *n);
    n->kind = kind;
    return n;
}

void free_tree(struct node *n) {
    if (!n) return;
    free_tree(n->left);
    free_tree(n->right);
    free(n);
}

static struct node *expr(struct lexer *lx, int min_prec);

static int precedence(char op) {
    switch (op) {
    case '+': case '-': return 1;
    case '*': case '/': case '%': return 2;
    case '^': return 3;
    default: return 0;
    }
}

static struct node *primary(struct lexer *lx) {
    double num;
    char ident[16], op;
    switch (next_token(lx, &num, ident, &op)) {
    case T_NUM: {
        struct node *n = make(NUM);
        n->value = num;
        return n;
    }
    case T_IDENT: {
        struct node *n = make(VAR);
        strcpy(n->name, ident);
        if (peek_token(lx) == T_LPAREN) {
            next_token(lx, NULL, NULL, NULL);
            n->kind = CALL;
            n->left = expr(lx, 1);
            if (!n->left || next_token(lx, NULL, NULL, NULL) != T_RPAREN) {
                free_tree(n);
                return NULL;
            }
        }
        return n;
    }
    case T_LPAREN: {
        struct node *n = expr(lx, 1);
        if (!n || next_token(lx, NULL, NULL, NULL) != T_RPAREN) {
            free_tree(n);
            return NULL;
        }
        return n;
    }
    default:
        return NULL;
    }
}

static struct node *expr(struct lexer *lx, int min_prec) {
    struct node *left = primary(lx);
    while (left) {
        struct lexer look = *lx;
        char op;
        if (next_token(&look, NULL, NULL, &op) != T_OP || op == '=') break;
        int prec = precedence(op);
        if (prec < min_prec) break;
        *lx = look;
        struct node *right = expr(lx, op == '^' ? prec : prec + 1);
        if (!right) {
            free_tree(left);
            return NULL;
        }
        struct node *bin = make(BINOP);
        bin->op = op;
        bin->left = left;
        bin->right = right;
        left = bin;
    }
    return left;
}

struct node *parse_statement(const char *src) {
    struct lexer lx = {src, 0};
    struct lexer look = lx;
    char ident[16], op;
    struct node *result;
    if (next_token(&look, NULL, ident, NULL) == T_IDENT && next_token(&look, NULL, NULL, &op) == T_OP &&
        op == '=') {
        result = make(ASSIGN);
        strcpy(result->name, ident);
        result->left = expr(&look, 1);
        lx = look;
        if (!result->left) {
            free_tree(result);
            return NULL;
        }
    } else {
        result = expr(&lx, 1);
    }
    if (result && peek_token(&lx) != T_END) {
        free_tree(result);
        return NULL;
    }
    return result;
}
