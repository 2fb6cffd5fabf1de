/* SPDX-License-Identifier: MIT */
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
#define CDB_STMT_CACHE 256
/* Tables of records an import inserts into (change_range's rows). */
#define CDB_FLUSH_TABLES 16

struct council_db {
	sqlite3 *sql;
	char *path;
	unsigned flags;
	int in_txn;          /* an explicit council_begin is open */
	int savepoints;      /* depth of internal write savepoints */
	int errcode;
	char errmsg[1024];
	/* Rows the last write statement run by cdb_exec_stmt changed: the
	 * history's bookkeeping around an autocommit write runs statements of
	 * its own, so sqlite3_changes() no longer answers by then. */
	int64_t changes;
	/* The origin history.c records for this handle's writes: the label of
	 * hand edits ("library", or council_origin_set's), unless an import
	 * set one for the document it loads (import_kind "import" or "review",
	 * its path and SHA-256).  ctx_valid: change_context holds that origin
	 * in the open transaction; ctx_dirty: it may hold a row the library
	 * must delete before the transaction commits. */
	char origin_label[33];
	char import_kind[8];
	char *import_doc;
	char import_sha[65];
	int ctx_valid;
	int ctx_dirty;
	int atomic_began_txn; /* the outermost internal savepoint began the transaction */
	int history;          /* the schema has the history: -1 not asked yet, 0, 1 */
	int ranges_open;      /* change_range is noting an import's inserts */
	struct cdb_people_cache *people; /* an import's span of people.c's
	                                    cache; NULL outside one */
	struct cdb_name_memo *names;     /* people.c's names read before */
	void *import_notes;  /* the last import's notes (load.c): a struct whose
	                        first member is a council_import_notes; or NULL */
	struct {
		const char *key;
		sqlite3_stmt *stmt;
	} cache[CDB_STMT_CACHE];
	/* The statements writing an import's inserts to the history, one per
	 * table, built from the schema (history.c) and so not in the cache,
	 * which is keyed by literals. */
	struct {
		char table[32];
		sqlite3_stmt *stmt;
	} flush[CDB_FLUSH_TABLES];
};

/* Records code and a formatted message on db; returns code. */
int cdb_error(council_db *db, int code, const char *fmt, ...) CDB_PRINTF(3, 4);

/* Prefixes the message already recorded on db with a formatted context
 * ("meetings[2] 2025-06-12: <old message>"); returns code. */
int cdb_error_wrap(council_db *db, int code, const char *fmt, ...) CDB_PRINTF(3, 4);

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

/* Steps a statement that returns no rows; maps errors with context.  A
 * statement that writes first makes change_context name the handle's
 * origin (history.c); outside a transaction it runs in one of its own, so
 * that the origin is gone again when it commits.  Afterwards db->changes
 * holds sqlite3_changes() of the statement. */
int cdb_exec_stmt(council_db *db, sqlite3_stmt *st, const char *what);

/* Writes the 60 municipalities into the table municipality, keeping
 * those there (coverage.c); inside the schema's transaction. */
int cdb_municipalities_fill(council_db *db);

/* Runs SQL text without parameters (BEGIN, SAVEPOINT, schema).  Before a
 * COMMIT (or END) it empties change_context (history.c). */
int cdb_exec(council_db *db, const char *sql, const char *what);

/* Fills the table schema_doc from the comments of the embedded schema
 * (schema_doc.c): what every table, view and column is.  Run inside the
 * transaction that creates or upgrades the schema. */
int cdb_schema_doc_fill(council_db *db);

/* ---- history (history.c) ------------------------------------------------ */

/* Names the origin of the writes that follow on db: kind "import" or
 * "review" with the document's path and SHA-256 (either may be NULL), for
 * the importer's load; kind NULL goes back to the handle's own label
 * ("library", or what council_origin_set chose).  Takes effect at the next
 * write, inside the transaction or savepoint that is open.  Returns
 * COUNCIL_OK or COUNCIL_ENOMEM. */
