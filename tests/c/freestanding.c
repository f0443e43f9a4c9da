// A freestanding module: no crt1, no libc, --no-entry, exported functions only, no WASI
// imports; memory and a data table still laid out by the linker.
// CRT: none
// NODEFAULTLIBS: yes
// CFLAGS: -O2 -nostdlib
// LDFLAGS: --no-entry --export=checksum --export=fill --export=lookup
// INVOKE: fill:10 checksum lookup:3 lookup:9
static unsigned char buffer[256];
static const int primes[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};

void fill(int seed) {
    for (int i = 0; i < 256; i++) buffer[i] = (unsigned char)(seed * i + 7);
}

unsigned checksum(void) {
    unsigned h = 2166136261u;
    for (int i = 0; i < 256; i++) h = (h ^ buffer[i]) * 16777619u;
    return h;
}

int lookup(int i) { return i >= 0 && i < 10 ? primes[i] : -1; }
