/* SPDX-License-Identifier: MIT */
/*
 * merge.c -- council_merge: another registry's councils, documents,
 * records and reviews copied into this one, each matched by its natural
 * key rather than its id (every registry numbers from 1).  Here: the table
 * of tables and their keys, the mapping of the other file's ids to this
 * one's, and the conflicts.  Not here: imports (import/), the history of
 * the other file (its records arrive as this registry's changes, origin
 * "merge").
 *
 * Why not SQLite's session extension: a changeset identifies a row by its
 * primary key, and two municipalities' registries both have a council 1,
 * a member 1 ...; every row would need its ids rewritten through natural
 * keys before a changeset could be applied, which is this file's work
 * anyway, and the conflicts a changeset reports are about ids, not about
 * "the same member with another role".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "schema_sql.h"
#include "sqlbuf.h"

/* A table merged, in the order parents come before children.  key: the
 * columns that identify a row across registries (a foreign key among them
 * is compared after mapping).  Foreign keys are read from the schema;
 * poly names a column holding an id of the table named by the row's
 * table_name column.  skip: derived columns, not copied (the triggers or
 * the library recompute them) nor compared; quiet: columns copied but not
 * compared (when a document was imported, its path on one machine).
 * source_id is provenance, not data: a matched record stated by another
 * document gets that document in record_source instead of a conflict.  A
 * value the other registry leaves empty (NULL) is no conflict either: it
 * knows less, and this registry's value stays; one it knows and this one
 * does not is listed, since filling it in would change a record here.
 * Other engineers' new tables are one row here.
 *
 * Not merged: who is who.  person and person_ambiguity, and
 * member.person_id, are derived (people.c decides them from the names,
 * across councils too): a merged member gets its person from
 * cdb_people_settle afterwards, so one person sitting on councils of two
 * municipalities becomes one person here by the library's own rule rather
 * than by the other file's numbering.  source_document.council_id refers
 * to a council, merged after the documents (council.source_id refers to a
 * document): it is set by merge_document_councils once councils are
 * mapped.  removed.record_id is the id the record had in the registry that
 * removed it; it is copied as it is (the removal's key is what keeps the
 * record out of later imports), not compared. */
typedef struct merge_table {
	const char *name;
	const char *key;
	const char *skip;
	const char *quiet;
	const char *poly;
} merge_table;

static const merge_table merge_tables[] = {
	{ "source_document", "sha256", "council_id", "path,imported_at", NULL },
	{ "council", "name", "name_key", "", NULL },
	{ "member", "council_id,name", "person_id", "", NULL },
	{ "meeting", "council_id,date_start", "", "", NULL },
	{ "reported_figure", "council_id,year,metric,value,qualifier", "", "", NULL },
	{ "plan", "council_id,title", "", "", NULL },
	{ "measure", "plan_id,seq", "", "", NULL },
	{ "measure_responsible", "measure_id,pos", "", "", NULL },
	{ "measure_fulfilment", "measure_id,year", "", "", NULL },
	{ "event", "council_id,date_start,title", "participants,participants_qualifier,participant_groups",
	  "", NULL },
	{ "event_measure", "event_id,measure_id", "", "", NULL },
	{ "event_participants", "event_id,group_name", "", "", NULL },
	{ "legal_act", "council_id,number", "", "", NULL },
	{ "source_alias", "path", "", "", NULL },
	{ "source_review", "source_id,sha256", "", "path,reviewed_at", NULL },
	{ "record_source", "table_name,record_id,source_id", "", "", "record_id" },
	{ "reviewed", "table_name,record_id,field", "", "at", "record_id" },
	{ "member_change", "member_id,source_id", "", "", NULL },
	{ "attendance", "meeting_id,name", "", "", NULL },
	{ "meeting_quorum", "meeting_id", "", "", NULL },
	{ "removed", "table_name,council_id,key", "", "record_id,origin,at", NULL },
	{ "record_key", "table_name,council_id,key", "", "", "record_id" },
};

