/* SPDX-License-Identifier: MIT */
/*
 * history.c -- the library's side of the history (schema.sql's triggers
 * write it): the origin the library names in change_context around its own
 * writes, reading the history back, and restoring a removed record from it.
 * The transaction bookkeeping that calls the origin helpers is in db.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sqlbuf.h"

/* ---- record types -------------------------------------------------------- */

/* The tables the history covers, under the words the council tool uses for
 * them.  Table names reach SQL only from this list. */
static const struct record_type {
	const char *type;
	const char *table;
	const char *link;    /* the table whose rows it owns under its id, or NULL */
	int restorable;      /* rows with an id of their own */
} record_types[] = {
	{ "council", "council", NULL, 1 },
	{ "member", "member", NULL, 1 },
	{ "meeting", "meeting", NULL, 1 },
	{ "figure", "reported_figure", NULL, 1 },
	{ "plan", "plan", NULL, 1 },
	{ "measure", "measure", "measure_responsible", 1 },
	{ "fulfilment", "measure_fulfilment", NULL, 1 },
	{ "event", "event", "event_measure", 1 },
	{ "participants", "event_participants", NULL, 1 },
	{ "act", "legal_act", NULL, 1 },
	{ "source", "source_document", NULL, 1 },
	{ "attendance", "attendance", NULL, 1 },
	{ "quorum", "meeting_quorum", NULL, 1 },
	{ "event_measure", "event_measure", NULL, 0 },
	{ "measure_responsible", "measure_responsible", NULL, 0 },
};
#define N_TYPES (sizeof record_types / sizeof record_types[0])

static const struct record_type *find_type(const char *name)
{
	size_t i;

	for (i = 0; name && i < N_TYPES; i++)
		if (strcmp(name, record_types[i].type) == 0 || strcmp(name, record_types[i].table) == 0)
			return &record_types[i];
	return NULL;
}

static int bad_type(council_db *db, const char *name)
{
	return cdb_error(db, COUNCIL_EINVAL, "record type \"%s\": expected council, member, "
	                 "meeting, figure, plan, measure, fulfilment, event, participants, act, "
	                 "source, attendance or quorum", name ? name : "");
}

/* ---- origin -------------------------------------------------------------- */

static int flush_ranges(council_db *db);

int cdb_origin_set(council_db *db, const char *kind, const char *document,
                   const char *sha256)
{
	char *doc = NULL;
	int rc = COUNCIL_OK;

	/* The import that ends (or gives way to another) records its inserts
	 * first, under its own origin; its caller commits or rolls back. */
	if (db->ranges_open && !sqlite3_get_autocommit(db->sql))
		rc = flush_ranges(db);
	db->ranges_open = 0;
	if (kind && document && !(doc = cdb_strdup(document)))
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	snprintf(db->import_kind, sizeof db->import_kind, "%s", kind ? kind : "");
	snprintf(db->import_sha, sizeof db->import_sha, "%s", kind && sha256 ? sha256 : "");
	free(db->import_doc);
	db->import_doc = doc;
	db->ctx_valid = 0;
	return rc;
}

/* Whether the database has the history (a handle opened with
 * COUNCIL_OPEN_NOMIGRATE on an older schema has none); asked once. */
static int has_history(council_db *db)
{
	if (db->history < 0)
		db->history = sqlite3_table_column_metadata(db->sql, "main", "change_context", "origin_id",
		                                            NULL, NULL, NULL, NULL, NULL) == SQLITE_OK;
	return db->history;
}

/* Steps an internal statement of the origin bookkeeping to its end.  Not
 * cdb_exec_stmt, which would call back here. */
static int step_done(council_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return COUNCIL_OK;
	}
	return cdb_sqlite_error(db, sqlite3_reset(st), "recording the change's origin");
}

