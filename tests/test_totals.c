/* SPDX-License-Identifier: MIT */
/*
 * test_totals.c -- the derived columns of schema version 6 stay right on
 * every write path: each event's participant totals (schema.sql, kept by
 * triggers) after library writes, imports, re-imports, reviewed JSON and
 * direct SQL on a second sqlite3 connection; and council.name_key, whose
 * byte order must be the lt collation's.  Speed is the benchmark's.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

/* Events whose stored totals differ from the groups, recomputed here
 * from the rule events_overview states, written independently of the
 * triggers' SQL: sum, weakest qualifier, count. */
static const char mismatches[] =
	"SELECT count(*) FROM event e LEFT JOIN ("
	"  SELECT event_id, sum(count) AS n, count(*) AS g,"
	"         CASE WHEN count(*) = 1 THEN min(qualifier)"
	"              WHEN max(qualifier = 'about') THEN 'about'"
	"              WHEN max(qualifier IN ('more_than', 'at_least')) THEN 'at_least'"
	"              ELSE 'exact' END AS q"
	"    FROM event_participants GROUP BY event_id) t ON t.event_id = e.id"
	" WHERE e.participants IS NOT t.n OR e.participants_qualifier IS NOT t.q"
	"    OR e.participant_groups IS NOT coalesce(t.g, 0)";

/* Fails naming the step when any event's totals are wrong; also makes sure
 * the step had something to check. */
static void assert_totals(council_db *db, const char *step)
{
	int64_t bad = tu_sql_int(db, mismatches);

	if (bad != 0)
		fail_msg("%s: %lld events' totals differ from their groups", step, (long long)bad);
	if (tu_sql_int(db, "SELECT count(*) FROM event_participants") == 0 &&
	    strcmp(step, "empty") != 0)
		fail_msg("%s: no groups left to check", step);
}

/* A second connection, as the sqlite3 shell would open it: no library
 * functions, foreign keys as asked. */
static sqlite3 *raw_open(int foreign_keys)
{
	sqlite3 *s = NULL;

	assert_int_equal(sqlite3_open(tu_db_path(), &s), SQLITE_OK);
	sqlite3_busy_timeout(s, 5000);
	assert_int_equal(sqlite3_exec(s, foreign_keys ? "PRAGMA foreign_keys = ON"
	                                              : "PRAGMA foreign_keys = OFF",
	                              NULL, NULL, NULL), SQLITE_OK);
	return s;
}

