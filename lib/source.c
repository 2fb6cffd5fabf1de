/* SPDX-License-Identifier: MIT */
/*
 * source.c -- the documents the registry was filled from, identified by
 * their canonical path (and other names, source_alias) and by the SHA-256
 * of their bytes.  Deleting a source deletes the rows no other document
 * states (record_source); the import pipeline itself lives in import/.
 */
/* realpath(3) is X/Open: the build asks for POSIX.1-2008 only. */
#define _XOPEN_SOURCE 700
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "sqlbuf.h"

void council_source_init(council_source *r)
{
	memset(r, 0, sizeof *r);
	r->kind = COUNCIL_SOURCE_OTHER;
	r->report_year = -1;
}

static int check(council_db *db, const void *rec)
{
	const council_source *r = rec;
	size_t i;
	int rc;

	if ((rc = cdb_require_text(db, "source.path", r->path, 0)) != COUNCIL_OK)
		return rc;
	/* The schema's CHECK says the same; checking here names the field. */
	for (i = 0; r->sha256 && i < 64; i++)
		if (!((r->sha256[i] >= '0' && r->sha256[i] <= '9') ||
		      (r->sha256[i] >= 'a' && r->sha256[i] <= 'f')))
			break;
	if (!r->sha256 || i != 64 || r->sha256[64] != '\0')
		return cdb_error(db, COUNCIL_EINVAL, "source.sha256: not 64 lowercase hex digits");
	if ((rc = cdb_check_enum(db, "source.kind", COUNCIL_ENUM_SOURCE_KIND, (int)r->kind)) != COUNCIL_OK ||
	    (rc = cdb_check_int(db, "source.report_year", r->report_year, 1990, 2100, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_text(db, "source.doc_number", r->doc_number, 0)) != COUNCIL_OK ||
	    (rc = cdb_check_date(db, "source.doc_date", &r->doc_date, 0)) != COUNCIL_OK)
		return rc;
	if (r->doc_date.year && !r->doc_date.day)
		return cdb_error(db, COUNCIL_EINVAL, "source.doc_date: a document is dated to the day");
	return COUNCIL_OK;
}

/* Columns a caller sets, in the order every statement here binds them;
 * imported_at is the library's and comes last when reading. */
#define COLS "path, sha256, kind, report_year, doc_number, doc_date"
#define SELECT "SELECT id, " COLS ", imported_at FROM source_document"

static void bind(sqlite3_stmt *st, const void *rec)
{
	const council_source *r = rec;

	cdb_bind_text(st, 1, r->path);
	cdb_bind_text(st, 2, r->sha256);
	cdb_bind_enum(st, 3, COUNCIL_ENUM_SOURCE_KIND, (int)r->kind);
	cdb_bind_opt_int(st, 4, r->report_year);
	cdb_bind_text(st, 5, r->doc_number);
	cdb_bind_date(st, 6, &r->doc_date);
}

/* Fills rec from a row of SELECT; strings borrowed from st. */
static void read_row(sqlite3_stmt *st, void *rec)
{
	council_source *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->path = (char *)cdb_col_text(st, 1);
	r->sha256 = (char *)cdb_col_text(st, 2);
	r->kind = (council_source_kind)cdb_col_enum(st, 3, COUNCIL_ENUM_SOURCE_KIND);
	r->report_year = (int)cdb_col_opt_int(st, 4);
	r->doc_number = (char *)cdb_col_text(st, 5);
	cdb_col_date(st, 6, &r->doc_date);
	r->imported_at = (char *)cdb_col_text(st, 7);
}

static int emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_source_cb)cb)(ctx, rec);
}

static int failed(council_db *db, int rc, const void *rec)
{
	const council_source *r = rec;

	if (rc == COUNCIL_EEXISTS)
		return cdb_error(db, rc, "source.path: a source with path \"%s\" already exists",
		                 r->path);
	return rc;
}

static const size_t strings[] = {
	offsetof(council_source, path), offsetof(council_source, sha256),
	offsetof(council_source, doc_number), offsetof(council_source, imported_at),
};

static const cdb_entity entity = {
	"source", sizeof(council_source), strings, sizeof strings / sizeof strings[0],
	read_row, emit, check, bind, 6, failed, NULL, NULL,
};

void council_source_free(council_source *r)
{
	cdb_record_free(&entity, r);
}

int council_source_add(council_id *id, council_db *db, const council_source *r)
{
	static const char sql[] = "INSERT INTO source_document(" COLS ") VALUES (?,?,?,?,?,?)";

	return cdb_record_add(id, db, &entity, sql, r);
}

