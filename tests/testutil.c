/* SPDX-License-Identifier: MIT */
/*
 * testutil.c -- shared fixtures for the cmocka tests (see testutil.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "internal.h"

static char tmpdir[256];
static char dbpath[300];

int tu_setup_memory(void **state)
{
	council_db *db = NULL;

	if (council_open(&db, ":memory:", 0) != COUNCIL_OK) {
		fprintf(stderr, "open: %s\n", council_errmsg(db));
		council_close(db);
		return -1;
	}
	*state = db;
	return 0;
}

int tu_setup_file(void **state)
{
	council_db *db = NULL;

	snprintf(tmpdir, sizeof tmpdir, "%s/council-test-XXXXXX",
	         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/test.db", tmpdir);
	if (council_open(&db, dbpath, 0) != COUNCIL_OK) {
		fprintf(stderr, "open: %s\n", council_errmsg(db));
		council_close(db);
		return -1;
	}
	*state = db;
	return 0;
}

int tu_teardown(void **state)
{
	council_close(*state);
	*state = NULL;
	if (dbpath[0]) {
		char p[320];
		const char *suffix[] = { "", "-wal", "-shm", "-journal" };
		for (size_t i = 0; i < 4; i++) {
			snprintf(p, sizeof p, "%s%s", dbpath, suffix[i]);
			unlink(p);
		}
		rmdir(tmpdir);
		dbpath[0] = '\0';
	}
	return 0;
}

const char *tu_db_path(void)
{
	return dbpath;
}

council_id tu_add_council(council_db *db, const char *name)
{
	council_council c;
	council_id id = 0;

	council_council_init(&c);
	c.name = (char *)name;
	assert_int_equal(council_council_add(&id, db, &c), COUNCIL_OK);
	assert_true(id > 0);
	return id;
}

char *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

const char *tu_fixture(const char *rel)
{
	static char p[1024];
	const char *root = getenv("COUNCIL_FIXTURES");

	snprintf(p, sizeof p, "%s/%s", root ? root : "tests/fixtures", rel);
	return p;
}

struct first { int64_t v; int seen; };

static int first_cb(void *ctx, int ncol, const char *const *names, const char *const *values,
                    const int *types)
{
	struct first *f = ctx;

	(void)names;
	(void)types;
	if (!f->seen && ncol > 0) {
		f->v = values[0] ? strtoll(values[0], NULL, 10) : -1;
		f->seen = 1;
	}
	return 0;
}

int64_t tu_sql_int(council_db *db, const char *sql)
{
	struct first f = { -1, 0 };

	assert_int_equal(council_sql(db, sql, first_cb, &f), COUNCIL_OK);
	return f.v;
}

council_id tu_add_source(council_db *db, const char *path)
{
	council_source s;
	council_id id = 0;

	council_source_init(&s);
	s.path = (char *)path;
	s.sha256 = (char *)"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	assert_int_equal(council_source_add(&id, db, &s), COUNCIL_OK);
	assert_true(id > 0);
	return id;
}

council_date tu_date(const char *text)
{
	council_date d;

	assert_int_equal(council_date_parse(&d, text), COUNCIL_OK);
	return d;
}

council_period tu_period(const char *text)
{
	council_period p;

	assert_int_equal(council_period_parse(&p, text), COUNCIL_OK);
	return p;
}

void tu_assert_error(council_db *db, int rc, int want, const char *fragment)
{
	const char *msg = council_errmsg(db);

	if (rc != want || !strstr(msg, fragment))
		fail_msg("expected %d (%s) with \"%s\", got %d: \"%s\"", want,
		         council_strerror(want), fragment, rc, msg);
	assert_int_equal(council_errcode(db), want);
}

council_db *tu_closed_handle(void)
{
	council_db *db = NULL;

	assert_int_equal(council_open(&db, "/nonexistent-council-dir/x.db", COUNCIL_OPEN_NOCREATE),
	                 COUNCIL_ENOTFOUND);
	assert_non_null(db);
	return db;
}

void tu_assert_str(const char *got, const char *want)
{
	if (!got || !want) {
		if (got != want)
			fail_msg("expected %s%s%s, got %s%s%s", want ? "\"" : "", want ? want : "NULL",
			         want ? "\"" : "", got ? "\"" : "", got ? got : "NULL", got ? "\"" : "");
		return;
	}
	assert_string_equal(got, want);
}

void tu_assert_date(const council_date *d, const char *want)
{
	char buf[COUNCIL_DATE_BUFSIZE];

	assert_string_equal(council_date_format(buf, d), want);
}

int tu_ids_push(tu_ids *t, council_id id)
{
	assert_true(t->n < sizeof t->ids / sizeof t->ids[0]);
	t->ids[t->n++] = id;
	return t->stop_at && t->n == t->stop_at ? TU_STOP : 0;
}

void tu_assert_ids(const tu_ids *t, const council_id *want, size_t n)
{
	size_t i;

	if (t->n != n) {
		fail_msg("expected %zu rows, got %zu", n, t->n);
		return;
	}
	for (i = 0; i < n; i++)
		if (t->ids[i] != want[i])
			fail_msg("row %zu: expected id %lld, got %lld", i, (long long)want[i],
			         (long long)t->ids[i]);
}

void tu_exec(council_db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
}
