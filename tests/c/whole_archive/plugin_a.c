extern const char *plugins[4];
extern int n_plugins;
__attribute__((constructor)) static void reg(void) { plugins[n_plugins++] = "plugin a"; }
