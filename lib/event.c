/* SPDX-License-Identifier: MIT */
/*
 * event.c -- dated happenings other than the council's own meetings
 * (seminars, visits, discussions...), the plan measures each served (kept
 * in event_measure), and the groups of participants a report counts.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sqlbuf.h"

/* ---- events -------------------------------------------------------------- */

void council_event_init(council_event *r)
{
	memset(r, 0, sizeof *r);
	r->kind = COUNCIL_EVENT_OTHER;
	r->remote = -1;
}

/* An event held during a meeting must be one of its own council's. */
static int check_meeting(council_db *db, const council_event *r)
{
	static const char sql[] = "SELECT council_id FROM meeting WHERE id = ?";
	sqlite3_stmt *st;
	council_id owner;
	int rc;

	if (r->meeting_id < 0)
		return cdb_error(db, COUNCIL_EINVAL, "event.meeting_id: %lld is not an id",
		                 (long long)r->meeting_id);
	if (r->meeting_id == 0)
		return COUNCIL_OK;
	if ((rc = cdb_step_id(&st, db, sql, r->meeting_id, "meeting")) != COUNCIL_OK) {
		if (rc == COUNCIL_ENOTFOUND)
			return cdb_error(db, rc, "event.meeting_id: no meeting with id %lld",
			                 (long long)r->meeting_id);
		return rc;
	}
	owner = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (owner != r->council_id)
		return cdb_error(db, COUNCIL_EINVAL, "event.meeting_id: meeting %lld belongs to "
		                 "council %lld, not %lld", (long long)r->meeting_id,
		                 (long long)owner, (long long)r->council_id);
	return COUNCIL_OK;
}

/* An event serves its own council's plans only: a link to another
 * council's measure is a wrong id.  A missing measure is left to the
 * foreign key, which names it. */
static int check_measures(council_db *db, const council_event *r)
{
	static const char sql[] =
		"SELECT p.council_id FROM measure m JOIN plan p ON p.id = m.plan_id WHERE m.id = ?";
	size_t i;

	for (i = 0; i < r->n_measures; i++) {
		sqlite3_stmt *st;
		council_id owner;
		int rc = cdb_prepare(&st, db, sql);
		if (rc != COUNCIL_OK)
			return rc;
		sqlite3_bind_int64(st, 1, r->measure_ids[i]);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
			rc = sqlite3_reset(st);
			if (rc != SQLITE_OK)
				return cdb_sqlite_error(db, rc, "event.measure_ids");
			continue;
		}
		owner = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (owner != r->council_id)
			return cdb_error(db, COUNCIL_EINVAL, "event.measure_ids[%zu]: measure %lld is "
			                 "council %lld's, not council %lld's", i,
			                 (long long)r->measure_ids[i], (long long)owner,
			                 (long long)r->council_id);
	}
	return COUNCIL_OK;
}

