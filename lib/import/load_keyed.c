/* SPDX-License-Identifier: MIT */
/*
 * load_keyed.c -- storing the records a document states that one natural
 * key finds (members, meetings, legal acts: store_keyed and a kind each),
 * and a sitting's attendance.  Not here: finding a record by its id or key
 * (load_find_record, load_match.c), councils, plans, events and figures
 * (load_match.c), the reading order (load.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_int.h"

/* ---- members, meetings, acts: records found by one key ------------------- */

/* What differs between the kinds of record stored by store_keyed. */
typedef struct keyed_kind {
	const char *table;      /* its table */
	const char *what;       /* its name in messages */
	/* Inserts the document's record i as new: *id its row. */
	int (*add)(council_id *id, loadctx *lc, size_t i);
	/* Merges the document's record i into the stored one r (its values,
	 * and its key too when by_id: found by the id a review gives). */
	int (*merge)(rec *r, size_t i, int by_id);
	/* Finds the stored record of the document's record i by its natural
	 * key when the finders' one query is not enough (NULL: it is). */
	int (*find)(council_id *id, loadctx *lc, size_t i);
} keyed_kind;

/* Stores the document's record i of kind k, found by its id (doc_id, a
 * review's) or its natural key: merged into the stored record, or
 * inserted unless a person removed it.  path names it in the JSON
 * ("members[3]"), label in messages ("members[3] \"Ona Onaitė\""). */