int cdb_origin_sync(council_db *db)
{
	static const char find[] =
		"SELECT id FROM change_origin WHERE kind = ?1 AND document IS ?2 AND sha256 IS ?3";
	static const char add[] = "INSERT INTO change_origin(kind, document, sha256) VALUES (?1, ?2, ?3)";
	static const char set[] = "INSERT OR REPLACE INTO change_context(id, origin_id) VALUES (1, ?1)";
	const int import = db->import_kind[0] != '\0';
	const char *kind = import ? db->import_kind : db->origin_label;
	const char *doc = import ? db->import_doc : NULL;
	const char *sha = import && db->import_sha[0] ? db->import_sha : NULL;
	sqlite3_int64 id = 0, last = sqlite3_last_insert_rowid(db->sql);
	sqlite3_stmt *st;
	int rc;

	if (db->ctx_valid || !has_history(db))
		return COUNCIL_OK;
	if ((rc = cdb_prepare(&st, db, find)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	cdb_bind_text(st, 2, doc);
	cdb_bind_text(st, 3, sha);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		return cdb_sqlite_error(db, sqlite3_reset(st), "recording the change's origin");
	sqlite3_reset(st);
	if (!id) {
		if ((rc = cdb_prepare(&st, db, add)) != COUNCIL_OK)
			return rc;
		sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
		cdb_bind_text(st, 2, doc);
		cdb_bind_text(st, 3, sha);
		if ((rc = step_done(db, st)) != COUNCIL_OK)
			return rc;
		id = sqlite3_last_insert_rowid(db->sql);
	}
	if ((rc = cdb_prepare(&st, db, set)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = step_done(db, st)) != COUNCIL_OK)
		return rc;
	/* An import's inserts are noted as ranges (schema.sql, change_range);
	 * its source document's own insert is kept whole. */
	if (import && !db->ranges_open) {
		static const char open_ranges[] =
			"INSERT OR IGNORE INTO change_range(table_name, lo) VALUES"
			" ('council', (SELECT coalesce(max(id), 0) + 1 FROM council)),"
			" ('member', (SELECT coalesce(max(id), 0) + 1 FROM member)),"
			" ('meeting', (SELECT coalesce(max(id), 0) + 1 FROM meeting)),"
			" ('reported_figure', (SELECT coalesce(max(id), 0) + 1 FROM reported_figure)),"
			" ('plan', (SELECT coalesce(max(id), 0) + 1 FROM plan)),"
			" ('measure', (SELECT coalesce(max(id), 0) + 1 FROM measure)),"
			" ('measure_fulfilment', (SELECT coalesce(max(id), 0) + 1 FROM measure_fulfilment)),"
			" ('event', (SELECT coalesce(max(id), 0) + 1 FROM event)),"
			" ('event_participants', (SELECT coalesce(max(id), 0) + 1 FROM event_participants)),"
			" ('legal_act', (SELECT coalesce(max(id), 0) + 1 FROM legal_act))";
		if ((rc = cdb_prepare(&st, db, open_ranges)) != COUNCIL_OK ||
		    (rc = step_done(db, st)) != COUNCIL_OK)
			return rc;
		db->ranges_open = 1;
	}
	/* Callers read the rowid of their own last insert after this. */
	sqlite3_set_last_insert_rowid(db->sql, last);
	db->ctx_valid = db->ctx_dirty = 1;
	return COUNCIL_OK;
}

/* The statement writing one table's inserts of the import ending, ids ?1
 * and up, to the history: a row per record, as it is when the import is
 * done, with the JSON object its insert trigger would have written -- the
 * columns that trigger names (not the derived ones, schema.sql says why),
 * read from it rather than listed again here.  table is a name
 * change_range holds, from the library's own list.  Built once per handle
 * and table: preparing ten statements per imported file cost more than
 * the inserts they record. */
static int flush_stmt(sqlite3_stmt **out, council_db *db, const char *table)
{
	static const char cols[] =
		"SELECT group_concat(printf('%Q, \"%w\"', c.name, c.name), ', ')"
		"  FROM pragma_table_info(?1) c, sqlite_schema t"
		" WHERE t.name = ?1 || '_history_insert'"
		"   AND instr(t.sql, '''' || c.name || ''', new.' || c.name) > 0";
	sqlite3_stmt *st;
	char *sql;
	size_t i;
	int rc;

	for (i = 0; i < CDB_FLUSH_TABLES && db->flush[i].stmt; i++)
		if (strcmp(db->flush[i].table, table) == 0) {
			*out = db->flush[i].stmt;
			sqlite3_reset(*out);
			return COUNCIL_OK;
		}
	if (i == CDB_FLUSH_TABLES || strlen(table) >= sizeof db->flush[i].table)
		return cdb_error(db, COUNCIL_ERROR, "recording an import's inserts: table %s unknown",
		                 table);
	if ((rc = cdb_prepare(&st, db, cols)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL) {
		sqlite3_reset(st);
		return cdb_error(db, COUNCIL_ECORRUPT, "recording an import's inserts: no table %s",
		                 table);
	}
	sql = sqlite3_mprintf("INSERT INTO history(changed_at, origin_id, table_name, record_id, op,"
	                      " new_value) SELECT strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'),"
	                      " (SELECT origin_id FROM change_context), %Q, id, 'insert', json_object(%s)"
	                      " FROM \"%w\" WHERE id >= ?1 ORDER BY id",
	                      table, (const char *)sqlite3_column_text(st, 0), table);
	sqlite3_reset(st);
	if (!sql)
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	rc = sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &db->flush[i].stmt, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, "recording an import's inserts");
	snprintf(db->flush[i].table, sizeof db->flush[i].table, "%s", table);
	*out = db->flush[i].stmt;
	return COUNCIL_OK;
}

/* Turns what an import inserted into history rows, under the import's
 * origin, and ends the noting of ranges (schema.sql, change_range): once
 * per table, set-based, rather than a trigger per insert.  Before schema
 * version 7 a row per table stood for the ids it inserted, without values;
 * council_history_list and the changes view still read those. */
static int flush_ranges(council_db *db)
{
	static const char ranges[] = "SELECT table_name, lo FROM change_range ORDER BY table_name";
	static const char done[] = "DELETE FROM change_range";
	sqlite3_stmt *st;
	int rc, step;

	if (!db->ranges_open)
		return COUNCIL_OK;
	if ((rc = cdb_origin_sync(db)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_prepare(&st, db, ranges)) != COUNCIL_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_stmt *ins = NULL;
		if ((rc = flush_stmt(&ins, db, (const char *)sqlite3_column_text(st, 0))) != COUNCIL_OK) {
			sqlite3_reset(st);
			return rc;
		}
		sqlite3_bind_int64(ins, 1, sqlite3_column_int64(st, 1));
		if ((rc = step_done(db, ins)) != COUNCIL_OK) {
			sqlite3_reset(st);
			return rc;
		}
	}
	if (step != SQLITE_DONE)
		return cdb_sqlite_error(db, sqlite3_reset(st), "recording an import's inserts");
	sqlite3_reset(st);
	if ((rc = cdb_prepare(&st, db, done)) != COUNCIL_OK || (rc = step_done(db, st)) != COUNCIL_OK)
		return rc;
	db->ranges_open = 0;
	return COUNCIL_OK;
}

int cdb_origin_clear(council_db *db)
{
	static const char clear[] = "DELETE FROM change_context";
	sqlite3_stmt *st;
	int rc;

	if (!db->ctx_dirty || !db->sql || sqlite3_get_autocommit(db->sql))
		return COUNCIL_OK;
	if ((rc = flush_ranges(db)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_prepare(&st, db, clear)) != COUNCIL_OK || (rc = step_done(db, st)) != COUNCIL_OK)
		return rc;
	db->ctx_valid = db->ctx_dirty = 0;
	return COUNCIL_OK;
}

/* However a transaction ends, change_context is empty afterwards (cleared
 * before a commit, undone by a rollback): the next write sets it again. */
static int on_commit(void *arg)
{
	council_db *db = arg;

	db->ctx_valid = db->ctx_dirty = db->ranges_open = 0;
	return 0;
}

static void on_rollback(void *arg)
{
	council_db *db = arg;

	db->ctx_valid = db->ctx_dirty = db->ranges_open = 0;
}

void cdb_origin_hooks(council_db *db)
{
	db->history = -1;
	sqlite3_commit_hook(db->sql, on_commit, db);
	sqlite3_rollback_hook(db->sql, on_rollback, db);
}

int council_origin_set(council_db *db, const char *label)
{
	static const char *const reserved[] = { "import", "review", "sql" };
	size_t n, i;
	int rc = cdb_enter(db);

	if (rc != COUNCIL_OK)
		return rc;
	if (!label || !*label)
		return cdb_error(db, COUNCIL_EINVAL, "origin: required");
	n = strlen(label);
	if (n > sizeof db->origin_label - 1 ||
	    strspn(label, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != n)
		return cdb_error(db, COUNCIL_EINVAL, "origin \"%.40s\": 1 to 32 letters, digits, '-' "
		                 "or '_'", label);
	for (i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (strcmp(label, reserved[i]) == 0)
			return cdb_error(db, COUNCIL_EINVAL, "origin \"%s\": reserved for the history's "
			                 "own use", label);
	memcpy(db->origin_label, label, n + 1);
	db->ctx_valid = 0;
	return COUNCIL_OK;
}

/* ---- reading ------------------------------------------------------------- */

void council_history_filter_init(council_history_filter *f)
{
	f->type = NULL;
	f->record_id = COUNCIL_ALL;
	f->source_id = COUNCIL_ALL;
	f->limit = 0;
}

int council_history_list(council_db *db, const council_history_filter *f,
                         council_change_cb cb, void *ctx)
{
	/* Update values are stored as they were (an integer stays one) and
	 * handed on as JSON scalars; whole records are JSON already.  A row of
	 * an import's inserts stands for the ids record_id..record_last: one
	 * record asked for is looked up in the ranges (history_ranges), other
	 * lists expand each range to a change per record. */
	static const char values[] =
		" h.changed_at, h.op, coalesce(o.kind, 'sql'), o.document, o.sha256, h.field,"
		" CASE WHEN h.field IS NULL THEN h.old_value ELSE json_quote(h.old_value) END,"
		" CASE WHEN h.field IS NULL THEN h.new_value ELSE json_quote(h.new_value) END";
	/* Every version of the document imported (a new version keeps its
	 * source id and path), and the reviews of it, known by their SHA-256. */
	static const char by_source[] =
		" AND h.origin_id IN (SELECT id FROM change_origin"
		" WHERE (kind = 'import' AND document = ?4) OR (kind = 'review' AND sha256 IN"
		"        (SELECT sha256 FROM source_review WHERE source_id = ?5)))";
	const struct record_type *t = NULL;
	council_source *src = NULL;
	int limit = f && f->limit > 0;
	sqlbuf q;
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if (f && f->type && !(t = find_type(f->type)))
		return bad_type(db, f->type);
	if (f && (f->record_id == 0 || f->record_id < COUNCIL_ALL))
		return cdb_error(db, COUNCIL_EINVAL, "filter.record_id: %lld is no record (use "
		                 "COUNCIL_ALL)", (long long)f->record_id);
	if (f && (f->source_id == 0 || f->source_id < COUNCIL_ALL))
		return cdb_error(db, COUNCIL_EINVAL, "filter.source_id: %lld is no source (use "
		                 "COUNCIL_ALL)", (long long)f->source_id);
	if (f && f->limit < 0)
		return cdb_error(db, COUNCIL_EINVAL, "filter.limit: %lld is negative",
		                 (long long)f->limit);
	if (f && f->record_id > 0 && !t)
		return cdb_error(db, COUNCIL_EINVAL, "filter.record_id: a record id needs its type");
	if (f && f->source_id > 0 && (rc = council_source_get(&src, db, f->source_id)) != COUNCIL_OK)
		return rc;
	/* The latest `limit` changes, handed on oldest first all the same. */
	sqlbuf_init(&q, limit ? "SELECT * FROM (" : "");
	if (t && f->record_id > 0) {
		sqlbuf_add(&q, "SELECT h.id, h.table_name, ?3 AS record_id,");
		sqlbuf_add(&q, values);
		sqlbuf_add(&q, " FROM history h LEFT JOIN change_origin o ON o.id = h.origin_id"
		               " WHERE ((h.table_name IN (?1, ?2) AND h.record_id = ?3)"
		               "     OR (h.table_name = ?1 AND h.record_last IS NOT NULL"
		               "         AND h.record_id <= ?3 AND h.record_last >= ?3))");
		if (src)
			sqlbuf_add(&q, by_source);
		sqlbuf_add(&q, limit ? " ORDER BY h.id DESC LIMIT ?6) ORDER BY 1" : " ORDER BY h.id");
	} else {
		sqlbuf_add(&q, "WITH RECURSIVE sel(id, rid, last) AS ("
		               " SELECT h.id, h.record_id, h.record_last FROM history h WHERE 1");
		if (t)
			sqlbuf_add(&q, " AND h.table_name = ?1");
		if (src)
			sqlbuf_add(&q, by_source);
		sqlbuf_add(&q, " UNION ALL SELECT id, rid + 1, last FROM sel WHERE rid < last)"
		               " SELECT h.id, h.table_name, s.rid AS record_id,");
		sqlbuf_add(&q, values);
		sqlbuf_add(&q, " FROM sel s JOIN history h ON h.id = s.id"
		               " LEFT JOIN change_origin o ON o.id = h.origin_id");
		sqlbuf_add(&q, limit ? " ORDER BY h.id DESC, s.rid DESC LIMIT ?6) ORDER BY 1, 3"
		                     : " ORDER BY h.id, s.rid");
	}
	if ((rc = sqlbuf_prepare(&st, db, &q)) != COUNCIL_OK) {
		council_source_free(src);
		return rc;
	}
	if (t) {
		sqlite3_bind_text(st, 1, t->table, -1, SQLITE_STATIC);
		cdb_bind_text(st, 2, t->link);
		if (f->record_id > 0)
			sqlite3_bind_int64(st, 3, f->record_id);
	}
	if (src) {
		sqlite3_bind_text(st, 4, src->path, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 5, src->id);
		council_source_free(src);
	}
	if (limit)
		sqlite3_bind_int64(st, 6, f->limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		council_change c;
		int stop;
		c.id = sqlite3_column_int64(st, 0);
		c.table = cdb_col_text(st, 1);
		c.record_id = sqlite3_column_int64(st, 2);
		c.changed_at = cdb_col_text(st, 3);
		c.operation = cdb_col_text(st, 4);
		c.origin = cdb_col_text(st, 5);
		c.document = cdb_col_text(st, 6);
		c.sha256 = cdb_col_text(st, 7);
		c.field = cdb_col_text(st, 8);
		c.old_value = cdb_col_text(st, 9);
		c.new_value = cdb_col_text(st, 10);
		if ((stop = cb(ctx, &c)) != 0) {
			sqlite3_finalize(st);
			return stop;
		}
	}
	return sqlbuf_finish(db, st, rc, "history");
}

/* ---- restore ------------------------------------------------------------- */

/* A row the restore brings back: its table (from record_types) and id, and
 * the whole record as the history kept it. */
typedef struct row {
	const struct record_type *type;
	council_id id;
	char *json;
} row;

typedef struct rows {
	row *v;
	size_t n, cap;
} rows;

static void rows_free(rows *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].json);
	free(r->v);
}

static int rows_push(council_db *db, rows *r, const struct record_type *t, council_id id,
                     const char *json)
{
	if (r->n == r->cap) {
		row *more = realloc(r->v, (r->cap = r->cap ? 2 * r->cap : 8) * sizeof *more);
		if (!more)
			return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		r->v = more;
	}
	r->v[r->n].type = t;
	r->v[r->n].id = id;
	if (!(r->v[r->n].json = cdb_strdup(json)))
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	r->n++;
	return COUNCIL_OK;
}

/* Whether a row of table (a literal from record_types) with id exists. */
static int row_exists(int *out, council_db *db, const char *table, council_id id)
{
	char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" WHERE id = ?", table);
	sqlite3_stmt *st = NULL;
	int rc;

	*out = 0;
	if (!sql)
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, "restore");
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW;
	return sqlbuf_finish(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, "restore");
}

