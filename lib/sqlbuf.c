/* SPDX-License-Identifier: MIT */
/*
 * sqlbuf.c -- list queries assembled from literal fragments, with the
 * filter's values always bound.  Partial dates compare as text: a start
 * such as "2024-03" sorts before every day in March, and an end with "~"
 * appended ("2024-03~") after every one of them, so an overlap test needs no
 * date arithmetic and can use the date index.
 */
#include <stddef.h>
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
	sqlbuf_add_filters(q, f, alias, SQLBUF_DATED);
}

void sqlbuf_add_filters(sqlbuf *q, const council_filter *f, const char *alias, unsigned which)
{
	char frag[160];

	if (!f)
		return;
#define ADD(fmt) (snprintf(frag, sizeof frag, fmt, alias, alias), sqlbuf_add(q, frag))
	if ((which & SQLBUF_COUNCIL) && f->council_id > 0)
		ADD(" AND %scouncil_id = :council%.0s");
	if ((which & SQLBUF_SOURCE) && f->source_id > 0)
		ADD(" AND %ssource_id = :source%.0s");
	if ((which & SQLBUF_YEAR) && f->year_from > 0)
		ADD(" AND %syear >= :year_from%.0s");
	if ((which & SQLBUF_YEAR) && f->year_to > 0)
		ADD(" AND %syear <= :year_to%.0s");
	if ((which & SQLBUF_RANGE) && f->range.start.year)
		ADD(" AND %sdate_start <= :range_hi AND %sdate_end || '~' >= :range_lo");
#undef ADD
}

int sqlbuf_check_range(council_db *db, const council_filter *f)
{
	int rc;

	if (!f || !f->range.start.year)
		return COUNCIL_OK;
	if ((rc = cdb_check_date(db, "filter.range", &f->range.start, 1)) != COUNCIL_OK)
		return rc;
	if (!f->range.end.year)
		return COUNCIL_OK; /* a single date: sqlbuf_bind_filter uses start as end */
	return cdb_check_period(db, "filter.range", &f->range);
}

static int check_filter_id(council_db *db, const char *field, const char *what, int64_t id)
{
	if (id == COUNCIL_ALL || id > 0)
		return COUNCIL_OK;
	if (id == 0)
		return cdb_error(db, COUNCIL_EINVAL, "filter.%s: 0 is no %s (use COUNCIL_ALL)",
		                 field, what);
	return cdb_error(db, COUNCIL_EINVAL, "filter.%s: %lld is not an id", field, (long long)id);
}

int sqlbuf_check_filter(council_db *db, const council_filter *f)
{
	int rc;

	if (!f)
		return COUNCIL_OK;
	if ((rc = check_filter_id(db, "council_id", "council", f->council_id)) != COUNCIL_OK ||
	    (rc = check_filter_id(db, "parent_id", "parent", f->parent_id)) != COUNCIL_OK)
		return rc;
	return check_filter_id(db, "source_id", "source", f->source_id);
}

void sqlbuf_add_order(sqlbuf *q, const council_filter *f, const char *order)
{
	sqlbuf_add(q, order);
	if (f && f->limit > 0)
		sqlbuf_add(q, " LIMIT :limit");
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

int sqlbuf_stream(council_db *db, const sqlbuf *q, const council_filter *f,
                  const cdb_entity *e, cdb_fn cb, void *ctx)
{
	sqlite3_stmt *st;
	/* Room for the largest record or query row, aligned for any of them. */
	union { max_align_t align; char bytes[512]; } row;
	int rc;

	if (!cb)
		return cdb_error(db, COUNCIL_EMISUSE, "%s: no callback", e->name);
	if (e->size > sizeof row)
		return cdb_error(db, COUNCIL_ERROR, "internal: %s record too large", e->name);
	if ((rc = sqlbuf_check_filter(db, f)) != COUNCIL_OK)
		return rc;
	if ((rc = sqlbuf_prepare(&st, db, q)) != COUNCIL_OK)
		return rc;
	sqlbuf_bind_filter(st, f);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e->read(st, &row);
		if ((rc = e->emit(db, cb, ctx, &row)) != 0) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	return sqlbuf_finish(db, st, rc, e->name);
}