int cdb_origin_set(council_db *db, const char *kind, const char *document,
                   const char *sha256);
/* Makes change_context hold db's origin; db must be inside a transaction.
 * Called by cdb_exec_stmt before a write. */
int cdb_origin_sync(council_db *db);
/* Empties change_context if this transaction wrote it; before a commit. */
int cdb_origin_clear(council_db *db);
/* Installs the commit and rollback hooks that forget the origin state when
 * a transaction ends, however it ends. */
void cdb_origin_hooks(council_db *db);

/* Internal atomic section: a savepoint so a multi-statement change applies
 * entirely or not at all, inside or outside an explicit transaction. */
int cdb_atomic_begin(council_db *db);
int cdb_atomic_end(council_db *db, int rc);
/* An atomic change that reads before it writes: outside a transaction it
 * takes the write lock first (BEGIN IMMEDIATE; *own set), so that another
 * writer makes it wait in the busy handler rather than fail upgrading its
 * read (doc/reliability.md, Concurrency).  cdb_write_end ends it as
 * cdb_atomic_end, committing what it began. */
int cdb_write_begin(council_db *db, int *own);
int cdb_write_end(council_db *db, int own, int rc);

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

/* free for the strings and arrays a record owns: record fields are const
 * (the caller's literals may be stored in a record to add), but those of a
 * record from *_get are heap copies the library releases here. */
void cdb_free_const(const void *p);

/* Registers the library's SQL helpers (collation "lt") on a connection. */
int cdb_register_functions(sqlite3 *sql);

/* Called from council_open after the connection is configured. */
int cdb_schema_apply(council_db *db);

/* ---- people (people.c) --------------------------------------------------- */

/* Gives every member of council (COUNCIL_ALL: of every council with such
 * members, and then drops persons no member is of) without a person its
 * person, and lists the council's names that fit several people
 * (person_ambiguity). */
int cdb_people_settle(council_db *db, council_id council);
/* An import's file: from cdb_people_begin to cdb_people_end, the rows of
 * the council settled are read once and kept in step (people.c), each
 * member written still gets its person at once, and the initials of
 * council (the one the file wrote) are listed by cdb_people_end, which
 * returns rc (or the first failure of its own when rc is COUNCIL_OK) and
 * always ends the span.  cdb_people_rolled_back: a rollback undid writes
 * the span saw. */
int cdb_people_begin(council_db *db);
int cdb_people_end(council_db *db, council_id council, int rc);
void cdb_people_rolled_back(council_db *db);
/* Releases people.c's memory of the handle (council_close). */
void cdb_people_close(council_db *db);
/* After member's name changed: forgets its person when the name no longer
 * fits the person's other names (a settle decides again), else keeps it
 * (renamed when the member is its only one). */
int cdb_people_recheck(council_db *db, council_id member);
/* The person of the council that name is (a same name, or the one person
 * it fits by initial or married surname); 0 when none.  Writes nothing. */
int cdb_people_find(council_id *person, council_db *db, council_id council, const char *name);

/* ---- shared by the entity modules (stmt.c) ------------------------------ */

/* A number that is -1 when unknown: COUNCIL_OK for -1 unless required,
 * otherwise v must lie in lo..hi; EINVAL naming the field. */
int cdb_check_int(council_db *db, const char *field, int64_t v, int64_t lo, int64_t hi,
                  int required);
/* Optional text: NULL passes; anything else as cdb_require_text. */
int cdb_check_text(council_db *db, const char *field, const char *s, size_t max_len);

/* A foreign key a write sets: the table it points at (a literal), the
 * field to name in a message, and the id (0 = none). */
typedef struct cdb_ref {
	const char *table;
	const char *field;
	council_id id;
} cdb_ref;

/* After a write failed with rc: when rc is the ENOTFOUND that a foreign-key
 * failure maps to, finds the first ref whose row is missing and names its
 * field in the message.  Existence is checked only after a failure, so the
 * insert path runs no extra SELECT.  Returns rc. */
int cdb_blame_fk(council_db *db, int rc, const cdb_ref *refs, size_t n);

