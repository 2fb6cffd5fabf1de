/* SPDX-License-Identifier: MIT */
/*
 * stmt.c -- binding and reading columns the same way in every entity module
 * (unknown values are SQL NULL), and the field checks that turn bad input
 * into a message naming the field before SQLite sees it.  Text is bound
 * in Unicode NFC.
 */
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "utf8.h"
#include "import/lt.h"

/* Every text the library stores or looks up passes here, so this is where
 * it becomes Unicode NFC: a name typed as "e" + U+0307 and one typed with
 * "ė" are one name to UNIQUE, to lookups and to every view.  Document
 * paths too (source.path): stored and looked up in one form, they match
 * whichever form the file system or the user's keyboard produced. */
int cdb_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	char *nfc;

	if (!s)
		return sqlite3_bind_null(st, i);
	/* Out of memory: bind the text as given rather than leave the
	 * previous statement's value bound (the write then still fails or
	 * succeeds on its own terms). */
	if (utf8_nfc(&nfc, s, strlen(s)) == 0 && nfc)
		return sqlite3_bind_text(st, i, nfc, -1, free);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

int cdb_bind_id(sqlite3_stmt *st, int i, council_id id)
{
	return id > 0 ? sqlite3_bind_int64(st, i, id) : sqlite3_bind_null(st, i);
}

int cdb_bind_opt_int(sqlite3_stmt *st, int i, int64_t v)
{
	return v >= 0 ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
}

int cdb_bind_date(sqlite3_stmt *st, int i, const council_date *d)
{
	char buf[COUNCIL_DATE_BUFSIZE];

	if (!d || d->year == 0)
		return sqlite3_bind_null(st, i);
	council_date_format(buf, d);
	return sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

int cdb_bind_enum(sqlite3_stmt *st, int i, council_enum e, int v)
{
	const char *name = council_enum_name(e, v);

	return name ? sqlite3_bind_text(st, i, name, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

const char *cdb_col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

char *cdb_col_dup(sqlite3_stmt *st, int i, int *oom)
{
	const char *s = cdb_col_text(st, i);
	char *d;

	if (!s)
		return NULL;
	d = cdb_strdup(s);
	if (!d)
		*oom = 1;
	return d;
}

int64_t cdb_col_opt_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
}

void cdb_col_date(sqlite3_stmt *st, int i, council_date *d)
{
	const char *s = cdb_col_text(st, i);

	if (!s || council_date_parse(d, s) != COUNCIL_OK)
		memset(d, 0, sizeof *d);
}

int cdb_col_enum(sqlite3_stmt *st, int i, council_enum e)
{
	int v = 0;
	const char *s = cdb_col_text(st, i);

	if (s)
		council_enum_parse(&v, e, s);
	return v;
}

/* ---- validation ---------------------------------------------------------- */

int cdb_require_text(council_db *db, const char *field, const char *s, size_t max_len)
{
	size_t n;

	if (!s || !*s)
		return cdb_error(db, COUNCIL_EINVAL, "%s: required", field);
	n = strlen(s);
	if (!utf8_valid(s, n))
		return cdb_error(db, COUNCIL_EINVAL, "%s: not valid UTF-8", field);
	if (max_len && utf8_length(s, n) > max_len)
		return cdb_error(db, COUNCIL_EINVAL, "%s: longer than %zu characters", field, max_len);
	return COUNCIL_OK;
}

int cdb_require_id(council_db *db, const char *field, council_id id)
{
	if (id <= 0)
		return cdb_error(db, COUNCIL_EINVAL, "%s: required", field);
	return COUNCIL_OK;
}

int cdb_check_date(council_db *db, const char *field, const council_date *d, int required)
{
	if (d->year == 0 && d->month == 0 && d->day == 0) {
		if (required)
			return cdb_error(db, COUNCIL_EINVAL, "%s: required", field);
		return COUNCIL_OK;
	}
	if (!council_date_valid(d))
		return cdb_error(db, COUNCIL_EINVAL, "%s: %04d-%02d-%02d is not a valid date",
		                 field, d->year, d->month, d->day);
	return COUNCIL_OK;
}

int cdb_check_period(council_db *db, const char *field, const council_period *p)
{
	int rc = cdb_check_date(db, field, &p->start, 1);
	char a[COUNCIL_DATE_BUFSIZE], b[COUNCIL_DATE_BUFSIZE];

	if (rc != COUNCIL_OK)
		return rc;
	if (p->end.year == 0)
		return cdb_error(db, COUNCIL_EINVAL, "%s: end date required", field);
	if ((rc = cdb_check_date(db, field, &p->end, 1)) != COUNCIL_OK)
		return rc;
	/* Stored as ISO text, so the order SQLite checks is the text order. */
	council_date_format(a, &p->start);
	council_date_format(b, &p->end);
	if (strcmp(b, a) < 0)
		return cdb_error(db, COUNCIL_EINVAL, "%s: end %s precedes start %s", field, b, a);
	return COUNCIL_OK;
}

int cdb_check_enum(council_db *db, const char *field, council_enum e, int v)
{
	if (!council_enum_name(e, v) && !(e == COUNCIL_ENUM_SIDE && v == COUNCIL_SIDE_UNKNOWN))
		return cdb_error(db, COUNCIL_EINVAL, "%s: %d is not a valid value", field, v);
	return COUNCIL_OK;
}

int cdb_require_row(council_db *db, const char *table, const char *field, council_id id)
{
	/* table is always a literal chosen by the caller, never outside data. */
	char sql[96];
	sqlite3_stmt *st;
	int rc;

	if (id <= 0)
		return cdb_error(db, COUNCIL_EINVAL, "%s: required", field);
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE id = ?", table);
	rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, field);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return COUNCIL_OK;
	if (rc == SQLITE_DONE)
		return cdb_error(db, COUNCIL_ENOTFOUND, "%s: no %s with id %lld", field, table,
		                 (long long)id);
	return cdb_sqlite_error(db, rc, field);
}

/* ---- SQL functions ------------------------------------------------------- */

static int collate_lt(void *ctx, int na, const void *a, int nb, const void *b)
{
	/* The counted form: no copy, so no allocation that could fail midway
	 * through a sort and leave it inconsistent. */
	(void)ctx;
	return utf8_collate_n(a, (size_t)na, b, (size_t)nb);
}

/* lt_key(text): the text's Lithuanian sort key (utf8_sort_key), so ORDER BY
 * lt_key(x) equals ORDER BY x COLLATE lt.  NULL stays NULL; other types
 * are keyed by their text form. */
static void fn_lt_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s;
	unsigned char buf[1024], *out = buf;
	size_t n, len;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	n = strlen(s);
	if (UTF8_SORT_KEY_SIZE(n) > sizeof buf && !(out = malloc(UTF8_SORT_KEY_SIZE(n)))) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	len = utf8_sort_key(out, s, n);
	sqlite3_result_blob(ctx, out, (int)len, SQLITE_TRANSIENT);
	if (out != buf)
		free(out);
}

