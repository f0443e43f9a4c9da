struct entry {
    const char *name;
    int value;
};
#define REGISTER(id, name, value) \
    __attribute__((section("weld_registry"), used)) static const struct entry id = {name, value}
