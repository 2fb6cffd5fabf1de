/* SPDX-License-Identifier: MIT */
/*
 * test_db.c -- the handle (lib/db.c): opening in-memory and on-disk
 * databases with each flag, refusing newer, foreign and damaged files
 * untouched, transactions, misuse, status texts, enum names against the
 * schema's CHECK constraints, and table counts.
 */
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

static char dir[256];

/* A private directory per test for files made outside the fixtures. */
static int setup_dir(void **state)
{
	snprintf(dir, sizeof dir, "%s/council-db-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	*state = NULL;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[600];

	(void)state;
	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	if (d)
		closedir(d);
	return rmdir(dir);
}

static const char *in_dir(const char *name)
{
	static char p[2][320];
	static int k;

	k ^= 1;
	snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
	return p[k];
}

/* Runs SQL through a plain sqlite3 connection, as another tool would. */
static void raw_sql(const char *path, const char *sql)
{
	sqlite3 *s = NULL;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
	if (sqlite3_exec(s, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(s);
}

static void test_open_memory(void **state)
{
	council_db *db = NULL;
	int version = 0;

	(void)state;
	assert_int_equal(council_open(&db, ":memory:", 0), COUNCIL_OK);
	assert_non_null(db);
	assert_string_equal(council_db_path(db), "");
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_true(council_schema_latest() >= 1);
	assert_string_equal(council_errmsg(db), "");
	assert_int_equal(council_errcode(db), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "PRAGMA foreign_keys"), 1);
	council_close(db);
	assert_string_equal(council_version(), COUNCIL_VERSION_STRING);
}

static void test_open_file(void **state)
{
	const char *path = in_dir("new.db");
	council_db *db = NULL, *again = NULL;

	(void)state;
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_string_equal(council_db_path(db), path);
	assert_int_equal(access(path, F_OK), 0);
	assert_int_equal(tu_sql_int(db, "PRAGMA application_id"), 0x434F554E);
	tu_add_council(db, "Taryba");
	council_close(db);
	/* Reopening an existing database keeps its rows. */
	assert_int_equal(council_open(&again, path, COUNCIL_OPEN_NOCREATE), COUNCIL_OK);
	assert_int_equal(tu_sql_int(again, "SELECT count(*) FROM council"), 1);
	council_close(again);
}

static void test_open_missing(void **state)
{
	static const unsigned flags[] = { COUNCIL_OPEN_NOCREATE, COUNCIL_OPEN_READONLY };
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		council_db *db = NULL;
		assert_int_equal(council_open(&db, in_dir("missing.db"), flags[i]), COUNCIL_ENOTFOUND);
		/* The handle is there to say why, and must be closed. */
		assert_non_null(db);
		assert_non_null(strstr(council_errmsg(db), "missing.db"));
		assert_int_equal(council_errcode(db), COUNCIL_ENOTFOUND);
		council_close(db);
		assert_int_equal(access(in_dir("missing.db"), F_OK), -1);
	}
	{
		council_db *db = NULL;
		assert_int_equal(council_open(&db, "", 0), COUNCIL_EINVAL);
		assert_non_null(db);
		council_close(db);
		assert_int_equal(council_open(&db, NULL, 0), COUNCIL_EINVAL);
		council_close(db);
	}
}

static void test_readonly(void **state)
{
	const char *path = in_dir("ro.db");
	council_db *db = NULL;
	council_council c;

	(void)state;
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	tu_add_council(db, "Taryba");
	council_close(db);
	assert_int_equal(council_open(&db, path, COUNCIL_OPEN_READONLY), COUNCIL_OK);
	council_council_init(&c);
	c.name = (char *)"Kita";
	tu_assert_error(db, council_council_add(NULL, db, &c), COUNCIL_EREADONLY, "read-only");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);
	/* A read transaction is fine on a read-only handle. */
	assert_int_equal(council_begin(db), COUNCIL_OK);
	assert_int_equal(council_commit(db), COUNCIL_OK);
	council_close(db);
}

/* Opens path expecting want, and checks the file's bytes did not change. */
static void assert_refused_untouched(const char *path, unsigned flags, int want,
                                     const char *fragment)
{
	size_t before_len, after_len;
	char *before = tu_read_file(path, &before_len), *after;
	council_db *db = NULL;
	int same;

	assert_int_equal(council_open(&db, path, flags), want);
	assert_non_null(db);
	assert_non_null(strstr(council_errmsg(db), fragment));
	council_close(db);
	after = tu_read_file(path, &after_len);
	same = after_len == before_len && memcmp(after, before, before_len) == 0;
	free(before);
	free(after);
	if (!same)
		fail_msg("%s changed (%zu bytes before, %zu after)", path, before_len, after_len);
}

static void test_newer_schema_refused_untouched(void **state)
{
	const char *path = in_dir("newer.db");
	council_db *db = NULL;

	(void)state;
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	tu_add_council(db, "Taryba");
	council_close(db);
	raw_sql(path, "PRAGMA user_version = 99");
	assert_refused_untouched(path, 0, COUNCIL_ENEWER, "newer");
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_ENEWER, "newer");
	assert_refused_untouched(path, COUNCIL_OPEN_NOMIGRATE, COUNCIL_ENEWER, "99");
}

static void test_newer_rollback_journal_untouched(void **state)
{
	const char *path = in_dir("newer-journal.db");

	(void)state;
	/* Made by a newer libcouncil or another tool that kept the default
	 * rollback journal: opening must not switch it to WAL either. */
	raw_sql(path, "PRAGMA application_id = 1129272654; CREATE TABLE council(id INTEGER);"
	              "PRAGMA user_version = 99");
	assert_refused_untouched(path, 0, COUNCIL_ENEWER, "newer");
}

/* Copies a fixture database of an old schema version into the test dir. */
static const char *old_version(const char *fixture, const char *name)
{
	const char *path = in_dir(name);
	size_t len;
	char *bytes = tu_read_file(tu_fixture(fixture), &len);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	fclose(f);
	free(bytes);
	return path;
}

/* Version 1 -> 2 adds the index on source_document(sha256), then 2 -> 3
 * rebuilds: the rows stay, the index appears, user_version moves on. */
static void test_migrates_version_1(void **state)
{
	const char *path = old_version("schema/v1.db", "v1.db");
	council_db *db = NULL;
	int version = 0;

	(void)state;
	/* read-only: cannot upgrade, says so, leaves the file alone */
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = "
	                                "'source_document_by_sha256'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT meetings FROM meetings_per_year WHERE year = 2021"), 3);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 1);
	council_close(db);
	/* opening again finds nothing to do */
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	council_close(db);
}

/* A migration that cannot run leaves version 1 as it was: the index name
 * is taken by something else, so CREATE INDEX fails inside the step. */
static void test_failed_migration_rolls_back(void **state)
{
	const char *path = old_version("schema/v1.db", "v1-blocked.db");
	council_db *db = NULL;

	(void)state;
	raw_sql(path, "CREATE TABLE source_document_by_sha256(x INTEGER)");
	assert_refused_untouched(path, 0, COUNCIL_ERROR, "migrating schema");
	{
		int version = -1;
		assert_int_equal(council_open(&db, path, COUNCIL_OPEN_NOMIGRATE), COUNCIL_OK);
		assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
		assert_int_equal(version, 1);
		council_close(db);
	}
}