static int store_keyed(loadctx *lc, const keyed_kind *k, size_t i, council_id doc_id,
                       const char *key, const char *path, const char *label)
{
	council_id id;
	rec r;
	int rc, by_id;

	id = 0;
	by_id = 0;
	if (!doc_id && k->find && (rc = k->find(&id, lc, i)) != COUNCIL_OK)
		return rc;
	if (!id && (rc = load_find_record(&id, &by_id, lc, k->table, doc_id, key, path)) != COUNCIL_OK)
		return rc;
	if (!id) {
		if ((rc = load_kept_out(lc, k->table, key, "%s", label)) != COUNCIL_OK)
			return rc;
		if ((rc = k->add(&id, lc, i)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "%s", label);
		return load_inserted(lc, k->table, id);
	}
	if ((rc = load_rec_open(&r, lc, k->table, k->what, id)) != COUNCIL_OK)
		return rc;
	if ((rc = k->merge(&r, i, by_id)) != COUNCIL_OK)
		return rc == COUNCIL_ENOMEM ? rc : cdb_error_wrap(lc->db, rc, "%s", label);
	return load_merged(&r);
}

/* A member row is a membership: one person in one office.  The document's
 * member is the row of the same name and office; else of the same person
 * (a variant of the name: people.c) and office; else, in a new version of
 * the same document, the row of the same name it stated before (its office
 * corrected, in place).  A person in another office than a document before
 * is another membership: the chair of 2022 who is a member in 2023 has
 * two, each with its own documents and term. */
int load_find_member(council_id *id, loadctx *lc, const x_member *xm)
{
	const char *role = council_enum_name(COUNCIL_ENUM_ROLE, (int)xm->role);
	council_id person = 0;
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if ((rc = load_lookup_id(id, lc->db, "SELECT min(id) FROM member WHERE council_id = ? AND "
	                         "name = ? AND role = ?", lc->council, xm->name, role)) != COUNCIL_OK ||
	    *id)
		return rc;
	if ((rc = cdb_people_find(&person, lc->db, lc->council, xm->name)) != COUNCIL_OK)
		return rc;
	if (person) {
		if ((rc = cdb_prepare(&st, lc->db, "SELECT min(id) FROM member WHERE council_id = ? AND "
		                      "person_id = ? AND role = ?")) != COUNCIL_OK)
			return rc;
		sqlite3_bind_int64(st, 1, lc->council);
		sqlite3_bind_int64(st, 2, person);
		sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*id = sqlite3_column_int64(st, 0);
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? COUNCIL_OK
		                                           : cdb_sqlite_error(lc->db, rc, "import");
		sqlite3_reset(st);
		if (rc != COUNCIL_OK || *id)
			return rc;
	}
	if (!lc->replacing)
		return COUNCIL_OK;
	if ((rc = cdb_prepare(&st, lc->db, "SELECT min(m.id) FROM member m WHERE m.council_id = ?1 "
	                      "AND m.name = ?2 AND (m.source_id = ?3 OR EXISTS (SELECT 1 FROM "
	                      "record_source r WHERE r.table_name = 'member' AND r.record_id = m.id "
	                      "AND r.source_id = ?3))")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, lc->council);
	cdb_bind_text(st, 2, xm->name);
	sqlite3_bind_int64(st, 3, lc->src);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? COUNCIL_OK : cdb_sqlite_error(lc->db, rc, "import");
	sqlite3_reset(st);
	return rc;
}

/* What the document says happened to the membership (member.term): a row
 * of member_change.  A new version of the document states its changes
 * afresh (load.c removes the old ones first). */
static int store_change(loadctx *lc, council_id id, const x_member *xm)
{
	char date[COUNCIL_DATE_BUFSIZE];
	sqlite3_stmt *st;
	int rc;

	if (!xm->change)
		return COUNCIL_OK;
	if ((rc = cdb_prepare(&st, lc->db, "INSERT OR REPLACE INTO member_change(member_id, source_id, "
	                      "change, date) VALUES (?, ?, ?, ?)")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, lc->src);
	cdb_bind_text(st, 3, xm->change);
	if (xm->since.year)
		cdb_bind_text(st, 4, council_date_format(date, &xm->since));
	return cdb_exec_stmt(lc->db, st, "import");
}

/* The former name the document states (schema version 14), where the
 * member has none yet: one a person set or an earlier document stated
 * stays. */
static int store_former_name(loadctx *lc, council_id id, const x_member *xm)
{
	char *had = NULL;
	int rc;

	if (!xm->former_name)
		return COUNCIL_OK;
	if ((rc = council_member_former_name(&had, lc->db, id)) == COUNCIL_OK && !had)
		rc = council_member_set_former_name(lc->db, id, xm->former_name);
	council_free(had);
	return rc;
}

static int member_add(council_id *id, loadctx *lc, size_t i)
{
	const x_member *xm = &lc->x->members[i];
	council_member m;
	int rc;

	council_member_init(&m);
	m.council_id = lc->council;
	m.name = xm->name;
	m.role = xm->role;
	m.represents = xm->represents;
	m.side = xm->side;
	m.delegated_by = xm->delegated_by;
	m.source_id = lc->src;
	if ((rc = council_member_add(id, lc->db, &m)) != COUNCIL_OK ||
	    (rc = store_former_name(lc, *id, xm)) != COUNCIL_OK)
		return rc;
	return store_change(lc, *id, xm);
}

static int member_merge(rec *r, size_t i, int by_id)
{
	const x_member *xm = &r->lc->x->members[i];
	council_member m, *old = NULL;
	int rc;

	if ((rc = council_member_get(&old, r->lc->db, r->id)) != COUNCIL_OK)
		return rc;
	m = *old;
	if (by_id)
		load_take_text(r, "name", &m.name, xm->name);
	load_take_int(r, "role", (int *)&m.role, (int)xm->role, -2, COUNCIL_ENUM_ROLE);
	load_take_text(r, "represents", &m.represents, xm->represents);
	load_take_int(r, "side", (int *)&m.side, (int)xm->side, COUNCIL_SIDE_UNKNOWN, COUNCIL_ENUM_SIDE);
	load_take_text(r, "delegated_by", &m.delegated_by, xm->delegated_by);
	rc = by_id ? load_keep_old_key(r->lc, "member", old->name, m.name, r->id) : COUNCIL_OK;
	if (rc == COUNCIL_OK && r->changed)
		rc = council_member_update(r->lc->db, &m);
	council_member_free(old);
	if (rc == COUNCIL_OK)
		rc = store_former_name(r->lc, r->id, xm);
	return rc == COUNCIL_OK ? store_change(r->lc, r->id, xm) : rc;
}

static int member_find(council_id *id, loadctx *lc, size_t i)
{
	return load_find_member(id, lc, &lc->x->members[i]);
}

static const keyed_kind member_kind = { "member", "member", member_add, member_merge, member_find };

int load_store_member(loadctx *lc, size_t i)
{
	const x_member *xm = &lc->x->members[i];
	char path[32], label[360];

	snprintf(path, sizeof path, "members[%zu]", i);
	snprintf(label, sizeof label, "%s \"%.300s\"", path, xm->name);
	return store_keyed(lc, &member_kind, i, xm->id, xm->name, path, label);
}

static int meeting_add(council_id *id, loadctx *lc, size_t i)
{
	const x_meeting *xm = &lc->x->meetings[i];
	council_meeting m;

	council_meeting_init(&m);
	m.council_id = lc->council;
	m.date.start = xm->date.start;
	m.date.end = xm->date.end.year ? xm->date.end : xm->date.start;
	m.format = xm->format;
	m.platform = xm->platform;
	m.location = xm->location;
	m.summary = xm->summary;
	m.source_id = lc->src;
	return council_meeting_add(id, lc->db, &m);
}

static int meeting_merge(rec *r, size_t i, int by_id)
{
	const x_meeting *xm = &r->lc->x->meetings[i];
	council_date end = xm->date.end.year ? xm->date.end : xm->date.start;
	char was[COUNCIL_DATE_BUFSIZE], now[COUNCIL_DATE_BUFSIZE];
	council_meeting m, *old = NULL;
	int rc;

	if ((rc = council_meeting_get(&old, r->lc->db, r->id)) != COUNCIL_OK)
		return rc;
	m = *old;
	if (by_id)
		load_take_date(r, "date_start", &m.date.start, &xm->date.start);
	load_take_date(r, "date_end", &m.date.end, &end);
	load_take_int(r, "format", (int *)&m.format, (int)xm->format, COUNCIL_FORMAT_UNKNOWN,
	              COUNCIL_ENUM_FORMAT);
	load_take_text(r, "platform", &m.platform, xm->platform);
	load_take_text(r, "location", &m.location, xm->location);
	load_take_text(r, "summary", &m.summary, xm->summary);
	council_date_format(was, &old->date.start);
	council_date_format(now, &m.date.start);
	rc = by_id ? load_keep_old_key(r->lc, "meeting", was, now, r->id) : COUNCIL_OK;
	if (rc == COUNCIL_OK && r->changed)
		rc = council_meeting_update(r->lc->db, &m);
	council_meeting_free(old);
	return rc;
}

static const keyed_kind meeting_kind = { "meeting", "meeting", meeting_add, meeting_merge, NULL };

int load_store_meeting(loadctx *lc, size_t i)
{
	const x_meeting *xm = &lc->x->meetings[i];
	char date[COUNCIL_DATE_BUFSIZE], path[32], label[64];

	council_date_format(date, &xm->date.start);
	snprintf(path, sizeof path, "meetings[%zu]", i);
	snprintf(label, sizeof label, "%s %s", path, date);
	return store_keyed(lc, &meeting_kind, i, xm->id, date, path, label);
}

/* Who attended the meetings this document records (a protocol's lists
 * and quorum).  They are the document's alone: a new version of it states
 * them afresh, so its old rows go first; a row a person added (no source)
 * or another document stated for the same meeting and name stays. */
int load_store_attendance(loadctx *lc)
{
	const council_extraction *x = lc->x;
	char date[COUNCIL_DATE_BUFSIZE];
	council_id meeting, member;
	size_t i;
	int rc;

	if (lc->replacing &&
	    ((rc = load_run(lc->db, "DELETE FROM attendance WHERE source_id = ?", "i", (int64_t)lc->src)) != COUNCIL_OK ||
	     (rc = load_run(lc->db, "DELETE FROM meeting_quorum WHERE source_id = ?", "i", (int64_t)lc->src)) != COUNCIL_OK))
		return rc;
	for (i = 0; i < x->n_meetings; i++) {
		const x_meeting *xm = &x->meetings[i];
		int64_t members = x->council.size >= xm->participants ? x->council.size : 0;
		if (xm->participants < 0)
			continue;
		council_date_format(date, &xm->date.start);
		if ((rc = load_lookup_id(&meeting, lc->db, "SELECT min(id) FROM meeting WHERE council_id = ? "
		                         "AND date_start = ?", lc->council, date, NULL)) != COUNCIL_OK)
			return rc;
		if (meeting && (rc = load_run(lc->db, "INSERT OR IGNORE INTO meeting_quorum(meeting_id, present, "
		                              "members, source_id) VALUES (?, ?, nullif(?, 0), ?)", "iiii",
		                              (int64_t)meeting, (int64_t)xm->participants, members,
		                              (int64_t)lc->src)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "meetings[%zu] %s", i, date);
	}
	for (i = 0; i < x->n_attendance; i++) {
		const x_attendance *a = &x->attendance[i];
		council_date_format(date, &a->date);
		if ((rc = load_lookup_id(&meeting, lc->db, "SELECT min(id) FROM meeting WHERE council_id = ? "
		                         "AND date_start = ?", lc->council, date, NULL)) != COUNCIL_OK ||
		    (rc = load_lookup_id(&member, lc->db, "SELECT min(id) FROM member WHERE council_id = ? "
		                         "AND name = ?", lc->council, a->name, NULL)) != COUNCIL_OK)
			return rc;
		if (!meeting)
			continue; /* no meeting of that day stored: a reviewed extraction dropped it */
		if ((rc = load_run(lc->db, "INSERT OR IGNORE INTO attendance(meeting_id, member_id, name, present, "
		                   "reason, source_id) VALUES (?, nullif(?, 0), ?, ?, ?, ?)", "iititi",
		                   (int64_t)meeting, (int64_t)member, a->name, (int64_t)(a->present == 1),
		                   a->reason, (int64_t)lc->src)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "attendance[%zu] %s %s", i, date, a->name);
	}
	return COUNCIL_OK;
}


static int act_add(council_id *id, loadctx *lc, size_t i)
{
	const x_act *xa = &lc->x->acts[i];
	council_act a;

	council_act_init(&a);
	a.council_id = lc->council;
	a.number = xa->number;
	a.date = xa->date;
	a.title = xa->title;
	a.effect = xa->effect;
	a.source_id = lc->src;
	return council_act_add(id, lc->db, &a);
}

static int act_merge(rec *r, size_t i, int by_id)
{
	const x_act *xa = &r->lc->x->acts[i];
	council_act a, *old = NULL;
	int rc;

	if ((rc = council_act_get(&old, r->lc->db, r->id)) != COUNCIL_OK)
		return rc;
	a = *old;
	if (by_id)
		load_take_text(r, "number", &a.number, xa->number);
	load_take_date(r, "date", &a.date, &xa->date);
	load_take_text(r, "title", &a.title, xa->title);
	load_take_int(r, "effect", (int *)&a.effect, (int)xa->effect, COUNCIL_ACT_OTHER,
	              COUNCIL_ENUM_ACT_EFFECT);
	rc = by_id ? load_keep_old_key(r->lc, "legal_act", old->number, a.number, r->id) : COUNCIL_OK;
	if (rc == COUNCIL_OK && r->changed)
		rc = council_act_update(r->lc->db, &a);
	council_act_free(old);
	return rc;
}

static const keyed_kind act_kind = { "legal_act", "act", act_add, act_merge, NULL };

int load_store_act(loadctx *lc, size_t i)
{
	const x_act *xa = &lc->x->acts[i];
	char path[32], label[360];

	snprintf(path, sizeof path, "acts[%zu]", i);
	snprintf(label, sizeof label, "%s %.300s", path, xa->number);
	return store_keyed(lc, &act_kind, i, xa->id, xa->number, path, label);
}
