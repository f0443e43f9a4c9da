int unused_table[1000] = {1, 2, 3};
