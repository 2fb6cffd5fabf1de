/* SPDX-License-Identifier: MIT */
/*
 * council.c -- councils: create, read, update, delete (refused while other
 * rows depend on the council, unless cascading), list, and finding a
 * council by a part of its name typed without diacritics.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sqlbuf.h"
#include "utf8.h"

void council_council_init(council_council *r)
{
	memset(r, 0, sizeof *r);
	r->kind = COUNCIL_KIND_BO;
	r->size = r->seats_municipality = r->seats_community = -1;
}

void council_council_free(council_council *r)
{
	if (!r)
		return;
	cdb_free_const(r->name);
	cdb_free_const(r->municipality);
	cdb_free_const(r->founding_act);
	free(r);
}

static int validate(council_db *db, const council_council *r)
{
	int rc;

	if ((rc = cdb_require_text(db, "council.name", r->name, 500)) != COUNCIL_OK)
		return rc;
	if (r->municipality && (rc = cdb_require_text(db, "council.municipality",
	                                               r->municipality, 200)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_check_enum(db, "council.kind", COUNCIL_ENUM_KIND, (int)r->kind)) != COUNCIL_OK)
		return rc;
	if (r->size > 1000 || r->seats_municipality > 1000 || r->seats_community > 1000)
		return cdb_error(db, COUNCIL_EINVAL, "council.size: more than 1000 seats");
	return COUNCIL_OK;
}

/* Columns in the order every statement here binds and reads them. */
#define COLS "name, municipality, kind, founding_act, size, seats_municipality, " \
             "seats_community, source_id"

static void bind_fields(sqlite3_stmt *st, const council_council *r)
{
	cdb_bind_text(st, 1, r->name);
	cdb_bind_text(st, 2, r->municipality);
	cdb_bind_enum(st, 3, COUNCIL_ENUM_KIND, (int)r->kind);
	cdb_bind_text(st, 4, r->founding_act);
	cdb_bind_opt_int(st, 5, r->size);
	cdb_bind_opt_int(st, 6, r->seats_municipality);
	cdb_bind_opt_int(st, 7, r->seats_community);
	cdb_bind_id(st, 8, r->source_id);
}

/* Fills r from a row of "SELECT id, COLS"; strings borrowed from st. */
static void read_row(sqlite3_stmt *st, council_council *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->name = (char *)cdb_col_text(st, 1);
	r->municipality = (char *)cdb_col_text(st, 2);
	r->kind = (council_kind)cdb_col_enum(st, 3, COUNCIL_ENUM_KIND);
	r->founding_act = (char *)cdb_col_text(st, 4);
	r->size = (int)cdb_col_opt_int(st, 5);
	r->seats_municipality = (int)cdb_col_opt_int(st, 6);
	r->seats_community = (int)cdb_col_opt_int(st, 7);
	r->source_id = sqlite3_column_int64(st, 8);
}

