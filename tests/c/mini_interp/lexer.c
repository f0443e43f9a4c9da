#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "interp.h"

enum token next_token(struct lexer *lx, double *num, char *ident, char *op) {
    while (isspace((unsigned char)lx->src[lx->pos])) lx->pos++;
    char c = lx->src[lx->pos];
    if (c == 0) return T_END;
    if (isdigit((unsigned char)c) || c == '.') {
        char *end;
        double v = strtod(lx->src + lx->pos, &end);
        if (num) *num = v;
        lx->pos = (size_t)(end - lx->src);
        return T_NUM;
    }
    if (isalpha((unsigned char)c)) {
        size_t n = 0;
        while (isalnum((unsigned char)lx->src[lx->pos]) && n < 15) {
            if (ident) ident[n] = lx->src[lx->pos];
            n++;
            lx->pos++;
        }
        if (ident) ident[n] = 0;
        return T_IDENT;
    }
    lx->pos++;
    if (c == '(') return T_LPAREN;
    if (c == ')') return T_RPAREN;
    if (strchr("+-*/%^=", c)) {
        if (op) *op = c;
        return T_OP;
    }
    return T_ERR;
}

enum token peek_token(struct lexer *lx) {
    size_t saved = lx->pos;
    enum token t = next_token(lx, NULL, NULL, NULL);
    lx->pos = saved;
    return t;
}