/* Whether row r depends, through a foreign key whose deletion cascades, on
 * a row of set; the keys are read from the schema, so that tables added
 * later need nothing here. */
static int depends_on(int *out, council_db *db, const row *r, const rows *set)
{
	static const char sql[] =
		"SELECT f.\"table\", json_extract(?2, '$.' || f.\"from\")"
		"  FROM pragma_foreign_key_list(?1) f WHERE f.on_delete = 'CASCADE'";
	sqlite3_stmt *st;
	size_t i;
	int rc;

	*out = 0;
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, r->type->table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->json, -1, SQLITE_STATIC);
	while (!*out && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *parent = cdb_col_text(st, 0);
		council_id id = sqlite3_column_int64(st, 1);
		for (i = 0; i < set->n && !*out; i++)
			*out = set->v[i].id == id && strcmp(set->v[i].type->table, parent) == 0;
	}
	if (*out)
		rc = SQLITE_DONE;
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? COUNCIL_OK : cdb_sqlite_error(db, rc, "restore");
}

/* The rows the deletion of history row `at` took with it: the 'cascade'
 * rows the same statement wrote just before it (SQLite deletes the
 * dependants before the AFTER DELETE trigger of their parent runs, so
 * they precede it, parents before their own dependants when read
 * backwards), kept when they hang on the record or on a row already
 * kept.  Read backwards until a row of another statement: one that is
 * neither a cascade nor an update (a link the deletion set to NULL), or
 * of another time or origin. */
