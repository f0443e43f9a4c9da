#include "registry.h"
REGISTER(alpha, "alpha", 10);
REGISTER(beta, "beta", 20);
