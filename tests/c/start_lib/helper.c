int more(int);
int helper(int x) { return more(x) * 10; }
