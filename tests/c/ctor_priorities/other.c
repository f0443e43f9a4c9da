// FILE-CFLAGS: -O2
#include <stdio.h>

void record(int what);

__attribute__((constructor(101))) static void other_ctor_101(void) { record(101); }
__attribute__((constructor(300))) static void other_ctor_300(void) { record(300); }
__attribute__((constructor)) static void other_ctor_default(void) { record(65534); }
__attribute__((destructor(101))) static void other_dtor_101(void) { puts("dtor 101 (other.c)"); }
__attribute__((destructor(200))) static void other_dtor_200(void) { puts("dtor 200 (other.c)"); }