/* The query q ("SELECT * FROM t ORDER BY ...") with * replaced by the
 * columns table or view t has in the database ref, so a migrated file is
 * compared on the columns its old version had (new ones are added at the
 * end: tables since version 3, the view members_overview at version 7). */
static char *columns_of(sqlite3 *ref, const char *q)
{
	const char *from = strstr(q, " FROM ") + 6;
	int n = (int)strcspn(from, " ");
	char *sql = sqlite3_mprintf("SELECT group_concat(printf('\"%%w\"', name), ', ') FROM "
	                            "pragma_table_info('%.*q') WHERE (SELECT type FROM "
	                            "sqlite_schema WHERE name = '%.*q') IN ('table', 'view')",
	                            n, from, n, from);
	sqlite3_stmt *st = NULL;
	char *out;

	assert_int_equal(sqlite3_prepare_v2(ref, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	if (sqlite3_column_type(st, 0) == SQLITE_NULL)
		out = sqlite3_mprintf("%s", q);
	else
		out = sqlite3_mprintf("SELECT %s%s", sqlite3_column_text(st, 0), strstr(q, " FROM "));
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return out;
}

/* Every row of every table and public view of the file, as text, in a
 * fixed order: what a migration must carry over unchanged.  Tables and
 * views are read with the columns they have in ref (path itself, or a
 * copy of the old version): columns are only ever added, at the end. */
static char *dump_rows_as(const char *path, const char *ref_path)
{
	static const char *const queries[] = {
		"SELECT * FROM source_document ORDER BY id",
		"SELECT * FROM council ORDER BY id",
		"SELECT * FROM member ORDER BY id",
		"SELECT * FROM meeting ORDER BY id",
		"SELECT * FROM reported_figure ORDER BY id",
		"SELECT * FROM plan ORDER BY id",
		"SELECT * FROM measure ORDER BY id",
		"SELECT * FROM measure_responsible ORDER BY measure_id, pos",
		"SELECT * FROM measure_fulfilment ORDER BY id",
		"SELECT * FROM event ORDER BY id",
		"SELECT * FROM event_measure ORDER BY event_id, measure_id",
		"SELECT * FROM event_participants ORDER BY id",
		"SELECT * FROM legal_act ORDER BY id",
		"SELECT * FROM meetings_per_year ORDER BY council_id, year",
		"SELECT * FROM meetings_overview ORDER BY meeting_id",
		"SELECT * FROM events_overview ORDER BY event_id",
		"SELECT * FROM members_overview ORDER BY member_id",
		"SELECT * FROM measures_overview ORDER BY measure_id",
	};
	sqlite3 *s = NULL, *ref = NULL;
	char *out = sqlite3_mprintf("");
	size_t q;

	assert_int_equal(sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_open_v2(ref_path, &ref, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		sqlite3_stmt *st = NULL;
		char *sql = columns_of(ref, queries[q]);
		int c;
		if (sqlite3_prepare_v2(s, sql, -1, &st, NULL) != SQLITE_OK)
			fail_msg("%s: %s", sql, sqlite3_errmsg(s));
		sqlite3_free(sql);
		out = sqlite3_mprintf("%z\n%s\n", out, queries[q]);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (c = 0; c < sqlite3_column_count(st); c++)
				out = sqlite3_mprintf("%z%s%s:%s", out, c ? "|" : "",
				                      sqlite3_column_name(st, c),
				                      sqlite3_column_type(st, c) == SQLITE_NULL
				                      ? "NULL" : (const char *)sqlite3_column_text(st, c));
			out = sqlite3_mprintf("%z\n", out);
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(ref);
	sqlite3_close(s);
	return out;
}

static char *dump_rows(const char *path)
{
	return dump_rows_as(path, path);
}

/* Version 2 -> 3 rebuilds every table (meeting.year and event.year become
 * stored columns, CHECKs lose their IN lists).  The fixture holds the
 * fixture reports imported by a version-2 libcouncil plus rows entered by
 * hand: every row of every table and view must come through unchanged. */
static void test_migrates_version_2(void **state)
{
	const char *ref = old_version("schema/v2.db", "v2-ref.db");
	const char *path = old_version("schema/v2.db", "v2.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	int version = 0;

	(void)state;
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	/* The rebuild sets the history's triggers aside while it copies the
	 * rows: the copy is no change, and the triggers are back. */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
	                                "AND name LIKE '%!_history!_%' ESCAPE '!'"), 45);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_temp_schema"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%GENERATED%'"
	                                " OR sql LIKE '%kind IN (%'"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%!_!_old' ESCAPE '!'"), 0);
	/* the upgrade turned foreign keys off for the rebuild and back on */
	assert_int_equal(tu_sql_int(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* year is stored, and the per-council count reads the index alone */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM pragma_table_xinfo('meeting') "
	                                "WHERE name = 'year' AND hidden = 0"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM pragma_table_xinfo('event') "
	                                "WHERE name = 'year' AND hidden = 0"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 30);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 40);
	/* The rebuild ends the upgrade, version 4's tables included: every
	 * imported row is stated by its source. */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM record_sources WHERE table_name = 'event'"),
	                 tu_sql_int(db, "SELECT count(*) FROM event WHERE source_id IS NOT NULL"));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM record_source"), 0);
	council_close(db);

	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
	{
		sqlite3 *s = NULL;
		sqlite3_stmt *st = NULL;
		char plan[512] = "";
		assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(s, "EXPLAIN QUERY PLAN SELECT year, count(*), "
		                 "sum(format = 'remote') FROM meeting WHERE council_id = 1 GROUP BY year",
		                 -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			strncat(plan, (const char *)sqlite3_column_text(st, 3), sizeof plan - strlen(plan) - 1);
		sqlite3_finalize(st);
		sqlite3_close(s);
		assert_non_null(strstr(plan, "COVERING INDEX meeting_by_council_year"));
	}
}

/* Version 4 -> 5 adds the history (issue 10): the section of the embedded
 * schema between its markers.  The fixture is tests/fixtures/schema/v3.db
 * as a version-4 libcouncil left it (upgraded by this one, then the
 * history's objects dropped and user_version set back to 4, which is what
 * step 3 -> 4 alone gives).  Every row stays as it was, no history is made
 * up for them, and changes from then on are recorded. */
static void test_migrates_version_4(void **state)
{
	const char *ref = old_version("schema/v4.db", "v4-ref.db");
	const char *path = old_version("schema/v4.db", "v4.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	council_event *e = NULL;
	int version = 0;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM change_context"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
	                                "AND name LIKE '%!_history!_%' ESCAPE '!'"), 45);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'changes'"), 1);
	assert_int_equal(council_event_get(&e, db, 40), COUNCIL_OK);
	assert_string_equal(e->title, "Rankinis seminaras");
	assert_int_equal(council_event_delete(db, 40), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM changes WHERE table_name = 'event' "
	                                "AND record_id = 40 AND operation = 'delete' AND origin = 'library'"), 1);
	assert_int_equal(council_record_restore(NULL, db, "event", 40), COUNCIL_OK);
	council_event_free(e);
	council_close(db);

	/* the restore put back what the delete took: the file's rows are as
	 * they were (the columns of version 4; step 5 -> 6 adds derived ones) */
	after = dump_rows_as(path, ref);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
}

/* A rebuild that finds rows pointing nowhere (written past the library with
 * foreign keys off) stops, says so, and leaves version 2 as it was. */
static void test_failed_rebuild_rolls_back(void **state)
{
	const char *path = old_version("schema/v2.db", "v2-dangling.db");
	council_db *db = NULL;
	int version = -1;

	(void)state;
	raw_sql(path, "INSERT INTO member(council_id, name) VALUES (9999, 'Niekieno')");
	assert_refused_untouched(path, 0, COUNCIL_ECORRUPT, "refer to rows that do not exist");
	assert_int_equal(council_open(&db, path, COUNCIL_OPEN_NOMIGRATE), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, 2);
	assert_int_equal(tu_sql_int(db, "PRAGMA foreign_keys"), 1);
	council_close(db);
}

/* Version 3 -> 4 ("identity") adds the provenance and review tables, the
 * natural-key indexes and the triggers, and records every imported row as
 * stated by its source.  The fixture holds the fixture reports imported by
 * a version-3 libcouncil plus a council, a member and an event entered by
 * hand: every row and view comes through unchanged. */
static void test_migrates_version_3(void **state)
{
	const char *ref = old_version("schema/v3.db", "v3-ref.db");
	const char *path = old_version("schema/v3.db", "v3.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	int version = 0;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name IN "
	                                "('source_alias', 'record_source', 'source_review', "
	                                "'reviewed', 'removed', 'figure_conflicts', "
	                                "'record_sources', 'member_by_council_name', "
	                                "'meeting_by_council_date', 'legal_act_by_council_number', "
	                                "'event_forget', 'event_review')"), 12);
	/* every row with a source is stated by it (its primary source); rows
	 * entered by hand by none */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM record_source"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM record_sources"),
	                 tu_sql_int(db, "SELECT (SELECT count(*) FROM council WHERE source_id IS NOT NULL)"
	                                " + (SELECT count(*) FROM member WHERE source_id IS NOT NULL)"
	                                " + (SELECT count(*) FROM meeting WHERE source_id IS NOT NULL)"
	                                " + (SELECT count(*) FROM reported_figure WHERE source_id IS NOT NULL)"
	                                " + (SELECT count(*) FROM plan WHERE source_id IS NOT NULL)"
	                                " + (SELECT count(*) FROM measure WHERE source_id IS NOT NULL)"
	                                " + (SELECT count(*) FROM measure_fulfilment WHERE source_id IS NOT NULL)"
	                                " + (SELECT count(*) FROM event WHERE source_id IS NOT NULL)"
	                                " + (SELECT count(*) FROM legal_act WHERE source_id IS NOT NULL)"));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM record_sources r JOIN event e "
	                                "ON r.table_name = 'event' AND r.record_id = e.id "
	                                "WHERE e.title = 'Rankinis seminaras'"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	council_close(db);
	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
	/* opening again finds nothing to do */
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	council_close(db);
}