static int event_check(council_db *db, const void *rec)
{
	const council_event *r = rec;
	size_t i, j;
	int rc;

	if ((rc = cdb_require_id(db, "event.council_id", r->council_id)) != COUNCIL_OK ||
	    (rc = cdb_require_text(db, "event.title", r->title, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_enum(db, "event.kind", COUNCIL_ENUM_EVENT_KIND, (int)r->kind)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "event.organiser", r->organiser, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_period(db, "event.date", &r->date)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "event.location", r->location, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_int(db, "event.remote", r->remote, 0, 1, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "event.description", r->description, 0)) != COUNCIL_OK)
		return rc;
	if (r->n_measures && !r->measure_ids)
		return cdb_error(db, COUNCIL_EINVAL, "event.measure_ids: %zu ids but no array",
		                 r->n_measures);
	/* Links are a set: a repeated id is a mistake in the caller's data,
	 * better named here than reported as a primary-key clash. */
	for (i = 0; i < r->n_measures; i++) {
		if (r->measure_ids[i] <= 0)
			return cdb_error(db, COUNCIL_EINVAL, "event.measure_ids[%zu]: %lld is not an id",
			                 i, (long long)r->measure_ids[i]);
		for (j = 0; j < i; j++)
			if (r->measure_ids[j] == r->measure_ids[i])
				return cdb_error(db, COUNCIL_EINVAL, "event.measure_ids[%zu]: measure "
				                 "%lld is listed twice", i, (long long)r->measure_ids[i]);
	}
	if ((rc = check_measures(db, r)) != COUNCIL_OK)
		return rc;
	return check_meeting(db, r);
}

/* year is stored for the indexes to cover per-year counts (schema.sql);
 * it is written from date_start and never read back. */
#define EVENT_COLS "council_id, meeting_id, title, kind, organiser, date_start, date_end, " \
                   "location, remote, description, source_id, year"

static void event_bind(sqlite3_stmt *st, const void *rec)
{
	const council_event *r = rec;

	cdb_bind_id(st, 1, r->council_id);
	cdb_bind_id(st, 2, r->meeting_id);
	cdb_bind_text(st, 3, r->title);
	cdb_bind_enum(st, 4, COUNCIL_ENUM_EVENT_KIND, (int)r->kind);
	cdb_bind_text(st, 5, r->organiser);
	cdb_bind_date(st, 6, &r->date.start);
	cdb_bind_date(st, 7, &r->date.end);
	cdb_bind_text(st, 8, r->location);
	cdb_bind_opt_int(st, 9, r->remote);
	cdb_bind_text(st, 10, r->description);
	cdb_bind_id(st, 11, r->source_id);
	sqlite3_bind_int(st, 12, r->date.start.year);
}

static void event_read(sqlite3_stmt *st, void *rec)
{
	council_event *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->council_id = sqlite3_column_int64(st, 1);
	r->meeting_id = sqlite3_column_int64(st, 2);
	r->title = (char *)cdb_col_text(st, 3);
	r->kind = (council_event_kind)cdb_col_enum(st, 4, COUNCIL_ENUM_EVENT_KIND);
	r->organiser = (char *)cdb_col_text(st, 5);
	cdb_col_date(st, 6, &r->date.start);
	cdb_col_date(st, 7, &r->date.end);
	r->location = (char *)cdb_col_text(st, 8);
	r->remote = (int)cdb_col_opt_int(st, 9);
	r->description = (char *)cdb_col_text(st, 10);
	r->source_id = sqlite3_column_int64(st, 11);
	r->measure_ids = NULL;
	r->n_measures = 0;
}

static int read_link(sqlite3_stmt *st, void *item)
{
	*(council_id *)item = sqlite3_column_int64(st, 0);
	return 0;
}

static void bind_link(sqlite3_stmt *st, const void *rec, size_t i)
{
	sqlite3_bind_int64(st, 3, ((const council_event *)rec)->measure_ids[i]);
}

static void free_links(void *arr, size_t n)
{
	(void)n;
	free(arr);
}

static const cdb_items links_list = {
	"event.measure_ids", sizeof(council_id), read_link, bind_link, free_links,
};

/* Reads the ids of the measures event r->id served into r->measure_ids. */
static int load_measures(council_db *db, council_event *r)
{
	static const char sql[] =
		"SELECT measure_id FROM event_measure WHERE event_id = ? ORDER BY measure_id";
	void *ids;
	int rc = cdb_load_items(&ids, &r->n_measures, db, sql, r->id, &links_list);

	r->measure_ids = ids;
	return rc;
}

static size_t event_n_items(const void *rec)
{
	return ((const council_event *)rec)->n_measures;
}

/* Replaces the stored measure links of event id with r's. */
static int event_write_items(council_db *db, council_id id, const void *rec, int update)
{
	static const char del[] = "DELETE FROM event_measure WHERE event_id = ?";
	static const char ins[] = "INSERT INTO event_measure(event_id, measure_id) VALUES (?1, ?3)";
	const council_event *r = rec;
	size_t at = 0;
	int rc = cdb_write_items(&at, db, del, ins, id, rec, r->n_measures, update, &links_list);

	/* The event row exists by now, so a foreign-key failure can only be
	 * the measure. */
	if (rc == COUNCIL_ENOTFOUND)
		return cdb_error(db, rc, "event.measure_ids[%zu]: no measure with id %lld", at,
		                 (long long)r->measure_ids[at]);
	return rc;
}

static int event_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	council_event *r = rec;
	int rc = load_measures(db, r);

	if (rc != COUNCIL_OK)
		return rc;
	rc = ((council_event_cb)cb)(ctx, r);
	cdb_free_const(r->measure_ids);
	return rc;
}

static int event_failed(council_db *db, int rc, const void *rec)
{
	const council_event *r = rec;
	const cdb_ref refs[] = {
		{ "council", "event.council_id", r->council_id },
		{ "meeting", "event.meeting_id", r->meeting_id },
		{ "source_document", "event.source_id", r->source_id },
	};

	return cdb_blame_fk(db, rc, refs, sizeof refs / sizeof refs[0]);
}

static const size_t event_strings[] = {
	offsetof(council_event, title), offsetof(council_event, organiser),
	offsetof(council_event, location), offsetof(council_event, description),
};

static const cdb_entity event_entity = {
	"event", sizeof(council_event), event_strings, 4,
	event_read, event_emit, event_check, event_bind, 12, event_failed,
	event_n_items, event_write_items,
};

void council_event_free(council_event *r)
{
	if (!r)
		return;
	cdb_free_const(r->measure_ids);
	cdb_record_free(&event_entity, r);
}

int council_event_add(council_id *id, council_db *db, const council_event *r)
{
	static const char sql[] = "INSERT INTO event(" EVENT_COLS ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";

	return cdb_record_add(id, db, &event_entity, sql, r);
}

int council_event_get(council_event **out, council_db *db, council_id id)
{
	static const char sql[] = "SELECT id, " EVENT_COLS " FROM event WHERE id = ?";
	int rc = cdb_record_get((void **)out, db, &event_entity, sql, id);

	if (rc == COUNCIL_OK && (rc = load_measures(db, *out)) != COUNCIL_OK) {
		council_event_free(*out);
		*out = NULL;
	}
	return rc;
}

