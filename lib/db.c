/* SPDX-License-Identifier: MIT */
/*
 * db.c -- the database handle: open and close, schema creation and forward
 * migration, explicit transactions, and the error model every module uses.
 * Entity CRUD lives in one file per entity; the import pipeline in import/.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "schema_sql.h"

#define COUNCIL_APPLICATION_ID 1129272654 /* 'COUN' */

const char *council_version(void)
{
	return COUNCIL_VERSION_STRING;
}

const char *council_strerror(int code)
{
	switch (code) {
	case COUNCIL_OK: return "ok";
	case COUNCIL_ERROR: return "error";
	case COUNCIL_ENOTFOUND: return "not found";
	case COUNCIL_EEXISTS: return "already exists";
	case COUNCIL_EINVAL: return "invalid value";
	case COUNCIL_EPARSE: return "cannot parse input";
	case COUNCIL_ECONSTRAINT: return "constraint violated";
	case COUNCIL_EBUSY: return "database is busy";
	case COUNCIL_EIO: return "input/output error";
	case COUNCIL_ENOMEM: return "out of memory";
	case COUNCIL_ENEWER: return "database made by a newer libcouncil";
	case COUNCIL_EREADONLY: return "database is read-only";
	case COUNCIL_EMISUSE: return "library misuse";
	case COUNCIL_ECORRUPT: return "not a libcouncil database, or damaged";
	case COUNCIL_EHASCHILDREN: return "other records depend on this one";
	default: return "unknown status code";
	}
}

void council_free(void *p)
{
	free(p);
}

char *cdb_strdup(const char *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* ---- errors -------------------------------------------------------------- */

void cdb_clear(council_db *db)
{
	db->errcode = COUNCIL_OK;
	db->errmsg[0] = '\0';
}

int cdb_error(council_db *db, int code, const char *fmt, ...)
{
	va_list ap;

	char msg[sizeof db->errmsg];

	if (!db)
		return code;
	/* Through a copy: callers may pass council_errmsg(db) as an argument. */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	db->errcode = code;
	memcpy(db->errmsg, msg, sizeof msg);
	return code;
}

int cdb_error_wrap(council_db *db, int code, const char *fmt, ...)
{
	char prefix[256], old[sizeof db->errmsg];
	va_list ap;

	if (!db)
		return code;
	memcpy(old, db->errmsg, sizeof old);
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	db->errcode = code;
	snprintf(db->errmsg, sizeof db->errmsg, "%s: %s", prefix, old);
	return code;
}

int cdb_sqlite_error(council_db *db, int rc, const char *what)
{
	int code;
	const char *msg = db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_NOMEM: code = COUNCIL_ENOMEM; break;
	case SQLITE_BUSY: case SQLITE_LOCKED: code = COUNCIL_EBUSY; break;
	case SQLITE_READONLY: code = COUNCIL_EREADONLY; break;
	case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_CANTOPEN:
	case SQLITE_PERM: case SQLITE_AUTH:
		code = COUNCIL_EIO;
		break;
	case SQLITE_CORRUPT: case SQLITE_NOTADB: code = COUNCIL_ECORRUPT; break;
	case SQLITE_MISUSE: code = COUNCIL_EMISUSE; break;
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			code = COUNCIL_EEXISTS;
		else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			code = COUNCIL_ENOTFOUND;
		else
			code = COUNCIL_ECONSTRAINT;
		break;
	default: code = COUNCIL_ERROR; break;
	}
	return cdb_error(db, code, "%s: %s", what, msg);
}

const char *council_errmsg(const council_db *db)
{
	if (!db)
		return "out of memory";
	return db->errmsg;
}

int council_errcode(const council_db *db)
{
	return db ? db->errcode : COUNCIL_ENOMEM;
}

int cdb_enter(council_db *db)
{
	if (!db)
		return COUNCIL_EMISUSE;
	cdb_clear(db);
	if (!db->sql)
		return cdb_error(db, COUNCIL_EMISUSE, "database handle is closed");
	return COUNCIL_OK;
}

int cdb_enter_write(council_db *db)
{
	int rc = cdb_enter(db);

	if (rc == COUNCIL_OK && (db->flags & COUNCIL_OPEN_READONLY))
		return cdb_error(db, COUNCIL_EREADONLY, "%s: opened read-only",
		                 db->path[0] ? db->path : ":memory:");
	return rc;
}

/* ---- statements ---------------------------------------------------------- */

int cdb_prepare(sqlite3_stmt **out, council_db *db, const char *sql)
{
	size_t h = ((size_t)(uintptr_t)sql >> 3) % CDB_STMT_CACHE;
	size_t i;
	int rc;

	for (i = 0; i < CDB_STMT_CACHE; i++) {
		size_t k = (h + i) % CDB_STMT_CACHE;
		if (db->cache[k].key == sql) {
			sqlite3_reset(db->cache[k].stmt);
			sqlite3_clear_bindings(db->cache[k].stmt);
			*out = db->cache[k].stmt;
			return COUNCIL_OK;
		}
		if (!db->cache[k].key) {
			rc = sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT,
			                        &db->cache[k].stmt, NULL);
			if (rc != SQLITE_OK)
				return cdb_sqlite_error(db, rc, "preparing statement");
			db->cache[k].key = sql;
			*out = db->cache[k].stmt;
			return COUNCIL_OK;
		}
	}
	/* The cache holds every statement the library has; running out means a
	 * new module forgot to raise CDB_STMT_CACHE. */
	return cdb_error(db, COUNCIL_ERROR, "statement cache full");
}

