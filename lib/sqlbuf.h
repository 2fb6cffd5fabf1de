/*
 * sqlbuf.h -- building a list query from fixed SQL fragments chosen by which
 * filter fields are set.  Only literals are ever appended; every value from
 * a council_filter is bound through named parameters (:council, :parent,
 * :source, :year_from, :year_to, :role, :range_lo, :range_hi, :limit).
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

#endif
