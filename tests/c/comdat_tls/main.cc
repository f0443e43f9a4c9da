// Thread-local variables in COMDAT groups (C++ inline thread_local, and a thread_local
// static in an inline function) defined in two objects, with shared memory. `-r` (which the
// harness also checks) keeps each COMDAT's TLS segment apart, and wasm-ld 19 then writes
// the TLS offsets counting from the first TLS segment; the final link merges them again.
// CFLAGS: -pthread -matomics -mbulk-memory -O1
// LDFLAGS: --no-entry --export-all --shared-memory --import-memory --max-memory=131072
// NODEFAULTLIBS: yes
// CRT: none
// RUN: no
#include "tls.h"

extern "C" int from_main() { return bump() + level; }
