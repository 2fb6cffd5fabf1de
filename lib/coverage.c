/* SPDX-License-Identifier: MIT */
/*
 * coverage.c -- council_coverage: which documents exist for each of the 60
 * municipalities, council and year, and how much they gave (the public
 * view `coverage`, schema.sql), and the table of municipalities the view
 * starts from, written from the importer's word list when the library
 * creates or upgrades a database.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "lexicon.h"
#include "sqlbuf.h"

/* The kinds lexicon.def gives a municipality (its @municipality field). */
enum { MUNI_CITY, MUNI_DISTRICT, MUNI_PLAIN };

static const struct muni {
	const char *genitive;  /* as it stands before "miesto/rajono savivaldybė" */
	int type;
} munis[] = {
#define MUNI_ROW(w, f, type) { w, type },
	LEX_MUNICIPALITY(MUNI_ROW)
#undef MUNI_ROW
};

int cdb_municipalities_fill(council_db *db)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = cdb_prepare(&st, db, "INSERT OR IGNORE INTO municipality(name, kind) "
	                               "VALUES (?, ?)")) != COUNCIL_OK)
		return rc;
	for (i = 0; i < sizeof munis / sizeof munis[0]; i++) {
		char name[128];
		/* named as the importer names council.municipality (extract_council.c) */
		snprintf(name, sizeof name, "%s %ssavivaldybė", munis[i].genitive,
		         munis[i].type == MUNI_CITY ? "miesto "
		         : munis[i].type == MUNI_DISTRICT ? "rajono " : "");
		cdb_bind_text(st, 1, name);
		sqlite3_bind_text(st, 2, munis[i].type == MUNI_CITY ? "city"
		                         : munis[i].type == MUNI_DISTRICT ? "district" : "plain",
		                  -1, SQLITE_STATIC);
		if ((rc = cdb_exec_stmt(db, st, "municipalities")) != COUNCIL_OK)
			return rc;
	}
	return COUNCIL_OK;
}

static void coverage_read(sqlite3_stmt *st, void *rec)
{
	council_coverage_row *r = rec;

	r->municipality = cdb_col_text(st, 0);
	r->council = cdb_col_text(st, 1);
	r->kind = cdb_col_text(st, 2);
	r->year = sqlite3_column_type(st, 3) == SQLITE_NULL ? 0 : sqlite3_column_int(st, 3);
	r->documents = sqlite3_column_int64(st, 4);
	r->meetings = sqlite3_column_int64(st, 5);
	r->events = sqlite3_column_int64(st, 6);
	r->members = sqlite3_column_int64(st, 7);
	r->council_id = sqlite3_column_int64(st, 8);
}

static int coverage_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_coverage_cb)cb)(ctx, rec);
}

static const cdb_entity coverage_row = {
	"coverage", sizeof(council_coverage_row), NULL, 0,
	coverage_read, coverage_emit, NULL, NULL, 0, NULL, NULL, NULL,
};

int council_coverage(council_db *db, const council_filter *f, council_coverage_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	/* The rows of the years asked for, then one empty row for each
	 * municipality and council that has none of them, so that every
	 * municipality stays listed whatever the range. */
	sqlbuf_init(&q, "WITH v AS MATERIALIZED (SELECT * FROM coverage WHERE 1");
	if (f && f->council_id != COUNCIL_ALL)
		sqlbuf_add(&q, " AND council_id = :council");
	sqlbuf_add(&q, "), inside AS (SELECT * FROM v WHERE year IS NOT NULL");
	if (f && f->year_from > 0)
		sqlbuf_add(&q, " AND year >= :year_from");
	if (f && f->year_to > 0)
		sqlbuf_add(&q, " AND year <= :year_to");
	sqlbuf_add(&q, ") SELECT * FROM (SELECT * FROM inside UNION ALL "
	               "SELECT municipality, council, kind, NULL, 0, 0, 0, 0, council_id FROM v "
	               "WHERE NOT EXISTS (SELECT 1 FROM inside i WHERE i.municipality IS v.municipality "
	               "AND i.council_id IS v.council_id) "
	               "GROUP BY municipality, council_id) "
	               "ORDER BY municipality IS NULL, coalesce(lt_key(municipality), x''), "
	               "coalesce(lt_key(council), x''), council_id, year");
	if (f && f->limit > 0)
		sqlbuf_add(&q, " LIMIT :limit");
	return sqlbuf_stream(db, &q, f, &coverage_row, (cdb_fn)cb, ctx);
}