/* Version 6 -> 7 ("origin", issue 10): one table says who is writing
 * (write_origin goes, the *_review triggers read change_context), the table
 * `removed` of records a person removed; an
 * import's inserts are written to the history from.  The fixture is
 * tests/fixtures/schema/v6-origin.db: v5.db opened by a version-6 libcouncil (migrated
 * 5 -> 6), then an event's location corrected and another event removed
 * with its `council` tool: the rows, the mark and the history come through
 * unchanged, and after the step a hand edit is marked 'hand', an import's
 * update is not marked, and an import's inserts carry their values. */
static void test_migrates_origin(void **state)
{
	const char *ref = old_version("schema/v6-origin.db", "v6o-ref.db");
	const char *path = old_version("schema/v6-origin.db", "v6o.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	council_event *e = NULL;
	int version = 0, marks;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'write_origin'"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name IN "
	                                "('removed')"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
	                                "AND name LIKE '%!_review' ESCAPE '!' "
	                                "AND sql LIKE '%change_context%'"), 10);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE table_name = 'event' "
	                                "AND record_id = 3 AND field = 'location' AND origin = 'hand'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), 3);
	/* a person's edit is marked as theirs, through the new triggers */
	marks = tu_sql_int(db, "SELECT count(*) FROM reviewed");
	assert_int_equal(council_event_get(&e, db, 5), COUNCIL_OK);
	{
		const char *was = e->location;
		e->location = "Biržai";
		assert_int_equal(council_event_update(db, e), COUNCIL_OK);
		e->location = was;
		assert_int_equal(council_event_update(db, e), COUNCIL_OK);
	}
	council_event_free(e);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE table_name = 'event' "
	                                "AND record_id = 5 AND field = 'location' AND origin = 'hand'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed"), marks + 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	council_close(db);
	/* an edit past the library (no origin: the sqlite3 shell) is a
	 * person's too */
	raw_sql(path, "UPDATE member SET represents = represents || 'X' WHERE id = "
	              "(SELECT min(id) FROM member WHERE represents IS NOT NULL); "
	              "UPDATE member SET represents = substr(represents, 1, length(represents) - 1) "
	              "WHERE id = (SELECT min(id) FROM member WHERE represents IS NOT NULL)");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE table_name = 'member' "
	                                "AND field = 'represents' AND origin = 'hand'"), 1);
	council_close(db);

	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
}

/* Version 10 -> 11 (issue 14, "one answer"): a document knows its council
 * (source_document.council_id, filled from the records each document
 * stated) and the views read across documents.  The fixture
 * (v6-one-answer.db) is the version-5 fixture opened by a version-6
 * libcouncil; the steps 6 -> 10 run before this one.  Every old column
 * of every table and every view row of single-document data comes
 * through unchanged; the copy records no history. */
static void test_migrates_one_answer(void **state)
{
	const char *ref = old_version("schema/v6-one-answer.db", "v6a-ref.db");
	const char *path = old_version("schema/v6-one-answer.db", "v6a.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	int version = 0;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_true(version >= 7);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), 0);
	/* every document that stated a record knows the council of it */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 13);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document s WHERE council_id IS NULL "
	                                "AND EXISTS (SELECT 1 FROM record_sources r WHERE r.source_id = s.id)"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document s WHERE EXISTS "
	                                "(SELECT 1 FROM meeting m WHERE m.source_id = s.id "
	                                "AND m.council_id IS NOT s.council_id)"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = "
	                                "'source_document_by_council'"), 1);
	/* the 60 municipalities, and the councils under theirs */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM municipality"), 60);
	assert_int_equal(tu_sql_int(db, "SELECT count(DISTINCT municipality) FROM coverage"),
	                 tu_sql_int(db, "SELECT 60 + count(DISTINCT municipality) FROM council WHERE "
	                                "municipality NOT IN (SELECT name FROM municipality)"));
	assert_true(tu_sql_int(db, "SELECT count(*) FROM findings") > 0);
	council_close(db);
	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
}

/* The rules of lib/schema_doc.c beyond "everything is described": a
 * column added by ALTER TABLE is described by the comment block above the
 * ALTER; a view defined in several sections is described by its last
 * definition alone, so schema_doc names no column a table or view lacks. */
static void assert_schema_doc_rules(council_db *db)
{
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM schema_doc WHERE object = 'member' AND "
	                                "column_name = 'person_id' AND type = 'table' AND "
	                                "description LIKE 'The person a membership is of.%'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM schema_doc WHERE object = "
	                                "'source_document' AND column_name = 'council_id' AND "
	                                "description LIKE 'The council a document is about %'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM schema_doc d WHERE d.column_name <> '' "
	                                "AND NOT EXISTS (SELECT 1 FROM pragma_table_info(d.object) c "
	                                "WHERE c.name = d.column_name)"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM schema_doc d JOIN sqlite_schema s ON "
	                                "s.name = d.object WHERE s.type <> d.type"), 0);
	/* members_overview's last definition (section "views") ends with municipality */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM schema_doc WHERE object = "
	                                "'members_overview' AND column_name = 'municipality'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM schema_doc WHERE object = 'municipality' "
	                                "AND column_name = 'kind' AND description LIKE 'city%'"), 1);
}

