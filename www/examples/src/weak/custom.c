// Strong definitions: these replace the weak ones from defaults.c.
const char *greeting(void) { return "custom greeting (the strong definition won)"; }

int answer(void) { return 42; }
