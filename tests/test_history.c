/* SPDX-License-Identifier: MIT */
/*
 * test_history.c -- the history (schema.sql's triggers, lib/history.c):
 * every insert, update and delete recorded with its origin and values,
 * whether made by library calls, an import, a reviewed JSON or a second
 * sqlite3 connection; reading it back; restoring a removed record with the
 * rows removed with it, and the refusals.  The CLI side: tests/cli.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* ---- helpers ------------------------------------------------------------- */

typedef struct text_result {
	char value[4096];
	int rows;
	int null;
} text_result;

static int keep_first(void *ctx, int ncol, const char *const *names, const char *const *values,
                      const int *types)
{
	text_result *r = ctx;

	(void)names;
	(void)types;
	if (r->rows++ == 0 && ncol > 0) {
		r->null = values[0] == NULL;
		snprintf(r->value, sizeof r->value, "%s", values[0] ? values[0] : "");
	}
	return 0;
}

/* The first column of the first row of a read-only query, as text ("" and
 * a failed assertion when there is no row). */
static const char *sql_text(council_db *db, const char *sql)
{
	static text_result r;

	memset(&r, 0, sizeof r);
	if (council_sql(db, sql, keep_first, &r) != COUNCIL_OK)
		fail_msg("%s: %s", sql, council_errmsg(db));
	if (r.rows == 0)
		fail_msg("%s: no row", sql);
	return r.value;
}

/* Runs SQL on a second, plain sqlite3 connection to the file, as the
 * sqlite3 shell would. */
static void raw_sql(const char *sql)
{
	sqlite3 *s = NULL;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(tu_db_path(), &s), SQLITE_OK);
	sqlite3_busy_timeout(s, 5000);
	if (sqlite3_exec(s, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(s);
}

static council_id add_event(council_db *db, council_id council, const char *title,
                            const char *date, int remote)
{
	council_event e;
	council_id id = 0;

	council_event_init(&e);
	e.council_id = council;
	e.title = (char *)title;
	e.kind = COUNCIL_EVENT_SEMINAR;
	e.date = tu_period(date);
	e.remote = remote;
	assert_int_equal(council_event_add(&id, db, &e), COUNCIL_OK);
	return id;
}

static council_id add_group(council_db *db, council_id event, int64_t count, const char *name)
{
	council_participants p;
	council_id id = 0;

	council_participants_init(&p);
	p.event_id = event;
	p.count = count;
	p.group_name = (char *)name;
	assert_int_equal(council_participants_add(&id, db, &p), COUNCIL_OK);
	return id;
}

/* Every row of the tables of records, to show that a refused call left
 * them as they were. */
static int64_t fingerprint(council_db *db)
{
	return tu_sql_int(db, "SELECT (SELECT count(*) FROM history) * 1000000 + "
	                      "(SELECT count(*) FROM event) * 10000 + "
	                      "(SELECT count(*) FROM event_participants) * 100 + "
	                      "(SELECT count(*) FROM event_measure)");
}

/* ---- recording ----------------------------------------------------------- */

/* Library calls: an insert keeps the whole record as JSON with numbers as
 * numbers, an update one row per changed field only, a delete the whole
 * record again; the origin is "library". */
static void test_library_changes(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Biržų taryba");
	council_id e = add_event(db, c, "Seminaras", "2024-05-16..2024-05-17", 1);
	council_event *r = NULL;
	char q[256];

	snprintf(q, sizeof q, "SELECT new_value FROM changes WHERE table_name = 'event' AND "
	         "record_id = %lld AND operation = 'insert'", (long long)e);
	assert_string_equal(sql_text(db, q),
	                    "{\"id\":1,\"council_id\":1,\"meeting_id\":null,\"title\":\"Seminaras\","
	                    "\"kind\":\"seminar\",\"organiser\":null,\"date_start\":\"2024-05-16\","
	                    "\"date_end\":\"2024-05-17\",\"year\":2024,\"location\":null,\"remote\":1,"
	                    "\"description\":null,\"source_id\":null}");
	assert_string_equal(sql_text(db, "SELECT origin FROM changes WHERE table_name = 'event'"),
	                    "library");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM changes WHERE table_name = 'event' "
	                                "AND old_value IS NULL AND field IS NULL"), 1);

	assert_int_equal(council_event_get(&r, db, e), COUNCIL_OK);
	{
		/* A borrowed title for the update; the record's own goes back
		 * before it is freed. */
		const char *own = r->title;
		r->title = "Mokymai";
		r->remote = 0;
		assert_int_equal(council_event_update(db, r), COUNCIL_OK);
		r->title = own;
	}
	council_event_free(r);
	/* two fields changed: two rows, with the values as stored */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM changes WHERE operation = 'update'"), 2);
	assert_string_equal(sql_text(db, "SELECT old_value || ' -> ' || new_value FROM changes "
	                                 "WHERE field = 'title'"), "Seminaras -> Mokymai");
	assert_string_equal(sql_text(db, "SELECT typeof(old_value) || typeof(new_value) || old_value "
	                                 "|| new_value FROM changes WHERE field = 'remote'"),
	                    "integerinteger10");

	assert_int_equal(council_event_delete(db, e), COUNCIL_OK);
	assert_string_equal(sql_text(db, "SELECT operation || ' ' || origin || ' ' || "
	                                 "json_extract(old_value, '$.title') || ' ' || "
	                                 "json_type(old_value, '$.remote') FROM changes "
	                                 "WHERE change_id = (SELECT max(id) FROM history)"),
	                    "delete library Mokymai integer");
	/* the library's bookkeeping is gone once each change committed */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM change_context"), 0);
}