/* A database created fresh is described as one migrated: every table, view
 * and column. */
static void test_schema_doc_fresh(void **state)
{
	council_db *db = NULL;

	(void)state;
	assert_int_equal(council_open(&db, ":memory:", 0), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema s, pragma_table_info(s.name) c "
	                                "WHERE s.type IN ('table', 'view') AND NOT EXISTS (SELECT 1 FROM "
	                                "schema_doc d WHERE d.object = s.name AND d.column_name = c.name)"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema s WHERE s.type IN ('table', "
	                                "'view') AND NOT EXISTS (SELECT 1 FROM schema_doc d WHERE "
	                                "d.object = s.name AND d.column_name = '')"), 0);
	assert_schema_doc_rules(db);
	council_close(db);
}

/* Version 11 -> 12 (issue 16) drops the public views and creates them again
 * with council_id, municipality and year at their end, adds the view
 * participants_per_year and the table schema_doc.  The fixture is
 * tests/fixtures/schema/v6-views.db: v5.db as a version-6 libcouncil left it (opened
 * by the council tool of that version).  Every old column of every view
 * row stays as it was; the new columns say what the tables say; the
 * descriptions are there; nothing is recorded in the history. */
static void test_migrates_views(void **state)
{
	const char *ref = old_version("schema/v6-views.db", "v6v-ref.db");
	const char *path = old_version("schema/v6-views.db", "v6v.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	int version = 0;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), 0);
	/* the new columns agree with the tables */
	assert_true(tu_sql_int(db, "SELECT count(*) FROM events_overview") > 10);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM events_overview v JOIN event e "
	                                "ON e.id = v.event_id JOIN council c ON c.id = e.council_id "
	                                "WHERE v.council_id IS NOT c.id OR v.municipality IS NOT "
	                                "c.municipality OR v.year IS NOT e.year"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meetings_overview v JOIN meeting m "
	                                "ON m.id = v.meeting_id JOIN council c ON c.id = m.council_id "
	                                "WHERE v.council_id IS NOT c.id OR v.municipality IS NOT "
	                                "c.municipality OR v.year IS NOT m.year"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview v JOIN member m "
	                                "ON m.id = v.member_id WHERE v.council_id IS NOT m.council_id"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meetings_per_year v JOIN council c "
	                                "ON c.id = v.council_id WHERE v.municipality IS NOT c.municipality"), 0);
	/* participants_per_year: the events' sums, each council and year once */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM participants_per_year"),
	                 tu_sql_int(db, "SELECT count(*) FROM (SELECT DISTINCT council_id, year FROM event)"));
	assert_int_equal(tu_sql_int(db, "SELECT coalesce(sum(participants), 0) FROM participants_per_year"),
	                 tu_sql_int(db, "SELECT coalesce(sum(participants), 0) FROM event"));
	/* a year summing an inexact event with others is at least the sum */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM participants_per_year p WHERE "
	                                "events_counted > 1 AND qualifier IS NOT 'about' AND "
	                                "EXISTS (SELECT 1 FROM event e WHERE e.council_id = p.council_id "
	                                "AND e.year = p.year AND e.participants_qualifier <> 'exact') "
	                                "AND qualifier IS NOT 'at_least'"), 0);
	assert_true(tu_sql_int(db, "SELECT count(*) FROM participants_per_year WHERE qualifier = 'at_least'") > 0);
	/* the descriptions: every table, view and column */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema s, pragma_table_info(s.name) c "
	                                "WHERE s.type IN ('table', 'view') AND NOT EXISTS (SELECT 1 FROM "
	                                "schema_doc d WHERE d.object = s.name AND d.column_name = c.name)"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema s WHERE s.type IN ('table', "
	                                "'view') AND NOT EXISTS (SELECT 1 FROM schema_doc d WHERE "
	                                "d.object = s.name AND d.column_name = '')"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM schema_doc WHERE object = "
	                                "'participants_per_year' AND column_name = 'qualifier' AND "
	                                "description LIKE 'exact, more_than, at_least or about%'"), 1);
	assert_schema_doc_rules(db);
	council_close(db);

	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
}

/* Version 12 -> 13 (issue 14, "dated memberships"): member_term ends a
 * term on the day the holder's next office began and reads a composition
 * against the council's size; the view findings reads dated memberships
 * and person_ambiguity; the columns of both stay as they were.
 * The fixture tests/fixtures/schema/v12-checks2.db is v6-views.db opened
 * by this library, its view findings then put back as schema version 12
 * defines it (section "one answer") and user_version set to 12.  No row
 * of any table changes; nothing is recorded in the history. */
static void test_migrates_dated_memberships(void **state)
{
	const char *ref = old_version("schema/v12-checks2.db", "v12c-ref.db");
	const char *path = old_version("schema/v12-checks2.db", "v12c.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	int version = 0;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), 0);
	/* the new definition, with the columns of the old one in order */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'findings' "
	                                "AND sql LIKE '%member_term%' AND sql LIKE '%person_ambiguity%'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT group_concat(name, ',') = 'council,year,kind,detail,record,"
	                                "documents,council_id' FROM pragma_table_info('findings')"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'member_term' "
	                                "AND sql LIKE '%next_from%'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT group_concat(name, ',') = 'member_id,date_from,date_to,"
	                                "first_stated,last_stated' FROM pragma_table_info('member_term')"), 1);
	assert_true(tu_sql_int(db, "SELECT count(*) FROM findings") > 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM findings WHERE kind = 'name_variant'"),
	                 tu_sql_int(db, "SELECT count(*) FROM person_ambiguity"));
	council_close(db);
	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
}

/* s with every "from" replaced by "to" (sqlite3_free'd). */
static char *replaced(char *s, const char *from, const char *to)
{
	char *out = sqlite3_mprintf(""), *p = s, *q;

	while ((q = strstr(p, from)) != NULL) {
		out = sqlite3_mprintf("%z%.*s%s", out, (int)(q - p), p, to);
		p = q + strlen(from);
	}
	out = sqlite3_mprintf("%z%s", out, p);
	sqlite3_free(s);
	return out;
}

/* Version 13 -> 14 (issue 13, "former name"): member.former_name, the
 * member's history and review triggers with it, members_overview with it
 * at its end; a former surname an import left in represents ("buvusi
 * Valančiūtė") becomes the former name, with no history and no mark of a
 * person's.  The fixture tests/fixtures/schema/v13-several.db is
 * v12-checks2.db opened by the library at version 13, then a page naming
 * two members "(buvusi ...)" imported by it.  Every other row stays. */
