/* SPDX-License-Identifier: MIT */
/*
 * export.c -- council_export: the registry in forms other tools read.  Here:
 * the public calls, the read snapshot every export runs in, files written
 * beside their name and renamed into place, and the CSV bundle with its
 * datapackage.json (descriptions from the table schema_doc, which holds
 * schema.sql's comments).  The
 * calendar is export_ical.c, Popolo JSON export_popolo.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "export.h"

void council_export_options_init(council_export_options *o)
{
	memset(o, 0, sizeof *o);
	o->format = COUNCIL_EXPORT_CSV;
	council_filter_init(&o->filter);
}

/* ---- the buffered writer ------------------------------------------------- */

int exp_flush(exp_out *o)
{
	if (!o->stopped && o->len)
		o->stopped = o->cb(o->ctx, o->buf, o->len);
	o->len = 0;
	return o->stopped;
}

int exp_put(exp_out *o, const char *s, size_t n)
{
	while (n && !o->stopped) {
		size_t room = sizeof o->buf - o->len, k = n < room ? n : room;
		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
		if (o->len == sizeof o->buf)
			exp_flush(o);
	}
	return o->stopped;
}

int exp_puts(exp_out *o, const char *s)
{
	return exp_put(o, s, strlen(s));
}

/* ---- files replaced whole ------------------------------------------------ */

/* A file being written as path.XXXXXX and renamed to path when complete,
 * so a reader (or an interrupted export) never leaves half a file under
 * the final name. */
typedef struct exp_file {
	char *path, *tmp;
	FILE *fp;
	int err;          /* errno of the first failed write */
} exp_file;

static int file_write(void *ctx, const char *data, size_t len)
{
	exp_file *f = ctx;

	if (fwrite(data, 1, len, f->fp) != len) {
		f->err = errno ? errno : EIO;
		return COUNCIL_EIO;
	}
	return 0;
}

static int file_open(exp_file *f, council_db *db, const char *path)
{
	size_t n = strlen(path);
	int fd;

	memset(f, 0, sizeof *f);
	f->path = cdb_strdup(path);
	f->tmp = malloc(n + sizeof ".XXXXXX");
	if (!f->path || !f->tmp) {
		free(f->path);
		free(f->tmp);
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	}
	memcpy(f->tmp, path, n);
	memcpy(f->tmp + n, ".XXXXXX", sizeof ".XXXXXX");
	if ((fd = mkstemp(f->tmp)) < 0 || !(f->fp = fdopen(fd, "wb"))) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(f->tmp);
		}
		free(f->path);
		free(f->tmp);
		return cdb_error(db, COUNCIL_EIO, "%s: %s", path, strerror(e));
	}
	/* mkstemp makes the file 0600; an export is for sharing, so give it
	 * the mode a new file would have under the user's umask. */
	{
		mode_t mask = umask(0);
		umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
	return COUNCIL_OK;
}

/* Closes f; on rc == COUNCIL_OK renames it into place, else removes it.
 * Returns rc, or the I/O error that kept the file from being complete. */
static int file_close(exp_file *f, council_db *db, int rc)
{
	int e = f->err;

	if (fflush(f->fp) != 0 && !e)
		e = errno ? errno : EIO;
	if (fclose(f->fp) != 0 && !e)
		e = errno ? errno : EIO;
	/* A failed write stopped the export with COUNCIL_EIO before anything
	 * said which file and why: say it here. */
	if (e && (rc == COUNCIL_OK || rc == COUNCIL_EIO))
		rc = cdb_error(db, COUNCIL_EIO, "%s: %s", f->path, strerror(e));
	if (rc == COUNCIL_OK && rename(f->tmp, f->path) != 0)
		rc = cdb_error(db, COUNCIL_EIO, "%s: %s", f->path, strerror(errno));
	if (rc != COUNCIL_OK)
		unlink(f->tmp);
	free(f->path);
	free(f->tmp);
	return rc;
}

/* ---- the descriptions --------------------------------------------------- */

/* What schema_doc (filled from schema.sql's comments, schema_doc.c) says
 * of a view, as {"": view description, "<column>": column description}.
 * NULL when memory ran out or the query failed (*rc says which). */
