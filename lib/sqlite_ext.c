/* SPDX-License-Identifier: MIT */
/*
 * sqlite_ext.c -- libcouncil_sqlite, a loadable SQLite extension giving the
 * sqlite3 shell, Datasette and any other SQLite client the Lithuanian text
 * operations the library and the CLI use: the `lt` collation, lt_fold() and
 * lt_match().  Built from lib/utf8.c itself, so the shell sorts and matches
 * exactly as `council` does; nothing of the registry's schema lives here.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "utf8.h"

/* The entry point SQLite derives from the file name libcouncil_sqlite.so
 * ("sqlite3_" + the letters after "lib" + "_init"), so `.load
 * libcouncil_sqlite` needs no second argument.  Declared here because the
 * extension has no header: -Wmissing-prototypes asks for one. */
int sqlite3_councilsqlite_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api);

static int collate_lt(void *ctx, int na, const void *a, int nb, const void *b)
{
	(void)ctx;
	return utf8_collate_n(a, (size_t)na, b, (size_t)nb);
}

/* Folds one argument; *out NULL with no error for SQL NULL.  Text that is
 * not valid UTF-8 is folded all the same (invalid bytes kept), as the
 * library's own search does, rather than failing a whole query over one
 * bad row. */
static int fold_arg(char **out, sqlite3_context *cx, sqlite3_value *v)
{
	const unsigned char *s;
	int n;

	*out = NULL;
	if (sqlite3_value_type(v) == SQLITE_NULL)
		return 0;
	s = sqlite3_value_text(v);
	n = sqlite3_value_bytes(v);
	if (!s || !(*out = utf8_fold((const char *)s, (size_t)n))) {
		sqlite3_result_error_nomem(cx);
		return -1;
	}
	return 0;
}

/* lt_fold(text): lower case without diacritics, "Klaipėdos" -> "klaipedos";
 * NULL for NULL. */
static void fn_lt_fold(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char *f;

	(void)argc;
	if (fold_arg(&f, cx, argv[0]) != 0)
		return;
	if (!f) {
		sqlite3_result_null(cx);
		return;
	}
	sqlite3_result_text(cx, f, -1, free);
}

/* lt_match(haystack, needle): 1 when the folded needle occurs in the folded
 * haystack -- how `council --council NAME` matches a name -- else 0; NULL
 * when either is NULL. */
static void fn_lt_match(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char *h, *n;

	(void)argc;
	if (fold_arg(&h, cx, argv[0]) != 0)
		return;
	if (fold_arg(&n, cx, argv[1]) != 0) {
		free(h);
		return;
	}
	if (!h || !n)
		sqlite3_result_null(cx);
	else
		sqlite3_result_int(cx, strstr(h, n) != NULL);
	free(h);
	free(n);
}

int sqlite3_councilsqlite_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api)
{
	/* Deterministic and innocuous: usable in indexes, generated columns,
	 * views and by Datasette's untrusted queries. */
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc;

	(void)errmsg;
	SQLITE_EXTENSION_INIT2(api);
	rc = sqlite3_create_collation(db, "lt", SQLITE_UTF8, NULL, collate_lt);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "lt_fold", 1, flags, NULL, fn_lt_fold, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "lt_match", 2, flags, NULL, fn_lt_match, NULL, NULL);
	return rc;
}