#define NTABLES (sizeof merge_tables / sizeof merge_tables[0])

/* Tables whose records record_source may name. */
static int has_record_sources(const char *t)
{
	static const char *const names[] = { "council", "member", "meeting", "reported_figure", "plan",
	                                     "measure", "measure_fulfilment", "event", "legal_act" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i], t) == 0)
			return 1;
	return 0;
}

/* Whether name is one of the comma-separated list. */
static int in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while (p && *p) {
		const char *e = strchr(p, ',');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && memcmp(p, name, n) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

typedef struct mcol {
	char *name;
	char *parent;   /* the table a foreign key refers to, or NULL */
	int key, id, skip, compare;
} mcol;

typedef struct merger {
	council_db *db;
	council_merge_stats *stats;
	council_merge_conflict_cb cb;
	void *ctx;
} merger;

static void cols_free(mcol *c, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free(c[i].name);
		free(c[i].parent);
	}
	free(c);
}

/* The columns of t in this registry, with their roles. */
static int table_cols(mcol **out, int *count, council_db *db, const merge_table *t)
{
	sqlite3_stmt *st;
	mcol *c = NULL;
	int n = 0, rc;

	*out = NULL;
	*count = 0;
	rc = sqlite3_prepare_v2(db->sql, "SELECT c.name, c.pk, c.type, (SELECT f.\"table\" FROM "
	                        "pragma_foreign_key_list(?1) f WHERE f.\"from\" = c.name), "
	                        "(SELECT count(*) FROM pragma_table_info(?1) WHERE pk > 0) "
	                        "FROM pragma_table_info(?1) c ORDER BY c.cid", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, t->name);
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		mcol *grown = realloc(c, (size_t)(n + 1) * sizeof *c);
		const char *name = cdb_col_text(st, 0), *parent = cdb_col_text(st, 3);
		if (!grown) {
			rc = SQLITE_NOMEM;
			break;
		}
		c = grown;
		memset(&c[n], 0, sizeof c[n]);
		c[n].name = cdb_strdup(name);
		c[n].parent = parent ? cdb_strdup(parent) : NULL;
		n++;
		if (!c[n - 1].name || (parent && !c[n - 1].parent)) {
			rc = SQLITE_NOMEM;
			break;
		}
		c[n - 1].id = sqlite3_column_int(st, 1) == 1 && sqlite3_column_int(st, 4) == 1 &&
		              strcmp(cdb_col_text(st, 2), "INTEGER") == 0;
		c[n - 1].key = in_list(t->key, name);
		c[n - 1].skip = in_list(t->skip, name);
		c[n - 1].compare = !c[n - 1].id && !c[n - 1].key && !c[n - 1].skip &&
		                   !in_list(t->quiet, name) && strcmp(name, "source_id") != 0;
	}
	if ((rc = sqlbuf_finish(db, st, rc, t->name)) != COUNCIL_OK) {
		cols_free(c, n);
		return rc;
	}
	*out = c;
	*count = n;
	return COUNCIL_OK;
}

/* The other registry's value of column c, its ids turned into this one's. */
static char *src_expr(const mcol *c, const merge_table *t)
{
	if (t->poly && strcmp(c->name, t->poly) == 0)
		return sqlite3_mprintf("(SELECT dst_id FROM temp.council_merge_map m WHERE "
		                       "m.table_name = s.table_name AND m.src_id = s.\"%w\")", c->name);
	if (c->parent)
		return sqlite3_mprintf("(SELECT dst_id FROM temp.council_merge_map m WHERE "
		                       "m.table_name = '%q' AND m.src_id = s.\"%w\")", c->parent, c->name);
	return sqlite3_mprintf("s.\"%w\"", c->name);
}