static void test_migrates_former_name(void **state)
{
	const char *ref = old_version("schema/v13-several.db", "v13f-ref.db");
	const char *path = old_version("schema/v13-several.db", "v13f.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	int version = 0, history, reviewed;
	council_id married;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	{
		sqlite3 *s = NULL;
		sqlite3_stmt *st = NULL;
		assert_int_equal(sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(s, "SELECT (SELECT count(*) FROM history), "
		                 "(SELECT count(*) FROM reviewed), (SELECT count(*) FROM member WHERE "
		                 "represents LIKE 'buvusi %')", -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		history = sqlite3_column_int(st, 0);
		reviewed = sqlite3_column_int(st, 1);
		assert_int_equal(sqlite3_column_int(st, 2), 2);
		sqlite3_finalize(st);
		sqlite3_close(s);
	}
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), history);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed"), reviewed);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member WHERE represents LIKE 'buvusi %'"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE represents IS NULL AND "
	                                "(name, former_name) IN (VALUES ('Indrė Balčiūnienė', "
	                                "'Indrė Valančiūtė'), ('Ona Onaitė', 'Ona Petraitytė'))"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT group_concat(name, ',') = 'council,name,role,represents,"
	                                "side,member_id,date_from,date_to,delegated_by,council_id,"
	                                "municipality,former_name' FROM pragma_table_info('members_overview')"), 1);
	/* the triggers know the column: a change of it is history, and by
	 * hand a person's */
	married = tu_sql_int(db, "SELECT id FROM member WHERE name = 'Indrė Balčiūnienė'");
	assert_int_equal(council_member_set_former_name(db, married, "Indrė Valančiūtė-Balčiūnienė"),
	                 COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = 'member' AND "
	                                "field = 'former_name'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE table_name = 'member' AND "
	                                "field = 'former_name' AND origin = 'hand'"), 1);
	assert_int_equal(council_member_set_former_name(db, married, "Indrė Valančiūtė"), COUNCIL_OK);
	council_close(db);
	after = dump_rows_as(path, ref);
	before = replaced(before, "represents:buvusi Valančiūtė", "represents:NULL");
	before = replaced(before, "represents:buvusi Petraitytė", "represents:NULL");
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
}

/* Version 14 -> 15 (issue 15, "column triggers"): the history and review
 * triggers of event and member run on the columns they record only, and
 * the index member_people holds what lib/people.c reads of a council's
 * members.  The fixture tests/fixtures/schema/v14-store2.db is
 * v13-several.db opened by the library at version 14.  Every row stays;
 * a change of a recorded column is still history (and by hand a
 * person's), a change of the totals or of a member's person is neither. */
static void test_migrates_column_triggers(void **state)
{
	const char *ref = old_version("schema/v14-store2.db", "v14s-ref.db");
	const char *path = old_version("schema/v14-store2.db", "v14s.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	council_participants p;
	council_id event, member, group;
	int version = 0;
	int64_t history, reviewed, total;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	council_close(db);
	/* every row as it was */
	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	/* the four triggers name their columns; the old ones ran on any update */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
	                                "name IN ('event_history_update', 'event_review', "
	                                "'member_history_update', 'member_review') AND "
	                                "sql LIKE '%AFTER UPDATE OF %'"), 4);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM pragma_index_info('member_people')"), 5);
	event = tu_sql_int(db, "SELECT min(id) FROM event WHERE participant_groups > 0");
	member = tu_sql_int(db, "SELECT min(id) FROM member WHERE person_id IS NOT NULL");
	assert_true(event > 0 && member > 0);
	history = tu_sql_int(db, "SELECT count(*) FROM history");
	reviewed = tu_sql_int(db, "SELECT count(*) FROM reviewed");
	total = tu_sql_int(db, "SELECT participants FROM event WHERE id = (SELECT min(id) FROM event "
	                       "WHERE participant_groups > 0)");
	/* a group by hand: its insert is history, the totals follow, and the
	 * event's update of its totals is neither history nor a review */
	council_participants_init(&p);
	p.event_id = event;
	p.count = 7;
	assert_int_equal(council_participants_add(&group, db, &p), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM event WHERE id = (SELECT min(id) FROM "
	                                "event WHERE participant_groups > 0)"), total + 7);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), history + 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = "
	                                "'event_participants' AND op = 'insert'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed"), reviewed);
	/* a member's person set again: nothing recorded */
	tu_exec(db, "UPDATE member SET person_id = NULL WHERE id = (SELECT min(id) FROM member "
	            "WHERE person_id IS NOT NULL)");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), history + 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed"), reviewed);
	/* the columns they record: history, and by hand a person's */
	tu_exec(db, "UPDATE event SET title = title || ' (pataisyta)' WHERE id = (SELECT min(id) FROM "
	            "event WHERE participant_groups > 0)");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = 'event' AND "
	                                "op = 'update' AND field = 'title'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE table_name = 'event' AND "
	                                "field = 'title' AND origin = 'hand'"), 1);
	tu_exec(db, "UPDATE member SET name = 'Sigitas Lukoševičius-Jonaitis', person_id = NULL "
	            "WHERE id = 1");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = 'member' AND "
	                                "op = 'update' AND field = 'name'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = 'member' AND "
	                                "op = 'update'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE table_name = 'member' AND "
	                                "field = 'name' AND origin = 'hand'"), 1);
	assert_true(group > 0);
	council_close(db);
}

/* Version 15 -> 16 (issue 15, "totals guard"): the guards of an event's
 * participant totals check one document's groups in one pass.  The
 * fixture tests/fixtures/schema/v15-store3.db is v14-store2.db opened by
 * the library at version 15.  Every row stays; the new guards refuse
 * totals written by hand that disagree with the groups and pass those
 * that agree, and a group written keeps the totals (tests/test_totals.c
 * compares them with the rule for every candidate). */
static void test_migrates_totals_guard(void **state)
{
	const char *ref = old_version("schema/v15-store3.db", "v15g-ref.db");
	const char *path = old_version("schema/v15-store3.db", "v15g.db");
	char *before = dump_rows(path), *after, *err = NULL;
	council_db *db = NULL;
	sqlite3 *raw = NULL;
	council_participants p;
	council_id event, group;
	int version = 0;
	int64_t total, history;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	council_close(db);
	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	/* both guards are the new ones */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
	                                "name IN ('event_totals_insert', 'event_totals_update') AND "
	                                "sql LIKE '%min(coalesce(p.source_id, ev.source_id))%'"), 2);
	event = tu_sql_int(db, "SELECT min(id) FROM event WHERE participant_groups > 0");
	assert_true(event > 0);
	total = tu_sql_int(db, "SELECT participants FROM event WHERE participant_groups > 0 "
	                       "ORDER BY id LIMIT 1");
	history = tu_sql_int(db, "SELECT count(*) FROM history");
	/* totals by hand, as the sqlite3 shell writes them: refused when
	 * wrong, the database unchanged */
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	sqlite3_busy_timeout(raw, 5000);
	assert_int_equal(sqlite3_exec(raw, "UPDATE event SET participants = participants + 1 "
	                              "WHERE participant_groups > 0", NULL, NULL, &err), SQLITE_CONSTRAINT);
	assert_non_null(strstr(err, "participant totals are kept"));
	sqlite3_free(err);
	err = NULL;
	assert_int_equal(sqlite3_exec(raw, "INSERT INTO event(council_id, title, date_start, "
	                              "date_end, year, participants) VALUES (1, 'x', '2024', '2024', 2024, 3)",
	                              NULL, NULL, &err), SQLITE_CONSTRAINT);
	assert_non_null(strstr(err, "participant totals are kept"));
	sqlite3_free(err);
	assert_int_equal(sqlite3_exec(raw, "UPDATE event SET participants = participants "
	                              "WHERE participant_groups > 0", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM event WHERE participant_groups > 0 "
	                                "ORDER BY id LIMIT 1"), total);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), history);
	/* a group by hand: the totals follow through the guard */
	council_participants_init(&p);
	p.event_id = event;
	p.count = 5;
	p.qualifier = COUNCIL_QUAL_ABOUT;
	assert_int_equal(council_participants_add(&group, db, &p), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM event WHERE id = (SELECT min(id) FROM "
	                                "event WHERE participant_groups > 0)"), total + 5);
	assert_int_equal(tu_sql_int(db, "SELECT participants_qualifier = 'about' FROM event WHERE id = "
	                                "(SELECT min(id) FROM event WHERE participant_groups > 0)"), 1);
	assert_int_equal(council_participants_delete(db, group), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM event WHERE id = (SELECT min(id) FROM "
	                                "event WHERE participant_groups > 0)"), total);
	council_close(db);
}

