const char *which(void) { return "second.c"; }
int shared_value = 2;
int other_which_user(void) { return which()[0]; }