int council_source_get(council_source **out, council_db *db, council_id id)
{
	static const char sql[] = SELECT " WHERE id = ?";

	return cdb_record_get((void **)out, db, &entity, sql, id);
}

char *cdb_canonical_path(const char *path)
{
	char *real = realpath(path, NULL), *out, *w;
	const char *p;
	size_t cap;

	if (real)
		return real;
	/* Not a file here (a document named in a reviewed extraction made
	 * elsewhere, a URL-like name): the same rules by hand, so that
	 * "./x.txt", "x.txt" and "/cwd/x.txt" still agree. */
	cap = strlen(path) + 2;
	if (path[0] != '/') {
		char cwd[PATH_MAX];
		if (!getcwd(cwd, sizeof cwd))
			return cdb_strdup(path);
		cap += strlen(cwd);
		if (!(out = malloc(cap)))
			return NULL;
		snprintf(out, cap, "%s/%s", cwd, path);
	} else if (!(out = cdb_strdup(path))) {
		return NULL;
	}
	/* Resolve ".", ".." and "//" in place: w writes, p reads. */
	w = out;
	p = out;
	while (*p) {
		const char *seg;
		size_t n;
		while (*p == '/')
			p++;
		seg = p;
		while (*p && *p != '/')
			p++;
		n = (size_t)(p - seg);
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			while (w > out && *--w != '/')
				;
			continue;
		}
		*w++ = '/';
		memmove(w, seg, n);
		w += n;
	}
	if (w == out)
		*w++ = '/';
	*w = '\0';
	return out;
}

/* The source whose path (or, with alias set, other name) is path; leaves
 * *out NULL when there is none. */
static int find_by(council_source **out, council_db *db, const char *path, int alias)
{
	static const char by_path[] = SELECT " WHERE path = ?";
	static const char by_alias[] = SELECT " WHERE id = (SELECT source_id FROM source_alias "
	                                      "WHERE path = ?)";
	sqlite3_stmt *st;
	council_source row;
	int rc;

	if ((rc = cdb_prepare(&st, db, alias ? by_alias : by_path)) != COUNCIL_OK)
		return rc;
	cdb_bind_text(st, 1, path);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return COUNCIL_OK;
	}
	if (rc != SQLITE_ROW) {
		rc = sqlite3_reset(st);
		return cdb_sqlite_error(db, rc, "source");
	}
	read_row(st, &row);
	*out = cdb_record_copy(&entity, &row);
	sqlite3_reset(st);
	return *out ? COUNCIL_OK : cdb_error(db, COUNCIL_ENOMEM, "out of memory");
}

int council_source_find(council_source **out, council_db *db, const char *path)
{
	char *canon = NULL;
	int rc;

	*out = NULL;
	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_require_text(db, "source.path", path, 0)) != COUNCIL_OK)
		return rc;
	/* As typed first: a path stored before version 4 kept its spelling,
	 * and a name that is no file (a URL) is only ever stored as given. */
	if ((rc = find_by(out, db, path, 0)) != COUNCIL_OK || *out)
		return rc;
	if (!(canon = cdb_canonical_path(path)))
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	if ((rc = find_by(out, db, canon, 0)) == COUNCIL_OK && !*out)
		rc = find_by(out, db, canon, 1);
	free(canon);
	if (rc == COUNCIL_OK && !*out)
		rc = cdb_error(db, COUNCIL_ENOTFOUND, "source \"%s\": no such source", path);
	return rc;
}

int council_source_update(council_db *db, const council_source *r)
{
	/* imported_at stays: it records when the bytes first came in. */
	static const char sql[] =
		"UPDATE source_document SET (" COLS ") = (?,?,?,?,?,?) WHERE id = ?7";

	return cdb_record_update(db, &entity, sql, r);
}

/* ---- every document that states a record --------------------------------- */

/* A record's primary source is its source_id; record_source lists the other
 * documents that state it.  Keeping the first document in the row itself
 * costs the common case -- a record one document states -- no second
 * write, which is most of an import. */
#define TABLE(T) { T, \
	"SELECT source_id FROM " T " WHERE id = ?", \
	"UPDATE " T " SET source_id = ?2 WHERE id = ?1", \
	"UPDATE " T " SET source_id = (SELECT min(source_id) FROM record_source" \
	" WHERE table_name = '" T "' AND record_id = ?1) WHERE id = ?1", \
	"DELETE FROM record_source WHERE table_name = '" T "' AND record_id = ?1" \
	" AND source_id = (SELECT source_id FROM " T " WHERE id = ?1)", \
	"DELETE FROM " T " WHERE id = ?", \
	"SELECT id FROM " T " WHERE source_id = ?1 AND EXISTS (SELECT 1 FROM record_source o" \
	" WHERE o.table_name = '" T "' AND o.record_id = " T ".id)" }