static void raw_exec(sqlite3 *s, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(s, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* Runs sql expecting the totals triggers to refuse it. */
static void raw_refused(sqlite3 *s, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(s, sql, NULL, NULL, &msg) == SQLITE_OK)
		fail_msg("%s: accepted", sql);
	assert_non_null(strstr(msg, "participant totals are kept"));
	sqlite3_free(msg);
}

static council_id add_event(council_db *db, council_id council, const char *date)
{
	council_event e;
	council_id id = 0;

	council_event_init(&e);
	e.council_id = council;
	e.title = "Seminaras";
	e.date = tu_period(date);
	assert_int_equal(council_event_add(&id, db, &e), COUNCIL_OK);
	return id;
}

static council_id add_group(council_db *db, council_id event, int count, council_qualifier q)
{
	council_participants p;
	council_id id = 0;

	council_participants_init(&p);
	p.event_id = event;
	p.count = count;
	p.qualifier = q;
	assert_int_equal(council_participants_add(&id, db, &p), COUNCIL_OK);
	return id;
}

static void test_library_writes(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Kauno miesto BO taryba");
	council_id e1 = add_event(db, c, "2024-05-16");
	council_id e2 = add_event(db, c, "2024-06");
	council_id g1, g2, g3;
	council_participants *p = NULL;
	council_event *ev = NULL;

	(void)state;
	assert_totals(db, "empty");
	assert_int_equal(tu_sql_int(db, "SELECT participant_groups FROM event WHERE id = 1"), 0);
	g1 = add_group(db, e1, 16, COUNCIL_QUAL_EXACT);
	assert_totals(db, "add one group");
	g2 = add_group(db, e1, 40, COUNCIL_QUAL_ABOUT);
	g3 = add_group(db, e2, 25, COUNCIL_QUAL_AT_LEAST);
	add_group(db, e2, 3, COUNCIL_QUAL_EXACT);
	assert_totals(db, "add groups");
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM event WHERE id = 1"), 56);
	/* one group keeps its own qualifier; a second exact one makes the
	 * sum "at least" */
	{
		council_id e3 = add_event(db, c, "2024-07-01");
		add_group(db, e3, 50, COUNCIL_QUAL_MORE_THAN);
		assert_totals(db, "one inexact group");
		assert_int_equal(tu_sql_int(db, "SELECT participants_qualifier = 'more_than' "
		                                "FROM event WHERE id = 3"), 1);
		add_group(db, e3, 2, COUNCIL_QUAL_EXACT);
		assert_totals(db, "an exact group after an inexact one");
		add_group(db, e3, 9, COUNCIL_QUAL_ABOUT);
		assert_totals(db, "an about group last");
		assert_int_equal(council_event_delete(db, e3), COUNCIL_OK);
	}

	/* count, qualifier, and a move to the other event */
	assert_int_equal(council_participants_get(&p, db, g2), COUNCIL_OK);
	p->count = 41;
	p->qualifier = COUNCIL_QUAL_MORE_THAN;
	assert_int_equal(council_participants_update(db, p), COUNCIL_OK);
	assert_totals(db, "update count and qualifier");
	p->event_id = e2;
	assert_int_equal(council_participants_update(db, p), COUNCIL_OK);
	council_participants_free(p);
	assert_totals(db, "move a group");
	assert_int_equal(tu_sql_int(db, "SELECT participant_groups FROM event WHERE id = 2"), 3);

	assert_int_equal(council_participants_delete(db, g1), COUNCIL_OK);
	assert_totals(db, "delete the last group of an event");
	assert_int_equal(tu_sql_int(db, "SELECT participants IS NULL FROM event WHERE id = 1"), 1);

	/* an event's own update leaves its totals alone */
	assert_int_equal(council_event_get(&ev, db, e2), COUNCIL_OK);
	ev->date = tu_period("2025-01-10");
	assert_int_equal(council_event_update(db, ev), COUNCIL_OK);
	council_event_free(ev);
	assert_totals(db, "update an event");

	/* a rolled-back transaction leaves them as they were */
	assert_int_equal(council_begin(db), COUNCIL_OK);
	add_group(db, e1, 5, COUNCIL_QUAL_EXACT);
	assert_int_equal(council_rollback(db), COUNCIL_OK);
	assert_totals(db, "rollback");
	assert_int_equal(tu_sql_int(db, "SELECT participants IS NULL FROM event WHERE id = 1"), 1);

	add_group(db, e1, 5, COUNCIL_QUAL_EXACT);
	assert_int_equal(council_event_delete(db, e2), COUNCIL_OK);
	assert_totals(db, "delete an event");
	assert_int_equal(council_participants_delete(db, g3), COUNCIL_ENOTFOUND);
	assert_int_equal(tu_sql_int(db, "SELECT sum(participants) FROM event"), 5);
}

/* The totals are derived: the history keeps the groups' changes, not the
 * event updates they cause, and those updates are no person's correction
 * (reviewed).  A removed event comes back from the history with its
 * groups, and its totals are theirs again. */
static void test_history_and_review_skip_totals(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Alytaus miesto BO taryba");
	council_id e = add_event(db, c, "2024-03-04");
	council_id g = add_group(db, e, 12, COUNCIL_QUAL_EXACT);
	council_participants *p = NULL;

	add_group(db, e, 30, COUNCIL_QUAL_ABOUT);
	assert_int_equal(council_participants_get(&p, db, g), COUNCIL_OK);
	p->count = 13;
	assert_int_equal(council_participants_update(db, p), COUNCIL_OK);
	council_participants_free(p);
	assert_int_equal(council_participants_delete(db, g), COUNCIL_OK);
	assert_totals(db, "group writes");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = 'event' "
	                                "AND op = 'update'"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE field IN "
	                                "('participants', 'participants_qualifier', "
	                                "'participant_groups', 'name_key')"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE "
	                                "table_name = 'event_participants'"), 4);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE table_name = 'event'"), 0);
	/* a person's own change to the event is both */
	{
		council_event *ev = NULL;
		assert_int_equal(council_event_get(&ev, db, e), COUNCIL_OK);
		ev->location = "Alytuje";
		assert_int_equal(council_event_update(db, ev), COUNCIL_OK);
		ev->location = NULL;
		council_event_free(ev);
	}
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = 'event' "
	                                "AND op = 'update' AND field = 'location'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE table_name = 'event'"), 1);
	/* removed and restored: the groups come back, and the totals with them */
	assert_int_equal(council_event_delete(db, e), COUNCIL_OK);
	assert_int_equal(council_record_restore(NULL, db, "event", e), COUNCIL_OK);
	assert_totals(db, "restored event");
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM event WHERE id = 1"), 30);
	assert_int_equal(tu_sql_int(db, "SELECT participant_groups FROM event WHERE id = 1"), 1);
}