static int collect_cascade(council_db *db, rows *out, int64_t at)
{
	static const char sql[] =
		"SELECT h.table_name, h.record_id, h.old_value FROM history h, history d"
		" WHERE d.id = ?1 AND h.id < d.id AND h.id >= ?2 AND h.op = 'cascade'"
		"   AND h.changed_at = d.changed_at AND h.origin_id IS d.origin_id"
		" ORDER BY h.id DESC";
	static const char prev[] =
		"SELECT coalesce(max(h.id), 0) FROM history h, history d"
		" WHERE d.id = ?1 AND h.id < d.id AND (h.op NOT IN ('cascade', 'update')"
		"       OR h.changed_at <> d.changed_at OR h.origin_id IS NOT d.origin_id)";
	sqlite3_stmt *st;
	int64_t floor = 0;
	int rc, step;

	if ((rc = cdb_step_id(&st, db, prev, at, "history")) != COUNCIL_OK)
		return rc;
	floor = sqlite3_column_int64(st, 0) + 1;
	sqlite3_reset(st);
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, at);
	sqlite3_bind_int64(st, 2, floor);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const struct record_type *t = find_type(cdb_col_text(st, 0));
		const char *json = cdb_col_text(st, 2);
		row r;
		int dep = 0;
		if (!t || !json)
			continue; /* not a table of records: nothing to bring back */
		r.type = t;
		r.id = sqlite3_column_int64(st, 1);
		r.json = (char *)json;
		if ((rc = depends_on(&dep, db, &r, out)) != COUNCIL_OK ||
		    (dep && (rc = rows_push(db, out, t, r.id, json)) != COUNCIL_OK)) {
			sqlite3_reset(st);
			return rc;
		}
	}
	if (step != SQLITE_DONE)
		return cdb_sqlite_error(db, sqlite3_reset(st), "history");
	sqlite3_reset(st);
	return COUNCIL_OK;
}