/* Keeps the first failure's message over what a rollback may add. */
static void rollback_keeping_error(council_db *db, const char *sql)
{
	int code = db->errcode;
	char saved[sizeof db->errmsg];

	memcpy(saved, db->errmsg, sizeof saved);
	sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
	/* rows people.c holds for an import may be among those undone */
	cdb_people_rolled_back(db);
	db->errcode = code;
	memcpy(db->errmsg, saved, sizeof saved);
}

int cdb_exec_stmt(council_db *db, sqlite3_stmt *st, const char *what)
{
	int rc, own = 0;

	if (!sqlite3_stmt_readonly(st)) {
		/* The history's triggers read the origin from change_context,
		 * which must be empty again when the change commits: a write
		 * outside any transaction gets one of its own around it.
		 * IMMEDIATE, as a lone write would take the write lock at once
		 * too, rather than fail on a snapshot another writer moved. */
		if (sqlite3_get_autocommit(db->sql)) {
			if ((rc = sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK) {
				sqlite3_reset(st);
				return cdb_sqlite_error(db, rc, what);
			}
			own = 1;
		}
		if ((rc = cdb_origin_sync(db)) != COUNCIL_OK) {
			sqlite3_reset(st);
			if (own)
				rollback_keeping_error(db, "ROLLBACK");
			return rc;
		}
	}
	rc = sqlite3_step(st);
	db->changes = sqlite3_changes(db->sql);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(st);
		if (own) {
			if ((rc = cdb_origin_clear(db)) == COUNCIL_OK &&
			    (rc = sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
				rc = cdb_sqlite_error(db, rc, what);
			if (rc != COUNCIL_OK && !sqlite3_get_autocommit(db->sql))
				rollback_keeping_error(db, "ROLLBACK");
			return rc;
		}
		return COUNCIL_OK;
	}
	rc = cdb_sqlite_error(db, sqlite3_reset(st), what);
	if (own && !sqlite3_get_autocommit(db->sql))
		rollback_keeping_error(db, "ROLLBACK");
	return rc;
}

int cdb_exec(council_db *db, const char *sql, const char *what)
{
	char *msg = NULL;
	int rc;

	/* The one place text SQL commits (council_commit, the importer's own
	 * transaction): the history's origin must not be committed with it. */
	if ((strncmp(sql, "COMMIT", 6) == 0 || strncmp(sql, "END", 3) == 0) &&
	    (rc = cdb_origin_clear(db)) != COUNCIL_OK)
		return rc;
	rc = sqlite3_exec(db->sql, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		int code = cdb_sqlite_error(db, rc, what);
		if (msg)
			cdb_error(db, code, "%s: %s", what, msg);
		sqlite3_free(msg);
		return code;
	}
	return COUNCIL_OK;
}

/* Runs a statement without parameters from the statement cache: the
 * savepoint statements below run for every event and every imported file,
 * and compiling them each time cost more than the inserts they guard. */
static int exec_cached(council_db *db, const char *sql, const char *what)
{
	sqlite3_stmt *st;
	int rc = cdb_prepare(&st, db, sql);

	return rc != COUNCIL_OK ? rc : cdb_exec_stmt(db, st, what);
}

int cdb_atomic_begin(council_db *db)
{
	int outside = sqlite3_get_autocommit(db->sql);
	int rc = exec_cached(db, "SAVEPOINT council_atomic", "starting change");

	if (rc == COUNCIL_OK) {
		if (db->savepoints++ == 0)
			db->atomic_began_txn = outside;
	}
	return rc;
}

int cdb_atomic_end(council_db *db, int rc)
{
	/* Releasing the savepoint that began the transaction commits it: the
	 * history's origin goes first. */
	int commits = --db->savepoints == 0 && db->atomic_began_txn;

	if (rc == COUNCIL_OK && commits)
		rc = cdb_origin_clear(db);
	if (rc == COUNCIL_OK) {
		rc = exec_cached(db, "RELEASE council_atomic", "committing change");
		if (rc == COUNCIL_OK)
			return rc;
	}
	/* Keep the first failure's message: the rollback's own status would
	 * only hide why the change failed.  change_context goes back to what
	 * it held at the savepoint, which need not be the origin in hand. */
	rollback_keeping_error(db, "ROLLBACK TO council_atomic; RELEASE council_atomic");
	db->ctx_valid = 0;
	return rc;
}

int cdb_write_begin(council_db *db, int *own)
{
	int rc;

	*own = sqlite3_get_autocommit(db->sql);
	if (*own && (rc = cdb_exec(db, "BEGIN IMMEDIATE", "starting change")) != COUNCIL_OK) {
		*own = 0;
		return rc;
	}
	if ((rc = cdb_atomic_begin(db)) != COUNCIL_OK && *own) {
		rollback_keeping_error(db, "ROLLBACK");
		*own = 0;
	}
	return rc;
}

int cdb_write_end(council_db *db, int own, int rc)
{
	rc = cdb_atomic_end(db, rc);
	if (!own)
		return rc;
	/* cdb_exec empties change_context before the COMMIT */
	if (rc == COUNCIL_OK)
		rc = cdb_exec(db, "COMMIT", "committing change");
	if (rc != COUNCIL_OK && !sqlite3_get_autocommit(db->sql))
		rollback_keeping_error(db, "ROLLBACK");
	return rc;
}

int cdb_changed_or_notfound(council_db *db, const char *what, council_id id)
{
	if (db->changes == 0)
		return cdb_error(db, COUNCIL_ENOTFOUND, "%s %lld: no such record", what,
		                 (long long)id);
	return COUNCIL_OK;
}

/* ---- schema and migrations ----------------------------------------------- */

int council_process_init(void)
{
	/* Process-wide: only before SQLite is initialised, which the first
	 * sqlite3_open does. */
	return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK ? COUNCIL_OK : COUNCIL_EMISUSE;
}

int council_schema_latest(void)
{
	return council_schema_version_latest;
}

static int pragma_int(council_db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return cdb_sqlite_error(db, rc, db->path[0] ? db->path : ":memory:");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		return COUNCIL_OK;
	}
	sqlite3_finalize(st);
	return cdb_sqlite_error(db, rc, db->path[0] ? db->path : ":memory:");
}

/* Forward migrations: step i brings a database from version i+1 to i+2.
 * Each runs inside the one transaction that also sets user_version, so a
 * failed upgrade leaves the old database as it was.  A step is SQL or,
 * where SQLite's ALTER TABLE cannot express the change (a generated column
 * becoming a stored one, a CHECK rewritten), SCHEMA_REBUILD: every table is
 * rebuilt from the embedded schema, which is the latest one, so a rebuild
 * ends the upgrade.  Every step has a database of the version before it in
 * tests/fixtures/schema/ and a test in tests/test_db.c. */
static const char SCHEMA_REBUILD[] = "rebuild"; /* compared by address */

/* An event's participant totals from its groups: the SELECT of every
 * totals trigger in schema.sql, for the event whose id is E. */
#define TOTALS_OF(E) \
	"(SELECT sum(p.count), CASE WHEN count(*) = 0 THEN NULL " \
	"WHEN count(*) = 1 THEN max(p.qualifier) " \
	"WHEN sum(p.qualifier = 'about') > 0 THEN 'about' " \
	"WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least' ELSE 'exact' END, count(*) " \
	"FROM event_participants p WHERE p.event_id = " E ")"
/* The same since version 7, per document: the totals of the document
 * counting the most, groups entered by hand counted with the event's own
 * document (schema.sql, section "one answer"). */
#define TOTALS7_OF(E) \
	"(SELECT sum(p.count), CASE WHEN count(*) = 1 THEN max(p.qualifier) " \
	"WHEN sum(p.qualifier = 'about') > 0 THEN 'about' " \
	"WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least' ELSE 'exact' END, count(*) " \
	"FROM event_participants p JOIN event ev ON ev.id = p.event_id " \
	"WHERE p.event_id = " E " GROUP BY coalesce(p.source_id, ev.source_id) " \
	"UNION ALL SELECT NULL, NULL, 0 ORDER BY 1 DESC, 2, 3 LIMIT 1)"
#define SET_TOTALS "UPDATE event SET (participants, participants_qualifier, participant_groups) = "
#define TOTALS_REFUSED \
	"SELECT RAISE(ABORT, 'event: participant totals are kept from event_participants " \
	"by triggers; write those rows instead'); "

#define MIGRATE_TOTALS_AND_NAME_KEY \
	"ALTER TABLE council ADD COLUMN name_key BLOB;" \
	"UPDATE council SET name_key = lt_key(name);" \
	"ALTER TABLE event ADD COLUMN participants INTEGER;" \
	"ALTER TABLE event ADD COLUMN participants_qualifier TEXT;" \
	"ALTER TABLE event ADD COLUMN participant_groups INTEGER NOT NULL DEFAULT 0;" \
	SET_TOTALS TOTALS_OF("event.id") \
	" WHERE id IN (SELECT event_id FROM event_participants);" \
	"CREATE INDEX event_by_council_year_participants ON event(council_id, year, participants);" \
	"CREATE TRIGGER event_participants_insert AFTER INSERT ON event_participants BEGIN " \
	"UPDATE event SET participants = coalesce(participants, 0) + NEW.count, " \
	"participants_qualifier = CASE WHEN participant_groups = 0 THEN NEW.qualifier " \
	"WHEN participants_qualifier = 'about' OR NEW.qualifier = 'about' THEN 'about' " \
	"WHEN participants_qualifier <> 'exact' OR NEW.qualifier <> 'exact' THEN 'at_least' " \
	"ELSE 'exact' END, participant_groups = participant_groups + 1 " \
	"WHERE id = NEW.event_id; END;" \
	"CREATE TRIGGER event_participants_delete AFTER DELETE ON event_participants BEGIN " \
	SET_TOTALS TOTALS_OF("OLD.event_id") " WHERE id = OLD.event_id; END;" \
	"CREATE TRIGGER event_participants_update " \
	"AFTER UPDATE OF event_id, count, qualifier ON event_participants BEGIN " \
	SET_TOTALS TOTALS_OF("event.id") " WHERE id = NEW.event_id OR id = OLD.event_id; END;" \
	"CREATE TRIGGER event_totals_insert AFTER INSERT ON event " \
	"WHEN (NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS NOT " \
	TOTALS_OF("NEW.id") " BEGIN " TOTALS_REFUSED "END;" \
	"CREATE TRIGGER event_totals_update " \
	"BEFORE UPDATE OF id, participants, participants_qualifier, participant_groups ON event " \
	"WHEN (NEW.participants, NEW.participants_qualifier, NEW.participant_groups) IS NOT " \
	TOTALS_OF("NEW.id") " BEGIN " TOTALS_REFUSED "END;" \
	"CREATE TRIGGER council_name_key AFTER UPDATE OF name ON council " \
	"WHEN NEW.name IS NOT OLD.name AND NEW.name_key IS OLD.name_key " \
	"BEGIN UPDATE council SET name_key = NULL WHERE id = NEW.id; END;" \
	"DROP VIEW events_overview;" \
	"CREATE VIEW events_overview(council, title, date_start, date_end, participants, " \
	"qualifier, location, organiser, remote, kind, event_id) AS " \
	"SELECT c.name, e.title, e.date_start, e.date_end, e.participants, " \
	"e.participants_qualifier, e.location, e.organiser, e.remote, e.kind, e.id " \
	"FROM event e JOIN council c ON c.id = e.council_id;"
/* Migration steps that run a marked section of the embedded schema, from
 * its line "-- >>> NAME" to "-- <<< NAME", as it is rather than a copy
 * here (compared by address).  Each section is self-contained: the
 * objects of its version, created anew or replaced. */
/* Version 3 -> 4, "identity": stable records and protected corrections.
 * Tables source_alias, record_source, source_review and reviewed, the
 * natural-key indexes, the *_forget triggers and the views
 * figure_conflicts and record_sources.  Rows keep their source_id as
 * their primary source; record_source starts empty (documents that
 * reused another's rows before version 4 were not recorded).  Paths
 * already stored stay as they were typed (the directory they were
 * relative to is not known); the importer finds a document by that
 * spelling too and rewrites it canonical (lib/import/load.c).  The
 * *_review triggers came with it until version 7 moved them to the
 * "origin" section. */
static const char IDENTITY_SECTION[] = "identity";
static const char HISTORY_SECTION[] = "history";
static const char ORIGIN_SECTION[] = "origin";
static const char PEOPLE_SECTION[] = "people";
static const char ATTENDANCE_SECTION[] = "attendance";
static const char MEMBERS_SECTION[] = "members_overview";
static const char ONE_ANSWER_SECTION[] = "one answer";
static const char VIEWS_SECTION[] = "views";
static const char DATED_SECTION[] = "dated memberships";
/* 13 -> 14: a former surname is the person's (issue 13). */
static const char FORMER_SECTION[] = "former name";
/* 14 -> 15: history and review triggers on the columns they record
 * (issue 15). */
static const char COLUMN_TRIGGERS_SECTION[] = "column triggers";
static const char TOTALS_GUARD_SECTION[] = "totals guard";
/* After the section "one answer": each document's council, from what it
 * stated -- the council it named (its primary source or record_source),
 * else the council of any record it is the source of. */
static const char ONE_ANSWER_COPY[] =
	/* filled as an import fills it: no change in the history (schema.sql) */
	"INSERT INTO change_origin(kind) VALUES ('import');"
	"INSERT OR REPLACE INTO change_context(id, origin_id) VALUES (1, last_insert_rowid());"
	"UPDATE source_document SET council_id = coalesce("
	" (SELECT id FROM council WHERE source_id = source_document.id ORDER BY id LIMIT 1),"
	" (SELECT record_id FROM record_source WHERE table_name = 'council'"
	"   AND source_id = source_document.id ORDER BY record_id LIMIT 1),"
	" (SELECT council_id FROM member WHERE source_id = source_document.id LIMIT 1),"
	" (SELECT council_id FROM meeting WHERE source_id = source_document.id LIMIT 1),"
	" (SELECT council_id FROM event WHERE source_id = source_document.id LIMIT 1),"
	" (SELECT council_id FROM reported_figure WHERE source_id = source_document.id LIMIT 1),"
	" (SELECT council_id FROM plan WHERE source_id = source_document.id LIMIT 1),"
	" (SELECT council_id FROM legal_act WHERE source_id = source_document.id LIMIT 1))"
	" WHERE council_id IS NULL;"
	/* the totals per document: the same as before for an event whose
	 * groups one document states (every event a version-6 import made) */
	SET_TOTALS TOTALS7_OF("event.id") " WHERE participant_groups > 0 AND "
	"(participants, participants_qualifier, participant_groups) IS NOT " TOTALS7_OF("event.id") ";"
	"DELETE FROM change_context;";
static const char *const migrations[] = {
	/* 1 -> 2: look imported documents up by hash without a scan */
	"CREATE INDEX source_document_by_sha256 ON source_document(sha256);",
	/* 2 -> 3: meeting.year and event.year stored, so indexes cover the
	 * per-council counts; enumeration CHECKs without IN lists */
	SCHEMA_REBUILD,
	/* 3 -> 4: identity (see IDENTITY_SECTION) */
	IDENTITY_SECTION,
	/* 4 -> 5 (the history, issue 10): change_origin, change_context,
	 * history, the triggers on every table of records and the view
	 * changes -- the section of the embedded schema between its markers
	 * "-- >>> history" and "-- <<< history", run as it is rather than
	 * copied here, since it is some 450 lines of triggers.  Self-contained:
	 * it only adds objects, so it can be numbered before or after another
	 * step.  Rows already in the database get no history (nothing is known
	 * of how they came). */
	HISTORY_SECTION,
	/* 5 -> 6 (issue 15, "participant totals and council sort key"): each
	 * event's participant totals kept on its row by triggers, an index on
	 * (council_id, year, participants) covering the per-year sums, and
	 * council.name_key, the name's Lithuanian sort key (lt_key is
	 * registered on the library's connection before migrations run).
	 * Self-contained: the triggers and view are spelled out as schema.sql
	 * has them at version 6.  Runs after the history
	 * step: ALTER TABLE keeps the history triggers on event and council, and
	 * the totals this step writes are derived, which those triggers (and the
	 * *_review ones) do not name, so filling them records no history. */
	MIGRATE_TOTALS_AND_NAME_KEY,
	/* 6 -> 7 (issue 10, "origin"): one table says who is writing
	 * (change_context; write_origin goes, the *_review triggers read the
	 * history's origin instead), the table `removed` of records a person
	 * removed, which a later import keeps out, and
	 * an import's inserts written to the history with their values.  Its
	 * section replaces the triggers it names and adds the rest, so it
	 * can be numbered before or after another step; nothing to copy. */
	ORIGIN_SECTION,
	/* 7 -> 8 (issue 14, "people and memberships"): person, member.person_id,
	 * person_ambiguity and the views of memberships and their terms -- the
	 * section "people", run as it is; then every member row already there
	 * gets its person (people.c; cdb_schema_apply does it once the steps
	 * are done, as a rebuild from an older version needs it too).
	 * Self-contained: it adds a column with ALTER TABLE (which keeps the
	 * history triggers, and person_id is derived, which they do not name)
	 * and replaces the view members_overview with itself plus two columns
	 * at the end; no row of any table is changed but for person_id. */
	PEOPLE_SECTION,
	/* 8 -> 9 (issue 13, protocols): who attended a meeting -- the tables
	 * attendance and meeting_quorum, their history triggers and the view
	 * meeting_attendance: the section "attendance", run as it is.  It only
	 * adds objects (after the history's step, whose tables its triggers
	 * write).  Nothing is copied: no older database knows who attended. */
	ATTENDANCE_SECTION,
	/* 9 -> 10 (issue 13, members' side and delegating body): the view
	 * members_overview gains the column delegated_by at its end -- the
	 * section "members_overview", which drops the view and creates it
	 * again.  The member table has had side and delegated_by since
	 * version 1. */
	MEMBERS_SECTION,
	/* 10 -> 11 (issue 14, "one answer per council-year"): the section
	 * "one answer" (source_document.council_id and its index, the
	 * participant totals per document, the views meetings_per_year,
	 * events_overview, findings and coverage, the table municipality),
	 * then ONE_ANSWER_COPY, which fills the new column. */
	ONE_ANSWER_SECTION,
	/* 11 -> 12 (issue 16, "views for analysts"): every public view of one
	 * council's records ends with council_id, municipality (and year
	 * where its rows are dated), the new view participants_per_year, and
	 * the table schema_doc -- the section "views", which drops those views
	 * and creates them again (a view holds no rows, so nothing is copied).
	 * schema_doc is filled after every step (cdb_schema_doc_fill). */
	VIEWS_SECTION,
	/* 12 -> 13 (issue 14, "dated memberships"): a term ends the day the
	 * holder's next office began (member_term), and the view findings
	 * reads dated memberships and person_ambiguity -- the section "dated
	 * memberships", which drops the two views and creates them again with
	 * the same columns (a view holds no rows, so nothing is copied). */
	DATED_SECTION,
	/* 13 -> 14 (issue 13, "former name"): member.former_name, the
	 * member's history and review triggers made again with it, and the
	 * view members_overview with it at its end -- the section "former
	 * name", which also makes a former surname an older import left in
	 * represents ("buvusi Valančiūtė") the former name (SQL function
	 * lt_former_name, stmt.c), between dropping the triggers and making
	 * them again: no history, no mark of a person's.  Self-contained: it
	 * adds a column and replaces only what it names. */
	FORMER_SECTION,
	/* 14 -> 15 (issue 15, "import at 20 MB/s"): the history and review
	 * triggers of event and member made again to run on an update of the
	 * columns they record only, so that an event's participant totals and
	 * a member's person do not run them; and the index member_people
	 * (council_id, id, name, person_id, former_name) lib/people.c reads a
	 * council's member rows from -- the section "column triggers".  The
	 * triggers write what they wrote; no row changes. */
	COLUMN_TRIGGERS_SECTION,
	/* 15 -> 16 (issue 15, "import at 20 MB/s"): the totals guards
	 * event_totals_insert and event_totals_update made again to check an
	 * event whose groups one document states in one pass over its groups,
	 * without grouping and sorting them per document -- the section
	 * "totals guard".  They accept and refuse exactly the totals they did;
	 * no row changes.  Self-contained: it replaces only the two triggers. */
	TOTALS_GUARD_SECTION,
	NULL
};

/* Whether a migration step is a section of the embedded schema. */
static int is_section(const char *step)
{
	return step == IDENTITY_SECTION || step == HISTORY_SECTION || step == ORIGIN_SECTION ||
	       step == PEOPLE_SECTION || step == ATTENDANCE_SECTION || step == MEMBERS_SECTION ||
	       step == ONE_ANSWER_SECTION || step == VIEWS_SECTION || step == DATED_SECTION ||
	       step == FORMER_SECTION || step == COLUMN_TRIGGERS_SECTION ||
	       step == TOTALS_GUARD_SECTION;
}

/* Runs section name of the embedded schema (see migrations). */
static int run_section(council_db *db, const char *name)
{
	char from[64], to[64];
	const char *start, *end;
	char *sql;
	int rc;

	snprintf(from, sizeof from, "\n-- >>> %s ", name);
	snprintf(to, sizeof to, "\n-- <<< %s\n", name);
	start = strstr(council_schema_sql, from);
	end = start ? strstr(start, to) : NULL;
	if (!start || !end)
		return cdb_error(db, COUNCIL_ERROR, "migrating schema: the embedded schema has no "
		                 "%s section", name);
	if (!(sql = malloc((size_t)(end - start) + 1)))
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	memcpy(sql, start, (size_t)(end - start));
	sql[end - start] = '\0';
	rc = cdb_exec(db, sql, "migrating schema");
	free(sql);
	return rc;
}

/* Runs the statement fmt once per row of the query list, with the row's
 * first column for each %w/%s of fmt.  The names are collected first, as
 * the statements change sqlite_schema, which list reads. */
static int each_name(council_db *db, const char *list, const char *fmt)
{
	sqlite3_stmt *st;
	char **sql = NULL;
	size_t n = 0, cap = 0, i;
	int rc = COUNCIL_OK, step;

	if (sqlite3_prepare_v2(db->sql, list, -1, &st, NULL) != SQLITE_OK)
		return cdb_sqlite_error(db, sqlite3_errcode(db->sql), "migrating schema");
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *name = sqlite3_column_text(st, 0);
		if (n == cap) {
			char **grown = realloc(sql, (cap = cap ? cap * 2 : 16) * sizeof *sql);
			if (!grown) {
				rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
				break;
			}
			sql = grown;
		}
		if (!(sql[n] = sqlite3_mprintf(fmt, name, name))) {
			rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
			break;
		}
		n++;
	}
	if (rc == COUNCIL_OK && step != SQLITE_DONE)
		rc = cdb_sqlite_error(db, step, "migrating schema");
	sqlite3_finalize(st);
	for (i = 0; i < n; i++) {
		if (rc == COUNCIL_OK)
			rc = cdb_exec(db, sql[i], "migrating schema");
		sqlite3_free(sql[i]);
	}
	free(sql);
	return rc;
}