/* A fixture report copied into the test's directory, where a new version
 * of it can be written. */
static char *copy_report(const char *fixture, const char *name, size_t *len)
{
	char *text = tu_read_file(tu_fixture(fixture), len);
	char *path = malloc(strlen(tu_db_path()) + strlen(name) + 2);
	FILE *f;

	assert_non_null(path);
	strcpy(path, tu_db_path());
	strcpy(strrchr(path, '/') + 1, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, *len, f), *len);
	fclose(f);
	free(text);
	return path;
}

static void write_file(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}

static void test_imports(void **state)
{
	council_db *db = *state;
	council_import_result r;
	size_t len;
	char *path = copy_report("reports/klaipedos-r-2024-plan.txt", "klaipeda.txt", &len);
	char *json_path, *text, *json = NULL, *at;
	council_extraction *x = NULL;
	int64_t before;

	assert_int_equal(council_import_file(&r, db, path), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_STORED);
	assert_true(tu_sql_int(db, "SELECT count(*) FROM event WHERE participant_groups > 1") > 0);
	assert_totals(db, "import");
	before = tu_sql_int(db, "SELECT sum(participants) FROM event");

	/* the same bytes again: nothing changes */
	assert_int_equal(council_import_file(&r, db, path), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_UNCHANGED);
	assert_totals(db, "unchanged re-import");

	/* a new version of the file: "dalyvavo 16" becomes "dalyvavo 26",
	 * and its rows replace the old ones */
	text = tu_read_file(path, &len);
	at = strstr(text, "dalyvavo 16");
	assert_non_null(at);
	at[strlen("dalyvavo ")] = '2';
	write_file(path, text, len);
	free(text);
	assert_int_equal(council_import_file(&r, db, path), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REPLACED);
	assert_totals(db, "re-import of a new version");
	assert_int_equal(tu_sql_int(db, "SELECT sum(participants) FROM event"), before + 10);

	/* a reviewed extraction: the dry run's JSON with a count corrected */
	text = tu_read_file(tu_fixture("reports/marijampoles-2023-annual.txt"), &len);
	assert_int_equal(council_import_parse(&x, "marijampole.txt", text, len), COUNCIL_OK);
	free(text);
	assert_int_equal(council_extraction_to_json(&json, x), COUNCIL_OK);
	council_extraction_free(x);
	at = strstr(json, "\"count\": ");
	assert_non_null(at);
	at[strlen("\"count\": ")] = '9';
	json_path = copy_report("reports/marijampoles-2023-annual.txt", "marijampole.json", &len);
	write_file(json_path, json, strlen(json));
	council_free(json);
	assert_int_equal(council_import_file(&r, db, json_path), COUNCIL_OK);
	assert_totals(db, "reviewed JSON");
	{
		char sql[160];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM event WHERE source_id = %lld "
		         "AND participants IS NOT NULL", (long long)r.source_id);
		assert_true(tu_sql_int(db, sql) > 0);
	}

	/* deleting a source takes its events, their groups and totals */
	assert_int_equal(council_source_delete(db, r.source_id), COUNCIL_OK);
	assert_totals(db, "source deleted");

	unlink(path);
	unlink(json_path);
	free(path);
	free(json_path);
}