/* Sets r's field to null in its JSON copy. */
static int set_null(council_db *db, row *r, const char *field)
{
	static const char sql[] = "SELECT json_set(?1, '$.' || ?2, NULL)";
	sqlite3_stmt *st;
	char *json;
	int rc;

	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, r->json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, field, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW)
		return cdb_sqlite_error(db, sqlite3_reset(st), "restore");
	json = cdb_strdup(cdb_col_text(st, 0));
	sqlite3_reset(st);
	if (!json)
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	free(r->json);
	r->json = json;
	return COUNCIL_OK;
}

/* Refuses a row whose foreign keys point at rows that are gone (and are not
 * being restored before it), naming the row to restore first.  A key
 * whose deletion sets it to NULL is set to NULL instead, as the deletion
 * of its row would have done. */
static int check_parents(council_db *db, row *r, const rows *set, size_t upto,
                         const row *main)
{
	static const char sql[] =
		"SELECT f.\"table\", f.\"from\", json_extract(?2, '$.' || f.\"from\"),"
		"       f.on_delete = 'SET NULL'"
		"  FROM pragma_foreign_key_list(?1) f";
	sqlite3_stmt *st;
	int rc;

	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, r->type->table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->json, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct record_type *pt = find_type(cdb_col_text(st, 0));
		const char *field = cdb_col_text(st, 1);
		council_id pid = sqlite3_column_int64(st, 2);
		int there = 0;
		size_t i;
		if (!pt || sqlite3_column_type(st, 2) == SQLITE_NULL)
			continue;
		for (i = 0; i < upto && !there; i++)
			there = set->v[i].id == pid && set->v[i].type == pt;
		if (!there && (rc = row_exists(&there, db, pt->table, pid)) != COUNCIL_OK)
			break;
		if (there)
			continue;
		if (sqlite3_column_int(st, 3)) {
			/* The link goes, as SET NULL would have taken it; the
			 * statement then starts again on the new text. */
			if ((rc = set_null(db, r, field)) != COUNCIL_OK)
				break;
			sqlite3_reset(st);
			sqlite3_bind_text(st, 2, r->json, -1, SQLITE_STATIC);
			continue;
		}
		if (r == main)
			rc = cdb_error(db, COUNCIL_ENOTFOUND, "%s %lld: its %s %lld (%s) is gone; restore "
			               "that first", main->type->type, (long long)main->id, pt->type,
			               (long long)pid, field);
		else
			rc = cdb_error(db, COUNCIL_ENOTFOUND, "%s %lld: %s %lld, removed with it, refers "
			               "to %s %lld (%s), which is gone; restore that first",
			               main->type->type, (long long)main->id, r->type->type,
			               (long long)r->id, pt->type, (long long)pid, field);
		break;
	}
	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		return COUNCIL_OK;
	}
	if (rc > 0)
		return cdb_sqlite_error(db, sqlite3_reset(st), "restore");
	sqlite3_reset(st);
	return rc;
}

