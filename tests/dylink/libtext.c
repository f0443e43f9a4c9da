// A second shared library, using the first one's data and functions through GOT imports.
extern void log_i32(int label, int value) __attribute__((import_module("env"), import_name("log_i32")));
extern int counter;                           // GOT.mem.counter
extern int bump(int);
extern int missing_hook(int) __attribute__((weak));   // stays unresolved

const char greeting[] = "hello from libtext";
const char *greeting_ptr = greeting;
int *their_counter = &counter;                // a pointer into another module's data
int (*their_bump)(int) = bump;                // another module's function: GOT.func
const char *const words[] = {"one", "three", "seven"};   // merged strings, pointed at

int text_length(void) {
    int n = 0;
    while (greeting_ptr[n]) n++;
    return n;
}

int text_report(void) {
    log_i32(200, text_length());
    log_i32(201, their_bump(5));
    log_i32(202, *their_counter);
    log_i32(203, missing_hook ? missing_hook(1) : -1);
    log_i32(204, greeting_ptr == greeting);
    int letters = 0;
    for (int i = 0; i < 3; i++)
        for (const char *c = words[i]; *c; c++) letters += *c == 'e';
    log_i32(205, letters);                    // the e's of "one", "three", "seven": 5
    return 0;
}
