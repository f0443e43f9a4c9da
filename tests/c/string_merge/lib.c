// FILE-CFLAGS: -O0
const char *lib_greeting(void) { return "shared literal"; }
const char *lib_tail(void) { return "literal"; }
static const char *const words[] = {"common prefix", "shared literal", "only in lib"};
const char *const *lib_words(void) { return words; }
const char lib_array[] = "an array, not a literal";
