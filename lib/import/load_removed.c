/* SPDX-License-Identifier: MIT */
/*
 * load_removed.c -- what a person did to a record that a document's next
 * import must not undo, kept by the record's natural key: records a
 * person removed (schema.sql, table removed: noted when the library's
 * *_delete calls or a reviewed extraction remove one, looked up when an
 * import would insert it again), and keys a person corrected (table
 * record_key: an event's date changed with `council event edit`, so
 * that the document's old key still finds the record).  Not here: matching stored
 * records (load_match.c), the values a person set (load_review.c).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_int.h"

/* The kinds of record whose removal is kept, by their entity's name and
 * their table: the query giving a stored record's council, its key as
 * the importer builds it (load_match.c; an event's title is folded
 * here, load_title_key), and whether a document states it (a person's
 * own record, once removed, has no document to come back from).
 * Councils and plans are left out: removing one removes what hangs on it,
 * and a council or plan kept out would leave a document's records nowhere
 * to go. */
#define STATED(T) "(t.source_id IS NOT NULL OR EXISTS (SELECT 1 FROM record_source r " \
	"WHERE r.table_name = '" T "' AND r.record_id = t.id))"
static const struct removed_kind {
	const char *entity;
	const char *table;
	const char *sql; /* ?1 id -> council_id, key, title to fold or NULL, stated */
} kinds[] = {
	{ "event", "event", "SELECT t.council_id, t.date_start, t.title, " STATED("event")
	  " FROM event t WHERE t.id = ?1" },
	{ "member", "member", "SELECT t.council_id, t.name, NULL, " STATED("member")
	  " FROM member t WHERE t.id = ?1" },
	{ "meeting", "meeting", "SELECT t.council_id, t.date_start, NULL, " STATED("meeting")
	  " FROM meeting t WHERE t.id = ?1" },
	{ "figure", "reported_figure", "SELECT t.council_id, t.year || ' ' || t.metric || ' ' || "
	  "t.value, NULL, " STATED("reported_figure") " FROM reported_figure t WHERE t.id = ?1" },
	{ "act", "legal_act", "SELECT t.council_id, t.number, NULL, " STATED("legal_act")
	  " FROM legal_act t WHERE t.id = ?1" },
	{ "measure", "measure", "SELECT p.council_id, t.plan_id || ' ' || t.seq, NULL, "
	  STATED("measure") " FROM measure t JOIN plan p ON p.id = t.plan_id WHERE t.id = ?1" },
	{ "fulfilment", "measure_fulfilment", "SELECT p.council_id, t.measure_id || ' ' || t.year, "
	  "NULL, " STATED("measure_fulfilment") " FROM measure_fulfilment t JOIN measure m "
	  "ON m.id = t.measure_id JOIN plan p ON p.id = m.plan_id WHERE t.id = ?1" },
};
#undef STATED

/* Whether the database keeps removals (schema version 7; a handle opened
 * with COUNCIL_OPEN_NOMIGRATE on an older one does not). */
static int keeps_removals(council_db *db)
{
	return sqlite3_table_column_metadata(db->sql, "main", "removed", "key", NULL, NULL, NULL,
	                                     NULL, NULL) == SQLITE_OK;
}

static const struct removed_kind *kind_of(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i].entity) == 0 || strcmp(kind, kinds[i].table) == 0)
			return &kinds[i];
	return NULL;
}

/* The natural key of stored record id of kind k, as the importer builds
 * it, and its council; *key NULL (no error) when no document states it or
 * there is no such row. */