/* Version 7 -> 8 (issue 13) adds who attended a meeting: the tables
 * attendance and meeting_quorum, their history triggers and the view
 * meeting_attendance, the schema's "attendance" section run as it is.
 * The fixture is the version-5 fixture brought to version 6 by its step
 * (by the library at version 7, this section's objects then dropped and
 * user_version set back to 6): every row and view comes through
 * unchanged, the new objects work on the migrated file, and their rows'
 * history is kept like any other table's. */
static void test_migrates_attendance(void **state)
{
	const char *ref = old_version("schema/v6.db", "v6-ref.db");
	const char *path = old_version("schema/v6.db", "v6.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	int version = 0;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name IN "
	                                "('attendance', 'meeting_quorum', 'meeting_attendance', "
	                                "'attendance_history_insert', 'attendance_history_update', "
	                                "'attendance_history_delete', 'meeting_quorum_history_insert', "
	                                "'meeting_quorum_history_update', 'meeting_quorum_history_delete')"), 9);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting_attendance"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), 0);
	council_close(db);
	/* the new tables work on the migrated file, their history too */
	raw_sql(path, "INSERT INTO attendance(meeting_id, name, present) "
	              "SELECT min(id), 'Jonas Jonaitis', 0 FROM meeting");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting_attendance WHERE name = "
	                                "'Jonas Jonaitis' AND present = 0 AND date IS NOT NULL"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = 'attendance' "
	                                "AND op = 'insert'"), 1);
	council_close(db);
	raw_sql(path, "DELETE FROM attendance; DELETE FROM history");
	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
	/* opening again finds nothing to do */
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	council_close(db);
}

/* A failed step 3 -> 4 leaves version 3 as it was: a table is in the way. */
static void test_failed_identity_migration_rolls_back(void **state)
{
	const char *path = old_version("schema/v3.db", "v3-blocked.db");
	council_db *db = NULL;
	int version = -1;

	(void)state;
	raw_sql(path, "CREATE TABLE record_source(x INTEGER)");
	assert_refused_untouched(path, 0, COUNCIL_ERROR, "migrating schema");
	assert_int_equal(council_open(&db, path, COUNCIL_OPEN_NOMIGRATE), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, 3);
	council_close(db);
}

/* Version 5 -> 6 (issue 15) adds the participant totals kept on each event
 * by triggers, the index covering per-year sums and the councils' sort
 * keys.  The fixture is the version-2 fixture's rows under the version-4
 * schema, plus councils with Lithuanian initials and events whose groups
 * mix every qualifier, then brought to version 5 by the history's step
 * (its section of the embedded schema run on it, as migration 4 -> 5
 * does): every old column of every table and every view row must come
 * through unchanged, the new columns must hold what a recomputation from
 * the groups says, and filling them, derived data, records no history. */
static void test_migrates_version_5(void **state)
{
	const char *ref = old_version("schema/v5.db", "v5-ref.db");
	const char *path = old_version("schema/v5.db", "v5.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	int version = 0;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event e WHERE "
	                 "(e.participants, e.participants_qualifier, e.participant_groups) IS NOT "
	                 "(SELECT sum(p.count), CASE WHEN count(*) = 0 THEN NULL "
	                 "WHEN count(*) = 1 THEN max(p.qualifier) "
	                 "WHEN sum(p.qualifier = 'about') > 0 THEN 'about' "
	                 "WHEN sum(p.qualifier <> 'exact') > 0 THEN 'at_least' ELSE 'exact' END, "
	                 "count(*) FROM event_participants p WHERE p.event_id = e.id)"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event WHERE participant_groups > 1"), 6);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM event WHERE id = 41"), 60);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council WHERE name_key IS NOT lt_key(name)"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
	                                "name IN ('event_participants_insert', 'event_participants_delete', "
	                                "'event_participants_update', 'event_totals_insert', "
	                                "'event_totals_update', 'council_name_key')"), 6);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name IN "
	                                "('event_by_council_year', 'event_by_council_year_participants')"), 2);
	council_close(db);
	/* the triggers work on the migrated file, from another connection */
	raw_sql(path, "INSERT INTO event_participants(event_id, count, qualifier) VALUES (42, 5, 'about')");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM event WHERE id = 42"), 5);
	assert_int_equal(tu_sql_int(db, "SELECT participants_qualifier = 'about' FROM event WHERE id = 42"), 1);
	/* the group's insert is history; the totals it changed are not, nor
	 * a person's correction */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = "
	                                "'event_participants' AND op = 'insert'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = 'event'"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed"), 0);
	council_close(db);
	raw_sql(path, "DELETE FROM event_participants WHERE event_id = 42 AND count = 5; "
	              "DELETE FROM history");

	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
	{
		/* per-year sums read the new index alone */
		sqlite3 *s = NULL;
		sqlite3_stmt *st = NULL;
		char plan[512] = "";
		assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(s, "EXPLAIN QUERY PLAN SELECT year, count(*), "
		                 "sum(participants) FROM event WHERE council_id = 1 GROUP BY year",
		                 -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW)
			strncat(plan, (const char *)sqlite3_column_text(st, 3), sizeof plan - strlen(plan) - 1);
		sqlite3_finalize(st);
		sqlite3_close(s);
		assert_non_null(strstr(plan, "COVERING INDEX event_by_council_year_participants"));
	}
}


/* Version 6 -> 7 (issue 14) adds person, member.person_id, person_ambiguity
 * and the views of memberships.  The fixture is v5.db brought to version 6
 * by that version's library, plus a second report for two councils whose
 * members are name variants (an initial, no diacritics, a genitive), a
 * member entered by hand with a term, and a name in two councils: every old
 * column of every table and view comes through unchanged, no member row is
 * lost, and each row gets the person the rules give. */