/* Runs the cached statement sql with ?1 = id to its first row.  COUNCIL_OK
 * leaves the row in *out (the caller reads it, then sqlite3_reset);
 * ENOTFOUND "what ID: no such what" when there is none. */
int cdb_step_id(sqlite3_stmt **out, council_db *db, const char *sql, council_id id,
                const char *what);
/* Executes the cached statement sql with ?1 = id; ENOTFOUND when it
 * changed no row (deletes by id). */
int cdb_exec_id(council_db *db, const char *sql, council_id id, const char *what);

/* How to check, bind, read, copy, free and hand on one kind of record, so
 * that add, update, get, delete and list are written once.  Every record
 * begins with its council_id id.  cdb_fn is the generic function pointer
 * type the typed list callbacks travel as; emit casts back before calling. */
typedef void (*cdb_fn)(void);
typedef struct cdb_entity {
	const char *name;        /* "member": used in messages */
	size_t size;             /* sizeof the record */
	const size_t *strings;   /* offsets of the record's owned string fields */
	size_t n_strings;
	/* Fills rec from the current row; strings borrowed from st. */
	void (*read)(sqlite3_stmt *st, void *rec);
	/* Completes a borrowed rec if needed and passes it to cb. */
	int (*emit)(council_db *db, cdb_fn cb, void *ctx, void *rec);
	/* Validates rec, naming the field at fault. */
	int (*check)(council_db *db, const void *rec);
	/* Binds rec's columns to ?1..?n_cols of an insert or update. */
	void (*bind)(sqlite3_stmt *st, const void *rec);
	int n_cols;              /* an update binds the id to ?n_cols+1 */
	/* Rewrites the message of a failed write (rc) to name the field: a
	 * missing referenced row, a duplicate.  Returns rc.  May be NULL. */
	int (*failed)(council_db *db, int rc, const void *rec);
	/* Records that keep a list in a child table (a measure's units, an
	 * event's measures): how many items rec lists, and the writer that
	 * replaces the stored list of row id with them.  NULL for others. */
	size_t (*n_items)(const void *rec);
	int (*write_items)(council_db *db, council_id id, const void *rec, int update);
} cdb_entity;

/* Heap copy of a borrowed record with its strings duplicated; NULL when out
 * of memory.  cdb_record_free releases it and its strings; NULL-safe. */
void *cdb_record_copy(const cdb_entity *e, const void *row);
void cdb_record_free(const cdb_entity *e, void *rec);
/* The get of every entity: the cached statement sql (?1 = id) read into a
 * heap copy; ENOTFOUND naming the record when there is no such row. */
int cdb_record_get(void **out, council_db *db, const cdb_entity *e, const char *sql,
                   council_id id);
/* Binds rec to the cached insert (update when update is nonzero, the id to
 * ?n_cols+1) sql and runs it; *id gets the new rowid on insert (may be
 * NULL).  No entry checks or validation: for use inside a larger change. */
int cdb_record_write(council_id *id, council_db *db, const cdb_entity *e, const char *sql,
                     const void *rec, int update);
/* add and update: entry checks, validation, then cdb_record_write, with
 * the record's list of items in the same atomic change when it has one. */
int cdb_record_add(council_id *id, council_db *db, const cdb_entity *e, const char *sql,
                   const void *rec);
int cdb_record_update(council_db *db, const cdb_entity *e, const char *sql, const void *rec);
/* delete by id with entry checks: ENOTFOUND when no such row. */
int cdb_record_delete(council_db *db, const cdb_entity *e, const char *sql, council_id id);

/* A list a record keeps in a child table, one row per item: how to read an
 * item from a row, bind one to an insert, and free a partly read array. */
typedef struct cdb_items {
	const char *what;        /* "measure.responsible": used in messages */
	size_t size;             /* sizeof one item */
	/* Stores column 0 of st in *item; nonzero when out of memory. */
	int (*read)(sqlite3_stmt *st, void *item);
	/* Binds item i of rec's list from ?3 on (?1 is the owner, ?2 its
	 * position). */
	void (*bind)(sqlite3_stmt *st, const void *rec, size_t i);
	/* Frees an array of n items as cdb_load_items built it. */
	void (*drop)(void *arr, size_t n);
} cdb_items;