static int report_conflict(merger *m, const merge_table *t, const mcol *c, int n,
                           sqlite3_stmt *src, int col, sqlite3_stmt *dst, int dcol)
{
	council_merge_conflict k;
	char *key = sqlite3_mprintf("");
	int i, first = 1, rc = COUNCIL_OK;

	for (i = 0; i < n && key; i++) {
		const char *v;
		if (!c[i].key)
			continue;
		v = (const char *)sqlite3_column_text(src, i + 1);
		key = sqlite3_mprintf("%z%s%s=%s", key, first ? "" : ", ", c[i].name, v ? v : "NULL");
		first = 0;
	}
	if (!key)
		return cdb_error(m->db, COUNCIL_ENOMEM, "out of memory");
	m->stats->conflicts++;
	k.table = t->name;
	k.key = key;
	k.column = c[col].name;
	k.ours = (const char *)sqlite3_column_text(dst, dcol);
	k.theirs = (const char *)sqlite3_column_text(src, col + 1);
	if (m->cb && m->cb(m->ctx, &k) != 0)
		rc = cdb_error(m->db, COUNCIL_ERROR, "merge: stopped by the caller");
	sqlite3_free(key);
	return rc;
}

static int prepare(sqlite3_stmt **st, council_db *db, const char *sql)
{
	int rc = sqlite3_prepare_v2(db->sql, sql, -1, st, NULL);

	return rc == SQLITE_OK ? COUNCIL_OK : cdb_sqlite_error(db, rc, "merge");
}

/* One table: every row of the other registry matched by its key, copied
 * when new, compared when not; its id mapped either way. */