static void test_migrates_version_6(void **state)
{
	const char *ref = old_version("schema/v6.db", "v6-ref.db");
	const char *path = old_version("schema/v6.db", "v6.db");
	char *before = dump_rows(path), *after;
	council_db *db = NULL;
	int version = 0;

	(void)state;
	assert_refused_untouched(path, COUNCIL_OPEN_READONLY, COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(council_schema_version(&version, db), COUNCIL_OK);
	assert_int_equal(version, council_schema_latest());
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 41);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member WHERE person_id IS NULL"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed"), 0);
	/* "I. Žilinskienė" (2022) and "Irena Žilinskienė" (2023): one person */
	assert_int_equal(tu_sql_int(db, "SELECT count(DISTINCT person_id) FROM member WHERE id IN (13, 100)"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM person WHERE name = 'Irena Žilinskienė'"), 1);
	/* "E. Gudaitė" and "Egle Gudaite": one; "A. Vasiliauskas" is no Vytautas */
	assert_int_equal(tu_sql_int(db, "SELECT count(DISTINCT person_id) FROM member WHERE id IN (15, 101)"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(DISTINCT person_id) FROM member WHERE id IN (14, 102)"), 2);
	/* "Dalios Kazlauskienės" is Dalia Kazlauskienė */
	assert_int_equal(tu_sql_int(db, "SELECT count(DISTINCT person_id) FROM member WHERE id IN (9, 103)"), 1);
	/* the same full name in two councils, nothing against it: one person */
	assert_int_equal(tu_sql_int(db, "SELECT count(DISTINCT person_id) FROM member WHERE id IN (1, 104)"), 1);
	/* terms: the 2022 chair ends in 2022 when the 2023 report names
	 * another; the hand-set start is kept */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE member_id = 13 "
	                                "AND date_from = '2022' AND date_to = '2022'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE member_id = 15 "
	                                "AND date_from = '2022' AND date_to IS NULL"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE member_id = 105 "
	                                "AND date_from = '2021-03-01'"), 1);
	/* 8 -> 9 (issue 13): delegated_by, the view's last column, is the member's */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview o JOIN member m "
	                                "ON m.id = o.member_id WHERE o.delegated_by IS m.delegated_by"),
	                 tu_sql_int(db, "SELECT count(*) FROM member"));
	assert_int_equal(tu_sql_int(db, "SELECT cid FROM pragma_table_info('members_overview') "
	                                "WHERE name = 'delegated_by'"), 8);
	council_close(db);

	after = dump_rows_as(path, ref);
	assert_true(strlen(before) > 10000);
	assert_string_equal(after, before);
	sqlite3_free(before);
	sqlite3_free(after);
}

static void test_foreign_and_damaged_files(void **state)
{
	const char *other = in_dir("other.db"), *appid = in_dir("appid.db");
	const char *garbage = in_dir("garbage.db");
	council_db *db = NULL;
	FILE *f;
	int i;

	(void)state;
	raw_sql(other, "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('x')");
	assert_int_equal(council_open(&db, other, 0), COUNCIL_ECORRUPT);
	assert_non_null(strstr(council_errmsg(db), "not a libcouncil database"));
	council_close(db);
	/* Its data is left alone. */
	raw_sql(other, "SELECT text FROM notes");

	raw_sql(appid, "PRAGMA application_id = 42");
	assert_int_equal(council_open(&db, appid, 0), COUNCIL_ECORRUPT);
	assert_non_null(strstr(council_errmsg(db), "application_id 42"));
	council_close(db);

	f = fopen(garbage, "wb");
	assert_non_null(f);
	for (i = 0; i < 100; i++)
		fputs("this is not a database, only text pretending to be one\n", f);
	fclose(f);
	assert_refused_untouched(garbage, 0, COUNCIL_ECORRUPT, "not a database");
	assert_refused_untouched(garbage, COUNCIL_OPEN_READONLY, COUNCIL_ECORRUPT, "not a database");
}

static void test_transactions(void **state)
{
	council_db *db = *state;

	assert_int_equal(council_begin(db), COUNCIL_OK);
	tu_add_council(db, "Išliks");
	tu_assert_error(db, council_begin(db), COUNCIL_EMISUSE, "already open");
	assert_int_equal(council_commit(db), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);

	assert_int_equal(council_begin(db), COUNCIL_OK);
	tu_add_council(db, "Dings");
	assert_int_equal(council_rollback(db), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);

	tu_assert_error(db, council_commit(db), COUNCIL_EMISUSE, "no transaction");
	tu_assert_error(db, council_rollback(db), COUNCIL_EMISUSE, "no transaction");

	/* A failed call inside a transaction leaves the earlier work in it. */
	assert_int_equal(council_begin(db), COUNCIL_OK);
	tu_add_council(db, "Antra");
	{
		council_council c;
		council_council_init(&c);
		c.name = (char *)"Antra";
		assert_int_equal(council_council_add(NULL, db, &c), COUNCIL_EEXISTS);
	}
	assert_int_equal(council_commit(db), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 2);
}

static void test_close_rolls_back(void **state)
{
	const char *path = in_dir("txn.db");
	council_db *db = NULL;

	(void)state;
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	tu_add_council(db, "Lieka");
	assert_int_equal(council_begin(db), COUNCIL_OK);
	tu_add_council(db, "Neliks");
	council_close(db);
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);
	council_close(db);
}

static int count_cb(void *ctx, const char *table, int64_t rows)
{
	char *out = ctx;
	size_t n = strlen(out);

	snprintf(out + n, 512 - n, "%s=%lld;", table, (long long)rows);
	return strcmp(table, "STOP") == 0;
}

static int stop_cb(void *ctx, const char *table, int64_t rows)
{
	(void)table;
	(void)rows;
	++*(int *)ctx;
	return 9;
}

static void test_table_counts(void **state)
{
	council_db *db = *state;
	char out[512] = "";
	council_id c = tu_add_council(db, "Taryba");
	council_member m;
	int calls = 0;

	tu_add_council(db, "Kita");
	tu_add_source(db, "s.txt");
	council_member_init(&m);
	m.council_id = c;
	m.name = (char *)"Narys";
	assert_int_equal(council_member_add(NULL, db, &m), COUNCIL_OK);
	assert_int_equal(council_table_counts(db, count_cb, out), COUNCIL_OK);
	assert_string_equal(out, "council=2;member=1;meeting=0;reported_figure=0;plan=0;measure=0;"
	                         "measure_fulfilment=0;event=0;event_participants=0;legal_act=0;"
	                         "source_document=1;");
	assert_int_equal(council_table_counts(db, stop_cb, &calls), 9);
	assert_int_equal(calls, 1);
}

static void test_misuse(void **state)
{
	council_db *closed = tu_closed_handle();
	council_db *handles[] = { NULL, closed };
	char out[512] = "";
	int version = -5;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		council_db *db = handles[i];
		assert_int_equal(council_begin(db), COUNCIL_EMISUSE);
		assert_int_equal(council_commit(db), COUNCIL_EMISUSE);
		assert_int_equal(council_rollback(db), COUNCIL_EMISUSE);
		assert_int_equal(council_schema_version(&version, db), COUNCIL_EMISUSE);
		assert_int_equal(council_table_counts(db, count_cb, out), COUNCIL_EMISUSE);
		/* The message is never NULL. */
		assert_non_null(council_errmsg(db));
	}
	assert_string_equal(out, "");
	assert_int_equal(version, -5);
	assert_string_not_equal(council_errmsg(closed), "");
	assert_int_equal(council_errcode(closed), COUNCIL_EMISUSE);
	assert_string_equal(council_errmsg(NULL), "out of memory");
	assert_int_equal(council_errcode(NULL), COUNCIL_ENOMEM);
	assert_string_equal(council_db_path(NULL), "");
	council_close(closed);
	council_close(NULL);
	council_free(NULL);
}