/* lt_former_name(name, represents): the former name a member row's
 * represents states ("buvusi Valančiūtė", lt_former_name), else NULL;
 * schema version 14 moves it out of represents with this. */
static void fn_lt_former_name(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *said = (const char *)sqlite3_value_text(argv[1]);
	char out[640];

	(void)argc;
	if (name && said && lt_former_name(out, sizeof out, name, said))
		sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

int cdb_register_functions(sqlite3 *sql)
{
	int rc = sqlite3_create_collation(sql, "lt", SQLITE_UTF8, NULL, collate_lt);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(sql, "lt_key", 1,
		                             SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
		                             NULL, fn_lt_key, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(sql, "lt_former_name", 2,
		                             SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
		                             NULL, fn_lt_former_name, NULL, NULL);
	return rc;
}

/* ---- helpers the entity modules share ------------------------------------ */

int cdb_check_int(council_db *db, const char *field, int64_t v, int64_t lo, int64_t hi,
                  int required)
{
	if (v == -1 && !required)
		return COUNCIL_OK;
	if (v == -1)
		return cdb_error(db, COUNCIL_EINVAL, "%s: required", field);
	if (v < lo || v > hi)
		return cdb_error(db, COUNCIL_EINVAL, "%s: %lld is not in %lld..%lld", field,
		                 (long long)v, (long long)lo, (long long)hi);
	return COUNCIL_OK;
}

int cdb_check_text(council_db *db, const char *field, const char *s, size_t max_len)
{
	return s ? cdb_require_text(db, field, s, max_len) : COUNCIL_OK;
}

int cdb_blame_fk(council_db *db, int rc, const cdb_ref *refs, size_t n)
{
	char saved[sizeof db->errmsg];
	size_t i;

	/* Only a foreign-key failure maps to ENOTFOUND on a write; anything
	 * else already says what went wrong. */
	if (rc != COUNCIL_ENOTFOUND)
		return rc;
	memcpy(saved, db->errmsg, sizeof saved);
	for (i = 0; i < n; i++) {
		int r;
		if (refs[i].id <= 0)
			continue;
		r = cdb_require_row(db, refs[i].table, refs[i].field, refs[i].id);
		if (r != COUNCIL_OK)
			return r;
	}
	/* Every reference exists (another connection may have added it since):
	 * keep SQLite's own message rather than invent one. */
	cdb_error(db, rc, "%s", saved);
	return rc;
}

int cdb_step_id(sqlite3_stmt **out, council_db *db, const char *sql, council_id id,
                const char *what)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = st;
		return COUNCIL_OK;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return cdb_error(db, COUNCIL_ENOTFOUND, "%s %lld: no such %s", what, (long long)id,
		                 what);
	}
	rc = sqlite3_reset(st);
	return cdb_sqlite_error(db, rc, what);
}

