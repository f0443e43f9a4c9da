// A second weak definition of farewell: the first one seen wins.
__attribute__((weak)) const char *farewell(void) { return "second weak farewell"; }
