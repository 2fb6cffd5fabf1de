/* SPDX-License-Identifier: MIT */
/*
 * schema_doc.c -- the descriptions schema.sql's comments give its tables,
 * views and columns, read from the embedded schema into the table
 * schema_doc (schema version 7).  The one reader of those comments: the
 * CSV export's datapackage.json reads the table, not the text.  Not here:
 * the schema's creation and upgrades (db.c).
 *
 * The rules, in the order the text is read: the comment block right above
 * CREATE TABLE or CREATE VIEW describes the object (and its "Columns:"
 * list the columns); comments on a column's line or right above it inside
 * CREATE TABLE describe that column; the comment block right above
 * "ALTER TABLE t ADD COLUMN c" describes column c of t (a migration
 * section adds columns that way).  An object created again later (the
 * migration sections redefine views) is described by its last definition
 * alone: its earlier rows are deleted when the next CREATE is read.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "schema_sql.h"

/* What a description is being gathered for. */
typedef struct sdoc_entry {
	char column[64];   /* "" for the object itself */
	char *text;        /* malloc'd, words joined by single spaces */
} sdoc_entry;

typedef struct sdoc {
	council_db *db;
	sqlite3_stmt *ins;
	sqlite3_stmt *del;  /* an object's rows, before its next definition */
	char object[64];
	const char *type;
	int rc;
} sdoc;

/* Appends s[0..n) to *text, a space between. */
static int add_text(char **text, const char *s, size_t n)
{
	size_t m = *text ? strlen(*text) : 0;
	char *t;

	if (!n)
		return 0;
	if (!(t = realloc(*text, m + n + 2)))
		return -1;
	if (m)
		t[m++] = ' ';
	memcpy(t + m, s, n);
	t[m + n] = '\0';
	*text = t;
	return 0;
}

static void emit(sdoc *d, const char *column, const char *text)
{
	int rc;

	if (d->rc != COUNCIL_OK || !text || !*text)
		return;
	sqlite3_bind_text(d->ins, 1, d->object, -1, SQLITE_STATIC);
	sqlite3_bind_text(d->ins, 2, d->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(d->ins, 3, column, -1, SQLITE_STATIC);
	sqlite3_bind_text(d->ins, 4, text, -1, SQLITE_STATIC);
	rc = sqlite3_step(d->ins);
	sqlite3_reset(d->ins);
	if (rc != SQLITE_DONE)
		d->rc = cdb_sqlite_error(d->db, rc, "schema_doc");
}

/* The line [p, e) without its "--", leading spaces counted into *indent,
 * trailing spaces dropped. */
static void comment_text(const char **s, const char **e, size_t *indent)
{
	const char *p = *s + 2;

	*indent = 0;
	while (p < *e && *p == ' ') {
		p++;
		(*indent)++;
	}
	while (*e > p && ((*e)[-1] == ' ' || (*e)[-1] == '\r'))
		(*e)--;
	*s = p;
}

/* The comment block [first, end) above a CREATE: the lines before one
 * reading "Columns:" describe the object; after it, "  <column>  <text>"
 * lines (a line indented further continues the column before). */
static void block_doc(sdoc *d, const char *first, const char *end)
{
	const char *p;
	char *obj = NULL, *col = NULL, name[64] = "";
	int in_columns = 0;

	for (p = first; p < end && d->rc == COUNCIL_OK; ) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *s = p, *e = eol ? eol : end;
		size_t indent;

		p = eol ? eol + 1 : end;
		comment_text(&s, &e, &indent);
		if (s == e)
			continue;
		if ((size_t)(e - s) == 8 && memcmp(s, "Columns:", 8) == 0) {
			in_columns = 1;
			continue;
		}
		if (in_columns && indent <= 3) {
			const char *w = s;
			while (w < e && *w != ' ')
				w++;
			emit(d, name, col);
			free(col);
			col = NULL;
			name[0] = '\0';
			if ((size_t)(w - s) < sizeof name) {
				memcpy(name, s, (size_t)(w - s));
				name[w - s] = '\0';
			}
			while (w < e && *w == ' ')
				w++;
			s = w;
		}
		if (add_text(in_columns ? &col : &obj, s, (size_t)(e - s)) != 0)
			d->rc = cdb_error(d->db, COUNCIL_ENOMEM, "out of memory");
	}
	emit(d, "", obj);
	if (name[0])
		emit(d, name, col);
	free(obj);
	free(col);
}

/* The body of CREATE TABLE from the line after its first to the line
 * starting with ')': a column is a line indented four spaces starting with
 * a lower-case name (constraints are upper case, continuations deeper);
 * its description is the comment lines right above it inside the table
 * and the comment at the end of its own line. */