/* The rebuild: views, triggers and indexes go, every table is renamed
 * aside, the embedded schema creates the latest tables, indexes and views,
 * each table gets the rows of its old self (the columns both have; a
 * generated column of the old table reads as its value), the old tables go.
 * Foreign keys are off meanwhile (the caller turns them off outside the
 * transaction, as SQLite requires), so they are checked before commit. */
static int schema_rebuild(council_db *db)
{
	static const char copy[] =
		"SELECT printf('INSERT INTO \"%w\" (%s) SELECT %s FROM \"%w__old\"', t.name,"
		"              group_concat(printf('\"%w\"', n.name), ', '),"
		"              group_concat(printf('\"%w\"', n.name), ', '), t.name)"
		"  FROM sqlite_schema t, pragma_table_xinfo(t.name) n"
		" WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite!_%' ESCAPE '!'"
		"   AND t.name NOT LIKE '%!_!_old' ESCAPE '!' AND n.hidden = 0"
		"   AND n.name IN (SELECT name FROM pragma_table_xinfo(t.name || '__old'))"
		" GROUP BY t.name";
	int rc, bad = 0;

	if ((rc = each_name(db, "SELECT name FROM sqlite_schema WHERE type = 'view'",
	                    "DROP VIEW \"%w\"")) != COUNCIL_OK ||
	    (rc = each_name(db, "SELECT name FROM sqlite_schema WHERE type = 'trigger'",
	                    "DROP TRIGGER \"%w\"")) != COUNCIL_OK ||
	    (rc = each_name(db, "SELECT name FROM sqlite_schema "
	                        "WHERE type = 'index' AND sql IS NOT NULL",
	                    "DROP INDEX \"%w\"")) != COUNCIL_OK ||
	    (rc = each_name(db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
	                        "AND name NOT LIKE 'sqlite!_%' ESCAPE '!'",
	                    "ALTER TABLE \"%w\" RENAME TO \"%w__old\"")) != COUNCIL_OK ||
	    (rc = cdb_exec(db, council_schema_sql, "migrating schema")) != COUNCIL_OK ||
	    /* The history's triggers would record every copied row as a new
	     * insert (and clash with the copied history): they are set aside
	     * while the rows move, then created again from their own text. */
	    (rc = cdb_exec(db, "CREATE TEMP TABLE council_rebuild_triggers AS "
	                       "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'",
	                   "migrating schema")) != COUNCIL_OK ||
	    (rc = each_name(db, "SELECT name FROM temp.council_rebuild_triggers",
	                    "DROP TRIGGER \"%w\"")) != COUNCIL_OK ||
	    (rc = each_name(db, copy, "%s")) != COUNCIL_OK ||
	    /* Derived columns the old tables lacked, filled while the
	     * triggers are aside (the totals triggers included, so the groups'
	     * copy did not add them up): participant totals from the groups,
	     * the council sort key with the library's function, which no
	     * trigger may call. */
	    (rc = cdb_exec(db, SET_TOTALS TOTALS7_OF("event.id")
	                       " WHERE id IN (SELECT event_id FROM event_participants)",
	                   "migrating schema")) != COUNCIL_OK ||
	    (rc = cdb_exec(db, "UPDATE council SET name_key = lt_key(name) WHERE name_key IS NULL",
	                   "migrating schema")) != COUNCIL_OK ||
	    (rc = each_name(db, "SELECT sql FROM temp.council_rebuild_triggers", "%s")) != COUNCIL_OK ||
	    (rc = cdb_exec(db, "DROP TABLE temp.council_rebuild_triggers",
	                   "migrating schema")) != COUNCIL_OK ||
	    (rc = each_name(db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
	                        "AND name LIKE '%!_!_old' ESCAPE '!'",
	                    "DROP TABLE \"%w\"")) != COUNCIL_OK)
		return rc;
	if ((rc = pragma_int(db, "SELECT count(*) FROM pragma_foreign_key_check", &bad)) != COUNCIL_OK)
		return rc;
	if (bad)
		return cdb_error(db, COUNCIL_ECORRUPT,
		                 "migrating schema: %d rows refer to rows that do not exist", bad);
	return COUNCIL_OK;
}

