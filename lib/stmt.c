/*
 * stmt.c -- binding and reading columns the same way in every entity module
 * (unknown values are SQL NULL), and the field checks that turn bad input
 * into a message naming the field before SQLite sees it.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "utf8.h"

int cdb_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

int cdb_bind_id(sqlite3_stmt *st, int i, council_id id)
{
	return id > 0 ? sqlite3_bind_int64(st, i, id) : sqlite3_bind_null(st, i);
}

int cdb_bind_opt_int(sqlite3_stmt *st, int i, int64_t v)
{
	return v >= 0 ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
}

int cdb_bind_date(sqlite3_stmt *st, int i, const council_date *d)
{
	char buf[COUNCIL_DATE_BUFSIZE];

	if (!d || d->year == 0)
		return sqlite3_bind_null(st, i);
	council_date_format(buf, d);
	return sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

int cdb_bind_enum(sqlite3_stmt *st, int i, council_enum e, int v)
{
	const char *name = council_enum_name(e, v);

	return name ? sqlite3_bind_text(st, i, name, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

const char *cdb_col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

char *cdb_col_dup(sqlite3_stmt *st, int i, int *oom)
{
	const char *s = cdb_col_text(st, i);
	char *d;

	if (!s)
		return NULL;
	d = cdb_strdup(s);
	if (!d)
		*oom = 1;
	return d;
}

int64_t cdb_col_opt_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
}

void cdb_col_date(sqlite3_stmt *st, int i, council_date *d)
{
	const char *s = cdb_col_text(st, i);

	if (!s || council_date_parse(d, s) != COUNCIL_OK)
		memset(d, 0, sizeof *d);
}

int cdb_col_enum(sqlite3_stmt *st, int i, council_enum e)
{
	int v = 0;
	const char *s = cdb_col_text(st, i);

	if (s)
		council_enum_parse(&v, e, s);
	return v;
}

/* ---- validation ---------------------------------------------------------- */

int cdb_require_text(council_db *db, const char *field, const char *s, size_t max_len)
{
	size_t n;

	if (!s || !*s)
		return cdb_error(db, COUNCIL_EINVAL, "%s: required", field);
	n = strlen(s);
	if (!utf8_valid(s, n))
		return cdb_error(db, COUNCIL_EINVAL, "%s: not valid UTF-8", field);
	if (max_len && utf8_length(s, n) > max_len)
		return cdb_error(db, COUNCIL_EINVAL, "%s: longer than %zu characters", field, max_len);
	return COUNCIL_OK;
}

int cdb_require_id(council_db *db, const char *field, council_id id)
{
	if (id <= 0)
		return cdb_error(db, COUNCIL_EINVAL, "%s: required", field);
	return COUNCIL_OK;
}

int cdb_check_date(council_db *db, const char *field, const council_date *d, int required)
{
	if (d->year == 0 && d->month == 0 && d->day == 0) {
		if (required)
			return cdb_error(db, COUNCIL_EINVAL, "%s: required", field);
		return COUNCIL_OK;
	}
	if (!council_date_valid(d))
		return cdb_error(db, COUNCIL_EINVAL, "%s: %04d-%02d-%02d is not a valid date",
		                 field, d->year, d->month, d->day);
	return COUNCIL_OK;
}

int cdb_check_period(council_db *db, const char *field, const council_period *p)
{
	int rc = cdb_check_date(db, field, &p->start, 1);
	char a[COUNCIL_DATE_BUFSIZE], b[COUNCIL_DATE_BUFSIZE];

	if (rc != COUNCIL_OK)
		return rc;
	if (p->end.year == 0)
		return cdb_error(db, COUNCIL_EINVAL, "%s: end date required", field);
	if ((rc = cdb_check_date(db, field, &p->end, 1)) != COUNCIL_OK)
		return rc;
	/* Stored as ISO text, so the order SQLite checks is the text order. */
	council_date_format(a, &p->start);
	council_date_format(b, &p->end);
	if (strcmp(b, a) < 0)
		return cdb_error(db, COUNCIL_EINVAL, "%s: end %s precedes start %s", field, b, a);
	return COUNCIL_OK;
}

int cdb_check_enum(council_db *db, const char *field, council_enum e, int v)
{
	if (!council_enum_name(e, v) && !(e == COUNCIL_ENUM_SIDE && v == COUNCIL_SIDE_UNKNOWN))
		return cdb_error(db, COUNCIL_EINVAL, "%s: %d is not a valid value", field, v);
	return COUNCIL_OK;
}

int cdb_require_row(council_db *db, const char *table, const char *field, council_id id)
{
	/* table is always a literal chosen by the caller, never outside data. */
	char sql[96];
	sqlite3_stmt *st;
	int rc;

	if (id <= 0)
		return cdb_error(db, COUNCIL_EINVAL, "%s: required", field);
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = ?", table);
	rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, field);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return COUNCIL_OK;
	if (rc == SQLITE_DONE)
		return cdb_error(db, COUNCIL_ENOTFOUND, "%s: no %s with id %lld", field, table,
		                 (long long)id);
	return cdb_sqlite_error(db, rc, field);
}

/* ---- SQL functions ------------------------------------------------------- */

static int collate_lt(void *ctx, int na, const void *a, int nb, const void *b)
{
	/* sqlite hands over unterminated buffers; copy small ones to the stack. */
	char sa[256], sb[256];
	char *pa = sa, *pb = sb;
	int r;

	(void)ctx;
	if ((size_t)na >= sizeof sa && !(pa = malloc((size_t)na + 1)))
		return na - nb;
	if ((size_t)nb >= sizeof sb && !(pb = malloc((size_t)nb + 1))) {
		if (pa != sa)
			free(pa);
		return na - nb;
	}
	memcpy(pa, a, (size_t)na);
	pa[na] = '\0';
	memcpy(pb, b, (size_t)nb);
	pb[nb] = '\0';
	r = utf8_collate(pa, pb);
	if (pa != sa)
		free(pa);
	if (pb != sb)
		free(pb);
	return r;
}

int cdb_register_functions(sqlite3 *sql)
{
	return sqlite3_create_collation(sql, "lt", SQLITE_UTF8, NULL, collate_lt);
}
