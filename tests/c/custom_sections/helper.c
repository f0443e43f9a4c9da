__asm__(".section .custom_section.weld_meta,\"\",@\n"
        ".asciz \"from helper.c\"\n"
        ".text\n");

int helper(void) { return 12; }
