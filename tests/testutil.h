/*
 * testutil.h -- fixtures shared by the cmocka tests: a fresh in-memory or
 * temporary on-disk database, reading fixture files, and a seeded council.
 */
#ifndef COUNCIL_TESTUTIL_H
#define COUNCIL_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "council.h"

/* cmocka setup/teardown: *state becomes an open in-memory council_db. */
int tu_setup_memory(void **state);
/* As above on a new file in a private temporary directory. */
int tu_setup_file(void **state);
int tu_teardown(void **state);

/* Path of the temporary database made by tu_setup_file (static buffer). */
const char *tu_db_path(void);

/* Adds a council named name and returns its id (asserts success). */
council_id tu_add_council(council_db *db, const char *name);

/* Reads a whole file into a malloc'd NUL-terminated buffer (asserts). */
char *tu_read_file(const char *path, size_t *len);

/* Path of a file under tests/fixtures (static buffer). */
const char *tu_fixture(const char *rel);

/* Runs one SQL query and returns its first column of the first row as an
 * integer (-1 when no row or NULL). */
int64_t tu_sql_int(council_db *db, const char *sql);

#endif
