#include "shared.h"
extern "C" int second(int x) { return scaled(x) - 1; }