int council_add(council_id *id, council_db *db, const council_council *r)
{
	/* name_key from the bound name: the key of the text as stored (NFC). */
	static const char sql[] =
		"INSERT INTO council(" COLS ", name_key) VALUES (?,?,?,?,?,?,?,?,lt_key(?1))";
	sqlite3_stmt *st;
	int rc;

	if ((rc = cdb_enter_write(db)) != COUNCIL_OK)
		return rc;
	if ((rc = validate(db, r)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	bind_fields(st, r);
	if ((rc = cdb_exec_stmt(db, st, "council")) != COUNCIL_OK) {
		if (rc == COUNCIL_EEXISTS)
			return cdb_error(db, rc, "council.name: a council named \"%s\" already exists",
			                 r->name);
		return rc;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(db->sql);
	return COUNCIL_OK;
}

int council_get(council_council **out, council_db *db, council_id id)
{
	static const char sql[] = "SELECT id, " COLS " FROM council WHERE id = ?";
	sqlite3_stmt *st;
	council_council row, *r;
	int rc, oom = 0;

	*out = NULL;
	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return cdb_error(db, COUNCIL_ENOTFOUND, "council %lld: no such council", (long long)id);
	}
	if (rc != SQLITE_ROW) {
		rc = sqlite3_reset(st);
		return cdb_sqlite_error(db, rc, "council");
	}
	read_row(st, &row);
	r = malloc(sizeof *r);
	if (!r) {
		sqlite3_reset(st);
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	}
	*r = row;
	r->name = cdb_col_dup(st, 1, &oom);
	r->municipality = cdb_col_dup(st, 2, &oom);
	r->founding_act = cdb_col_dup(st, 4, &oom);
	sqlite3_reset(st);
	if (oom) {
		council_council_free(r);
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	}
	*out = r;
	return COUNCIL_OK;
}

int council_update(council_db *db, const council_council *r)
{
	static const char sql[] =
		"UPDATE council SET (" COLS ", name_key) = (?,?,?,?,?,?,?,?,lt_key(?1)) WHERE id = ?9";
	sqlite3_stmt *st;
	int rc;

	if ((rc = cdb_enter_write(db)) != COUNCIL_OK)
		return rc;
	if ((rc = validate(db, r)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	bind_fields(st, r);
	sqlite3_bind_int64(st, 9, r->id);
	if ((rc = cdb_exec_stmt(db, st, "council")) != COUNCIL_OK) {
		if (rc == COUNCIL_EEXISTS)
			return cdb_error(db, rc, "council.name: a council named \"%s\" already exists",
			                 r->name);
		return rc;
	}
	return cdb_changed_or_notfound(db, "council", r->id);
}

/* The tables whose rows belong to a council, children before parents. */
static const char *const dependants[][2] = {
	{ "SELECT count(*) FROM member WHERE council_id = ?", "DELETE FROM member WHERE council_id = ?" },
	{ "SELECT count(*) FROM event WHERE council_id = ?", "DELETE FROM event WHERE council_id = ?" },
	{ "SELECT count(*) FROM meeting WHERE council_id = ?", "DELETE FROM meeting WHERE council_id = ?" },
	{ "SELECT count(*) FROM reported_figure WHERE council_id = ?", "DELETE FROM reported_figure WHERE council_id = ?" },
	{ "SELECT count(*) FROM plan WHERE council_id = ?", "DELETE FROM plan WHERE council_id = ?" },
	{ "SELECT count(*) FROM legal_act WHERE council_id = ?", "DELETE FROM legal_act WHERE council_id = ?" },
};

static int delete_council(council_db *db, council_id id, int cascade)
{
	static const char del[] = "DELETE FROM council WHERE id = ?";
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = cdb_enter_write(db)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_atomic_begin(db)) != COUNCIL_OK)
		return rc;
	for (i = 0; i < sizeof dependants / sizeof dependants[0] && rc == COUNCIL_OK; i++) {
		const char *sql = dependants[i][cascade ? 1 : 0];
		if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
			break;
		sqlite3_bind_int64(st, 1, id);
		if (cascade) {
			rc = cdb_exec_stmt(db, st, "council");
		} else if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0) {
			/* Name the first table that holds rows, so the user knows
			 * what to remove or that --cascade is wanted. */
			const char *table = strstr(sql, "FROM ") + 5;
			size_t n = strcspn(table, " ");
			rc = cdb_error(db, COUNCIL_EHASCHILDREN,
			               "council %lld: %lld %.*s row(s) refer to it; delete them first "
			               "or cascade", (long long)id, (long long)sqlite3_column_int64(st, 0),
			               (int)n, table);
			sqlite3_reset(st);
		} else {
			sqlite3_reset(st);
		}
	}
	if (rc == COUNCIL_OK && (rc = cdb_prepare(&st, db, del)) == COUNCIL_OK) {
		sqlite3_bind_int64(st, 1, id);
		if ((rc = cdb_exec_stmt(db, st, "council")) == COUNCIL_OK)
			rc = cdb_changed_or_notfound(db, "council", id);
	}
	return cdb_atomic_end(db, rc);
}

int council_delete(council_db *db, council_id id)
{
	return delete_council(db, id, 0);
}

int council_delete_cascade(council_db *db, council_id id)
{
	return delete_council(db, id, 1);
}

int council_list(council_db *db, const council_filter *f, council_council_cb cb, void *ctx)
{
	sqlbuf q;
	sqlite3_stmt *st;
	council_council row;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK || (rc = sqlbuf_check_filter(db, f)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT id, " COLS " FROM council WHERE 1");
	if (f && f->source_id > 0)
		sqlbuf_add(&q, " AND source_id = :source");
	sqlbuf_add(&q, " ORDER BY name COLLATE lt, id");
	if (f && f->limit > 0)
		sqlbuf_add(&q, " LIMIT :limit");
	if ((rc = sqlbuf_prepare(&st, db, &q)) != COUNCIL_OK)
		return rc;
	sqlbuf_bind_filter(st, f);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, &row);
		if ((rc = cb(ctx, &row)) != 0) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	return sqlbuf_finish(db, st, rc, "council");
}

int council_find(council_id *out, council_db *db, const char *spec)
{
	static const char sql[] = "SELECT id, name FROM council ORDER BY name COLLATE lt, id";
	sqlite3_stmt *st;
	char *want, *p;
	council_id exact = 0, part = 0;
	int n_exact = 0, n_part = 0, rc;
	char candidates[512] = "";
	size_t used = 0;

	*out = 0;
	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if (!spec || !*spec)
		return cdb_error(db, COUNCIL_EINVAL, "council: empty name");
	for (p = (char *)spec; *p >= '0' && *p <= '9'; p++)
		;
	if (!*p) {
		council_id id = strtoll(spec, NULL, 10);
		if ((rc = cdb_require_row(db, "council", "council", id)) != COUNCIL_OK)
			return rc;
		*out = id;
		return COUNCIL_OK;
	}
	if (!utf8_valid(spec, strlen(spec)))
		return cdb_error(db, COUNCIL_EINVAL, "council: name is not valid UTF-8");
	want = utf8_fold(spec, strlen(spec));
	if (!want)
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK) {
		free(want);
		return rc;
	}
	/* A registry holds at most a few hundred councils: folding each name
	 * here is cheaper than keeping a folded copy in the schema in step. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = cdb_col_text(st, 1);
		char *have = utf8_fold(name, strlen(name));
		if (!have) {
			sqlite3_reset(st);
			free(want);
			return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		}
		if (strcmp(have, want) == 0) {
			exact = sqlite3_column_int64(st, 0);
			n_exact++;
		} else if (strstr(have, want)) {
			part = sqlite3_column_int64(st, 0);
			n_part++;
			if (used < sizeof candidates - 1) {
				int w = snprintf(candidates + used, sizeof candidates - used, "%s%lld \"%s\"",
				                 used ? ", " : "", (long long)part, name);
				used = w < 0 ? used : used + (size_t)w;
			}
		}
		free(have);
	}
	free(want);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return cdb_sqlite_error(db, rc, "council");
	if (n_exact == 1) {
		*out = exact;
		return COUNCIL_OK;
	}
	if (n_part == 1) {
		*out = part;
		return COUNCIL_OK;
	}
	if (n_part == 0)
		return cdb_error(db, COUNCIL_ENOTFOUND, "council \"%s\": no council matches", spec);
	return cdb_error(db, COUNCIL_EEXISTS, "council \"%s\" is ambiguous: %s", spec, candidates);
}
