/* SPDX-License-Identifier: MIT */
/*
 * act.c -- legal acts concerning a council (its founding decision,
 * amendments, approval of its rules), identified by their number and
 * dated to whatever precision the report gives.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sqlbuf.h"

void council_act_init(council_act *r)
{
	memset(r, 0, sizeof *r);
	r->effect = COUNCIL_ACT_OTHER;
}

static int check(council_db *db, const void *rec)
{
	const council_act *r = rec;
	int rc;

	if ((rc = cdb_require_text(db, "act.number", r->number, 100)) != COUNCIL_OK ||
	    (rc = cdb_check_date(db, "act.date", &r->date, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "act.title", r->title, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_enum(db, "act.effect", COUNCIL_ENUM_ACT_EFFECT, (int)r->effect)) != COUNCIL_OK)
		return rc;
	if (r->council_id < 0)
		return cdb_error(db, COUNCIL_EINVAL, "act.council_id: %lld is not an id",
		                 (long long)r->council_id);
	return COUNCIL_OK;
}

/* Columns in the order every statement here binds and reads them. */
#define COLS "council_id, number, date, title, effect, source_id"

static void bind(sqlite3_stmt *st, const void *rec)
{
	const council_act *r = rec;

	cdb_bind_id(st, 1, r->council_id);
	cdb_bind_text(st, 2, r->number);
	cdb_bind_date(st, 3, &r->date);
	cdb_bind_text(st, 4, r->title);
	cdb_bind_enum(st, 5, COUNCIL_ENUM_ACT_EFFECT, (int)r->effect);
	cdb_bind_id(st, 6, r->source_id);
}

/* Fills rec from a row of "SELECT id, COLS"; strings borrowed from st. */
static void read_row(sqlite3_stmt *st, void *rec)
{
	council_act *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->council_id = sqlite3_column_int64(st, 1);
	r->number = (char *)cdb_col_text(st, 2);
	cdb_col_date(st, 3, &r->date);
	r->title = (char *)cdb_col_text(st, 4);
	r->effect = (council_act_effect)cdb_col_enum(st, 5, COUNCIL_ENUM_ACT_EFFECT);
	r->source_id = sqlite3_column_int64(st, 6);
}

static int emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_act_cb)cb)(ctx, rec);
}

static int failed(council_db *db, int rc, const void *rec)
{
	const council_act *r = rec;
	const cdb_ref refs[] = {
		{ "council", "act.council_id", r->council_id },
		{ "source_document", "act.source_id", r->source_id },
	};

	return cdb_blame_fk(db, rc, refs, sizeof refs / sizeof refs[0]);
}

static const size_t strings[] = { offsetof(council_act, number), offsetof(council_act, title) };

static const cdb_entity entity = {
	"act", sizeof(council_act), strings, sizeof strings / sizeof strings[0],
	read_row, emit, check, bind, 6, failed, NULL, NULL,
};

void council_act_free(council_act *r)
{
	cdb_record_free(&entity, r);
}

int council_act_add(council_id *id, council_db *db, const council_act *r)
{
	static const char sql[] = "INSERT INTO legal_act(" COLS ") VALUES (?,?,?,?,?,?)";

	return cdb_record_add(id, db, &entity, sql, r);
}

int council_act_get(council_act **out, council_db *db, council_id id)
{
	static const char sql[] = "SELECT id, " COLS " FROM legal_act WHERE id = ?";

	return cdb_record_get((void **)out, db, &entity, sql, id);
}

int council_act_update(council_db *db, const council_act *r)
{
	static const char sql[] =
		"UPDATE legal_act SET (" COLS ") = (?,?,?,?,?,?) WHERE id = ?7";

	return cdb_record_update(db, &entity, sql, r);
}

int council_act_delete(council_db *db, council_id id)
{
	return cdb_record_delete(db, &entity, "DELETE FROM legal_act WHERE id = ?", id);
}

int council_act_list(council_db *db, const council_filter *f, council_act_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT id, " COLS " FROM legal_act WHERE 1");
	sqlbuf_add_filters(&q, f, "", SQLBUF_COUNCIL | SQLBUF_SOURCE);
	/* legal_act has no year column: compare the ISO text with the years'
	 * bounds, which also lets the (council_id, date) index serve.  An act
	 * without a date has no year and so never matches a year filter. */
	if (f && f->year_from > 0)
		sqlbuf_add(&q, " AND date >= printf('%04d', :year_from)");
	if (f && f->year_to > 0)
		sqlbuf_add(&q, " AND date < printf('%04d', :year_to + 1)");
	sqlbuf_add_order(&q, f, " ORDER BY council_id, date, id");
	return sqlbuf_stream(db, &q, f, &entity, (cdb_fn)cb, ctx);
}
