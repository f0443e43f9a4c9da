// An object built without atomics or bulk memory and without thread-locals: its
// target_features section lacks both, and does not disallow shared memory either.

int plain_value = 5;
int plain_get(void) { return plain_value; }
