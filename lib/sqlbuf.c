/*
 * sqlbuf.c -- list queries assembled from literal fragments, with the
 * filter's values always bound.  Partial dates compare as text: a start
 * such as "2024-03" sorts before every day in March, and an end with "~"
 * appended ("2024-03~") after every one of them, so an overlap test needs no
 * date arithmetic and can use the date index.
 */
#include <stdio.h>
#include <string.h>

#include "sqlbuf.h"

void sqlbuf_init(sqlbuf *q, const char *literal)
{
	q->len = 0;
	q->overflow = 0;
	q->text[0] = '\0';
	sqlbuf_add(q, literal);
}

void sqlbuf_add(sqlbuf *q, const char *literal)
{
	size_t n = strlen(literal);

	if (q->len + n + 1 > sizeof q->text) {
		q->overflow = 1;
		return;
	}
	memcpy(q->text + q->len, literal, n + 1);
	q->len += n;
}

int sqlbuf_prepare(sqlite3_stmt **out, council_db *db, const sqlbuf *q)
{
	int rc;

	*out = NULL;
	if (q->overflow)
		return cdb_error(db, COUNCIL_ERROR, "internal: query text too long");
	rc = sqlite3_prepare_v2(db->sql, q->text, (int)q->len, out, NULL);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, "preparing query");
	return COUNCIL_OK;
}

static void bind_named(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

static void bind_named_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static void first_day(char *buf, const council_date *d)
{
	council_date full = { d->year, d->month ? d->month : 1, d->day ? d->day : 1 };

	council_date_format(buf, &full);
}

void sqlbuf_bind_filter(sqlite3_stmt *st, const council_filter *f)
{
	char buf[COUNCIL_DATE_BUFSIZE + 1];

	if (!f)
		return;
	bind_named(st, ":council", f->council_id);
	bind_named(st, ":parent", f->parent_id);
	bind_named(st, ":source", f->source_id);
	bind_named(st, ":year_from", f->year_from);
	bind_named(st, ":year_to", f->year_to);
	bind_named(st, ":limit", f->limit);
	{
		const char *role = council_enum_name(COUNCIL_ENUM_ROLE, f->role);
		if (role)
			bind_named_text(st, ":role", role);
	}
	if (f->range.start.year) {
		first_day(buf, &f->range.start);
		bind_named_text(st, ":range_lo", buf);
		/* The end's own text followed by '~' sorts after every day it
		 * covers, whatever its precision. */
		council_date_format(buf, f->range.end.year ? &f->range.end : &f->range.start);
		strcat(buf, "~");
		bind_named_text(st, ":range_hi", buf);
	}
}

void sqlbuf_add_dated_filters(sqlbuf *q, const council_filter *f, const char *alias)
{
	char frag[160];

	if (!f)
		return;
#define ADD(fmt) (snprintf(frag, sizeof frag, fmt, alias, alias), sqlbuf_add(q, frag))
	if (f->council_id > 0)
		ADD(" AND %scouncil_id = :council%.0s");
	if (f->source_id > 0)
		ADD(" AND %ssource_id = :source%.0s");
	if (f->year_from > 0)
		ADD(" AND %syear >= :year_from%.0s");
	if (f->year_to > 0)
		ADD(" AND %syear <= :year_to%.0s");
	if (f->range.start.year)
		ADD(" AND %sdate_start <= :range_hi AND %sdate_end || '~' >= :range_lo");
#undef ADD
}

int sqlbuf_finish(council_db *db, sqlite3_stmt *st, int rc, const char *what)
{
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		return COUNCIL_OK;
	}
	rc = sqlite3_finalize(st);
	return cdb_sqlite_error(db, rc ? rc : SQLITE_ERROR, what);
}