/* Inserts r as the history kept it: the columns of its table that the JSON
 * object names (a column added since keeps its default), each value as
 * json_extract gives it -- integers as integers, text as text. */
static int insert_row(council_db *db, const row *r, const row *main)
{
	static const char names[] =
		"SELECT group_concat(printf('\"%w\"', name), ', '),"
		"       group_concat(printf('json_extract(?1, ''$.%s'')', name), ', ')"
		"  FROM pragma_table_info(?1)"
		" WHERE json_type(?2, '$.' || name) IS NOT NULL";
	sqlite3_stmt *st;
	char *sql;
	int rc;

	if ((rc = cdb_prepare(&st, db, names)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, r->type->table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->json, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL) {
		sqlite3_reset(st);
		return cdb_error(db, COUNCIL_ECORRUPT, "%s %lld: the history's copy of it is not a "
		                 "record of %s", r->type->type, (long long)r->id, r->type->table);
	}
	sql = sqlite3_mprintf("INSERT INTO \"%w\" (%s) SELECT %s", r->type->table,
	                      cdb_col_text(st, 0), cdb_col_text(st, 1));
	sqlite3_reset(st);
	if (!sql)
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, "restore");
	sqlite3_bind_text(st, 1, r->json, -1, SQLITE_STATIC);
	rc = cdb_exec_stmt(db, st, r->type->type);
	sqlite3_finalize(st);
	if (rc != COUNCIL_OK && r != main)
		return cdb_error_wrap(db, rc, "%s %lld: %s %lld, removed with it", main->type->type,
		                      (long long)main->id, r->type->type, (long long)r->id);
	if (rc != COUNCIL_OK)
		return cdb_error_wrap(db, rc, "%s %lld", main->type->type, (long long)main->id);
	return COUNCIL_OK;
}

