/* SPDX-License-Identifier: MIT */
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

/* Registers test t twice: on an in-memory and on an on-disk database. */
#define TU_BOTH(t) cmocka_unit_test_setup_teardown(t, tu_setup_memory, tu_teardown), \
                   cmocka_unit_test_setup_teardown(t, tu_setup_file, tu_teardown)

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

/* Adds a source document at path (with a made-up digest); returns its id. */
council_id tu_add_source(council_db *db, const char *path);

/* Parses ISO text: "2024", "2024-02-05", "2024-05-16..2024-05-17" (asserts). */
council_date tu_date(const char *text);
council_period tu_period(const char *text);

/* Asserts that rc is want and that council_errmsg(db) contains fragment. */
void tu_assert_error(council_db *db, int rc, int want, const char *fragment);

/* A handle whose open failed, so it has no connection: every call on it
 * must be COUNCIL_EMISUSE.  Close it with council_close. */
council_db *tu_closed_handle(void);

/* Runs SQL on db's connection directly, bypassing the library (to set up
 * states the API refuses to make); asserts success. */
void tu_exec(council_db *db, const char *sql);

/* String equality where either side may be NULL (unknown). */
void tu_assert_str(const char *got, const char *want);
/* d formats as want ("2024-02", "" for no date). */
void tu_assert_date(const council_date *d, const char *want);

/* Ids a list callback saw, in order.  tu_ids_push records one and returns
 * stop_at's value once that many were seen (0 = never stop), so a test
 * can check that a nonzero callback result ends the list and is returned. */
typedef struct tu_ids {
	council_id ids[256];
	size_t n;
	size_t stop_at;
} tu_ids;
int tu_ids_push(tu_ids *t, council_id id);
/* Asserts the ids seen are exactly want[0..n). */
void tu_assert_ids(const tu_ids *t, const council_id *want, size_t n);
#define TU_IDS(t, ...) do { \
		const council_id want_[] = { __VA_ARGS__ }; \
		tu_assert_ids((t), want_, sizeof want_ / sizeof want_[0]); \
	} while (0)
/* The value tu_ids_push returns to stop a list. */
#define TU_STOP 4242

#endif
