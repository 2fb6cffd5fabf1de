/*
 * testutil.c -- shared fixtures for the cmocka tests (see testutil.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

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