static void test_direct_sql(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Šiaulių rajono BO taryba");
	sqlite3 *s;

	add_event(db, c, "2024-03-01");
	add_event(db, c, "2024-04-01");
	add_event(db, c, "2024");
	add_group(db, 1, 10, COUNCIL_QUAL_EXACT);

	/* the shell's way: foreign keys off, no library functions */
	s = raw_open(0);
	raw_exec(s, "INSERT INTO event_participants(event_id, count, qualifier) VALUES "
	            "(1, 20, 'about'), (2, 7, 'at_least'), (2, 8, 'exact'), (3, 0, 'exact')");
	assert_totals(db, "insert in SQL");
	raw_exec(s, "UPDATE event_participants SET count = count + 1 WHERE event_id = 2");
	assert_totals(db, "update counts in SQL");
	raw_exec(s, "UPDATE event_participants SET qualifier = 'more_than' WHERE count = 10");
	assert_totals(db, "update a qualifier in SQL");
	raw_exec(s, "UPDATE event_participants SET event_id = 3 WHERE event_id = 1");
	assert_totals(db, "move groups in SQL");
	raw_exec(s, "BEGIN; DELETE FROM event_participants WHERE count = 0; "
	            "INSERT INTO event_participants(event_id, count) VALUES (1, 4); COMMIT");
	assert_totals(db, "a transaction in SQL");
	raw_exec(s, "DELETE FROM event_participants WHERE event_id = 2");
	assert_totals(db, "delete in SQL");
	assert_int_equal(tu_sql_int(db, "SELECT participants_qualifier IS NULL "
	                                "FROM event WHERE id = 2"), 1);

	/* totals written by hand are refused, whatever the value */
	raw_refused(s, "UPDATE event SET participants = 99 WHERE id = 1");
	raw_refused(s, "UPDATE event SET participant_groups = 0");
	raw_refused(s, "INSERT INTO event(council_id, title, date_start, date_end, year, "
	               "participants) VALUES (1, 'x', '2024', '2024', 2024, 5)");
	/* ... but the same values as the groups' pass */
	raw_exec(s, "UPDATE event SET participants = participants WHERE id = 1");
	/* an id change that would strand the groups (foreign keys off) */
	raw_refused(s, "UPDATE event SET id = 100 WHERE id = 3");
	/* an event deleted with foreign keys off leaves its groups; a new
	 * event taking its id would inherit them, and is refused */
	raw_exec(s, "DELETE FROM event WHERE id = 3");
	raw_refused(s, "INSERT INTO event(id, council_id, title, date_start, date_end, year) "
	               "VALUES (3, 1, 'x', '2024', '2024', 2024)");
	raw_exec(s, "DELETE FROM event_participants WHERE event_id = 3");
	sqlite3_close(s);

	/* with foreign keys on, deleting an event cascades through the triggers */
	s = raw_open(1);
	raw_exec(s, "INSERT INTO event_participants(event_id, count) VALUES (2, 6)");
	raw_exec(s, "DELETE FROM event WHERE id = 1");
	sqlite3_close(s);
	assert_totals(db, "cascade in SQL");
	assert_int_equal(tu_sql_int(db, "SELECT sum(participants) FROM event"), 6);
}

/* The totals per document (schema.sql, "one answer"): of the documents
 * stating an event's groups (a group's own, else the event's), the one
 * stating the most people, ties to the first qualifier then the fewest
 * groups; written here independently of the triggers' SQL. */
static const char per_document[] =
	"SELECT n, q, g FROM ("
	"  SELECT sum(p.count) AS n, count(*) AS g,"
	"         CASE WHEN count(*) = 1 THEN min(p.qualifier)"
	"              WHEN max(p.qualifier = 'about') THEN 'about'"
	"              WHEN max(p.qualifier IN ('more_than', 'at_least')) THEN 'at_least'"
	"              ELSE 'exact' END AS q"
	"    FROM event_participants p JOIN event e ON e.id = p.event_id"
	"   WHERE p.event_id = %d GROUP BY coalesce(p.source_id, e.source_id)"
	"  UNION ALL SELECT NULL, NULL, 0) ORDER BY n DESC, q, g LIMIT 1";

/* The guards (section "totals guard") check an event whose groups one
 * document states in one pass, and the others per document: for events
 * of each kind, every total written by hand is accepted exactly when it
 * is the per-document one. */
