/* A small SQLite workload used by bench/run to check that a linked module works:
 * opens an in-memory database, creates a table and an index, inserts rows in one
 * transaction with a prepared statement, runs a few queries and prints the results.
 * The output is deterministic, so two links of the same objects must print the same. */
#include <stdio.h>
#include <stdlib.h>
#include "sqlite3.h"

static sqlite3 *db;

static void die(const char *what) {
    fprintf(stderr, "sqlite-main: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static void exec(const char *sql) {
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "sqlite-main: %s\n  in: %s\n", err ? err : "?", sql);
        exit(1);
    }
}

static int print_row(void *label, int n, char **values, char **names) {
    printf("  %s:", (const char *)label);
    for (int i = 0; i < n; i++)
        printf(" %s=%s", names[i], values[i] ? values[i] : "NULL");
    printf("\n");
    return 0;
}

int main(int argc, char **argv) {
    int rows = argc > 1 ? atoi(argv[1]) : 2000;

    if (sqlite3_open(":memory:", &db) != SQLITE_OK) die("open");
    printf("sqlite %s, %d rows\n", sqlite3_libversion(), rows);

    exec("CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
         " grp INTEGER NOT NULL, score REAL NOT NULL);"
         "CREATE INDEX item_grp ON item(grp);");

    sqlite3_stmt *ins;
    if (sqlite3_prepare_v2(db, "INSERT INTO item(id, name, grp, score) VALUES (?, ?, ?, ?)",
                           -1, &ins, NULL) != SQLITE_OK)
        die("prepare");
    exec("BEGIN");
    unsigned seed = 12345;
    for (int i = 1; i <= rows; i++) {
        char name[16];
        seed = seed * 1103515245u + 12345u;
        snprintf(name, sizeof name, "item-%05u", (seed >> 8) % 100000u);
        sqlite3_bind_int(ins, 1, i);
        sqlite3_bind_text(ins, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ins, 3, (int)((seed >> 4) % 10u));
        sqlite3_bind_double(ins, 4, (double)((seed >> 12) % 10000u) / 100.0);
        if (sqlite3_step(ins) != SQLITE_DONE) die("insert");
        sqlite3_reset(ins);
    }
    exec("COMMIT");
    sqlite3_finalize(ins);

    char *err = NULL;
    const char *queries[][2] = {
        {"total", "SELECT count(*) AS n, printf('%.2f', sum(score)) AS sum, min(name) AS first,"
                  " max(name) AS last FROM item"},
        {"top", "SELECT grp, count(*) AS n, printf('%.2f', avg(score)) AS avg FROM item"
                " GROUP BY grp ORDER BY avg DESC LIMIT 3"},
        {"like", "SELECT count(*) AS n FROM item WHERE name LIKE 'item-1%' AND score > 50"},
    };
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
        if (sqlite3_exec(db, queries[q][1], print_row, (void *)queries[q][0], &err) != SQLITE_OK) {
            fprintf(stderr, "sqlite-main: %s\n", err);
            return 1;
        }

    sqlite3_close(db);
    printf("ok\n");
    return 0;
}
