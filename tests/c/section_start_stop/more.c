// FILE-CFLAGS: -O2
#include "registry.h"
REGISTER(gamma, "gamma", 300);