static void test_guard_per_document(void **state)
{
	static const char *const quals[] = { "NULL", "'exact'", "'about'", "'at_least'", "'more_than'" };
	council_db *db = *state;
	council_id c = tu_add_council(db, "Telšių rajono BO taryba");
	sqlite3 *s;
	int e, n, q, g, tried = 0, accepted = 0;

	for (e = 1; e <= 6; e++)
		add_event(db, c, "2024-05-01");
	s = raw_open(0);
	raw_exec(s, "INSERT INTO source_document(id, path, sha256) VALUES "
	            "(1, '/a.txt', printf('%064d', 1)), (2, '/b.txt', printf('%064d', 2))");
	raw_exec(s, "UPDATE event SET source_id = 1 WHERE id IN (3, 6)");
	/* 1: two documents, the second stating more; 2: a hand group and a
	 * document's, the same count (the tie); 3: the event's document and
	 * a group naming it (one document); 4: hand groups only; 5: one
	 * document's groups; 6: the event's document and another's */
	raw_exec(s, "INSERT INTO event_participants(event_id, count, qualifier, source_id) VALUES "
	            "(1, 10, 'exact', 1), (1, 20, 'about', 2), (1, 5, 'exact', 2), "
	            "(2, 7, 'exact', NULL), (2, 7, 'at_least', 1), "
	            "(3, 4, 'exact', NULL), (3, 6, 'about', 1), "
	            "(4, 3, 'exact', NULL), (4, 2, 'more_than', NULL), "
	            "(5, 9, 'exact', 2), (5, 1, 'exact', 2), "
	            "(6, 30, 'exact', NULL), (6, 31, 'exact', 2)");
	for (e = 1; e <= 6; e++) {
		char *sql = sqlite3_mprintf(per_document, e);
		char *row = sqlite3_mprintf("SELECT (participants, participants_qualifier, participant_groups) "
		                            "IS (%s) FROM event WHERE id = %d", sql, e);

		/* the triggers wrote the per-document totals */
		assert_int_equal(tu_sql_int(db, row), 1);
		sqlite3_free(row);
		/* every candidate up to 40 people and 4 groups, and event 6's
		 * sum of all groups (61) */
		for (n = -1; n <= 41; n++) {
			char nv[16];

			if (n < 0)
				snprintf(nv, sizeof nv, "NULL");
			else
				snprintf(nv, sizeof nv, "%d", n == 41 ? 61 : n);
			for (q = 0; q < 5; q++) {
				for (g = 0; g <= 4; g++) {
					char *upd = sqlite3_mprintf(
						"UPDATE event SET (participants, participants_qualifier, "
						"participant_groups) = (%s, %s, %d) WHERE id = %d",
						nv, quals[q], g, e);
					char *want = sqlite3_mprintf("SELECT (%s, %s, %d) IS (%s)", nv, quals[q], g, sql);
					char *msg = NULL;
					int ok = sqlite3_exec(s, upd, NULL, NULL, &msg) == SQLITE_OK;
					int64_t agree = tu_sql_int(db, want);

					if (ok != (agree == 1))
						fail_msg("event %d: %s: %s, the per-document totals %s", e, upd,
						         ok ? "accepted" : msg, agree ? "agree" : "differ");
					if (!ok)
						assert_non_null(strstr(msg, "participant totals are kept"));
					tried++;
					accepted += ok;
					sqlite3_free(msg);
					sqlite3_free(want);
					sqlite3_free(upd);
				}
			}
		}
		sqlite3_free(sql);
	}
	/* one candidate an event is right, and it stays */
	assert_int_equal(accepted, 6);
	assert_true(tried > 1000);
	/* a new event whose id finds groups of two documents left behind */
	raw_exec(s, "DELETE FROM event WHERE id = 1");
	raw_refused(s, "INSERT INTO event(id, council_id, title, date_start, date_end, year) "
	               "VALUES (1, 1, 'x', '2024', '2024', 2024)");
	raw_refused(s, "INSERT INTO event(id, council_id, title, date_start, date_end, year, "
	               "participants, participants_qualifier, participant_groups) "
	               "VALUES (1, 1, 'x', '2024', '2024', 2024, 35, 'about', 3)");
	raw_exec(s, "INSERT INTO event(id, council_id, title, date_start, date_end, year, "
	            "participants, participants_qualifier, participant_groups) "
	            "VALUES (1, 1, 'x', '2024', '2024', 2024, 25, 'about', 2)");
	sqlite3_close(s);
}

