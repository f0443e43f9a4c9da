// Custom sections from two objects (made with inline asm, as Rust's #[link_section] does)
// are concatenated under one name in input order.
#include <stdio.h>

__asm__(".section .custom_section.weld_meta,\"\",@\n"
        ".asciz \"from main.c\"\n"
        ".section .custom_section.main_only,\"\",@\n"
        ".ascii \"xyz\"\n"
        ".text\n");

int helper(void);

int main(void) {
    printf("helper=%d\n", helper());
    return 0;
}
