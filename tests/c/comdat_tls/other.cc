#include "tls.h"

thread_local int own = 7;
extern "C" int from_other() { return bump() * own + level; }
