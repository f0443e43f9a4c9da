int back_helper(int);
int front_entry(int x) { return back_helper(x) + 1000; }