/* council_origin_set names hand edits; the history's own kinds are refused. */
static void test_origin_label(void **state)
{
	council_db *db = *state;

	assert_int_equal(council_origin_set(db, "cli"), COUNCIL_OK);
	tu_add_council(db, "Kauno taryba");
	assert_string_equal(sql_text(db, "SELECT origin FROM changes WHERE table_name = 'council'"),
	                    "cli");
	tu_assert_error(db, council_origin_set(db, "sql"), COUNCIL_EINVAL, "reserved");
	tu_assert_error(db, council_origin_set(db, "import"), COUNCIL_EINVAL, "reserved");
	tu_assert_error(db, council_origin_set(db, "a b"), COUNCIL_EINVAL, "letters");
	tu_assert_error(db, council_origin_set(db, ""), COUNCIL_EINVAL, "required");
	assert_int_equal(council_origin_set(db, "nightly-sync"), COUNCIL_OK);
	tu_add_council(db, "Jonavos taryba");
	assert_string_equal(sql_text(db, "SELECT origin FROM changes ORDER BY change_id DESC LIMIT 1"),
	                    "nightly-sync");
}

/* An import records its document and SHA-256; calls after it are hand
 * edits again. */
static void test_import_origin(void **state)
{
	council_db *db = *state;
	const char *path = tu_fixture("reports/birzu-r-2020-annual.txt");
	council_import_result res;
	size_t len;
	char *bytes = tu_read_file(path, &len), hex[65], q[512];

	council_sha256_hex(hex, bytes, len);
	free(bytes);
	assert_int_equal(council_import_file(&res, db, path), COUNCIL_OK);
	assert_true(res.events > 0);
	/* the document under its path as stored (resolved, absolute) */
	snprintf(q, sizeof q, "SELECT count(*) FROM changes WHERE origin = 'import' AND document = "
	         "(SELECT path FROM source_document) AND sha256 = '%s' AND operation = 'insert'", hex);
	/* every record the import stored has its insert, and nothing else
	 * (the links without an id an import stores go with their records) */
	assert_int_equal(tu_sql_int(db, q),
	                 tu_sql_int(db, "SELECT (SELECT count(*) FROM source_document) + "
	                                "(SELECT count(*) FROM council) + (SELECT count(*) FROM member) + "
	                                "(SELECT count(*) FROM meeting) + (SELECT count(*) FROM reported_figure) + "
	                                "(SELECT count(*) FROM event) + (SELECT count(*) FROM event_participants) + "
	                                "(SELECT count(*) FROM legal_act) + (SELECT count(*) FROM plan) + "
	                                "(SELECT count(*) FROM measure) + (SELECT count(*) FROM measure_fulfilment)"));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM changes WHERE origin <> 'import'"), 0);
	snprintf(q, sizeof q, "SELECT count(*) FROM changes c, event e WHERE c.table_name = 'event' "
	         "AND c.record_id = e.id AND e.source_id = %lld AND c.origin = 'import'",
	         (long long)res.source_id);
	assert_int_equal(tu_sql_int(db, q), res.events);
	/* each insert with its values (schema version 7), written once the
	 * import is done: a row per record, the record as stored */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = 'event'"),
	                 res.events);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM changes WHERE origin = 'import' AND "
	                                "new_value IS NULL"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM changes c JOIN event e ON "
	                                "c.table_name = 'event' AND c.record_id = e.id WHERE "
	                                "json_extract(c.new_value, '$.title') IS e.title AND "
	                                "json_extract(c.new_value, '$.date_start') IS e.date_start"),
	                 res.events);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM changes c JOIN event_participants p ON "
	                                "c.table_name = 'event_participants' AND c.record_id = p.id "
	                                "WHERE json_extract(c.new_value, '$.count') = p.count"),
	                 tu_sql_int(db, "SELECT count(*) FROM event_participants"));
	snprintf(q, sizeof q, "SELECT json_extract(new_value, '$.sha256') FROM changes "
	         "WHERE table_name = 'source_document'");
	assert_string_equal(sql_text(db, q), hex);

	add_event(db, res.council_id, "Rankinis", "2024", -1);
	assert_string_equal(sql_text(db, "SELECT origin || coalesce(document, '-') FROM changes "
	                                 "ORDER BY change_id DESC LIMIT 1"), "library-");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM change_context"), 0);
}