static int merge_table_rows(merger *m, const merge_table *t)
{
	council_db *db = m->db;
	mcol *c = NULL;
	int n = 0, i, rc, step, has_id = 0;
	char *sel = NULL, *find = NULL, *ins = NULL, *cols = NULL, *vals = NULL, *where = NULL,
	     *cmp = NULL;
	sqlite3_stmt *s_src = NULL, *s_find = NULL, *s_ins = NULL, *s_map = NULL, *s_rs = NULL;

	if ((rc = table_cols(&c, &n, db, t)) != COUNCIL_OK)
		return rc;
	sel = sqlite3_mprintf("SELECT %s", "NULL");
	cols = sqlite3_mprintf("");
	vals = sqlite3_mprintf("");
	where = sqlite3_mprintf("1");
	cmp = sqlite3_mprintf("");
	for (i = 0; i < n && sel && cols && vals && where && cmp; i++) {
		char *e = src_expr(&c[i], t);
		if (!e)
			break;
		if (c[i].id) {
			has_id = 1;
			sqlite3_free(sel);
			sel = sqlite3_mprintf("SELECT s.\"%w\"", c[i].name);
		}
		sel = sqlite3_mprintf("%z, %s", sel, e);
		sqlite3_free(e);
		if (!c[i].id && !c[i].skip) {
			cols = sqlite3_mprintf("%z%s\"%w\"", cols, *cols ? ", " : "", c[i].name);
			vals = sqlite3_mprintf("%z%s?%d", vals, *vals ? ", " : "", i + 1);
		}
		if (c[i].key)
			where = sqlite3_mprintf("%z AND \"%w\" IS ?%d", where, c[i].name, i + 1);
		cmp = sqlite3_mprintf("%z, \"%w\"", cmp, c[i].name);
	}
	if (i < n || !sel || !cols || !vals || !where || !cmp) {
		rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		goto done;
	}
	sel = sqlite3_mprintf("%z FROM council_merge_src.\"%w\" s ORDER BY 1", sel, t->name);
	find = sqlite3_mprintf("SELECT %s%s FROM main.\"%w\" WHERE %s", has_id ? "id" : "1", cmp,
	                       t->name, where);
	ins = sqlite3_mprintf("INSERT INTO main.\"%w\" (%s) VALUES (%s)", t->name, cols, vals);
	if (!sel || !find || !ins) {
		rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		goto done;
	}
	/* Not cdb_prepare, whose cache keeps statements by their text's
	 * address: these texts are built here and freed. */
	if ((rc = prepare(&s_src, db, sel)) != COUNCIL_OK ||
	    (rc = prepare(&s_find, db, find)) != COUNCIL_OK ||
	    (rc = prepare(&s_ins, db, ins)) != COUNCIL_OK ||
	    (rc = prepare(&s_map, db, "INSERT OR REPLACE INTO temp.council_merge_map"
	                              "(table_name, src_id, dst_id) VALUES (?1, ?2, ?3)")) != COUNCIL_OK ||
	    (rc = prepare(&s_rs, db, "INSERT OR IGNORE INTO record_source(table_name, record_id, "
	                             "source_id) VALUES (?1, ?2, ?3)")) != COUNCIL_OK)
		goto done;
	while ((step = sqlite3_step(s_src)) == SQLITE_ROW && rc == COUNCIL_OK) {
		int64_t dst_id = 0;
		sqlite3_reset(s_find);
		for (i = 0; i < n; i++)
			sqlite3_bind_value(s_find, i + 1, sqlite3_column_value(s_src, i + 1));
		step = sqlite3_step(s_find);
		if (step == SQLITE_ROW) {
			/* matched: the same record, or a conflict */
			m->stats->matched++;
			dst_id = sqlite3_column_int64(s_find, 0);
			for (i = 0; i < n && rc == COUNCIL_OK; i++) {
				sqlite3_value *theirs = sqlite3_column_value(s_src, i + 1);
				sqlite3_value *ours = sqlite3_column_value(s_find, i + 1);
				int differ;
				/* what the other registry does not know is no conflict */
				if (!c[i].compare || sqlite3_value_type(theirs) == SQLITE_NULL)
					continue;
				differ = sqlite3_value_type(theirs) != sqlite3_value_type(ours) ||
				         sqlite3_value_bytes(theirs) != sqlite3_value_bytes(ours) ||
				         (sqlite3_value_type(theirs) != SQLITE_NULL &&
				          memcmp(sqlite3_value_blob(theirs), sqlite3_value_blob(ours),
				                 (size_t)sqlite3_value_bytes(ours)) != 0);
				if (differ)
					rc = report_conflict(m, t, c, n, s_src, i, s_find, i + 1);
			}
			/* another document states it: provenance, not a conflict */
			for (i = 0; i < n && rc == COUNCIL_OK && has_id; i++) {
				if (strcmp(c[i].name, "source_id") != 0 || !has_record_sources(t->name) ||
				    sqlite3_column_type(s_src, i + 1) == SQLITE_NULL ||
				    sqlite3_column_int64(s_src, i + 1) == sqlite3_column_int64(s_find, i + 1))
					continue;
				sqlite3_reset(s_rs);
				sqlite3_bind_text(s_rs, 1, t->name, -1, SQLITE_STATIC);
				sqlite3_bind_int64(s_rs, 2, dst_id);
				sqlite3_bind_value(s_rs, 3, sqlite3_column_value(s_src, i + 1));
				rc = cdb_exec_stmt(db, s_rs, "record_source");
				if (rc == COUNCIL_OK && db->changes > 0)
					m->stats->inserted++;
			}
		} else if (step == SQLITE_DONE) {
			sqlite3_reset(s_ins);
			for (i = 0; i < n; i++)
				if (!c[i].id && !c[i].skip)
					sqlite3_bind_value(s_ins, i + 1, sqlite3_column_value(s_src, i + 1));
			if ((rc = cdb_exec_stmt(db, s_ins, t->name)) != COUNCIL_OK)
				break;
			m->stats->inserted++;
			dst_id = sqlite3_last_insert_rowid(db->sql);
		} else {
			rc = cdb_sqlite_error(db, step, t->name);
			break;
		}
		sqlite3_reset(s_find);
		if (has_id && rc == COUNCIL_OK) {
			sqlite3_reset(s_map);
			sqlite3_bind_text(s_map, 1, t->name, -1, SQLITE_STATIC);
			sqlite3_bind_value(s_map, 2, sqlite3_column_value(s_src, 0));
			sqlite3_bind_int64(s_map, 3, dst_id);
			if (sqlite3_step(s_map) != SQLITE_DONE)
				rc = cdb_sqlite_error(db, sqlite3_errcode(db->sql), "merge");
		}
	}
	if (rc == COUNCIL_OK && step != SQLITE_DONE && step != SQLITE_ROW)
		rc = cdb_sqlite_error(db, step, t->name);
done:
	sqlite3_finalize(s_src);
	sqlite3_finalize(s_find);
	sqlite3_finalize(s_ins);
	sqlite3_finalize(s_map);
	sqlite3_finalize(s_rs);
	sqlite3_free(sel);
	sqlite3_free(find);
	sqlite3_free(ins);
	sqlite3_free(cols);
	sqlite3_free(vals);
	sqlite3_free(where);
	sqlite3_free(cmp);
	cols_free(c, n);
	return rc;
}

