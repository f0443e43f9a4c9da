typedef int (*handler_fn)(int acc, int arg);
struct command {
    const char *name;
    handler_fn handler;
    int arg;
};
struct command_group {
    const char *name;
    const struct command *commands;
};
extern const struct command_group groups[];
int do_add(int, int);
int do_sub(int, int);
int do_mul(int, int);
int do_shout(int, int);
int do_whisper(int, int);