/* A reviewed JSON is recorded as a review, with its own path and SHA-256;
 * the old version's rows it replaces are deleted by that review. */
static void test_review_origin(void **state)
{
	council_db *db = *state;
	static const char json[] =
		"{\"format\": \"libcouncil-extraction/1\","
		" \"source\": {\"path\": \"r/2021.txt\", \"kind\": \"annual_report\", \"report_year\": 2021},"
		" \"council\": {\"name\": \"Biržų taryba\"},"
		" \"events\": [{\"title\": \"mokymai\", \"date\": \"2021-04-10\","
		"               \"participants\": [{\"count\": 33}]}]}";
	council_extraction *x = NULL;
	council_import_result res;
	char sha[65];

	assert_int_equal(council_import_parse_json(&x, "review.json", json, strlen(json)), COUNCIL_OK);
	memset(sha, 'b', 64);
	sha[64] = '\0';
	assert_int_equal(council_import_load(&res, db, x, sha), COUNCIL_OK);
	council_extraction_free(x);
	/* the extraction's path as stored: resolved, absolute */
	assert_string_equal(sql_text(db, "SELECT group_concat(DISTINCT origin || ' ' || "
	                                 "(document LIKE '/%/review.json') || ' ' "
	                                 "|| substr(sha256, 1, 4)) FROM changes"), "review 1 bbbb");
	assert_string_equal(sql_text(db, "SELECT origin || ' ' || operation FROM changes "
	                                 "WHERE table_name = 'event_participants'"), "review insert");
}

/* A new version of a document updates its records in place, adds what is
 * new and removes what it no longer says: each change is the new
 * version's, under the same document, and the records that stay keep
 * their history. */
static void test_reimport_reuses_ids(void **state)
{
	council_db *db = *state;
	static const char v1[] =
		"{\"format\": \"libcouncil-extraction/1\","
		" \"council\": {\"name\": \"Zarasų taryba\"},"
		" \"events\": [{\"title\": \"a\", \"date\": \"2021-04-10\"},"
		"              {\"title\": \"b\", \"date\": \"2021-05-10\"}]}";
	static const char v2[] =
		"{\"format\": \"libcouncil-extraction/1\","
		" \"council\": {\"name\": \"Zarasų taryba\"},"
		" \"events\": [{\"title\": \"a\", \"date\": \"2021-04-10\"},"
		"              {\"title\": \"b2\", \"date\": \"2021-05-10\"},"
		"              {\"title\": \"c\", \"date\": \"2021-06-10\"}]}";
	council_extraction *x = NULL;
	council_import_result res;
	char sha[65];

	sha[64] = '\0';
	assert_int_equal(council_import_parse_json(&x, "r.json", v1, strlen(v1)), COUNCIL_OK);
	memset(sha, '1', 64);
	assert_int_equal(council_import_load(&res, db, x, sha), COUNCIL_OK);
	council_extraction_free(x);
	assert_int_equal(council_import_parse_json(&x, "r.json", v2, strlen(v2)), COUNCIL_OK);
	memset(sha, '2', 64);
	assert_int_equal(council_import_load(&res, db, x, sha), COUNCIL_OK);
	council_extraction_free(x);
	assert_int_equal(res.status, COUNCIL_IMPORT_REPLACED);
	/* a stays event 1, b (2) goes, b2 and c are new */
	assert_string_equal(sql_text(db, "SELECT group_concat(id || title, ' ') FROM "
	                                 "(SELECT * FROM event ORDER BY id)"), "1a 3b2 4c");
	assert_string_equal(sql_text(db, "SELECT group_concat(record_id || operation || "
	                                 "substr(sha256, 1, 1), ' ') FROM (SELECT * FROM changes "
	                                 "WHERE table_name = 'event' ORDER BY change_id, record_id)"),
	                    "1insert1 2insert1 2delete2 3insert2 4insert2");
	assert_int_equal(tu_sql_int(db, "SELECT count(DISTINCT document) FROM changes "
	                                "WHERE table_name = 'event'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM change_range"), 0);
}

