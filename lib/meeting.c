/* SPDX-License-Identifier: MIT */
/*
 * meeting.c -- a council's own dated sittings: when (a day, a month or just
 * a year, or a span), in what format and where.  Counts a report merely
 * states live in figure.c; the view meetings_per_year reconciles the two.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sqlbuf.h"

void council_meeting_init(council_meeting *r)
{
	memset(r, 0, sizeof *r);
	r->format = COUNCIL_FORMAT_UNKNOWN;
}

static int check(council_db *db, const void *rec)
{
	const council_meeting *r = rec;
	int rc;

	if ((rc = cdb_require_id(db, "meeting.council_id", r->council_id)) != COUNCIL_OK ||
	    (rc = cdb_check_period(db, "meeting.date", &r->date)) != COUNCIL_OK ||
	    (rc = cdb_check_enum(db, "meeting.format", COUNCIL_ENUM_FORMAT, (int)r->format)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "meeting.platform", r->platform, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "meeting.location", r->location, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "meeting.summary", r->summary, 0)) != COUNCIL_OK)
		return rc;
	return COUNCIL_OK;
}

/* Columns in the order every statement here binds and reads them.  year is
 * stored for the indexes to cover per-year counts (schema.sql); it is
 * written from date_start and never read back. */
#define COLS "council_id, date_start, date_end, format, platform, location, summary, source_id, year"

static void bind(sqlite3_stmt *st, const void *rec)
{
	const council_meeting *r = rec;

	cdb_bind_id(st, 1, r->council_id);
	cdb_bind_date(st, 2, &r->date.start);
	cdb_bind_date(st, 3, &r->date.end);
	cdb_bind_enum(st, 4, COUNCIL_ENUM_FORMAT, (int)r->format);
	cdb_bind_text(st, 5, r->platform);
	cdb_bind_text(st, 6, r->location);
	cdb_bind_text(st, 7, r->summary);
	cdb_bind_id(st, 8, r->source_id);
	sqlite3_bind_int(st, 9, r->date.start.year);
}

/* Fills rec from a row of "SELECT id, COLS"; strings borrowed from st. */
static void read_row(sqlite3_stmt *st, void *rec)
{
	council_meeting *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->council_id = sqlite3_column_int64(st, 1);
	cdb_col_date(st, 2, &r->date.start);
	cdb_col_date(st, 3, &r->date.end);
	r->format = (council_format)cdb_col_enum(st, 4, COUNCIL_ENUM_FORMAT);
	r->platform = (char *)cdb_col_text(st, 5);
	r->location = (char *)cdb_col_text(st, 6);
	r->summary = (char *)cdb_col_text(st, 7);
	r->source_id = sqlite3_column_int64(st, 8);
}

static int emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_meeting_cb)cb)(ctx, rec);
}

static int failed(council_db *db, int rc, const void *rec)
{
	const council_meeting *r = rec;
	const cdb_ref refs[] = {
		{ "council", "meeting.council_id", r->council_id },
		{ "source_document", "meeting.source_id", r->source_id },
	};

	return cdb_blame_fk(db, rc, refs, sizeof refs / sizeof refs[0]);
}

static const size_t strings[] = {
	offsetof(council_meeting, platform), offsetof(council_meeting, location),
	offsetof(council_meeting, summary),
};

static const cdb_entity entity = {
	"meeting", sizeof(council_meeting), strings, sizeof strings / sizeof strings[0],
	read_row, emit, check, bind, 9, failed, NULL, NULL,
};

void council_meeting_free(council_meeting *r)
{
	cdb_record_free(&entity, r);
}

int council_meeting_add(council_id *id, council_db *db, const council_meeting *r)
{
	static const char sql[] = "INSERT INTO meeting(" COLS ") VALUES (?,?,?,?,?,?,?,?,?)";

	return cdb_record_add(id, db, &entity, sql, r);
}

int council_meeting_get(council_meeting **out, council_db *db, council_id id)
{
	static const char sql[] = "SELECT id, " COLS " FROM meeting WHERE id = ?";

	return cdb_record_get((void **)out, db, &entity, sql, id);
}

int council_meeting_update(council_db *db, const council_meeting *r)
{
	static const char sql[] =
		"UPDATE meeting SET (" COLS ") = (?,?,?,?,?,?,?,?,?) WHERE id = ?10";

	return cdb_record_update(db, &entity, sql, r);
}

int council_meeting_delete(council_db *db, council_id id)
{
	/* The schema's ON DELETE SET NULL unlinks the events held at it. */
	return cdb_record_delete(db, &entity, "DELETE FROM meeting WHERE id = ?", id);
}

int council_meeting_list(council_db *db, const council_filter *f, council_meeting_cb cb,
                         void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK || (rc = sqlbuf_check_range(db, f)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT id, " COLS " FROM meeting WHERE 1");
	sqlbuf_add_filters(&q, f, "", SQLBUF_DATED);
	sqlbuf_add_order(&q, f, " ORDER BY council_id, date_start, date_end, id");
	return sqlbuf_stream(db, &q, f, &entity, (cdb_fn)cb, ctx);
}