/* The council of each document of the other registry, mapped, where this
 * registry's copy names none; a different one is a conflict. */
static int merge_document_councils(merger *m)
{
	static const char both[] =
		"SELECT d.sha256, d.council_id, c.dst_id FROM council_merge_src.source_document s "
		"JOIN main.source_document d ON d.sha256 = s.sha256 "
		"JOIN temp.council_merge_map c ON c.table_name = 'council' AND c.src_id = s.council_id "
		"ORDER BY d.id";
	sqlite3_stmt *st = NULL, *set = NULL;
	int rc, step = SQLITE_DONE;

	if ((rc = prepare(&st, m->db, both)) != COUNCIL_OK ||
	    (rc = prepare(&set, m->db, "UPDATE main.source_document SET council_id = ?2 "
	                               "WHERE sha256 = ?1 AND council_id IS NULL")) != COUNCIL_OK)
		goto done;
	while (rc == COUNCIL_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 1) == SQLITE_NULL) {
			sqlite3_reset(set);
			sqlite3_bind_value(set, 1, sqlite3_column_value(st, 0));
			sqlite3_bind_value(set, 2, sqlite3_column_value(st, 2));
			rc = cdb_exec_stmt(m->db, set, "source_document");
		} else if (sqlite3_column_int64(st, 1) != sqlite3_column_int64(st, 2)) {
			council_merge_conflict k;
			char *key = sqlite3_mprintf("sha256=%s", (const char *)sqlite3_column_text(st, 0));
			if (!key) {
				rc = cdb_error(m->db, COUNCIL_ENOMEM, "out of memory");
				break;
			}
			m->stats->conflicts++;
			k.table = "source_document";
			k.key = key;
			k.column = "council_id";
			k.ours = (const char *)sqlite3_column_text(st, 1);
			k.theirs = (const char *)sqlite3_column_text(st, 2);
			if (m->cb && m->cb(m->ctx, &k) != 0)
				rc = cdb_error(m->db, COUNCIL_ERROR, "merge: stopped by the caller");
			sqlite3_free(key);
		}
	}
	if (rc == COUNCIL_OK && step != SQLITE_DONE)
		rc = cdb_sqlite_error(m->db, step, "source_document");
done:
	sqlite3_finalize(st);
	sqlite3_finalize(set);
	return rc;
}

static int pragma_of(int *out, council_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if ((rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL)) != SQLITE_OK)
		return cdb_sqlite_error(db, rc, "merge");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? COUNCIL_OK : cdb_sqlite_error(db, rc, "merge");
}