/* A direct edit from another connection -- the sqlite3 shell -- is recorded
 * as "sql", also right after the library committed writes of its own. */
static void test_sql_edit(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Utenos taryba");
	council_id e = add_event(db, c, "Forumas", "2023-10", -1);
	char q[256];

	snprintf(q, sizeof q, "UPDATE event SET title = 'Forumas 2023', location = 'Utena' "
	         "WHERE id = %lld", (long long)e);
	raw_sql(q);
	raw_sql("INSERT INTO reported_figure(council_id, year, metric, value) VALUES (1, 2023, 'meetings', 4)");
	snprintf(q, sizeof q, "PRAGMA foreign_keys = ON; DELETE FROM event WHERE id = %lld", (long long)e);
	raw_sql(q);
	assert_string_equal(sql_text(db, "SELECT group_concat(origin || ':' || operation || ':' || "
	                                 "coalesce(field, '*'), ' ') FROM (SELECT * FROM changes "
	                                 "ORDER BY change_id)"),
	                    "library:insert:* library:insert:* sql:update:title sql:update:location "
	                    "sql:insert:* sql:delete:*");
	assert_string_equal(sql_text(db, "SELECT quote(old_value) || ' ' || quote(new_value) FROM "
	                                 "changes WHERE field = 'location'"), "NULL 'Utena'");
	assert_string_equal(sql_text(db, "SELECT json_extract(new_value, '$.value') FROM changes "
	                                 "WHERE table_name = 'reported_figure'"), "4");
}

/* Inside an explicit transaction the origin holds for every call and is
 * gone at commit; a rollback leaves no history. */
