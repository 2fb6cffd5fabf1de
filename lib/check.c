/* SPDX-License-Identifier: MIT */
/*
 * check.c -- council_check: what the law on community organisations and the
 * documents' agreement ask of a council, read from the public view
 * `findings` (schema.sql, section "one answer"), where each check is one
 * named part (since schema version 13, section "dated memberships": the checks
 * of members read dated memberships, member_term, and name variants the
 * library could not settle, person_ambiguity).  This file lists the checks
 * and streams the findings through the usual filter.
 */
#include <stddef.h>
#include <string.h>

#include "internal.h"
#include "sqlbuf.h"

/* The checks, in the order the view has its parts.  A test holds this
 * list and the view's kinds against each other. */
static const struct check {
	const char *kind;
	const char *what;
} checks[] = {
	{ "parity", "a BO council with more than half its members, or its seats, from municipal "
	            "institutions (the lasting members read when every side is known)" },
	{ "term_over_3_years", "a membership held longer than three years for certain" },
	{ "several_chairs", "two chairs whose terms overlap" },
	{ "several_deputies", "two deputies whose terms overlap" },
	{ "several_secretaries", "two secretaries whose terms overlap" },
	{ "no_chair", "the lasting members known, none of them chair" },
	{ "members_vs_size", "the members stated, or the people still members, differ from the council's size" },
	{ "seats_vs_size", "the seats of the two sides do not add up to the size" },
	{ "stated_below_listed", "fewer meetings stated for a year than dated meetings listed" },
	{ "figures_disagree", "documents stating different figures for one council, year and metric" },
	{ "participants_disagree", "documents counting one event's participants differently" },
	{ "name_variant", "a name the library could not settle as one person or another (person_ambiguities)" },
	{ "outside_report_year", "a meeting or event of another year than the reports stating it" },
};

const char *council_check_kind(size_t i, const char **what)
{
	if (i >= sizeof checks / sizeof checks[0]) {
		if (what)
			*what = NULL;
		return NULL;
	}
	if (what)
		*what = checks[i].what;
	return checks[i].kind;
}

static void finding_read(sqlite3_stmt *st, void *rec)
{
	council_finding *r = rec;

	r->council_id = sqlite3_column_int64(st, 0);
	r->council = cdb_col_text(st, 1);
	r->year = sqlite3_column_type(st, 2) == SQLITE_NULL ? 0 : sqlite3_column_int(st, 2);
	r->kind = cdb_col_text(st, 3);
	r->detail = cdb_col_text(st, 4);
	r->record = cdb_col_text(st, 5);
	r->documents = cdb_col_text(st, 6);
}

static int finding_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_finding_cb)cb)(ctx, rec);
}

static const cdb_entity finding_row = {
	"finding", sizeof(council_finding), NULL, 0,
	finding_read, finding_emit, NULL, NULL, 0, NULL, NULL, NULL,
};

int council_check(council_db *db, const council_filter *f, council_finding_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT v.council_id, v.council, v.year, v.kind, v.detail, v.record, "
	                "v.documents FROM findings v JOIN council c ON c.id = v.council_id WHERE 1");
	if (f && f->council_id != COUNCIL_ALL)
		sqlbuf_add(&q, " AND v.council_id = :council");
	/* A finding of no particular year holds in every year. */
	if (f && f->year_from > 0)
		sqlbuf_add(&q, " AND (v.year IS NULL OR v.year >= :year_from)");
	if (f && f->year_to > 0)
		sqlbuf_add(&q, " AND (v.year IS NULL OR v.year <= :year_to)");
	sqlbuf_add_order(&q, f, " ORDER BY coalesce(c.name_key, lt_key(c.name)), v.council_id, "
	                        "v.year, v.kind, v.record");
	return sqlbuf_stream(db, &q, f, &finding_row, (cdb_fn)cb, ctx);
}