int cdb_schema_apply(council_db *db)
{
	const char *name = db->path[0] ? db->path : ":memory:";
	int version = 0, appid = 0, tables = 0, latest = council_schema_version_latest;
	int rc, rebuild = 0;

	if ((rc = pragma_int(db, "PRAGMA user_version", &version)) != COUNCIL_OK)
		return rc;
	if ((rc = pragma_int(db, "PRAGMA application_id", &appid)) != COUNCIL_OK)
		return rc;
	if (appid != 0 && appid != COUNCIL_APPLICATION_ID)
		return cdb_error(db, COUNCIL_ECORRUPT,
		                 "%s: not a libcouncil database (application_id %d)", name, appid);
	if (version > latest)
		return cdb_error(db, COUNCIL_ENEWER,
		                 "%s: schema version %d is newer than this libcouncil's %d; "
		                 "upgrade libcouncil to open it", name, version, latest);
	if (version == latest)
		return COUNCIL_OK;
	if (db->flags & COUNCIL_OPEN_NOMIGRATE)
		return COUNCIL_OK;
	if (db->flags & COUNCIL_OPEN_READONLY)
		return cdb_error(db, COUNCIL_EREADONLY,
		                 "%s: schema version %d needs upgrading to %d, "
		                 "but the database was opened read-only", name, version, latest);

	/* A rebuild drops tables other tables refer to: foreign keys must be
	 * off, and SQLite only turns them off outside a transaction. */
	if (version > 0) {
		int v;
		for (v = version; v < latest && migrations[v - 1]; v++)
			if (migrations[v - 1] == SCHEMA_REBUILD)
				rebuild = 1;
	}
	if (rebuild && (rc = cdb_exec(db, "PRAGMA foreign_keys = OFF", name)) != COUNCIL_OK)
		return rc;
	if ((rc = cdb_exec(db, "BEGIN IMMEDIATE", name)) != COUNCIL_OK)
		goto restore;
	/* Re-read under the write lock: another process may have created or
	 * upgraded the schema while we waited. */
	if ((rc = pragma_int(db, "PRAGMA user_version", &version)) != COUNCIL_OK)
		goto fail;
	if (version == 0) {
		if ((rc = pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables)) != COUNCIL_OK)
			goto fail;
		if (tables > 0) {
			rc = cdb_error(db, COUNCIL_ECORRUPT,
			               "%s: not a libcouncil database (it has tables but no schema version)",
			               name);
			goto fail;
		}
		if ((rc = cdb_exec(db, council_schema_sql, "creating schema")) != COUNCIL_OK)
			goto fail;
	} else {
		for (; version < latest; version++) {
			const char *step = migrations[version - 1];
			char buf[64];
			if (!step) {
				rc = cdb_error(db, COUNCIL_ERROR, "%s: no migration from version %d",
				               name, version);
				goto fail;
			}
			if (step == SCHEMA_REBUILD) {
				/* The embedded schema sets user_version to latest. */
				if ((rc = schema_rebuild(db)) != COUNCIL_OK)
					goto fail;
				break;
			}
			if (is_section(step)) {
				if ((rc = run_section(db, step)) != COUNCIL_OK ||
				    (step == ONE_ANSWER_SECTION &&
				     (rc = cdb_exec(db, ONE_ANSWER_COPY, "migrating schema")) != COUNCIL_OK))
					goto fail;
			} else if ((rc = cdb_exec(db, step, "migrating schema")) != COUNCIL_OK) {
				goto fail;
			}
			snprintf(buf, sizeof buf, "PRAGMA user_version = %d", version + 1);
			if ((rc = cdb_exec(db, buf, "migrating schema")) != COUNCIL_OK)
				goto fail;
		}
		/* Rows from before version 8 (by its step or a rebuild) get their
		 * persons. */
		if ((rc = cdb_people_settle(db, COUNCIL_ALL)) != COUNCIL_OK)
			goto fail;
	}
	/* The 60 municipalities (schema version 7), from the importer's word
	 * list: in every database made or upgraded here (coverage.c). */
	if ((rc = cdb_municipalities_fill(db)) != COUNCIL_OK)
		goto fail;
	/* The descriptions follow the embedded schema, whichever path made it. */
	if ((rc = cdb_schema_doc_fill(db)) != COUNCIL_OK)
		goto fail;
	if ((rc = cdb_exec(db, "COMMIT", name)) == COUNCIL_OK)
		goto restore;
