/* SPDX-License-Identifier: MIT */
/*
 * member.c -- the people sitting on a council: their office (role), whose
 * seat they hold (side), whom they represent, and their term.  Listing by
 * role is also council_query_members_by_role in query.c.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sqlbuf.h"

void council_member_init(council_member *r)
{
	memset(r, 0, sizeof *r);
	r->role = COUNCIL_ROLE_MEMBER;
	r->side = COUNCIL_SIDE_UNKNOWN;
}

static int check(council_db *db, const void *rec)
{
	const council_member *r = rec;
	int rc;

	if ((rc = cdb_require_id(db, "member.council_id", r->council_id)) != COUNCIL_OK ||
	    (rc = cdb_require_text(db, "member.name", r->name, 300)) != COUNCIL_OK ||
	    (rc = cdb_check_enum(db, "member.role", COUNCIL_ENUM_ROLE, (int)r->role)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "member.represents", r->represents, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_enum(db, "member.side", COUNCIL_ENUM_SIDE, (int)r->side)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "member.delegated_by", r->delegated_by, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_date(db, "member.term_start", &r->term_start, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_date(db, "member.term_end", &r->term_end, 0)) != COUNCIL_OK)
		return rc;
	/* The schema cannot compare partial dates; a term cannot end before it
	 * starts whatever the precision of either end. */
	if (r->term_start.year && r->term_end.year &&
	    council_date_cmp(&r->term_end, &r->term_start) < 0)
		return cdb_error(db, COUNCIL_EINVAL, "member.term_end: ends before term_start");
	return COUNCIL_OK;
}

/* Columns in the order every statement here binds and reads them. */
#define COLS "council_id, name, role, represents, side, delegated_by, term_start, " \
             "term_end, source_id"

static void bind(sqlite3_stmt *st, const void *rec)
{
	const council_member *r = rec;

	cdb_bind_id(st, 1, r->council_id);
	cdb_bind_text(st, 2, r->name);
	cdb_bind_enum(st, 3, COUNCIL_ENUM_ROLE, (int)r->role);
	cdb_bind_text(st, 4, r->represents);
	cdb_bind_enum(st, 5, COUNCIL_ENUM_SIDE, (int)r->side);
	cdb_bind_text(st, 6, r->delegated_by);
	cdb_bind_date(st, 7, &r->term_start);
	cdb_bind_date(st, 8, &r->term_end);
	cdb_bind_id(st, 9, r->source_id);
}

/* Fills rec from a row of "SELECT id, COLS"; strings borrowed from st. */
static void read_row(sqlite3_stmt *st, void *rec)
{
	council_member *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->council_id = sqlite3_column_int64(st, 1);
	r->name = (char *)cdb_col_text(st, 2);
	r->role = (council_role)cdb_col_enum(st, 3, COUNCIL_ENUM_ROLE);
	r->represents = (char *)cdb_col_text(st, 4);
	r->side = (council_side)cdb_col_enum(st, 5, COUNCIL_ENUM_SIDE);
	r->delegated_by = (char *)cdb_col_text(st, 6);
	cdb_col_date(st, 7, &r->term_start);
	cdb_col_date(st, 8, &r->term_end);
	r->source_id = sqlite3_column_int64(st, 9);
}

static int emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_member_cb)cb)(ctx, rec);
}

static int failed(council_db *db, int rc, const void *rec)
{
	const council_member *r = rec;
	const cdb_ref refs[] = {
		{ "council", "member.council_id", r->council_id },
		{ "source_document", "member.source_id", r->source_id },
	};

	return cdb_blame_fk(db, rc, refs, sizeof refs / sizeof refs[0]);
}

static const size_t strings[] = {
	offsetof(council_member, name), offsetof(council_member, represents),
	offsetof(council_member, delegated_by),
};

/* Every add and update also settles the person the row is of (people.c;
 * within an import's file, from the rows it read once for the file).
 * Not in one savepoint with the write: a savepoint outside a transaction
 * begins a deferred one, whose first write fails at once when another
 * writer moved the snapshot (tests/reliability/concurrency.py); each write
 * here takes the write lock on its own instead.  A settle that fails leaves
 * the row without a person, which the next settle of its council gives it. */
static int settle(council_db *db, council_id id, council_id council, int update)
{
	int rc = COUNCIL_OK;

	/* a name edited may be someone else: decided again */
	if (update)
		rc = cdb_people_recheck(db, id);
	return rc == COUNCIL_OK ? cdb_people_settle(db, council) : rc;
}

static const cdb_entity entity = {
	"member", sizeof(council_member), strings, sizeof strings / sizeof strings[0],
	read_row, emit, check, bind, 9, failed, NULL, NULL,
};

void council_member_free(council_member *r)
{
	cdb_record_free(&entity, r);
}

int council_member_add(council_id *id, council_db *db, const council_member *r)
{
	static const char sql[] = "INSERT INTO member(" COLS ") VALUES (?,?,?,?,?,?,?,?,?)";
	council_id got = 0;
	int rc = cdb_record_add(&got, db, &entity, sql, r);

	if (rc == COUNCIL_OK && id)
		*id = got;
	return rc == COUNCIL_OK ? settle(db, got, r->council_id, 0) : rc;
}