static int stored_key(char **key, council_id *council, council_db *db,
                      const struct removed_kind *k, council_id id)
{
	sqlite3_stmt *st;
	int rc;

	*key = NULL;
	*council = 0;
	if ((rc = cdb_prepare(&st, db, k->sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? COUNCIL_OK : cdb_sqlite_error(db, rc, "reading a record's key");
	}
	*council = sqlite3_column_int64(st, 0);
	if (!sqlite3_column_int(st, 3)) {
		sqlite3_reset(st);
		return COUNCIL_OK;
	}
	if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
		char *t = load_title_key(cdb_col_text(st, 2));
		*key = t ? load_str_printf("%s %s", cdb_col_text(st, 1), t) : NULL;
		free(t);
	} else {
		*key = cdb_strdup(cdb_col_text(st, 1));
	}
	sqlite3_reset(st);
	return *key ? COUNCIL_OK : cdb_error(db, COUNCIL_ENOMEM, "out of memory");
}

int cdb_removed_note(council_db *db, const char *kind, council_id id, const char *origin)
{
	static const char add[] =
		"INSERT OR REPLACE INTO removed(table_name, council_id, key, record_id, origin) "
		"VALUES (?1, ?2, ?3, ?4, ?5)";
	const struct removed_kind *k = kind_of(kind);
	council_id council;
	char *key = NULL;
	int rc;

	if (!k || !keeps_removals(db))
		return COUNCIL_OK;
	/* no such record: the delete that follows says so */
	if ((rc = stored_key(&key, &council, db, k, id)) != COUNCIL_OK || !key)
		return rc;
	rc = load_run(db, add, "titit", k->table, (int64_t)council, key, (int64_t)id, origin);
	free(key);
	return rc;
}

/* ---- keys a person corrected --------------------------------------------- */

/* The kinds whose corrected keys record_key keeps (those the importer
 * finds by a text key: load_match.c, find_record). */
static const struct removed_kind *keyed_kind(council_db *db, const char *kind)
{
	const struct removed_kind *k = kind_of(kind);

	if (!k || (strcmp(k->table, "event") != 0 && strcmp(k->table, "member") != 0 &&
	           strcmp(k->table, "meeting") != 0 && strcmp(k->table, "legal_act") != 0))
		return NULL;
	return sqlite3_table_column_metadata(db->sql, "main", "record_key", "key", NULL, NULL, NULL,
	                                     NULL, NULL) == SQLITE_OK ? k : NULL;
}

int cdb_record_key(char **key, council_db *db, const char *kind, council_id id)
{
	const struct removed_kind *k = keyed_kind(db, kind);
	council_id council;

	*key = NULL;
	return k ? stored_key(key, &council, db, k, id) : COUNCIL_OK;
}

int cdb_record_key_keep(council_db *db, const char *kind, council_id id, const char *old_key)
{
	const struct removed_kind *k = keyed_kind(db, kind);
	council_id council;
	char *now = NULL;
	int rc;

	if (!k || !old_key)
		return COUNCIL_OK;
	if ((rc = stored_key(&now, &council, db, k, id)) != COUNCIL_OK || !now)
		return rc;
	rc = strcmp(now, old_key) == 0 ? COUNCIL_OK
	     : load_run(db, "INSERT OR REPLACE INTO record_key(table_name, council_id, key, record_id) "
	                "VALUES (?, ?, ?, ?)", "titi", k->table, (int64_t)council, old_key, (int64_t)id);
	free(now);
	return rc;
}

int cdb_removed_forget(council_db *db, const char *table, council_id id)
{
	if (!keeps_removals(db))
		return COUNCIL_OK;
	return load_run(db, "DELETE FROM removed WHERE table_name = ? AND record_id = ?", "ti", table,
	                (int64_t)id);
}

int load_kept_out(loadctx *lc, const char *table, const char *key, const char *fmt, ...)
{
	static const char find[] =
		"SELECT origin, at, record_id FROM removed WHERE table_name = ?1 AND council_id = ?2 "
		"AND key = ?3";
	sqlite3_stmt *st;
	char what[300], by[600];
	va_list ap;
	int rc;

	if (lc->removals < 0)
		lc->removals = keeps_removals(lc->db);
	if (!lc->removals)
		return COUNCIL_OK;
	if ((rc = cdb_prepare(&st, lc->db, find)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, lc->council);
	cdb_bind_text(st, 3, key);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? COUNCIL_OK : cdb_sqlite_error(lc->db, rc, "import");
	}
	{
		const char *origin = cdb_col_text(st, 0);
		/* 'review PATH SHA256': the path, which may hold spaces */
		const char *sp = origin ? strrchr(origin, ' ') : NULL;
		if (origin && strncmp(origin, "review ", 7) == 0 && sp > origin + 7)
			snprintf(by, sizeof by, "the review %.*s", (int)(sp - origin - 7), origin + 7);
		else
			snprintf(by, sizeof by, "hand");
		snprintf(by + strlen(by), sizeof by - strlen(by), " on %s (it was %s %lld)",
		         cdb_col_text(st, 1), table, (long long)sqlite3_column_int64(st, 2));
	}
	sqlite3_reset(st);
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	/* A reviewed extraction listing it again is a person bringing it
	 * back; so is the flag. */
	if (lc->review || lc->overwrite) {
		if (!lc->review) {
			lc->n->pub.overwritten_reviewed++;
			load_note(lc->n, "%s: removed by %s; stored again (--overwrite-reviewed)", what, by);
		}
		return load_run(lc->db, "DELETE FROM removed WHERE table_name = ? AND council_id = ? "
		                "AND key = ?", "tit", table, (int64_t)lc->council, key);
	}
	lc->n->pub.kept_reviewed++;
	load_note(lc->n, "%s: kept out, removed by %s (--overwrite-reviewed brings it back)", what, by);
	return LOAD_KEPT_OUT;
}
