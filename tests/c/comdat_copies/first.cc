#include "shared.h"
extern "C" int first(int x) { return scaled(x) + 1; }