int council_member_get(council_member **out, council_db *db, council_id id)
{
	static const char sql[] = "SELECT id, " COLS " FROM member WHERE id = ?";

	return cdb_record_get((void **)out, db, &entity, sql, id);
}

int council_member_update(council_db *db, const council_member *r)
{
	static const char sql[] =
		"UPDATE member SET (" COLS ") = (?,?,?,?,?,?,?,?,?) WHERE id = ?10";
	int rc = cdb_record_update(db, &entity, sql, r);

	return rc == COUNCIL_OK ? settle(db, r->id, r->council_id, 1) : rc;
}

/* The council's initials are listed again without the row: a name it
 * made ambiguous may be no longer.  (Not in one savepoint with the
 * delete, for the reason settle above gives.) */
int council_member_delete(council_db *db, council_id id)
{
	council_id council = 0;
	sqlite3_stmt *st;
	int rc = cdb_enter_write(db);

	if (rc != COUNCIL_OK)
		return rc;
	if ((rc = cdb_prepare(&st, db, "SELECT council_id FROM member WHERE id = ?")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		council = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	rc = cdb_record_delete(db, &entity, "DELETE FROM member WHERE id = ?", id);
	return rc == COUNCIL_OK && council ? cdb_people_settle(db, council) : rc;
}

int council_member_list(council_db *db, const council_filter *f, council_member_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if (f && f->role != -1 &&
	    (rc = cdb_check_enum(db, "filter.role", COUNCIL_ENUM_ROLE, f->role)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT id, " COLS " FROM member WHERE 1");
	sqlbuf_add_filters(&q, f, "", SQLBUF_COUNCIL | SQLBUF_SOURCE);
	if (f && f->role != -1)
		sqlbuf_add(&q, " AND role = :role");
	/* Offices first, in the order a council lists them, then names.  A
	 * filter that fixes the council or the role leaves it out of the
	 * order: the sorter would evaluate it for every row to no effect. */
	if (f && f->role != -1)
		sqlbuf_add_order(&q, f, f->council_id > 0 ? " ORDER BY name COLLATE lt, id"
		                                          : " ORDER BY council_id, name COLLATE lt, id");
	else
		sqlbuf_add_order(&q, f, " ORDER BY council_id, CASE role WHEN 'chair' THEN 0 "
		                        "WHEN 'deputy' THEN 1 WHEN 'secretary' THEN 2 ELSE 3 END, "
		                        "name COLLATE lt, id");
	return sqlbuf_stream(db, &q, f, &entity, (cdb_fn)cb, ctx);
}

/* The former name is the person's, not the organisation's (schema version
 * 14): not in council_member, whose size programs built against 0.3.0
 * fix; set on its own, and the row's person decided again with it. */
int council_member_set_former_name(council_db *db, council_id member, const char *former_name)
{
	sqlite3_stmt *st;
	council_id council = 0, person = 0;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "member.former_name", former_name, 300)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_prepare(&st, db, "SELECT council_id, person_id, former_name IS NOT ?2 "
	                      "FROM member WHERE id = ?1")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, member);
	cdb_bind_text(st, 2, former_name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		council = sqlite3_column_int64(st, 0);
		person = sqlite3_column_int64(st, 1);
		rc = sqlite3_column_int(st, 2) ? SQLITE_ROW : SQLITE_DONE;
	}
	sqlite3_reset(st);
	if (!council)
		return rc == SQLITE_DONE ? cdb_error(db, COUNCIL_ENOTFOUND, "member %lld: no such member",
		                                     (long long)member)
		                         : cdb_sqlite_error(db, rc, "member");
	if (rc != SQLITE_ROW)
		return COUNCIL_OK; /* the same already */
	if ((rc = cdb_prepare(&st, db, "UPDATE member SET former_name = ?2, person_id = NULL "
	                      "WHERE id = ?1")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, member);
	cdb_bind_text(st, 2, former_name);
	if ((rc = cdb_exec_stmt(db, st, "member")) != COUNCIL_OK ||
	    (rc = cdb_people_settle(db, council)) != COUNCIL_OK || !person)
		return rc;
	/* the person it had, when it named nobody else */
	if ((rc = cdb_prepare(&st, db, "DELETE FROM person WHERE id = ?1 AND NOT EXISTS "
	                      "(SELECT 1 FROM member WHERE person_id = ?1)")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, person);
	return cdb_exec_stmt(db, st, "member");
}

int council_member_former_name(char **out, council_db *db, council_id member)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if ((rc = cdb_enter(db)) != COUNCIL_OK ||
	    (rc = cdb_prepare(&st, db, "SELECT former_name FROM member WHERE id = ?")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, member);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = cdb_col_text(st, 0);
		rc = s && !(*out = cdb_strdup(s)) ? cdb_error(db, COUNCIL_ENOMEM, "out of memory")
		                                  : COUNCIL_OK;
	} else if (rc == SQLITE_DONE) {
		rc = cdb_error(db, COUNCIL_ENOTFOUND, "member %lld: no such member", (long long)member);
	} else {
		rc = cdb_sqlite_error(db, rc, "member");
	}
	sqlite3_reset(st);
	return rc;
}
