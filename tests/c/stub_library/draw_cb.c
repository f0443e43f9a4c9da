int draw_callback(int x, int y) { return x * 100 + y; }
