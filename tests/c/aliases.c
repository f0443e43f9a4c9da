// Aliases: a strong alias and a weak alias of the same function, both callable and
// comparing equal as pointers; a data alias.
#include <stdio.h>

int implementation(int x) { return x * 10; }
int strong_alias(int) __attribute__((alias("implementation")));
int weak_alias(int) __attribute__((weak, alias("implementation")));
int real_data[3] = {4, 5, 6};
extern int data_alias[3] __attribute__((alias("real_data")));

int main(void) {
    printf("%d %d %d\n", implementation(1), strong_alias(2), weak_alias(3));
    printf("same: %d %d\n", strong_alias == implementation, weak_alias == implementation);
    printf("data_alias[1]=%d same=%d\n", data_alias[1], data_alias == real_data);
    return 0;
}
