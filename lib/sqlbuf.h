/* SPDX-License-Identifier: MIT */
/*
 * sqlbuf.h -- building a list query from fixed SQL fragments chosen by which
 * filter fields are set.  Only literals are ever appended; every value from
 * a council_filter is bound through named parameters (:council, :parent,
 * :source, :year_from, :year_to, :role, :range_lo, :range_hi, :limit).
 * sqlbuf_stream then runs such a query and hands each row to a callback.
 */
#ifndef COUNCIL_SQLBUF_H
#define COUNCIL_SQLBUF_H

#include "internal.h"

typedef struct sqlbuf {
	char text[2048];
	size_t len;
	int overflow;
} sqlbuf;

void sqlbuf_init(sqlbuf *q, const char *literal);
void sqlbuf_add(sqlbuf *q, const char *literal);

/* Prepares q's text (not cached: list queries vary with their filters). */
int sqlbuf_prepare(sqlite3_stmt **out, council_db *db, const sqlbuf *q);

/* Binds the filter's values to whichever named parameters the statement
 * has.  :range_lo/:range_hi are the first and last day the filter's range
 * can mean, so a partial date compares correctly as text (see sqlbuf.c). */
void sqlbuf_bind_filter(sqlite3_stmt *st, const council_filter *f);

/* Appends the usual filter clauses for a table with council_id, year and
 * date_start/date_end columns under alias a ("m.", "e.", or ""). */
void sqlbuf_add_dated_filters(sqlbuf *q, const council_filter *f, const char *alias);

/* Finalizes st after a step loop ended with rc; maps errors. */
int sqlbuf_finish(council_db *db, sqlite3_stmt *st, int rc, const char *what);

/* Filter fields sqlbuf_add_filters can add, for tables that lack some of
 * the columns sqlbuf_add_dated_filters assumes. */
enum {
	SQLBUF_COUNCIL = 1 << 0, /* council_id = :council */
	SQLBUF_SOURCE = 1 << 1,  /* source_id = :source */
	SQLBUF_YEAR = 1 << 2,    /* year between :year_from and :year_to */
	SQLBUF_RANGE = 1 << 3,   /* date_start..date_end overlaps the range */
	SQLBUF_DATED = SQLBUF_COUNCIL | SQLBUF_SOURCE | SQLBUF_YEAR | SQLBUF_RANGE
};
/* Appends the clauses for the fields in which that f sets, on columns of
 * alias a ("m.", ""). */
void sqlbuf_add_filters(sqlbuf *q, const council_filter *f, const char *alias, unsigned which);

/* EINVAL naming "filter.range" unless f's range is unset or valid: a
 * valid start, and an end that is unset or does not precede it. */
int sqlbuf_check_range(council_db *db, const council_filter *f);

/* EINVAL naming the field unless each id field of f (council_id,
 * parent_id, source_id) is COUNCIL_ALL or an id: 0 is what a failed call
 * leaves behind and must not mean "all" (council.h, COUNCIL_ALL).
 * sqlbuf_stream checks it for every list. */
int sqlbuf_check_filter(council_db *db, const council_filter *f);

/* Appends order (an " ORDER BY ..." literal) and LIMIT :limit when f->limit. */
void sqlbuf_add_order(sqlbuf *q, const council_filter *f, const char *order);

/* The list of every entity and query: prepares q, binds f, and hands each
 * row, read by e->read, to e->emit with cb and ctx.  Returns COUNCIL_OK,
 * the callback's nonzero value, or an error. */
int sqlbuf_stream(council_db *db, const sqlbuf *q, const council_filter *f,
                  const cdb_entity *e, cdb_fn cb, void *ctx);

#endif
