// FILE-CFLAGS: -Os
void record(int what);

__attribute__((constructor(101))) static void third_ctor_101(void) { record(1010); }
__attribute__((constructor(65535))) static void third_ctor_default(void) { record(65536); }
__attribute__((constructor(200))) static void third_ctor_200(void) { record(200); }