int council_event_update(council_db *db, const council_event *r)
{
	static const char sql[] =
		"UPDATE event SET (" EVENT_COLS ") = (?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?13";

	return cdb_record_update(db, &event_entity, sql, r);
}

int council_event_delete(council_db *db, council_id id)
{
	/* ON DELETE CASCADE takes its participant groups and measure links. */
	return cdb_record_delete(db, &event_entity, "DELETE FROM event WHERE id = ?", id);
}

int council_event_list(council_db *db, const council_filter *f, council_event_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK || (rc = sqlbuf_check_range(db, f)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT id, " EVENT_COLS " FROM event WHERE 1");
	sqlbuf_add_filters(&q, f, "", SQLBUF_DATED);
	sqlbuf_add_order(&q, f, " ORDER BY council_id, date_start, date_end, id");
	return sqlbuf_stream(db, &q, f, &event_entity, (cdb_fn)cb, ctx);
}

/* ---- participant groups -------------------------------------------------- */

void council_participants_init(council_participants *r)
{
	memset(r, 0, sizeof *r);
	r->count = -1;
	r->qualifier = COUNCIL_QUAL_EXACT;
}

static int participants_check(council_db *db, const void *rec)
{
	const council_participants *r = rec;
	int rc;

	if ((rc = cdb_require_id(db, "participants.event_id", r->event_id)) != COUNCIL_OK ||
	    (rc = cdb_check_int(db, "participants.count", r->count, 0, 1000000, 1)) != COUNCIL_OK ||
	    (rc = cdb_check_enum(db, "participants.qualifier", COUNCIL_ENUM_QUALIFIER,
	                         (int)r->qualifier)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "participants.group_name", r->group_name, 0)) != COUNCIL_OK)
		return rc;
	return COUNCIL_OK;
}

#define PARTICIPANTS_COLS "event_id, count, qualifier, group_name, source_id"

static void participants_bind(sqlite3_stmt *st, const void *rec)
{
	const council_participants *r = rec;

	cdb_bind_id(st, 1, r->event_id);
	sqlite3_bind_int64(st, 2, r->count);
	cdb_bind_enum(st, 3, COUNCIL_ENUM_QUALIFIER, (int)r->qualifier);
	cdb_bind_text(st, 4, r->group_name);
	cdb_bind_id(st, 5, r->source_id);
}

static void participants_read(sqlite3_stmt *st, void *rec)
{
	council_participants *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->event_id = sqlite3_column_int64(st, 1);
	r->count = sqlite3_column_int64(st, 2);
	r->qualifier = (council_qualifier)cdb_col_enum(st, 3, COUNCIL_ENUM_QUALIFIER);
	r->group_name = (char *)cdb_col_text(st, 4);
	r->source_id = sqlite3_column_int64(st, 5);
}

static int participants_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_participants_cb)cb)(ctx, rec);
}

static int participants_failed(council_db *db, int rc, const void *rec)
{
	const council_participants *r = rec;
	const cdb_ref refs[] = {
		{ "event", "participants.event_id", r->event_id },
		{ "source_document", "participants.source_id", r->source_id },
	};

	return cdb_blame_fk(db, rc, refs, sizeof refs / sizeof refs[0]);
}

static const size_t participants_strings[] = { offsetof(council_participants, group_name) };

static const cdb_entity participants_entity = {
	"participants", sizeof(council_participants), participants_strings, 1,
	participants_read, participants_emit, participants_check, participants_bind, 5,
	participants_failed, NULL, NULL,
};

void council_participants_free(council_participants *r)
{
	cdb_record_free(&participants_entity, r);
}

int council_participants_add(council_id *id, council_db *db, const council_participants *r)
{
	static const char sql[] =
		"INSERT INTO event_participants(" PARTICIPANTS_COLS ") VALUES (?,?,?,?,?)";

	return cdb_record_add(id, db, &participants_entity, sql, r);
}

int council_participants_get(council_participants **out, council_db *db, council_id id)
{
	static const char sql[] =
		"SELECT id, " PARTICIPANTS_COLS " FROM event_participants WHERE id = ?";

	return cdb_record_get((void **)out, db, &participants_entity, sql, id);
}

int council_participants_update(council_db *db, const council_participants *r)
{
	static const char sql[] =
		"UPDATE event_participants SET (" PARTICIPANTS_COLS ") = (?,?,?,?,?) WHERE id = ?6";

	return cdb_record_update(db, &participants_entity, sql, r);
}

int council_participants_delete(council_db *db, council_id id)
{
	return cdb_record_delete(db, &participants_entity,
	                         "DELETE FROM event_participants WHERE id = ?", id);
}

int council_participants_list(council_db *db, const council_filter *f,
                              council_participants_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT id, " PARTICIPANTS_COLS " FROM event_participants WHERE 1");
	if (f && f->parent_id > 0)
		sqlbuf_add(&q, " AND event_id = :parent");
	sqlbuf_add_filters(&q, f, "", SQLBUF_SOURCE);
	sqlbuf_add_order(&q, f, " ORDER BY event_id, id");
	return sqlbuf_stream(db, &q, f, &participants_entity, (cdb_fn)cb, ctx);
}