static void test_transactions(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Alytaus taryba");

	assert_int_equal(council_begin(db), COUNCIL_OK);
	add_event(db, c, "A", "2022", -1);
	add_event(db, c, "B", "2022", -1);
	assert_int_equal(council_rollback(db), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM history WHERE table_name = 'event'"), 0);
	assert_int_equal(council_begin(db), COUNCIL_OK);
	add_event(db, c, "C", "2022", -1);
	assert_int_equal(council_origin_set(db, "batch"), COUNCIL_OK);
	add_event(db, c, "D", "2022", -1);
	assert_int_equal(council_commit(db), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM change_context"), 0);
	assert_string_equal(sql_text(db, "SELECT group_concat(json_extract(new_value, '$.title') || "
	                                 "origin, ' ') FROM (SELECT * FROM changes WHERE table_name = "
	                                 "'event' ORDER BY change_id)"), "Clibrary Dbatch");
}

/* A failed import inside the caller's transaction rolls its savepoint back;
 * the caller's next call is a hand edit, not the failed import's. */
static void test_failed_import_then_edit(void **state)
{
	council_db *db = *state;
	static const char json[] =
		"{\"format\": \"libcouncil-extraction/1\", \"council\": {\"name\": \"Šakių taryba\"},"
		" \"events\": [{\"title\": \"x\", \"date\": \"2021-04-10\","
		"               \"participants\": [{\"count\": 33}]}]}";
	council_extraction *x = NULL;
	council_import_result res;
	council_id c = tu_add_council(db, "Šilutės taryba");

	assert_int_equal(council_import_parse_json(&x, "a.json", json, strlen(json)), COUNCIL_OK);
	assert_int_equal(council_begin(db), COUNCIL_OK);
	assert_int_equal(council_import_load(&res, db, x, "not-a-sha"), COUNCIL_EINVAL);
	/* make it fail after it wrote: a council name the schema refuses */
	tu_exec(db, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON event_participants "
	            "BEGIN SELECT RAISE(ABORT, 'refused'); END");
	{
		char sha[65];
		memset(sha, 'c', 64);
		sha[64] = '\0';
		assert_int_not_equal(council_import_load(&res, db, x, sha), COUNCIL_OK);
	}
	tu_exec(db, "DROP TRIGGER temp.refuse");
	add_event(db, c, "after", "2022", -1);
	assert_int_equal(council_commit(db), COUNCIL_OK);
	council_extraction_free(x);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM changes WHERE origin = 'import'"), 0);
	assert_string_equal(sql_text(db, "SELECT origin FROM changes ORDER BY change_id DESC LIMIT 1"),
	                    "library");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM change_context"), 0);
}

/* ---- reading ------------------------------------------------------------- */

typedef struct seen {
	char lines[32][160];
	size_t n;
} seen;

static int collect(void *ctx, const council_change *c)
{
	seen *s = ctx;

	if (s->n < 32)
		snprintf(s->lines[s->n++], sizeof s->lines[0], "%s %lld %s %s %s %s", c->table,
		         (long long)c->record_id, c->operation, c->origin, c->field ? c->field : "*",
		         c->field ? c->new_value : "{}");
	return 0;
}

static void test_history_list(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Molėtų taryba");
	council_id e = add_event(db, c, "Seminaras", "2024", -1);
	council_id other = add_event(db, c, "Kitas", "2024", -1);
	council_history_filter f;
	council_event *r = NULL;
	council_plan p;
	council_measure m;
	council_id plan = 0, measure = 0, links[1];
	seen s;

	council_plan_init(&p);
	p.council_id = c;
	p.title = (char *)"Planas";
	assert_int_equal(council_plan_add(&plan, db, &p), COUNCIL_OK);
	council_measure_init(&m);
	m.plan_id = plan;
	m.seq = 1;
	m.name = (char *)"Mokymai";
	assert_int_equal(council_measure_add(&measure, db, &m), COUNCIL_OK);
	assert_int_equal(council_event_get(&r, db, e), COUNCIL_OK);
	links[0] = measure;
	r->measure_ids = links;
	r->n_measures = 1;
	r->remote = 1;
	assert_int_equal(council_event_update(db, r), COUNCIL_OK);
	r->measure_ids = NULL; /* borrowed from this function */
	council_event_free(r);

	council_history_filter_init(&f);
	f.type = "event";
	f.record_id = e;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_history_list(db, &f, collect, &s), COUNCIL_OK);
	/* the event's own changes and its measure link, oldest first; not the
	 * other event's */
	assert_int_equal(s.n, 3);
	assert_string_equal(s.lines[0], "event 1 insert library * {}");
	assert_string_equal(s.lines[1], "event 1 update library remote 1");
	assert_string_equal(s.lines[2], "event_measure 1 insert library * {}");

	f.limit = 1;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_history_list(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.lines[0], "event_measure 1 insert library * {}");

	council_history_filter_init(&f);
	f.type = "participants";
	memset(&s, 0, sizeof s);
	assert_int_equal(council_history_list(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 0);
	f.type = "events";
	tu_assert_error(db, council_history_list(db, &f, collect, &s), COUNCIL_EINVAL,
	                "record type \"events\"");
	council_history_filter_init(&f);
	f.source_id = 0;
	tu_assert_error(db, council_history_list(db, &f, collect, &s), COUNCIL_EINVAL,
	                "filter.source_id: 0");
	council_history_filter_init(&f);
	f.source_id = 99;
	tu_assert_error(db, council_history_list(db, &f, collect, &s), COUNCIL_ENOTFOUND, "99");
	memset(&s, 0, sizeof s);
	assert_int_equal(council_history_list(db, NULL, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 7); /* council, 2 events, plan, measure, update, link */
	(void)other;
}

/* By source: the changes importing that document made, and no others. */
static void test_history_by_source(void **state)
{
	council_db *db = *state;
	const char *a = tu_fixture("reports/birzu-r-2020-annual.txt");
	const char *b = tu_fixture("reports/jonavos-r-2021-annual.txt");
	council_import_result ra, rb;
	council_history_filter f;
	seen s;

	assert_int_equal(council_import_file(&ra, db, a), COUNCIL_OK);
	assert_int_equal(council_import_file(&rb, db, b), COUNCIL_OK);
	council_history_filter_init(&f);
	f.source_id = ra.source_id;
	f.type = "event";
	memset(&s, 0, sizeof s);
	assert_int_equal(council_history_list(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal((int64_t)s.n, ra.events);
	f.source_id = rb.source_id;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_history_list(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal((int64_t)s.n, rb.events);
}

/* ---- restore ------------------------------------------------------------- */

/* A deleted event comes back with its id, every field, its participant
 * groups (their ids too) and its measure link; the restore is recorded. */
static void test_restore_event(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Kėdainių taryba");
	council_id e = add_event(db, c, "Konferencija", "2024-03-01..2024-03-02", 0);
	council_id keep = add_event(db, c, "Kitas renginys", "2024-04", -1);
	council_id g1 = add_group(db, e, 16, "BO tarybos nariai"), g2 = add_group(db, e, 3, NULL);
	council_id plan = 0, measure = 0;
	council_plan p;
	council_measure m;
	council_event *before = NULL, *after = NULL;
	council_id links[1];
	council_participants *pg = NULL;
	size_t n = 0;

	council_plan_init(&p);
	p.council_id = c;
	p.title = (char *)"Planas";
	assert_int_equal(council_plan_add(&plan, db, &p), COUNCIL_OK);
	council_measure_init(&m);
	m.plan_id = plan;
	m.seq = 4;
	m.name = (char *)"Konferencijos";
	assert_int_equal(council_measure_add(&measure, db, &m), COUNCIL_OK);
	assert_int_equal(council_event_get(&before, db, e), COUNCIL_OK);
	before->organiser = "Savivaldybė";
	links[0] = measure;
	before->measure_ids = links;
	before->n_measures = 1;
	assert_int_equal(council_event_update(db, before), COUNCIL_OK);
	before->organiser = NULL; /* borrowed, as are the links */
	before->measure_ids = NULL;
	before->n_measures = 0;

	assert_int_equal(council_event_delete(db, e), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_participants"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM changes WHERE operation = 'cascade'"), 3);

	assert_int_equal(council_record_restore(&n, db, "event", e), COUNCIL_OK);
	assert_int_equal(n, 4); /* the event, two groups, one link */
	assert_int_equal(council_event_get(&after, db, e), COUNCIL_OK);
	assert_string_equal(after->title, "Konferencija");
	assert_string_equal(after->organiser, "Savivaldybė");
	tu_assert_date(&after->date.start, "2024-03-01");
	tu_assert_date(&after->date.end, "2024-03-02");
	assert_int_equal(after->remote, 0);
	assert_int_equal(after->kind, COUNCIL_EVENT_SEMINAR);
	assert_int_equal(after->n_measures, 1);
	assert_int_equal(after->measure_ids[0], measure);
	assert_int_equal(council_participants_get(&pg, db, g1), COUNCIL_OK);
	assert_int_equal(pg->event_id, e);
	assert_int_equal(pg->count, 16);
	assert_string_equal(pg->group_name, "BO tarybos nariai");
	council_participants_free(pg);
	assert_int_equal(council_participants_get(&pg, db, g2), COUNCIL_OK);
	assert_int_equal(pg->count, 3);
	assert_null(pg->group_name);
	council_participants_free(pg);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview WHERE event_id = 1"), 19);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 2);
	/* recorded as inserts by the library; and now there is nothing to undo */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM (SELECT * FROM changes ORDER BY change_id "
	                                "DESC LIMIT 4) WHERE operation = 'insert' AND origin = 'library'"), 4);
	tu_assert_error(db, council_record_restore(NULL, db, "event", e), COUNCIL_EEXISTS, "event 1 exists");
	council_event_free(before);
	council_event_free(after);
	(void)keep;
}

/* Groups deleted one by one before the event stay deleted: only the rows
 * its own deletion took come back. */
static void test_restore_only_what_went_with_it(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Telšių taryba");
	council_id e = add_event(db, c, "Susitikimas", "2021-06-01", -1);
	council_id gone = add_group(db, e, 5, "pirmi"), kept = add_group(db, e, 7, "antri");
	council_participants *pg = NULL;
	size_t n = 0;

	assert_int_equal(council_participants_delete(db, gone), COUNCIL_OK);
	assert_int_equal(council_event_delete(db, e), COUNCIL_OK);
	assert_int_equal(council_record_restore(&n, db, "event", e), COUNCIL_OK);
	assert_int_equal(n, 2);
	assert_int_equal(council_participants_get(&pg, db, kept), COUNCIL_OK);
	council_participants_free(pg);
	assert_int_equal(council_participants_get(&pg, db, gone), COUNCIL_ENOTFOUND);
	/* and a group on its own */
	assert_int_equal(council_record_restore(&n, db, "participants", gone), COUNCIL_OK);
	assert_int_equal(n, 1);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 12);
}

/* A meeting removed takes who attended it (attendance, meeting_quorum:
 * schema version 7) with it, and brings them back when restored; a person
 * listed can be restored alone. */
static void test_restore_meeting_attendance(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Utenos taryba"), m, a;
	council_meeting mt;
	size_t n = 0;

	council_meeting_init(&mt);
	mt.council_id = c;
	assert_int_equal(council_date_parse(&mt.date.start, "2024-03-14"), COUNCIL_OK);
	mt.date.end = mt.date.start;
	assert_int_equal(council_meeting_add(&m, db, &mt), COUNCIL_OK);
	tu_exec(db, "INSERT INTO attendance(meeting_id, name, present) SELECT id, 'Ona Onaitė', 1 FROM meeting");
	tu_exec(db, "INSERT INTO attendance(meeting_id, name, present, reason) "
	            "SELECT id, 'Jonas Jonaitis', 0, 'dėl ligos' FROM meeting");
	tu_exec(db, "INSERT INTO meeting_quorum(meeting_id, present, members) SELECT id, 1, 2 FROM meeting");
	a = tu_sql_int(db, "SELECT id FROM attendance WHERE name = 'Jonas Jonaitis'");
	assert_int_equal(council_meeting_delete(db, m), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting_attendance"), 0);
	assert_int_equal(council_record_restore(&n, db, "meeting", m), COUNCIL_OK);
	assert_int_equal(n, 4);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting_attendance WHERE date = '2024-03-14'"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT present * 10 + members FROM meeting_quorum"), 12);
	/* one person, deleted and brought back alone */
	tu_exec(db, "DELETE FROM attendance WHERE name = 'Jonas Jonaitis'");
	assert_int_equal(council_record_restore(&n, db, "attendance", a), COUNCIL_OK);
	assert_int_equal(n, 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM attendance WHERE reason = 'dėl ligos'"), 1);
}

/* The id was taken again by a new event: refused, nothing changes. */
static void test_restore_refused_id_taken(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Jonavos taryba");
	council_id e = add_event(db, c, "Senas", "2020", -1), again;
	int64_t fp;

	add_group(db, e, 9, NULL);
	assert_int_equal(council_event_delete(db, e), COUNCIL_OK);
	again = add_event(db, c, "Naujas", "2021", -1);
	assert_int_equal(again, e); /* SQLite gives the highest id out again */
	fp = fingerprint(db);
	tu_assert_error(db, council_record_restore(NULL, db, "event", e), COUNCIL_EEXISTS,
	                "event 1 exists");
	assert_int_equal(fingerprint(db), fp);
}

/* A removed group whose id was taken by another group: the event's
 * restore is refused whole, naming the group. */
static void test_restore_refused_child_id_taken(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Rietavo taryba");
	council_id keep = add_event(db, c, "Liekantis", "2020", -1);
	council_id e = add_event(db, c, "Trinamas", "2020", -1);
	council_id g = add_group(db, e, 4, NULL);
	int64_t fp;

	assert_int_equal(council_event_delete(db, e), COUNCIL_OK);
	assert_int_equal(add_group(db, keep, 8, NULL), g);
	fp = fingerprint(db);
	tu_assert_error(db, council_record_restore(NULL, db, "event", e), COUNCIL_EEXISTS,
	                "participants 1, removed with it");
	assert_int_equal(fingerprint(db), fp);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 1);
}

/* The council the event belonged to is gone: refused, naming it. */
static void test_restore_refused_parent_gone(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Pagėgių taryba");
	council_id e = add_event(db, c, "Renginys", "2020", -1);
	int64_t fp;

	assert_int_equal(council_event_delete(db, e), COUNCIL_OK);
	assert_int_equal(council_delete(db, c), COUNCIL_OK);
	fp = fingerprint(db);
	tu_assert_error(db, council_record_restore(NULL, db, "event", e), COUNCIL_ENOTFOUND,
	                "event 1: its council 1 (council_id) is gone; restore that first");
	assert_int_equal(fingerprint(db), fp);
	/* restoring the council first lets the event come back */
	assert_int_equal(council_record_restore(NULL, db, "council", c), COUNCIL_OK);
	assert_int_equal(council_record_restore(NULL, db, "event", e), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM events_overview WHERE council = "
	                                "'Pagėgių taryba'"), 1);
}

static void test_restore_bad_requests(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Neringos taryba");

	tu_assert_error(db, council_record_restore(NULL, db, "event", 77), COUNCIL_ENOTFOUND,
	                "event 77: no removal of it is recorded");
	tu_assert_error(db, council_record_restore(NULL, db, "council", c), COUNCIL_EEXISTS,
	                "council 1 exists");
	tu_assert_error(db, council_record_restore(NULL, db, "evnt", 1), COUNCIL_EINVAL,
	                "record type \"evnt\"");
	tu_assert_error(db, council_record_restore(NULL, db, "event_measure", 1), COUNCIL_EINVAL,
	                "record type");
	tu_assert_error(db, council_record_restore(NULL, db, "event", 0), COUNCIL_EINVAL, "not an id");
}

/* A document removed by mistake comes back with everything it brought. */
static void test_restore_source(void **state)
{
	council_db *db = *state;
	const char *path = tu_fixture("reports/birzu-r-2020-annual.txt");
	council_import_result res;
	int64_t rows;
	size_t n = 0;
	const char *count_all = "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM meeting) + "
	                        "(SELECT count(*) FROM reported_figure) + (SELECT count(*) FROM event) + "
	                        "(SELECT count(*) FROM event_participants) + (SELECT count(*) FROM legal_act)";

	assert_int_equal(council_import_file(&res, db, path), COUNCIL_OK);
	rows = tu_sql_int(db, count_all);
	assert_true(rows > 3);
	assert_int_equal(council_source_delete(db, res.source_id), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, count_all), 0);
	assert_int_equal(council_record_restore(&n, db, "source", res.source_id), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, count_all), rows);
	assert_int_equal((int64_t)n, rows + 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

/* Every column of every table of records is named in its three triggers,
 * so that a column added to a table is not silently left out.  Not the
 * bookkeeping tables: the history's own and the importer's provenance and
 * review marks (schema.sql), which say how records came, not what they
 * are, nor the table of the 60 municipalities (schema version 7), which is
 * the library's reference data, not records; nor the derived columns of schema version 6 (event's participant
 * totals, kept from event_participants, and council.name_key, lt_key of
 * the name), which the history leaves out on purpose; nor who is who
 * (version 7: person, person_ambiguity, member.person_id), which the
 * library derives from the members' names, nor member_change, which is
 * what a document says of its members, provenance like record_source. */
static void test_triggers_name_every_column(void **state)
{
	council_db *db = *state;

	assert_int_equal(tu_sql_int(db,
		"SELECT count(*) FROM sqlite_schema t, pragma_table_info(t.name) c"
		" WHERE t.type = 'table' AND t.name NOT IN ('history', 'change_origin', 'change_context', 'change_range', "
		"'source_alias', 'record_source', 'source_review', 'reviewed', 'removed', 'record_key', "
		"'person', 'person_ambiguity', 'member_change', 'municipality', 'schema_doc')"
		"   AND t.name NOT LIKE 'sqlite!_%' ESCAPE '!'"
		"   AND NOT (t.name = 'event' AND c.name IN ('participants', 'participants_qualifier', "
		"'participant_groups'))"
		"   AND NOT (t.name = 'council' AND c.name = 'name_key')"
		"   AND NOT (t.name = 'member' AND c.name = 'person_id')"
		"   AND (coalesce((SELECT instr(sql, '''' || c.name || ''', new.' || c.name)"
		"                    FROM sqlite_schema WHERE name = t.name || '_history_insert'), 0) = 0"
		"     OR coalesce((SELECT instr(sql, 'old.' || c.name || ' IS NOT new.' || c.name)"
		"                    FROM sqlite_schema WHERE name = t.name || '_history_update'), 0) = 0"
		"     OR coalesce((SELECT instr(sql, '''' || c.name || ''', old.' || c.name)"
		"                    FROM sqlite_schema WHERE name = t.name || '_history_delete'), 0) = 0)"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
	                                "AND name LIKE '%!_history!_%' ESCAPE '!'"),
	                 3 * tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
	                                    "AND name NOT IN ('history', 'change_origin', 'change_context', 'change_range', "
		"'source_alias', 'record_source', 'source_review', 'reviewed', 'removed', 'record_key', "
		"'person', 'person_ambiguity', 'member_change', 'municipality', 'schema_doc')"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_library_changes),
		TU_BOTH(test_origin_label),
		TU_BOTH(test_import_origin),
		TU_BOTH(test_review_origin),
		TU_BOTH(test_reimport_reuses_ids),
		cmocka_unit_test_setup_teardown(test_sql_edit, tu_setup_file, tu_teardown),
		TU_BOTH(test_transactions),
		TU_BOTH(test_failed_import_then_edit),
		TU_BOTH(test_history_list),
		TU_BOTH(test_history_by_source),
		TU_BOTH(test_restore_event),
		TU_BOTH(test_restore_only_what_went_with_it),
		TU_BOTH(test_restore_meeting_attendance),
		TU_BOTH(test_restore_refused_id_taken),
		TU_BOTH(test_restore_refused_child_id_taken),
		TU_BOTH(test_restore_refused_parent_gone),
		TU_BOTH(test_restore_bad_requests),
		TU_BOTH(test_restore_source),
		cmocka_unit_test_setup_teardown(test_triggers_name_every_column, tu_setup_memory, tu_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