fail:
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
restore:
	/* Cannot fail in practice; the first error's message is the one kept. */
	if (rebuild)
		sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return rc;
}

int council_schema_version(int *out, council_db *db)
{
	int rc = cdb_enter(db);

	if (rc != COUNCIL_OK)
		return rc;
	return pragma_int(db, "PRAGMA user_version", out);
}

/* ---- open and close ------------------------------------------------------ */

int council_open(council_db **out, const char *path, unsigned flags)
{
	council_db *db;
	int oflags, rc;
	int memory;

	*out = NULL;
	db = calloc(1, sizeof *db);
	if (!db)
		return COUNCIL_ENOMEM;
	*out = db;
	db->flags = flags;
	/* Hand edits through the library unless the program says otherwise
	 * (council_origin_set; the council tool says "cli"). */
	memcpy(db->origin_label, "library", sizeof "library");
	if (!path || !*path) {
		db->path = cdb_strdup("");
		return cdb_error(db, COUNCIL_EINVAL, "database path is empty");
	}
	memory = strcmp(path, ":memory:") == 0;
	db->path = cdb_strdup(memory ? "" : path);
	if (!db->path)
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");

	if (flags & COUNCIL_OPEN_READONLY)
		oflags = SQLITE_OPEN_READONLY;
	else if (flags & COUNCIL_OPEN_NOCREATE)
		oflags = SQLITE_OPEN_READWRITE;
	else
		oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	/* Handles are used by one thread at a time: no SQLite mutexes needed. */
	oflags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;

	rc = sqlite3_open_v2(path, &db->sql, oflags, NULL);
	if (rc != SQLITE_OK) {
		struct stat st;
		/* Not found only when nothing is there: a directory or a file we
		 * may not open is an I/O error. */
		int code = (rc & 0xff) == SQLITE_CANTOPEN
		           ? ((flags & (COUNCIL_OPEN_READONLY | COUNCIL_OPEN_NOCREATE)) &&
		              stat(path, &st) != 0 && errno == ENOENT
		              ? COUNCIL_ENOTFOUND : COUNCIL_EIO)
		           : COUNCIL_ERROR;
		cdb_error(db, code, "%s: cannot open database: %s", path,
		          db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc));
		sqlite3_close(db->sql);
		db->sql = NULL;
		return code;
	}
	sqlite3_extended_result_codes(db->sql, 1);
	sqlite3_busy_timeout(db->sql, 10000);
	cdb_origin_hooks(db);

	if ((rc = cdb_exec(db, "PRAGMA foreign_keys = ON", path)) != COUNCIL_OK)
		goto fail;
	if ((rc = cdb_register_functions(db->sql)) != SQLITE_OK) {
		rc = cdb_sqlite_error(db, rc, "registering functions");
		goto fail;
	}
	/* Reading the header first turns "file is not a database" into a clear
	 * error before any write is attempted. */
	{
		int dummy;
		if ((rc = pragma_int(db, "PRAGMA user_version", &dummy)) != COUNCIL_OK) {
			if (rc == COUNCIL_ECORRUPT || rc == COUNCIL_ERROR)
				rc = cdb_error(db, COUNCIL_ECORRUPT, "%s: not a database, or damaged: %s",
				               path, sqlite3_errmsg(db->sql));
			goto fail;
		}
	}
	/* The schema check comes first: a newer or foreign database must be
	 * left byte-for-byte as it was, and switching to WAL rewrites the
	 * header. */
	if ((rc = cdb_schema_apply(db)) != COUNCIL_OK)
		goto fail;
	if (!memory && !(flags & COUNCIL_OPEN_READONLY)) {
		/* WAL lets readers run while one writer imports; NORMAL sync is
		 * durable across process crashes, which is what WAL guarantees. */
		if ((rc = cdb_exec(db, "PRAGMA journal_mode = WAL", path)) != COUNCIL_OK)
			goto fail;
		if ((rc = cdb_exec(db, "PRAGMA synchronous = NORMAL", path)) != COUNCIL_OK)
			goto fail;
	}
	cdb_clear(db);
	return COUNCIL_OK;