int cdb_exec_id(council_db *db, const char *sql, council_id id, const char *what)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = cdb_exec_stmt(db, st, what)) != COUNCIL_OK)
		return rc;
	return cdb_changed_or_notfound(db, what, id);
}

/* ---- records ------------------------------------------------------------- */

void cdb_free_const(const void *p)
{
	free((void *)p);
}

void cdb_record_free(const cdb_entity *e, void *rec)
{
	size_t i;

	if (!rec)
		return;
	for (i = 0; i < e->n_strings; i++)
		cdb_free_const(*(const char **)((char *)rec + e->strings[i]));
	free(rec);
}

void *cdb_record_copy(const cdb_entity *e, const void *row)
{
	char *rec = malloc(e->size);
	size_t i;
	int oom = 0;

	if (!rec)
		return NULL;
	memcpy(rec, row, e->size);
	for (i = 0; i < e->n_strings; i++) {
		const char **p = (const char **)(rec + e->strings[i]);
		if (*p && !(*p = cdb_strdup(*p)))
			oom = 1;
	}
	if (oom) {
		cdb_record_free(e, rec);
		return NULL;
	}
	return rec;
}

int cdb_record_get(void **out, council_db *db, const cdb_entity *e, const char *sql,
                   council_id id)
{
	sqlite3_stmt *st;
	int rc;
	/* Room for the largest record, aligned for any of them. */
	union { max_align_t align; char bytes[512]; } row;

	*out = NULL;
	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if (e->size > sizeof row)
		return cdb_error(db, COUNCIL_ERROR, "internal: %s record too large", e->name);
	if ((rc = cdb_step_id(&st, db, sql, id, e->name)) != COUNCIL_OK)
		return rc;
	e->read(st, &row);
	*out = cdb_record_copy(e, &row);
	sqlite3_reset(st);
	if (!*out)
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	return COUNCIL_OK;
}

int cdb_record_write(council_id *id, council_db *db, const cdb_entity *e, const char *sql,
                     const void *rec, int update)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	e->bind(st, rec);
	if (update)
		sqlite3_bind_int64(st, e->n_cols + 1, *(const council_id *)rec);
	rc = cdb_exec_stmt(db, st, e->name);
	if (rc != COUNCIL_OK)
		return e->failed ? e->failed(db, rc, rec) : rc;
	if (update)
		return cdb_changed_or_notfound(db, e->name, *(const council_id *)rec);
	if (id)
		*id = sqlite3_last_insert_rowid(db->sql);
	return COUNCIL_OK;
}

/* Entry checks and validation shared by add and update. */
static int record_enter(council_db *db, const cdb_entity *e, const void *rec)
{
	int rc = cdb_enter_write(db);

	if (rc != COUNCIL_OK)
		return rc;
	if (!rec)
		return cdb_error(db, COUNCIL_EINVAL, "%s: no record given", e->name);
	return e->check(db, rec);
}

/* add and update: one statement, or the record and its list of items in
 * one atomic change.  An add without items needs no savepoint, which keeps
 * the bulk-insert path as short as a bare prepared insert. */