int council_merge(council_merge_stats *out, council_db *db, const char *path,
                  council_merge_conflict_cb cb, void *ctx)
{
	council_merge_stats stats;
	merger m;
	sqlite3_stmt *st;
	size_t i;
	int rc, version = 0, appid = 0;

	memset(&stats, 0, sizeof stats);
	if (out)
		*out = stats;
	if ((rc = cdb_enter_write(db)) != COUNCIL_OK)
		return rc;
	if (!path || !*path)
		return cdb_error(db, COUNCIL_EINVAL, "path: required");
	if (!sqlite3_get_autocommit(db->sql))
		return cdb_error(db, COUNCIL_EMISUSE, "merge: not inside a transaction (it attaches %s)",
		                 path);
	if (access(path, R_OK) != 0)
		return cdb_error(db, COUNCIL_ENOTFOUND, "%s: no such database", path);
	if ((rc = sqlite3_prepare_v2(db->sql, "ATTACH ?1 AS council_merge_src", -1, &st, NULL)) !=
	    SQLITE_OK)
		return cdb_sqlite_error(db, rc, path);
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return cdb_sqlite_error(db, rc, path);
	if ((rc = pragma_of(&version, db, "PRAGMA council_merge_src.user_version")) != COUNCIL_OK ||
	    (rc = pragma_of(&appid, db, "PRAGMA council_merge_src.application_id")) != COUNCIL_OK)
		goto detach;
	if (appid != 1129272654 /* 'COUN', as db.c */) {
		rc = cdb_error(db, COUNCIL_ECORRUPT, "%s: not a libcouncil database", path);
		goto detach;
	}
	if (version != council_schema_version_latest) {
		rc = cdb_error(db, version > council_schema_version_latest ? COUNCIL_ENEWER : COUNCIL_EINVAL,
		               "%s: schema version %d, this registry's is %d: open it with this "
		               "libcouncil first (council info --db %s upgrades it)", path, version,
		               council_schema_version_latest, path);
		goto detach;
	}
	if ((rc = cdb_exec(db, "CREATE TEMP TABLE IF NOT EXISTS council_merge_map(table_name TEXT, "
	                       "src_id INTEGER, dst_id INTEGER, PRIMARY KEY (table_name, src_id)) "
	                       "WITHOUT ROWID; DELETE FROM temp.council_merge_map", "merge")) != COUNCIL_OK)
		goto detach;
	if ((rc = cdb_origin_set(db, "merge", path, NULL)) != COUNCIL_OK)
		goto detach;
	m.db = db;
	m.stats = &stats;
	m.cb = cb;
	m.ctx = ctx;
	if ((rc = cdb_atomic_begin(db)) == COUNCIL_OK) {
		for (i = 0; i < NTABLES && rc == COUNCIL_OK; i++)
			rc = merge_table_rows(&m, &merge_tables[i]);
		if (rc == COUNCIL_OK)
			rc = merge_document_councils(&m);
		/* who is who, for the members that came in */
		if (rc == COUNCIL_OK)
			rc = cdb_people_settle(db, COUNCIL_ALL);
		if (rc == COUNCIL_OK)
			rc = cdb_exec(db, "UPDATE council SET name_key = lt_key(name) WHERE name_key IS NULL",
			              "merge");
		if (rc == COUNCIL_OK && stats.conflicts)
			rc = cdb_error(db, COUNCIL_ECONSTRAINT, "%s: %lld conflicting values with this "
			               "registry: nothing of it was merged", path,
			               (long long)stats.conflicts);
		rc = cdb_atomic_end(db, rc);
	}
	cdb_origin_set(db, NULL, NULL, NULL);
	(void)cdb_exec(db, "DELETE FROM temp.council_merge_map", "merge");
detach:
	{
		char *keep = NULL;
		if (rc != COUNCIL_OK)
			keep = cdb_strdup(council_errmsg(db));
		sqlite3_exec(db->sql, "DETACH council_merge_src", NULL, NULL, NULL);
		if (keep) {
			cdb_error(db, rc, "%s", keep);
			free(keep);
		}
	}
	if (rc != COUNCIL_OK)
		stats.inserted = 0;
	if (out)
		*out = stats;
	return rc;
}
