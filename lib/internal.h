/*
 * internal.h -- what the library's modules share and nobody else sees: the
 * database handle's layout, the error-setting helpers, and the prepared
 * statement helpers every entity module uses to bind and read columns.
 */
#ifndef COUNCIL_INTERNAL_H
#define COUNCIL_INTERNAL_H

#include <sqlite3.h>
#include <stdarg.h>
#include "council.h"

#if defined(__GNUC__)
#define CDB_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define CDB_PRINTF(a, b)
#endif

/* Prepared statements are cached per handle, keyed by the address of their
 * SQL text (always a string literal), so a hot insert is prepared once. */
#define CDB_STMT_CACHE 128

struct council_db {
	sqlite3 *sql;
	char *path;
	unsigned flags;
	int in_txn;          /* an explicit council_begin is open */
	int savepoints;      /* depth of internal write savepoints */
	int errcode;
	char errmsg[1024];
	struct {
		const char *key;
		sqlite3_stmt *stmt;
	} cache[CDB_STMT_CACHE];
};

/* Records code and a formatted message on db; returns code. */
int cdb_error(council_db *db, int code, const char *fmt, ...) CDB_PRINTF(3, 4);

/* Maps an SQLite result code (and SQLite's own message) to a status code,
 * records it with "what" as context; returns the status code. */
int cdb_sqlite_error(council_db *db, int rc, const char *what);

/* Clears the last error (every public entry point starts with this). */
void cdb_clear(council_db *db);

/* COUNCIL_EMISUSE unless db is usable; for entry points taking a handle. */
int cdb_enter(council_db *db);
/* As cdb_enter, and COUNCIL_EREADONLY for a read-only handle. */
int cdb_enter_write(council_db *db);

/* Returns the cached statement for sql, reset and with bindings cleared. */
int cdb_prepare(sqlite3_stmt **out, council_db *db, const char *sql);

/* Steps a statement that returns no rows; maps errors with context. */
int cdb_exec_stmt(council_db *db, sqlite3_stmt *st, const char *what);

/* Runs SQL text without parameters (BEGIN, SAVEPOINT, schema). */
int cdb_exec(council_db *db, const char *sql, const char *what);

/* Internal atomic section: a savepoint so a multi-statement change applies
 * entirely or not at all, inside or outside an explicit transaction. */
int cdb_atomic_begin(council_db *db);
int cdb_atomic_end(council_db *db, int rc);

/* Binding helpers: NULL for "unknown" (NULL text, id 0, number -1, date
 * with year 0). */
int cdb_bind_text(sqlite3_stmt *st, int i, const char *s);
int cdb_bind_id(sqlite3_stmt *st, int i, council_id id);
int cdb_bind_opt_int(sqlite3_stmt *st, int i, int64_t v);
int cdb_bind_date(sqlite3_stmt *st, int i, const council_date *d);
int cdb_bind_enum(sqlite3_stmt *st, int i, council_enum e, int v);

/* Column helpers.  cdb_col_text returns a borrowed pointer (valid until the
 * next step) or NULL; cdb_col_dup a malloc'd copy (sets *oom on failure). */
const char *cdb_col_text(sqlite3_stmt *st, int i);
char *cdb_col_dup(sqlite3_stmt *st, int i, int *oom);
int64_t cdb_col_opt_int(sqlite3_stmt *st, int i);
void cdb_col_date(sqlite3_stmt *st, int i, council_date *d);
int cdb_col_enum(sqlite3_stmt *st, int i, council_enum e);

/* Field validation shared by the entity modules; each records a message
 * naming the field and returns COUNCIL_EINVAL, or COUNCIL_OK. */
int cdb_require_text(council_db *db, const char *field, const char *s, size_t max_len);
int cdb_require_id(council_db *db, const char *field, council_id id);
int cdb_check_date(council_db *db, const char *field, const council_date *d, int required);
int cdb_check_period(council_db *db, const char *field, const council_period *p);
int cdb_check_enum(council_db *db, const char *field, council_enum e, int v);

/* Confirms a referenced row exists (e.g. council_id); COUNCIL_ENOTFOUND
 * naming the field otherwise.  table is a literal. */
int cdb_require_row(council_db *db, const char *table, const char *field, council_id id);

/* Result of a delete/update by id: ENOTFOUND when no row changed. */
int cdb_changed_or_notfound(council_db *db, const char *what, council_id id);

/* Appends the SQL for the filter clauses of a list query into buf.
 * Reproduced per module because columns differ; see each list function. */

/* strdup that tolerates NULL. */
char *cdb_strdup(const char *s);

/* Registers the library's SQL helpers (collation "lt") on a connection. */
int cdb_register_functions(sqlite3 *sql);

/* Called from council_open after the connection is configured. */
int cdb_schema_apply(council_db *db);

#endif /* COUNCIL_INTERNAL_H */