static int record_save(council_id *id, council_db *db, const cdb_entity *e, const char *sql,
                       const void *rec, int update)
{
	council_id new_id = 0;
	int rc = record_enter(db, e, rec);

	if (rc != COUNCIL_OK)
		return rc;
	if (!e->write_items || (!update && e->n_items(rec) == 0))
		return cdb_record_write(id, db, e, sql, rec, update);
	if ((rc = cdb_atomic_begin(db)) != COUNCIL_OK)
		return rc;
	rc = cdb_record_write(&new_id, db, e, sql, rec, update);
	if (rc == COUNCIL_OK)
		rc = e->write_items(db, update ? *(const council_id *)rec : new_id, rec, update);
	rc = cdb_atomic_end(db, rc);
	if (rc == COUNCIL_OK && id)
		*id = new_id;
	return rc;
}

int cdb_record_add(council_id *id, council_db *db, const cdb_entity *e, const char *sql,
                   const void *rec)
{
	return record_save(id, db, e, sql, rec, 0);
}

int cdb_record_update(council_db *db, const cdb_entity *e, const char *sql, const void *rec)
{
	council_id id;
	char *key = NULL;
	int rc, own;

	/* A person correcting a record's natural key: the key its document
	 * gives it stays another name of it (load_removed.c).  An import
	 * keeps its own (load_match.c).  Misuse is record_save's to refuse. */
	if (!db || !rec || !db->sql || db->import_kind[0])
		return record_save(NULL, db, e, sql, rec, 1);
	id = *(const council_id *)rec;
	if ((rc = cdb_enter_write(db)) != COUNCIL_OK || (rc = cdb_write_begin(db, &own)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_record_key(&key, db, e->name, id)) == COUNCIL_OK &&
	    (rc = record_save(NULL, db, e, sql, rec, 1)) == COUNCIL_OK && key)
		rc = cdb_record_key_keep(db, e->name, id, key);
	free(key);
	return cdb_write_end(db, own, rc);
}

int cdb_record_delete(council_db *db, const cdb_entity *e, const char *sql, council_id id)
{
	int rc = cdb_enter_write(db), own;

	if (rc != COUNCIL_OK || (rc = cdb_write_begin(db, &own)) != COUNCIL_OK)
		return rc;
	/* A person removes it: a document stating it again keeps it out. */
	if ((rc = cdb_removed_note(db, e->name, id, "hand")) == COUNCIL_OK)
		rc = cdb_exec_id(db, sql, id, e->name);
	return cdb_write_end(db, own, rc);
}

/* ---- child lists (a measure's units, an event's measures) ---------------- */

int cdb_load_items(void **out, size_t *n, council_db *db, const char *sql, council_id id,
                   const cdb_items *it)
{
	sqlite3_stmt *st;
	char *arr = NULL;
	size_t count = 0, cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			char *more = realloc(arr, (cap = cap ? cap * 2 : 4) * it->size);
			if (!more)
				goto nomem;
			arr = more;
		}
		if (it->read(st, arr + count * it->size) != 0)
			goto nomem;
		count++;
	}
	if (rc != SQLITE_DONE) {
		rc = sqlite3_reset(st);
		it->drop(arr, count);
		return cdb_sqlite_error(db, rc, it->what);
	}
	sqlite3_reset(st);
	*out = arr;
	*n = count;
	return COUNCIL_OK;
nomem:
	sqlite3_reset(st);
	it->drop(arr, count);
	return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
}

int cdb_write_items(size_t *failed_at, council_db *db, const char *del, const char *ins,
                    council_id id, const void *rec, size_t n, int replace, const cdb_items *it)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if (replace) {
		if ((rc = cdb_prepare(&st, db, del)) != COUNCIL_OK)
			return rc;
		sqlite3_bind_int64(st, 1, id);
		if ((rc = cdb_exec_stmt(db, st, it->what)) != COUNCIL_OK)
			return rc;
	}
	for (i = 0; i < n; i++) {
		if ((rc = cdb_prepare(&st, db, ins)) != COUNCIL_OK)
			return rc;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		it->bind(st, rec, i);
		if ((rc = cdb_exec_stmt(db, st, it->what)) != COUNCIL_OK) {
			*failed_at = i;
			return rc;
		}
	}
	return COUNCIL_OK;
}
