/*
 * source.c -- the documents the registry was filled from, identified by
 * their canonical path (and other names, source_alias) and by the SHA-256
 * of their bytes.  Deleting a source deletes the rows no other document
 * states (record_source); the import pipeline itself lives in import/.
 */
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

/* Rows of table T another document states too get that document as their
 * primary source; rows only this one states go.  T is a literal. */
#define OTHER(T) "SELECT min(o.source_id) FROM record_source o WHERE o.table_name = '" T "'" \
                 " AND o.record_id = " T ".id AND o.source_id <> ?1"
#define REPOINT(T) "UPDATE " T " SET source_id = (" OTHER(T) ") WHERE source_id = ?1" \
                   " AND (" OTHER(T) ") IS NOT NULL"
#define SOLE(T) "DELETE FROM " T " WHERE id IN (SELECT r.record_id FROM record_source r" \
                " WHERE r.source_id = ?1 AND r.table_name = '" T "' AND NOT EXISTS" \
                " (SELECT 1 FROM record_source o WHERE o.table_name = '" T "'" \
                " AND o.record_id = r.record_id AND o.source_id <> ?1))"
#define BOTH(T) REPOINT(T), SOLE(T)

int council_source_delete(council_db *db, council_id id)
{
	/* Children before parents would not matter (the schema cascades), but
	 * repointing must precede the final DELETE, whose ON DELETE CASCADE on
	 * every source_id removes what still points here: the rows only this
	 * document states, and rows of old databases that record_source does
	 * not list.  Councils are kept (SET NULL): other sources and people
	 * describe them too. */
	static const char *const steps[] = {
		BOTH("member"), BOTH("meeting"), BOTH("reported_figure"), BOTH("event"),
		BOTH("legal_act"), BOTH("measure_fulfilment"), BOTH("measure"), BOTH("plan"),
		REPOINT("council"),
		/* A surviving event's participant groups follow it. */
		"UPDATE event_participants SET source_id = (SELECT e.source_id FROM event e"
		" WHERE e.id = event_participants.event_id) WHERE source_id = ?1",
	};
	size_t i;
	int rc = cdb_enter_write(db);

	if (rc != COUNCIL_OK)
		return rc;
	if ((rc = cdb_atomic_begin(db)) != COUNCIL_OK)
		return rc;
	for (i = 0; i < sizeof steps / sizeof steps[0] && rc == COUNCIL_OK; i++) {
		sqlite3_stmt *st;
		if ((rc = cdb_prepare(&st, db, steps[i])) != COUNCIL_OK)
			break;
		sqlite3_bind_int64(st, 1, id);
		rc = cdb_exec_stmt(db, st, "source");
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
	sqlbuf_init(&q, SELECT);
	sqlbuf_add_order(&q, f, " ORDER BY id");
	return sqlbuf_stream(db, &q, f, &entity, (cdb_fn)cb, ctx);
}