fail:
	{
		/* Keep the message but drop the connection: the handle is only good
		 * for reading why it failed and for council_close. */
		int i;
		for (i = 0; i < CDB_STMT_CACHE; i++)
			sqlite3_finalize(db->cache[i].stmt), db->cache[i].stmt = NULL, db->cache[i].key = NULL;
		sqlite3_close(db->sql);
		db->sql = NULL;
	}
	return rc;
}

void council_close(council_db *db)
{
	int i;

	if (!db)
		return;
	for (i = 0; i < CDB_STMT_CACHE; i++)
		sqlite3_finalize(db->cache[i].stmt);
	for (i = 0; i < CDB_FLUSH_TABLES; i++)
		sqlite3_finalize(db->flush[i].stmt);
	if (db->sql) {
		if (!sqlite3_get_autocommit(db->sql))
			sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(db->sql);
	}
	cdb_import_notes_free(db->import_notes);
	cdb_people_close(db);
	free(db->path);
	free(db->import_doc);
	free(db);
}

const char *council_db_path(const council_db *db)
{
	return db && db->path ? db->path : "";
}

/* ---- transactions -------------------------------------------------------- */

int council_begin(council_db *db)
{
	int rc = cdb_enter(db);

	if (rc != COUNCIL_OK)
		return rc;
	if (db->in_txn)
		return cdb_error(db, COUNCIL_EMISUSE, "a transaction is already open");
	/* IMMEDIATE takes the write lock now, so a later write cannot fail with
	 * a deadlock-style SQLITE_BUSY halfway through the caller's work. */
	rc = cdb_exec(db, (db->flags & COUNCIL_OPEN_READONLY) ? "BEGIN" : "BEGIN IMMEDIATE",
	              "beginning transaction");
	if (rc == COUNCIL_OK)
		db->in_txn = 1;
	return rc;
}

