#include <stddef.h>
#include "commands.h"

static const struct command arithmetic[] = {
    {"add", do_add, 10},
    {"sub", do_sub, 4},
    {"mul", do_mul, 3},
    {NULL, NULL, 0},
};

static const struct command speech[] = {
    {"shout", do_shout, 1},
    {"whisper", do_whisper, 2},
    {NULL, NULL, 0},
};

const struct command_group groups[] = {
    {"arithmetic", arithmetic},
    {"speech", speech},
    {NULL, NULL},
};