/* Finds the latest removal of the record: *at its history row and the
 * record's JSON into set; ENOTFOUND or EEXISTS with the reason. */
static int find_removal(int64_t *at, rows *set, council_db *db, const struct record_type *t,
                        council_id id)
{
	static const char sql[] =
		"SELECT id, op, old_value FROM history WHERE table_name = ?1 AND record_id = ?2"
		" AND op IN ('insert', 'delete', 'cascade') ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *st;
	int exists = 0, rc;

	*at = 0;
	if ((rc = row_exists(&exists, db, t->table, id)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, t->table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cdb_sqlite_error(db, sqlite3_reset(st), "history");
	if (exists) {
		sqlite3_reset(st);
		return cdb_error(db, COUNCIL_EEXISTS, "%s %lld exists: nothing to restore (a removed "
		                 "record whose id another took since cannot come back)", t->type,
		                 (long long)id);
	}
	if (rc == SQLITE_DONE || strcmp(cdb_col_text(st, 1), "insert") == 0 ||
	    sqlite3_column_type(st, 2) != SQLITE_TEXT) {
		sqlite3_reset(st);
		return cdb_error(db, COUNCIL_ENOTFOUND, "%s %lld: no removal of it is recorded in the "
		                 "history", t->type, (long long)id);
	}
	*at = sqlite3_column_int64(st, 0);
	rc = rows_push(db, set, t, id, cdb_col_text(st, 2));
	sqlite3_reset(st);
	return rc;
}

static int restore(size_t *restored, council_db *db, const struct record_type *t, council_id id)
{
	rows set = { NULL, 0, 0 };
	int64_t at = 0;
	size_t i;
	int rc;

	if ((rc = find_removal(&at, &set, db, t, id)) == COUNCIL_OK &&
	    (rc = collect_cascade(db, &set, at)) == COUNCIL_OK) {
		for (i = 0; i < set.n && rc == COUNCIL_OK; i++) {
			int taken = 0;
			if (i > 0 && set.v[i].type->restorable &&
			    (rc = row_exists(&taken, db, set.v[i].type->table, set.v[i].id)) != COUNCIL_OK)
				break;
			if (taken) {
				rc = cdb_error(db, COUNCIL_EEXISTS, "%s %lld: %s %lld, removed with it, has "
				               "its id taken again; nothing restored", t->type, (long long)id,
				               set.v[i].type->type, (long long)set.v[i].id);
				break;
			}
			if ((rc = check_parents(db, &set.v[i], &set, i, &set.v[0])) == COUNCIL_OK &&
			    (rc = insert_row(db, &set.v[i], &set.v[0])) == COUNCIL_OK)
				/* back: no longer kept out of imports */
				rc = cdb_removed_forget(db, set.v[i].type->table, set.v[i].id);
		}
	}
	if (rc == COUNCIL_OK && restored)
		*restored = set.n;
	rows_free(&set);
	return rc;
}

int council_record_restore(size_t *restored, council_db *db, const char *type, council_id id)
{
	const struct record_type *t;
	int rc;

	if (restored)
		*restored = 0;
	if ((rc = cdb_enter_write(db)) != COUNCIL_OK)
		return rc;
	if (!(t = find_type(type)) || !t->restorable)
		return bad_type(db, type);
	if (id <= 0)
		return cdb_error(db, COUNCIL_EINVAL, "%s %lld: not an id", t->type, (long long)id);
	if (!has_history(db))
		return cdb_error(db, COUNCIL_ENOTFOUND, "%s %lld: this database keeps no history",
		                 t->type, (long long)id);
	if ((rc = cdb_atomic_begin(db)) != COUNCIL_OK)
		return rc;
	rc = restore(restored, db, t, id);
	/* members back from the history get their persons (people.c): the
	 * history keeps no person_id, which is derived */
	if (rc == COUNCIL_OK)
		rc = cdb_people_settle(db, COUNCIL_ALL);
	return cdb_atomic_end(db, rc);
}
