/* SPDX-License-Identifier: MIT */
/*
 * figure.c -- figures a report states for a council and year ("įvyko 3
 * posėdžiai": meetings = 3) apart from the rows it lists, each with how
 * exact the report is about it (qualifier).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sqlbuf.h"

void council_figure_init(council_figure *r)
{
	memset(r, 0, sizeof *r);
	r->year = -1;
	r->value = -1;
	r->metric = COUNCIL_METRIC_MEETINGS;
	r->qualifier = COUNCIL_QUAL_EXACT;
}

static int check(council_db *db, const void *rec)
{
	const council_figure *r = rec;
	int rc;

	if ((rc = cdb_require_id(db, "figure.council_id", r->council_id)) != COUNCIL_OK ||
	    (rc = cdb_check_int(db, "figure.year", r->year, 1990, 2100, 1)) != COUNCIL_OK ||
	    (rc = cdb_check_enum(db, "figure.metric", COUNCIL_ENUM_METRIC, (int)r->metric)) != COUNCIL_OK ||
	    (rc = cdb_check_int(db, "figure.value", r->value, 0, 10000000, 1)) != COUNCIL_OK ||
	    (rc = cdb_check_enum(db, "figure.qualifier", COUNCIL_ENUM_QUALIFIER,
	                         (int)r->qualifier)) != COUNCIL_OK)
		return rc;
	return COUNCIL_OK;
}

/* Columns in the order every statement here binds and reads them. */
#define COLS "council_id, year, metric, value, qualifier, source_id"

static void bind(sqlite3_stmt *st, const void *rec)
{
	const council_figure *r = rec;

	cdb_bind_id(st, 1, r->council_id);
	sqlite3_bind_int(st, 2, r->year);
	cdb_bind_enum(st, 3, COUNCIL_ENUM_METRIC, (int)r->metric);
	sqlite3_bind_int64(st, 4, r->value);
	cdb_bind_enum(st, 5, COUNCIL_ENUM_QUALIFIER, (int)r->qualifier);
	cdb_bind_id(st, 6, r->source_id);
}

/* Fills rec from a row of "SELECT id, COLS". */
static void read_row(sqlite3_stmt *st, void *rec)
{
	council_figure *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->council_id = sqlite3_column_int64(st, 1);
	r->year = sqlite3_column_int(st, 2);
	r->metric = (council_metric)cdb_col_enum(st, 3, COUNCIL_ENUM_METRIC);
	r->value = sqlite3_column_int64(st, 4);
	r->qualifier = (council_qualifier)cdb_col_enum(st, 5, COUNCIL_ENUM_QUALIFIER);
	r->source_id = sqlite3_column_int64(st, 6);
}

static int emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_figure_cb)cb)(ctx, rec);
}

static int failed(council_db *db, int rc, const void *rec)
{
	const council_figure *r = rec;
	const cdb_ref refs[] = {
		{ "council", "figure.council_id", r->council_id },
		{ "source_document", "figure.source_id", r->source_id },
	};

	return cdb_blame_fk(db, rc, refs, sizeof refs / sizeof refs[0]);
}

static const cdb_entity entity = {
	"figure", sizeof(council_figure), NULL, 0,
	read_row, emit, check, bind, 6, failed, NULL, NULL,
};

void council_figure_free(council_figure *r)
{
	cdb_record_free(&entity, r);
}

int council_figure_add(council_id *id, council_db *db, const council_figure *r)
{
	static const char sql[] = "INSERT INTO reported_figure(" COLS ") VALUES (?,?,?,?,?,?)";

	return cdb_record_add(id, db, &entity, sql, r);
}

int council_figure_get(council_figure **out, council_db *db, council_id id)
{
	static const char sql[] = "SELECT id, " COLS " FROM reported_figure WHERE id = ?";

	return cdb_record_get((void **)out, db, &entity, sql, id);
}

int council_figure_update(council_db *db, const council_figure *r)
{
	static const char sql[] =
		"UPDATE reported_figure SET (" COLS ") = (?,?,?,?,?,?) WHERE id = ?7";

	return cdb_record_update(db, &entity, sql, r);
}

int council_figure_delete(council_db *db, council_id id)
{
	return cdb_record_delete(db, &entity, "DELETE FROM reported_figure WHERE id = ?", id);
}

int council_figure_list(council_db *db, const council_filter *f, council_figure_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT id, " COLS " FROM reported_figure WHERE 1");
	sqlbuf_add_filters(&q, f, "", SQLBUF_COUNCIL | SQLBUF_SOURCE | SQLBUF_YEAR);
	/* Metrics in the order of council_metric, not alphabetically. */
	sqlbuf_add_order(&q, f, " ORDER BY council_id, year, CASE metric WHEN 'meetings' THEN 0 "
	                        "WHEN 'meetings_remote' THEN 1 WHEN 'members' THEN 2 "
	                        "WHEN 'events' THEN 3 ELSE 4 END, id");
	return sqlbuf_stream(db, &q, f, &entity, (cdb_fn)cb, ctx);
}