/* ---- council sort keys --------------------------------------------------- */

static int by_collation(const void *a, const void *b)
{
	return council_text_collate(*(const char *const *)a, *(const char *const *)b);
}

typedef struct names {
	const char *got[32];
	size_t n;
} names;

static int on_year(void *ctx, const council_participants_year *r)
{
	names *t = ctx;

	if (t->n < 32)
		t->got[t->n++] = strdup(r->council);
	return 0;
}

/* Lists councils through a query ordered by council and checks the order
 * is council_text_collate's. */
static void assert_council_order(council_db *db, size_t n_councils)
{
	council_filter f;
	names t = { { NULL }, 0 };
	const char *sorted[32];
	size_t i;

	council_filter_init(&f);
	assert_int_equal(council_query_participants_per_year(db, &f, on_year, &t), COUNCIL_OK);
	assert_int_equal(t.n, n_councils);
	memcpy(sorted, t.got, sizeof sorted);
	qsort(sorted, t.n, sizeof sorted[0], by_collation);
	for (i = 0; i < t.n; i++)
		assert_string_equal(t.got[i], sorted[i]);
	for (i = 0; i < t.n; i++)
		free((char *)t.got[i]);
}

static void test_name_keys(void **state)
{
	/* Pairs the levels of the collation tell apart: č after c, y between
	 * i and j, ą only after a on a tie, lower before upper case, and a
	 * prefix first. */
	static const char *const councils[] = {
		"Čekiškės taryba", "Cekiškės taryba", "Dotnuvos taryba", "yla taryba",
		"Ilgų taryba", "Jurbarko taryba", "ąžuolo taryba", "azuolo taryba",
		"Ąžuolo taryba", "Šakių taryba", "Sakių taryba", "Zarasų taryba",
		"Žagarės taryba", "Ž", "Sakių tarybos", "Tauragės taryba",
	};
	council_db *db = *state;
	council_council *c = NULL;
	sqlite3 *s;
	size_t i;

	for (i = 0; i < 16; i++)
		add_event(db, tu_add_council(db, councils[i]), "2024");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council WHERE name_key IS NULL"), 0);
	/* keys order as the collation, pairwise */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council a, council b "
	                                "WHERE (a.name_key < b.name_key) <> "
	                                "(a.name COLLATE lt < b.name)"), 0);
	assert_council_order(db, 16);

	/* renamed in the shell: the stale key goes, the order stays right */
	s = raw_open(0);
	raw_exec(s, "UPDATE council SET name = 'Aukštadvario taryba' WHERE name = 'Zarasų taryba'");
	raw_exec(s, "INSERT INTO council(name) VALUES ('Biržų taryba')");
	raw_exec(s, "INSERT INTO event(council_id, title, date_start, date_end, year) "
	            "VALUES (17, 't', '2024', '2024', 2024)");
	sqlite3_close(s);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council WHERE name_key IS NULL"), 2);
	assert_council_order(db, 17);

	/* the library writes the key with the name */
	assert_int_equal(council_get(&c, db, 17), COUNCIL_OK);
	assert_int_equal(council_update(db, c), COUNCIL_OK);
	council_council_free(c);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council WHERE name_key IS NULL"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council "
	                                "WHERE name_key IS NOT lt_key(name) AND name_key IS NOT NULL"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_library_writes, tu_setup_file, tu_teardown),
		cmocka_unit_test_setup_teardown(test_imports, tu_setup_file, tu_teardown),
		cmocka_unit_test_setup_teardown(test_direct_sql, tu_setup_file, tu_teardown),
		cmocka_unit_test_setup_teardown(test_guard_per_document, tu_setup_file, tu_teardown),
		cmocka_unit_test_setup_teardown(test_name_keys, tu_setup_file, tu_teardown),
		cmocka_unit_test_setup_teardown(test_history_and_review_skip_totals, tu_setup_file, tu_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