static void test_strerror(void **state)
{
	/* Every code from COUNCIL_OK down to the last has its own text. */
	static const int codes[] = {
		COUNCIL_OK, COUNCIL_ERROR, COUNCIL_ENOTFOUND, COUNCIL_EEXISTS, COUNCIL_EINVAL,
		COUNCIL_EPARSE, COUNCIL_ECONSTRAINT, COUNCIL_EBUSY, COUNCIL_EIO, COUNCIL_ENOMEM,
		COUNCIL_ENEWER, COUNCIL_EREADONLY, COUNCIL_EMISUSE, COUNCIL_ECORRUPT,
		COUNCIL_EHASCHILDREN,
	};
	const size_t n = sizeof codes / sizeof codes[0];
	size_t i, j;

	(void)state;
	for (i = 0; i < n; i++) {
		const char *t = council_strerror(codes[i]);
		assert_non_null(t);
		assert_true(t[0] != '\0');
		if (strcmp(t, "unknown status code") == 0)
			fail_msg("code %d has no text", codes[i]);
		for (j = 0; j < i; j++)
			if (strcmp(t, council_strerror(codes[j])) == 0)
				fail_msg("codes %d and %d share \"%s\"", codes[i], codes[j], t);
		/* codes run 0, -1, -2, ... with no gaps: the table is complete */
		assert_int_equal(codes[i], -(int)i);
	}
	assert_string_equal(council_strerror(-(int)n), "unknown status code");
	assert_string_equal(council_strerror(1), "unknown status code");
	assert_string_equal(council_strerror(-1000), "unknown status code");
}

/* For each enumeration: a statement taking its text form as ?1, against
 * a column whose CHECK lists the allowed values.  Council 1 exists. */
static const struct enum_column {
	council_enum e;
	int count;
	const char *sql;
} enum_columns[] = {
	{ COUNCIL_ENUM_KIND, 3, "INSERT INTO council(name, kind) VALUES (hex(randomblob(8)), ?1)" },
	{ COUNCIL_ENUM_ROLE, 4, "INSERT INTO member(council_id, name, role) VALUES (1, 'n', ?1)" },
	{ COUNCIL_ENUM_SIDE, 3, "INSERT INTO member(council_id, name, side) VALUES (1, 'n', ?1)" },
	{ COUNCIL_ENUM_FORMAT, 4,
	  "INSERT INTO meeting(council_id, date_start, date_end, year, format) VALUES (1, '2024', '2024', 2024, ?1)" },
	{ COUNCIL_ENUM_QUALIFIER, 4,
	  "INSERT INTO reported_figure(council_id, year, metric, value, qualifier) "
	  "VALUES (1, 2024, 'meetings', 1, ?1)" },
	{ COUNCIL_ENUM_EVENT_KIND, 12,
	  "INSERT INTO event(council_id, title, kind, date_start, date_end, year) VALUES (1, 't', ?1, '2024', '2024', 2024)" },
	{ COUNCIL_ENUM_ACT_EFFECT, 5, "INSERT INTO legal_act(number, effect) VALUES ('n', ?1)" },
	{ COUNCIL_ENUM_METRIC, 5,
	  "INSERT INTO reported_figure(council_id, year, metric, value) VALUES (1, 2024, ?1, 1)" },
	{ COUNCIL_ENUM_SOURCE_KIND, 5,
	  "INSERT INTO source_document(path, sha256, kind) VALUES (hex(randomblob(8)), "
	  "'0000000000000000000000000000000000000000000000000000000000000000', ?1)" },
};

static int insert_enum(sqlite3 *s, const char *sql, const char *value)
{
	sqlite3_stmt *st = NULL;
	int rc;

	assert_int_equal(sqlite3_prepare_v2(s, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc;
}

static void test_enum_names_match_schema(void **state)
{
	const char *path = in_dir("enums.db");
	council_db *db = NULL;
	sqlite3 *s = NULL;
	size_t i;
	int v, parsed;

	(void)state;
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	tu_add_council(db, "Taryba");
	council_close(db);
	assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
	for (i = 0; i < sizeof enum_columns / sizeof enum_columns[0]; i++) {
		const struct enum_column *c = &enum_columns[i];
		for (v = 0; v < c->count; v++) {
			const char *name = council_enum_name(c->e, v);
			if (!name) {
				/* only "side unknown" has no text form: it is NULL */
				assert_int_equal(c->e, COUNCIL_ENUM_SIDE);
				assert_int_equal(v, COUNCIL_SIDE_UNKNOWN);
				continue;
			}
			if (insert_enum(s, c->sql, name) != SQLITE_DONE)
				fail_msg("enum %d value %d \"%s\" refused: %s", c->e, v, name, sqlite3_errmsg(s));
			assert_int_equal(council_enum_parse(&parsed, c->e, name), COUNCIL_OK);
			assert_int_equal(parsed, v);
		}
		/* The list ends where the schema's does. */
		assert_null(council_enum_name(c->e, c->count));
		assert_null(council_enum_name(c->e, -1));
		assert_int_equal(insert_enum(s, c->sql, "bogus") & 0xff, SQLITE_CONSTRAINT);
		assert_int_equal(council_enum_parse(&parsed, c->e, "bogus"), COUNCIL_EINVAL);
	}
	sqlite3_close(s);
	/* Spellings people type. */
	assert_int_equal(council_enum_parse(&parsed, COUNCIL_ENUM_FORMAT, "In-Person"), COUNCIL_OK);
	assert_int_equal(parsed, COUNCIL_FORMAT_IN_PERSON);
	assert_int_equal(council_enum_parse(&parsed, COUNCIL_ENUM_ROLE, "CHAIR"), COUNCIL_OK);
	assert_int_equal(parsed, COUNCIL_ROLE_CHAIR);
	assert_int_equal(council_enum_parse(&parsed, COUNCIL_ENUM_ROLE, NULL), COUNCIL_EINVAL);
	assert_int_equal(council_enum_parse(&parsed, (council_enum)99, "chair"), COUNCIL_EINVAL);
	assert_null(council_enum_name((council_enum)99, 0));
}

/* council_process_init, called before anything else in main(): SQLite's
 * memory statistics are off for the process (a handle open, and still
 * nothing counted), and a second call, SQLite now in use, is refused. */
static int process_init_rc = -100;

static void test_process_init(void **state)
{
	council_db *db = NULL;

	(void)state;
	assert_int_equal(process_init_rc, COUNCIL_OK);
	assert_int_equal(council_open(&db, ":memory:", 0), COUNCIL_OK);
	assert_true(sqlite3_memory_used() == 0);
	assert_int_equal(council_process_init(), COUNCIL_EMISUSE);
	council_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_process_init),
		cmocka_unit_test(test_open_memory),
		cmocka_unit_test_setup_teardown(test_open_file, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_open_missing, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_readonly, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused_untouched, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_newer_rollback_journal_untouched, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_version_1, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_failed_migration_rolls_back, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_version_2, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_failed_rebuild_rolls_back, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_version_3, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_version_4, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_version_5, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_version_6, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_attendance, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_origin, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_one_answer, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_views, setup_dir, teardown_dir),
		cmocka_unit_test(test_schema_doc_fresh),
		cmocka_unit_test_setup_teardown(test_migrates_dated_memberships, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_former_name, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_column_triggers, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_migrates_totals_guard, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_failed_identity_migration_rolls_back, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_foreign_and_damaged_files, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_transactions, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_transactions, tu_setup_file, tu_teardown),
		cmocka_unit_test_setup_teardown(test_close_rolls_back, setup_dir, teardown_dir),
		cmocka_unit_test_setup_teardown(test_table_counts, tu_setup_memory, tu_teardown),
		cmocka_unit_test(test_misuse),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test_setup_teardown(test_enum_names_match_schema, setup_dir, teardown_dir),
	};

	process_init_rc = council_process_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