int council_commit(council_db *db)
{
	int rc = cdb_enter(db);

	if (rc != COUNCIL_OK)
		return rc;
	if (!db->in_txn)
		return cdb_error(db, COUNCIL_EMISUSE, "no transaction is open");
	rc = cdb_exec(db, "COMMIT", "committing transaction"); /* empties change_context */
	if (rc == COUNCIL_OK || sqlite3_get_autocommit(db->sql))
		db->in_txn = 0;
	return rc;
}

int council_rollback(council_db *db)
{
	int rc = cdb_enter(db);

	if (rc != COUNCIL_OK)
		return rc;
	if (!db->in_txn)
		return cdb_error(db, COUNCIL_EMISUSE, "no transaction is open");
	db->in_txn = 0;
	if (sqlite3_get_autocommit(db->sql))
		return COUNCIL_OK; /* SQLite already rolled back (e.g. after SQLITE_FULL) */
	return cdb_exec(db, "ROLLBACK", "rolling back transaction");
}

int council_table_counts(council_db *db, council_count_cb cb, void *ctx)
{
	/* Fixed list, not sqlite_schema: table names reach SQL only as literals. */
	static const char *const sql[][2] = {
		{ "council", "SELECT count(*) FROM council" },
		{ "member", "SELECT count(*) FROM member" },
		{ "meeting", "SELECT count(*) FROM meeting" },
		{ "reported_figure", "SELECT count(*) FROM reported_figure" },
		{ "plan", "SELECT count(*) FROM plan" },
		{ "measure", "SELECT count(*) FROM measure" },
		{ "measure_fulfilment", "SELECT count(*) FROM measure_fulfilment" },
		{ "event", "SELECT count(*) FROM event" },
		{ "event_participants", "SELECT count(*) FROM event_participants" },
		{ "legal_act", "SELECT count(*) FROM legal_act" },
		{ "source_document", "SELECT count(*) FROM source_document" },
	};
	size_t i;
	int rc = cdb_enter(db);

	if (rc != COUNCIL_OK)
		return rc;
	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		int n = 0;
		if ((rc = pragma_int(db, sql[i][1], &n)) != COUNCIL_OK)
			return rc;
		if ((rc = cb(ctx, sql[i][0], n)) != 0)
			return rc;
	}
	return COUNCIL_OK;
}