static json_t *view_doc(council_db *db, const char *view, int *rc)
{
	sqlite3_stmt *st;
	json_t *doc = json_object();
	int step;

	*rc = COUNCIL_OK;
	if (!doc) {
		*rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		return NULL;
	}
	step = sqlite3_prepare_v2(db->sql, "SELECT column_name, description FROM schema_doc "
	                          "WHERE object = ?1", -1, &st, NULL);
	if (step != SQLITE_OK) {
		*rc = cdb_sqlite_error(db, step, "schema_doc");
		json_decref(doc);
		return NULL;
	}
	sqlite3_bind_text(st, 1, view, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if (json_object_set_new(doc, cdb_col_text(st, 0), json_string(cdb_col_text(st, 1)))) {
			step = SQLITE_NOMEM;
			break;
		}
	if ((*rc = sqlbuf_finish(db, st, step, "schema_doc")) != COUNCIL_OK) {
		json_decref(doc);
		return NULL;
	}
	return doc;
}

/* ---- the CSV bundle ------------------------------------------------------ */

/* What a column's values were, for its Frictionless type. */
enum { SEEN_INT = 1, SEEN_REAL = 2, SEEN_TEXT = 4 };

static const char *field_type(const char *decl, unsigned seen)
{
	/* The declared type of a column read straight from a table is the
	 * schema's own (STRICT tables hold nothing else); a computed column
	 * has none, and its values say. */
	if (decl && strcmp(decl, "INTEGER") == 0)
		return "integer";
	if (decl && strcmp(decl, "REAL") == 0)
		return "number";
	if (decl && strcmp(decl, "TEXT") == 0)
		return "string";
	if (seen & SEEN_TEXT)
		return "string";
	if (seen & SEEN_REAL)
		return "number";
	if (seen & SEEN_INT)
		return "integer";
	return "any";
}

/* One CSV field, quoted when RFC 4180 requires it (a comma, a quote, CR or
 * LF) and, so that spreadsheets do not trim them, when it starts or ends
 * with a space. */
static int csv_field(exp_out *o, const char *s, size_t n)
{
	size_t i;
	int quote = n && (s[0] == ' ' || s[n - 1] == ' ');

	for (i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote)
		return exp_put(o, s, n);
	exp_put(o, "\"", 1);
	for (i = 0; i < n; i++) {
		const char *q = memchr(s + i, '"', n - i);
		size_t k = q ? (size_t)(q - (s + i)) + 1 : n - i;
		exp_put(o, s + i, k);
		if (q)
			exp_put(o, "\"", 1);
		i += k - 1;
	}
	return exp_put(o, "\"", 1);
}

/* Double-quotes an SQL identifier that comes from the database's own
 * schema (a view or column name); identifiers cannot be bound. */
static void add_ident(sqlbuf *q, const char *name)
{
	char one[2] = "";

	sqlbuf_add(q, "\"");
	for (; *name; name++) {
		one[0] = *name;
		sqlbuf_add(q, *name == '"' ? "\"\"" : one);
	}
	sqlbuf_add(q, "\"");
}

typedef struct view_cols {
	int has_council, has_council_id, has_year, has_date;
	int n;
} view_cols;

static int view_columns(view_cols *vc, council_db *db, const char *view)
{
	sqlite3_stmt *st;
	int rc;

	memset(vc, 0, sizeof *vc);
	rc = sqlite3_prepare_v2(db->sql, "SELECT name FROM pragma_table_info(?1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, view);
	sqlite3_bind_text(st, 1, view, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *c = cdb_col_text(st, 0);
		vc->n++;
		vc->has_council |= strcmp(c, "council") == 0;
		vc->has_council_id |= strcmp(c, "council_id") == 0;
		vc->has_year |= strcmp(c, "year") == 0;
		vc->has_date |= strcmp(c, "date_start") == 0;
	}
	return sqlbuf_finish(db, st, rc, view);
}

/* SELECT * from the view with the export's filter, in the order every
 * listing of the registry uses: council in Lithuanian order, then year or
 * date, then the columns in turn so that equal rows come out the same way
 * every time. */
static void view_query(sqlbuf *q, const char *view, const view_cols *vc, const council_filter *f)
{
	char num[16];
	int i;

	sqlbuf_init(q, "SELECT * FROM ");
	add_ident(q, view);
	sqlbuf_add(q, " WHERE 1");
	if (f->council_id > 0 && !vc->has_council_id && !vc->has_council)
		/* A view that does not name its council cannot say which rows are
		 * one council's: an export of one council gives none of them. */
		sqlbuf_add(q, " AND 0");
	else if (f->council_id > 0 && vc->has_council_id)
		sqlbuf_add(q, " AND council_id = :council");
	else if (f->council_id > 0 && vc->has_council)
		/* council names are unique: the name stands for the id */
		sqlbuf_add(q, " AND council = (SELECT name FROM council WHERE id = :council)");
	if (vc->has_year) {
		if (f->year_from > 0)
			sqlbuf_add(q, " AND year >= :year_from");
		if (f->year_to > 0)
			sqlbuf_add(q, " AND year <= :year_to");
	} else if (vc->has_date) {
		if (f->year_from > 0)
			sqlbuf_add(q, " AND CAST(substr(date_start, 1, 4) AS INTEGER) >= :year_from");
		if (f->year_to > 0)
			sqlbuf_add(q, " AND CAST(substr(date_start, 1, 4) AS INTEGER) <= :year_to");
	}
	sqlbuf_add(q, " ORDER BY ");
	if (vc->has_council)
		sqlbuf_add(q, "council COLLATE lt, ");
	if (vc->has_year)
		sqlbuf_add(q, "year, ");
	if (vc->has_date)
		sqlbuf_add(q, "date_start, ");
	for (i = 1; i <= vc->n; i++) {
		snprintf(num, sizeof num, "%s%d", i > 1 ? ", " : "", i);
		sqlbuf_add(q, num);
	}
}

/* Writes <dir>/<view>.csv and appends the view's resource to resources. */
static int export_view(council_db *db, const council_export_options *opt, const char *dir,
                       const char *view, json_t *resources)
{
	view_cols vc;
	sqlbuf q;
	sqlite3_stmt *st = NULL;
	exp_file file;
	exp_out *out;
	unsigned *seen = NULL;
	char *path;
	json_t *doc = NULL, *res = NULL, *schema = NULL, *fields;
	int rc, i, ncol;

	if ((rc = view_columns(&vc, db, view)) != COUNCIL_OK)
		return rc;
	view_query(&q, view, &vc, &opt->filter);
	if ((rc = sqlbuf_prepare(&st, db, &q)) != COUNCIL_OK)
		return rc;
	sqlbuf_bind_filter(st, &opt->filter);
	ncol = sqlite3_column_count(st);
	path = malloc(strlen(dir) + strlen(view) + sizeof "/.csv");
	out = malloc(sizeof *out);
	seen = calloc((size_t)ncol + 1, sizeof *seen);
	if (!path || !out || !seen) {
		rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		goto done;
	}
	sprintf(path, "%s/%s.csv", dir, view);
	if ((rc = file_open(&file, db, path)) != COUNCIL_OK)
		goto done;
	out->cb = file_write;
	out->ctx = &file;
	out->stopped = 0;
	out->len = 0;
	for (i = 0; i < ncol; i++) {
		const char *name = sqlite3_column_name(st, i);
		if (i)
			exp_put(out, ",", 1);
		csv_field(out, name, strlen(name));
	}
	exp_put(out, "\r\n", 2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < ncol; i++) {
			int t = sqlite3_column_type(st, i);
			const char *v = (const char *)sqlite3_column_text(st, i);
			if (i)
				exp_put(out, ",", 1);
			seen[i] |= t == SQLITE_INTEGER ? SEEN_INT : t == SQLITE_FLOAT ? SEEN_REAL :
			           t == SQLITE_NULL ? 0u : (unsigned)SEEN_TEXT;
			if (v)
				csv_field(out, v, (size_t)sqlite3_column_bytes(st, i));
		}
		if (exp_put(out, "\r\n", 2))
			break;
	}
	exp_flush(out);
	if (out->stopped)
		rc = COUNCIL_EIO; /* file_close names the file and the reason */
	else if (rc != SQLITE_DONE)
		rc = cdb_sqlite_error(db, rc, view);
	else
		rc = COUNCIL_OK;
	if ((rc = file_close(&file, db, rc)) != COUNCIL_OK)
		goto done;

	/* Its resource in datapackage.json. */
	if (!(doc = view_doc(db, view, &rc)))
		goto done;
	rc = COUNCIL_ENOMEM;
	if (!(res = json_object()) ||
	    /* An empty field is SQL NULL: the CSV cannot tell NULL from "". */
	    !(schema = json_pack("{s:[], s:[s]}", "fields", "missingValues", "")) ||
	    json_object_set_new(res, "name", json_string(view)) ||
	    json_object_set_new(res, "path", json_string(path + strlen(dir) + 1)) ||
	    json_object_set_new(res, "profile", json_string("tabular-data-resource")) ||
	    json_object_set_new(res, "format", json_string("csv")) ||
	    json_object_set_new(res, "mediatype", json_string("text/csv")) ||
	    json_object_set_new(res, "encoding", json_string("utf-8")))
		goto done;
	if (json_object_get(doc, "") &&
	    json_object_set(res, "description", json_object_get(doc, "")))
		goto done;
	if (json_object_set_new(res, "dialect",
	                        json_pack("{s:s, s:s, s:s, s:b, s:b}", "delimiter", ",",
	                                  "lineTerminator", "\r\n", "quoteChar", "\"",
	                                  "doubleQuote", 1, "header", 1)))
		goto done;
	fields = json_object_get(schema, "fields");
	for (i = 0; i < ncol; i++) {
		const char *name = sqlite3_column_name(st, i);
		json_t *fd = json_pack("{s:s, s:s}", "name", name,
		                       "type", field_type(sqlite3_column_decltype(st, i), seen[i]));
		json_t *d = json_object_get(doc, name);
		if (!fd || (d && json_object_set(fd, "description", d)) || json_array_append_new(fields, fd))
			goto done;
	}
	if (json_object_set(res, "schema", schema) ||
	    json_array_append(resources, res))
		goto done;
	rc = COUNCIL_OK;
done:
	if (rc == COUNCIL_ENOMEM)
		rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	sqlite3_finalize(st);
	json_decref(doc);
	json_decref(schema);
	json_decref(res);
	free(seen);
	free(out);
	free(path);
	return rc;
}

static int json_to_out(const char *buffer, size_t size, void *data)
{
	return exp_put(data, buffer, size) ? -1 : 0;
}

static int export_csv(council_db *db, const council_export_options *opt, const char *dir)
{
	static const char views_sql[] =
		"SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name";
	sqlite3_stmt *st = NULL;
	json_t *pkg, *resources;
	char **views = NULL;
	size_t n = 0, i;
	int rc;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return cdb_error(db, COUNCIL_EIO, "%s: %s", dir, strerror(errno));
	/* The public views as this database has them: a newer schema's views
	 * are exported without a change here. */
	rc = sqlite3_prepare_v2(db->sql, views_sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, "listing views");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char **grown = realloc(views, (n + 1) * sizeof *views);
		if (!grown || !(grown[n] = cdb_strdup(cdb_col_text(st, 0)))) {
			views = grown ? grown : views;
			rc = SQLITE_NOMEM;
			break;
		}
		views = grown;
		n++;
	}
	rc = sqlbuf_finish(db, st, rc, "listing views");
	pkg = json_pack("{s:s, s:s, s:s, s:s, s:[]}",
	                "profile", "tabular-data-package",
	                "name", "libcouncil-registry",
	                "title", "Lithuanian municipal community-organisation councils",
	                "description", "The public views of a libcouncil registry "
	                "(councils, members, meetings, action plans, events), one CSV file each; "
	                "partial dates are ISO text of the precision known (YYYY, YYYY-MM or "
	                "YYYY-MM-DD).",
	                "resources");
	resources = json_object_get(pkg, "resources");
	if (rc == COUNCIL_OK && !pkg)
		rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	for (i = 0; i < n && rc == COUNCIL_OK; i++)
		rc = export_view(db, opt, dir, views[i], resources);
	if (rc == COUNCIL_OK) {
		char *path = malloc(strlen(dir) + sizeof "/datapackage.json");
		exp_file file;
		exp_out *out = malloc(sizeof *out);
		if (!path || !out) {
			rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		} else {
			sprintf(path, "%s/datapackage.json", dir);
			if ((rc = file_open(&file, db, path)) == COUNCIL_OK) {
				out->cb = file_write;
				out->ctx = &file;
				out->stopped = 0;
				out->len = 0;
				json_dump_callback(pkg, json_to_out, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
				exp_put(out, "\n", 1);
				exp_flush(out);
				rc = file_close(&file, db, out->stopped ? COUNCIL_EIO : COUNCIL_OK);
			}
		}
		free(path);
		free(out);
	}
	json_decref(pkg);
	for (i = 0; i < n; i++)
		free(views[i]);
	free(views);
	return rc;
}

/* ---- the public calls ---------------------------------------------------- */

static int check_options(council_db *db, const council_export_options *o)
{
	int rc;

	if ((rc = sqlbuf_check_filter(db, &o->filter)) != COUNCIL_OK)
		return rc;
	if (o->format != COUNCIL_EXPORT_CSV && o->format != COUNCIL_EXPORT_ICAL &&
	    o->format != COUNCIL_EXPORT_POPOLO && o->format != COUNCIL_EXPORT_POSTGRES)
		return cdb_error(db, COUNCIL_EINVAL, "format: %d is not an export format",
		                 (int)o->format);
	/* A database copy is the whole registry: a filtered one would break
	 * its foreign keys (a member without its council's documents). */
	if (o->format == COUNCIL_EXPORT_POSTGRES &&
	    (o->filter.council_id > 0 || o->filter.year_from > 0 || o->filter.year_to > 0))
		return cdb_error(db, COUNCIL_EINVAL, "filter: the postgres export is the whole "
		                 "registry; filter the views in PostgreSQL instead");
	if (o->uid_domain) {
		/* It goes into every UID unescaped: a host name's characters only. */
		const char *p = o->uid_domain;
		for (; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			      (*p >= '0' && *p <= '9') || *p == '.' || *p == '-'))
				break;
		if (*p || !*o->uid_domain || strlen(o->uid_domain) > 253)
			return cdb_error(db, COUNCIL_EINVAL, "uid_domain: \"%s\" is not a domain name",
			                 o->uid_domain);
	}
	if (o->filter.council_id > 0)
		return cdb_require_row(db, "council", "filter.council_id", o->filter.council_id);
	return COUNCIL_OK;
}

