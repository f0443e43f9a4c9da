int clash(void) { return 2; }
int from_archive(void) { return 3; }