/* Runs the cached sql (?1 = id) and collects column 0 of each row into a
 * heap array of it->size items; *out is NULL when there are none. */
int cdb_load_items(void **out, size_t *n, council_db *db, const char *sql, council_id id,
                   const cdb_items *it);
/* Stores rec's n items for owner id with the cached insert ins, after
 * clearing the old ones with del (?1 = id) when replace is set.  On a
 * failed insert, *failed_at is the item's index. */
int cdb_write_items(size_t *failed_at, council_db *db, const char *del, const char *ins,
                    council_id id, const void *rec, size_t n, int replace, const cdb_items *it);

/* ---- identity (source.c, import/load.c) --------------------------------- */

/* The canonical spelling of a document's path: realpath(3) when the file
 * exists, else absolute against the working directory with ".", ".." and
 * repeated slashes resolved lexically.  Heap string; NULL when out of
 * memory. */
char *cdb_canonical_path(const char *path);

/* The kinds of record a document states, as record_source.table_name names
 * them, with the statements that move a record's sources (source.c).  A
 * record's primary source is its source_id column; record_source lists
 * the other documents stating it, never the primary one. */
#define CDB_RECORD_TABLES 9
typedef struct cdb_record_table {
	const char *name;
	const char *get_source;     /* ?1 id -> source_id */
	const char *set_source;     /* ?1 id, ?2 source (unbound: NULL) */
	const char *promote;        /* ?1 id: source_id = the first other document */
	const char *unlink_primary; /* ?1 id: that document's record_source row goes */
	const char *delete_row;     /* ?1 id */
	const char *shared_of;      /* ?1 source: ids it is primary of, stated by others too */
} cdb_record_table;
extern const cdb_record_table cdb_record_tables[CDB_RECORD_TABLES];
/* The entry of table name; NULL when it is none of them. */
const cdb_record_table *cdb_record_table_of(const char *name);
/* Makes the first other document stating row id its primary source (and
 * its participant groups', for an event).  The caller knows there is one. */
int cdb_record_promote(council_db *db, const cdb_record_table *t, council_id id);
/* Sets row id's primary source (0: none). */
int cdb_record_set_source(council_db *db, const cdb_record_table *t, council_id id,
                          council_id src);

/* Remembers that a person removes record id of kind (an entity's name or
 * its table), when a document states it: its natural key goes into the
 * table removed with origin ('hand', or 'review PATH SHA256'), so that an
 * import stating it again keeps it out (lib/import/load_removed.c).  Call
 * before the delete, in its transaction.  Kinds without such keys, and
 * databases without the table, are no error. */
int cdb_removed_note(council_db *db, const char *kind, council_id id, const char *origin);
/* A person's correction of a record's natural key (an event's date, a
 * member's name, a meeting's date, an act's number) keeps the key its
 * document gives it as another name of it (table record_key), so that
 * the document's next import finds the corrected record rather than
 * storing the old one again.  cdb_record_key reads the key of record id
 * of kind before the update (*key heap, NULL when none is kept: a kind
 * without one, a record no document states); cdb_record_key_keep, after
 * it, keeps old_key when the key changed. */
int cdb_record_key(char **key, council_db *db, const char *kind, council_id id);
int cdb_record_key_keep(council_db *db, const char *kind, council_id id, const char *old_key);
/* Forgets the removal of record id of table (restored from the history). */
int cdb_removed_forget(council_db *db, const char *table, council_id id);

/* Frees what council_db.import_notes points at; NULL-safe. */
void cdb_import_notes_free(void *notes);

/* An import's start on db (a file's or an extraction's): *res cleared with
 * the year unknown, the write entered, the last import's notes dropped. */
int cdb_import_begin(council_import_result *res, council_db *db);

#endif /* COUNCIL_INTERNAL_H */