/* Every export reads one snapshot, so its files agree with each other even
 * while an import is writing: a read transaction of its own, unless the
 * caller's is open. */
static int snapshot_begin(council_db *db, int *began)
{
	int rc;

	*began = 0;
	if (!sqlite3_get_autocommit(db->sql))
		return COUNCIL_OK;
	if ((rc = sqlite3_exec(db->sql, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK)
		return cdb_sqlite_error(db, rc, "export");
	*began = 1;
	return COUNCIL_OK;
}

static void snapshot_end(council_db *db, int began)
{
	/* Nothing was written: ending a read transaction cannot lose data. */
	if (began && !sqlite3_get_autocommit(db->sql))
		(void)sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

/* The single-file formats, by name. */
static int export_stream(council_db *db, const council_export_options *o, exp_out *out)
{
	switch (o->format) {
	case COUNCIL_EXPORT_ICAL:
		return exp_ical(db, o, out);
	case COUNCIL_EXPORT_POPOLO:
		return exp_popolo(db, o, out);
	case COUNCIL_EXPORT_POSTGRES:
		return exp_postgres(db, o, out);
	default:
		(void)out;
		return cdb_error(db, COUNCIL_EINVAL, "format: %d is not a single-file export format",
		                 (int)o->format);
	}
}

int council_export(council_db *db, const council_export_options *o, const char *path)
{
	council_export_options defaults;
	int rc, began;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if (!o) {
		council_export_options_init(&defaults);
		o = &defaults;
	}
	if (!path || !*path)
		return cdb_error(db, COUNCIL_EINVAL, "path: required");
	if ((rc = check_options(db, o)) != COUNCIL_OK)
		return rc;
	if ((rc = snapshot_begin(db, &began)) != COUNCIL_OK)
		return rc;
	if (o->format == COUNCIL_EXPORT_CSV) {
		rc = export_csv(db, o, path);
	} else {
		exp_file file;
		exp_out *out = malloc(sizeof *out);
		if (!out) {
			rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		} else if ((rc = file_open(&file, db, path)) == COUNCIL_OK) {
			out->cb = file_write;
			out->ctx = &file;
			out->stopped = 0;
			out->len = 0;
			rc = export_stream(db, o, out);
			if (rc == COUNCIL_OK && exp_flush(out))
				rc = COUNCIL_EIO;
			rc = file_close(&file, db, rc);
		}
		free(out);
	}
	snapshot_end(db, began);
	return rc;
}

int council_export_write(council_db *db, const council_export_options *o,
                         council_write_cb cb, void *ctx)
{
	council_export_options defaults;
	exp_out *out;
	int rc, began;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if (!o) {
		council_export_options_init(&defaults);
		o = &defaults;
	}
	if (!cb)
		return cdb_error(db, COUNCIL_EINVAL, "cb: required");
	if ((rc = check_options(db, o)) != COUNCIL_OK)
		return rc;
	if (o->format == COUNCIL_EXPORT_CSV)
		return cdb_error(db, COUNCIL_EINVAL, "format: csv is a directory of files; "
		                 "use council_export with a path");
	if (!(out = malloc(sizeof *out)))
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	out->cb = cb;
	out->ctx = ctx;
	out->stopped = 0;
	out->len = 0;
	if ((rc = snapshot_begin(db, &began)) == COUNCIL_OK) {
		rc = export_stream(db, o, out);
		if (rc == COUNCIL_OK)
			rc = exp_flush(out);
		else if (out->stopped)
			rc = out->stopped;
		snapshot_end(db, began);
	}
	free(out);
	return rc;
}
