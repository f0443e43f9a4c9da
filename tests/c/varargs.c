// Variadic functions: va_arg over ints, doubles and strings, va_copy, vsnprintf; -Os.
// CFLAGS: -Os
#include <stdarg.h>
#include <stdio.h>

static long sum_ints(int count, ...) {
    va_list ap;
    va_start(ap, count);
    long total = 0;
    for (int i = 0; i < count; i++) total += va_arg(ap, int);
    va_end(ap);
    return total;
}

static double mean(int count, ...) {
    va_list ap, again;
    va_start(ap, count);
    va_copy(again, ap);
    double total = 0;
    for (int i = 0; i < count; i++) total += va_arg(ap, double);
    double first = va_arg(again, double);
    va_end(again);
    va_end(ap);
    return total / count + first * 0;
}

static int format(char *out, size_t size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, size, fmt, ap);
    va_end(ap);
    return n;
}

static void log_line(const char *tag, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf("[%s] ", tag);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

int main(void) {
    printf("sum=%ld\n", sum_ints(5, 1, 2, 3, 4, 5));
    printf("sum=%ld\n", sum_ints(0));
    printf("mean=%.3f\n", mean(4, 1.5, 2.5, 3.5, 4.5));
    char buf[64];
    int n = format(buf, sizeof buf, "%s-%03d-%c-%lld", "id", 7, 'z', 1234567890123LL);
    printf("%s (%d)\n", buf, n);
    log_line("info", "%d items, %s", 3, "done");
    log_line("warn", "no args");
    return 0;
}