static const char *table_body(sdoc *d, const char *p, const char *end)
{
	char *pending = NULL;

	while (p < end && *p != ')' && d->rc == COUNCIL_OK) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *line = p, *e = eol ? eol : end, *s = p, *w, *c;
		char name[64];
		int quotes = 0;

		p = eol ? eol + 1 : end;
		while (s < e && *s == ' ')
			s++;
		if (e - s >= 2 && s[0] == '-' && s[1] == '-') {
			size_t indent;
			comment_text(&s, &e, &indent);
			if (add_text(&pending, s, (size_t)(e - s)) != 0)
				d->rc = cdb_error(d->db, COUNCIL_ENOMEM, "out of memory");
			continue;
		}
		if (s - line == 4 && *s >= 'a' && *s <= 'z') {
			for (w = s; w < e && *w != ' ' && *w != ','; w++)
				;
			if ((size_t)(w - s) < sizeof name) {
				char *text = pending;
				memcpy(name, s, (size_t)(w - s));
				name[w - s] = '\0';
				pending = NULL;
				/* a trailing "-- text" outside quotes */
				for (c = w; c + 1 < e; c++) {
					if (*c == '\'')
						quotes ^= 1;
					else if (!quotes && c[0] == '-' && c[1] == '-') {
						const char *t = c, *te = e;
						size_t indent;
						comment_text(&t, &te, &indent);
						if (add_text(&text, t, (size_t)(te - t)) != 0)
							d->rc = cdb_error(d->db, COUNCIL_ENOMEM, "out of memory");
						break;
					}
				}
				emit(d, name, text);
				free(text);
			}
		}
		/* a comment describes the column right below it, nothing further */
		free(pending);
		pending = NULL;
	}
	free(pending);
	return p;
}

/* "ALTER TABLE t ADD COLUMN c ..." at [line, e): the block [first, line)
 * above it describes c, the whole block (no "Columns:" list). */
static void alter_doc(sdoc *d, const char *line, const char *e, const char *first)
{
	static const char kw[] = "ALTER TABLE ", add[] = " ADD COLUMN ";
	const char *n = line + sizeof kw - 1, *w, *c, *ce;
	char column[64], *text = NULL;
	const char *p;

	for (w = n; w < e && *w != ' '; w++)
		;
	if ((size_t)(w - n) >= sizeof d->object || (size_t)(e - w) <= sizeof add - 1 ||
	    memcmp(w, add, sizeof add - 1) != 0)
		return;
	c = w + sizeof add - 1;
	for (ce = c; ce < e && *ce != ' ' && *ce != ';'; ce++)
		;
	if (ce == c || (size_t)(ce - c) >= sizeof column)
		return;
	memcpy(d->object, n, (size_t)(w - n));
	d->object[w - n] = '\0';
	memcpy(column, c, (size_t)(ce - c));
	column[ce - c] = '\0';
	d->type = "table";
	for (p = first; p < line && d->rc == COUNCIL_OK; ) {
		const char *eol = memchr(p, '\n', (size_t)(line - p));
		const char *s = p, *le = eol ? eol : line;
		size_t indent;

		p = eol ? eol + 1 : line;
		comment_text(&s, &le, &indent);
		if (add_text(&text, s, (size_t)(le - s)) != 0)
			d->rc = cdb_error(d->db, COUNCIL_ENOMEM, "out of memory");
	}
	emit(d, column, text);
	free(text);
}

/* Forgets what an earlier definition of d->object said. */
static void forget(sdoc *d)
{
	int rc;

	if (d->rc != COUNCIL_OK)
		return;
	sqlite3_bind_text(d->del, 1, d->object, -1, SQLITE_STATIC);
	rc = sqlite3_step(d->del);
	sqlite3_reset(d->del);
	if (rc != SQLITE_DONE)
		d->rc = cdb_sqlite_error(d->db, rc, "schema_doc");
}

int cdb_schema_doc_fill(council_db *db)
{
	const char *sql = council_schema_sql, *end = sql + council_schema_sql_len;
	const char *p, *block = NULL;
	sdoc d;
	int rc;

	memset(&d, 0, sizeof d);
	d.db = db;
	if ((rc = cdb_exec(db, "DELETE FROM schema_doc", "schema_doc")) != COUNCIL_OK)
		return rc;
	rc = sqlite3_prepare_v2(db->sql, "INSERT OR REPLACE INTO schema_doc"
	                        "(object, type, column_name, description) VALUES (?1, ?2, ?3, ?4)",
	                        -1, &d.ins, NULL);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, "schema_doc");
	rc = sqlite3_prepare_v2(db->sql, "DELETE FROM schema_doc WHERE object = ?1", -1, &d.del, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(d.ins);
		return cdb_sqlite_error(db, rc, "schema_doc");
	}
	d.rc = COUNCIL_OK;
	for (p = sql; p < end && d.rc == COUNCIL_OK; ) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *line = p, *e = eol ? eol : end;
		size_t kw = 0;

		p = eol ? eol + 1 : end;
		if (e - line >= 2 && line[0] == '-' && line[1] == '-') {
			if (!block)
				block = line;
			continue;
		}
		if ((size_t)(e - line) > 13 && memcmp(line, "CREATE TABLE ", 13) == 0) {
			kw = 13;
			d.type = "table";
		} else if ((size_t)(e - line) > 12 && memcmp(line, "CREATE VIEW ", 12) == 0) {
			kw = 12;
			d.type = "view";
		} else if (block && (size_t)(e - line) > 12 && memcmp(line, "ALTER TABLE ", 12) == 0) {
			alter_doc(&d, line, e, block);
		}
		if (kw) {
			const char *n = line + kw, *w;
			if ((size_t)(e - n) > 14 && memcmp(n, "IF NOT EXISTS ", 14) == 0)
				n += 14;
			for (w = n; w < e && *w != ' ' && *w != '('; w++)
				;
			if ((size_t)(w - n) < sizeof d.object) {
				memcpy(d.object, n, (size_t)(w - n));
				d.object[w - n] = '\0';
				forget(&d);
				if (block)
					block_doc(&d, block, line);
				if (kw == 13)
					p = table_body(&d, p, end);
			}
		}
		block = NULL;
	}
	sqlite3_finalize(d.ins);
	sqlite3_finalize(d.del);
	return d.rc;
}
