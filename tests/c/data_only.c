// A module with nothing to run: no entry, no code besides the linker's, only exported data
// addresses (globals) and a memory with a data segment.
// CRT: none
// NODEFAULTLIBS: yes
// CFLAGS: -nostdlib
// LDFLAGS: --no-entry --export=lookup_table --export=version_string --export=__data_end
// RUN: no
const int lookup_table[8] = {1, 1, 2, 3, 5, 8, 13, 21};
const char version_string[] = "weld differential test 1.0";