const cdb_record_table cdb_record_tables[CDB_RECORD_TABLES] = {
	TABLE("council"), TABLE("member"), TABLE("meeting"), TABLE("reported_figure"),
	TABLE("plan"), TABLE("measure"), TABLE("measure_fulfilment"), TABLE("event"),
	TABLE("legal_act"),
};

const cdb_record_table *cdb_record_table_of(const char *name)
{
	size_t i;

	for (i = 0; i < CDB_RECORD_TABLES; i++)
		if (strcmp(cdb_record_tables[i].name, name) == 0)
			return &cdb_record_tables[i];
	return NULL;
}

static int run_id(council_db *db, const char *sql, council_id a, council_id b)
{
	sqlite3_stmt *st;
	int rc = cdb_prepare(&st, db, sql);

	if (rc != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, a);
	if (b > 0)
		sqlite3_bind_int64(st, 2, b);
	return cdb_exec_stmt(db, st, "source");
}

int cdb_record_promote(council_db *db, const cdb_record_table *t, council_id id)
{
	int rc = run_id(db, t->promote, id, 0);

	if (rc == COUNCIL_OK)
		rc = run_id(db, t->unlink_primary, id, 0);
	/* A surviving event's participant groups follow it, when they are one
	 * document's count; where other documents counted too (schema version
	 * 7), theirs stay and the leaving document's go with it. */
	if (rc == COUNCIL_OK && strcmp(t->name, "event") == 0)
		rc = run_id(db, "UPDATE event_participants SET source_id = (SELECT source_id FROM event "
		            "WHERE id = ?1) WHERE event_id = ?1 AND (SELECT count(DISTINCT source_id) "
		            "FROM event_participants q WHERE q.event_id = ?1) <= 1", id, 0);
	return rc;
}

int cdb_record_set_source(council_db *db, const cdb_record_table *t, council_id id,
                          council_id src)
{
	return run_id(db, t->set_source, id, src);
}

int council_source_delete(council_db *db, council_id id)
{
	size_t i;
	int rc = cdb_enter_write(db);

	if (rc != COUNCIL_OK)
		return rc;
	if ((rc = cdb_atomic_begin(db)) != COUNCIL_OK)
		return rc;
	/* Rows this document is the primary source of, which other documents
	 * state too, get one of those as their primary source.  Then one
	 * DELETE: the schema's ON DELETE CASCADE on every source_id removes
	 * the rows only this document states (and their children) and its
	 * entries in record_source; SET NULL keeps its councils, which other
	 * sources and people describe too. */
	for (i = 0; i < CDB_RECORD_TABLES && rc == COUNCIL_OK; i++) {
		const cdb_record_table *t = &cdb_record_tables[i];
		council_id *ids = NULL;
		size_t n = 0, cap = 0, k;
		sqlite3_stmt *st;
		/* Collected first: promoting changes what the query reads. */
		if ((rc = cdb_prepare(&st, db, t->shared_of)) != COUNCIL_OK)
			break;
		sqlite3_bind_int64(st, 1, id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (n == cap) {
				council_id *more = realloc(ids, (cap = cap ? cap * 2 : 16) * sizeof *ids);
				if (!more) {
					rc = SQLITE_NOMEM;
					break;
				}
				ids = more;
			}
			ids[n++] = sqlite3_column_int64(st, 0);
		}
		if (rc != SQLITE_DONE) {
			sqlite3_reset(st);
			free(ids);
			rc = rc == SQLITE_NOMEM ? cdb_error(db, COUNCIL_ENOMEM, "out of memory")
			                        : cdb_sqlite_error(db, rc, "source");
			break;
		}
		sqlite3_reset(st);
		rc = COUNCIL_OK;
		for (k = 0; k < n && rc == COUNCIL_OK; k++)
			rc = cdb_record_promote(db, t, ids[k]);
		free(ids);
	}
	if (rc == COUNCIL_OK)
		rc = cdb_exec_id(db, "DELETE FROM source_document WHERE id = ?", id, "source");
	return cdb_atomic_end(db, rc);
}

int council_source_list(council_db *db, const council_filter *f, council_source_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, SELECT " WHERE 1");
	if (f && f->council_id != COUNCIL_ALL)
		sqlbuf_add(&q, " AND council_id = :council");
	if (f && f->year_from)
		sqlbuf_add(&q, " AND report_year >= :year_from");
	if (f && f->year_to)
		sqlbuf_add(&q, " AND report_year <= :year_to");
	sqlbuf_add_order(&q, f, " ORDER BY id");
	return sqlbuf_stream(db, &q, f, &entity, (cdb_fn)cb, ctx);
}
