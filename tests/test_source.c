/* SPDX-License-Identifier: MIT */
/*
 * test_source.c -- source documents: round trips, digest and date checks,
 * duplicate paths, lookup by path, updates that keep imported_at, and
 * deletion that takes every row imported from the source with it.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define SHA "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

static council_source make(const char *path)
{
	council_source s;

	council_source_init(&s);
	s.path = (char *)path;
	s.sha256 = (char *)SHA;
	return s;
}

static void test_round_trip(void **state)
{
	council_db *db = *state;
	council_source s = make("reports/kaunas-2021.txt"), *got = NULL;
	council_id id;

	s.kind = COUNCIL_SOURCE_ANNUAL_REPORT;
	s.report_year = 2021;
	s.doc_number = (char *)"B28-2-1";
	s.doc_date = tu_date("2022-01-31");
	s.imported_at = (char *)"1999-01-01T00:00:00Z"; /* ignored: the library sets it */
	assert_int_equal(council_source_add(&id, db, &s), COUNCIL_OK);
	assert_int_equal(council_source_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	tu_assert_str(got->path, "reports/kaunas-2021.txt");
	tu_assert_str(got->sha256, SHA);
	assert_int_equal(got->kind, COUNCIL_SOURCE_ANNUAL_REPORT);
	assert_int_equal(got->report_year, 2021);
	tu_assert_str(got->doc_number, "B28-2-1");
	tu_assert_date(&got->doc_date, "2022-01-31");
	assert_non_null(got->imported_at);
	assert_int_equal(strlen(got->imported_at), 20);
	assert_int_not_equal(strncmp(got->imported_at, "1999", 4), 0);
	assert_int_equal(got->imported_at[10], 'T');
	council_source_free(got);

	s = make("page.html");
	assert_int_equal(council_source_add(&id, db, &s), COUNCIL_OK);
	assert_int_equal(council_source_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->kind, COUNCIL_SOURCE_OTHER);
	assert_int_equal(got->report_year, -1);
	assert_null(got->doc_number);
	assert_int_equal(got->doc_date.year, 0);
	council_source_free(got);
}

static void no_path(council_source *s) { s->path = NULL; }
static void empty_path(council_source *s) { s->path = (char *)""; }
static void no_sha(council_source *s) { s->sha256 = NULL; }
static void short_sha(council_source *s) { s->sha256 = (char *)SHA + 1; }
static void long_sha(council_source *s) { s->sha256 = (char *)SHA "0"; }
static void upper_sha(council_source *s)
{
	static char sha[] = SHA;
	sha[0] = 'F';
	s->sha256 = sha;
}
static void nonhex_sha(council_source *s)
{
	static char sha[] = SHA;
	sha[63] = 'g';
	s->sha256 = sha;
}
static void bad_kind(council_source *s) { s->kind = (council_source_kind)9; }
static void early_year(council_source *s) { s->report_year = 1989; }
static void late_year(council_source *s) { s->report_year = 2101; }
static void month_doc_date(council_source *s) { s->doc_date = (council_date){ 2024, 2, 0 }; }
static void bad_doc_date(council_source *s) { s->doc_date = (council_date){ 2023, 2, 29 }; }
static void bad_doc_number(council_source *s) { s->doc_number = (char *)"\xc0\xaf"; }

static const struct bad {
	void (*spoil)(council_source *);
	const char *msg;
} bad[] = {
	{ no_path, "source.path: required" },
	{ empty_path, "source.path: required" },
	{ no_sha, "source.sha256: not 64 lowercase hex digits" },
	{ short_sha, "source.sha256: not 64 lowercase hex digits" },
	{ long_sha, "source.sha256: not 64 lowercase hex digits" },
	{ upper_sha, "source.sha256: not 64 lowercase hex digits" },
	{ nonhex_sha, "source.sha256: not 64 lowercase hex digits" },
	{ bad_kind, "source.kind: 9 is not a valid value" },
	{ early_year, "source.report_year: 1989 is not in 1990..2100" },
	{ late_year, "source.report_year: 2101 is not in 1990..2100" },
	{ month_doc_date, "source.doc_date: a document is dated to the day" },
	{ bad_doc_date, "source.doc_date: 2023-02-29 is not a valid date" },
	{ bad_doc_number, "source.doc_number: not valid UTF-8" },
};

static void test_validation(void **state)
{
	council_db *db = *state;
	council_id id = tu_add_source(db, "kept.txt");
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		council_source s = make("new.txt");
		bad[i].spoil(&s);
		tu_assert_error(db, council_source_add(NULL, db, &s), COUNCIL_EINVAL, bad[i].msg);
		s.id = id;
		tu_assert_error(db, council_source_update(db, &s), COUNCIL_EINVAL, bad[i].msg);
	}
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document WHERE path = 'kept.txt'"), 1);
}

static void test_duplicate_path(void **state)
{
	council_db *db = *state;
	council_source s = make("a.txt");
	council_id b = tu_add_source(db, "b.txt");

	tu_add_source(db, "a.txt");
	tu_assert_error(db, council_source_add(NULL, db, &s), COUNCIL_EEXISTS,
	                "source.path: a source with path \"a.txt\" already exists");
	s.id = b;
	tu_assert_error(db, council_source_update(db, &s), COUNCIL_EEXISTS,
	                "source.path: a source with path \"a.txt\" already exists");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 2);
}

static void test_find(void **state)
{
	council_db *db = *state;
	council_id id = tu_add_source(db, "dir/ataskaita.txt");
	council_source *got = NULL;

	tu_add_source(db, "dir/kita.txt");
	assert_int_equal(council_source_find(&got, db, "dir/ataskaita.txt"), COUNCIL_OK);
	assert_int_equal(got->id, id);
	tu_assert_str(got->path, "dir/ataskaita.txt");
	council_source_free(got);
	got = NULL;
	tu_assert_error(db, council_source_find(&got, db, "dir/nera.txt"), COUNCIL_ENOTFOUND,
	                "source \"dir/nera.txt\": no such source");
	assert_null(got);
	tu_assert_error(db, council_source_find(&got, db, NULL), COUNCIL_EINVAL, "source.path");
	assert_int_equal(council_source_find(&got, NULL, "x"), COUNCIL_EMISUSE);
}

static void test_update_keeps_imported_at(void **state)
{
	council_db *db = *state;
	council_id id = tu_add_source(db, "a.txt");
	council_source s = make("b.txt"), *got = NULL;

	/* Mark the stored time so a rewrite would show. */
	tu_exec(db, "UPDATE source_document SET imported_at = '2001-02-03T04:05:06Z'");
	s.id = id;
	s.kind = COUNCIL_SOURCE_PLAN_REPORT;
	s.report_year = 2024;
	s.imported_at = (char *)"2000-01-01T00:00:00Z";
	assert_int_equal(council_source_update(db, &s), COUNCIL_OK);
	assert_int_equal(council_source_get(&got, db, id), COUNCIL_OK);
	tu_assert_str(got->path, "b.txt");
	assert_int_equal(got->kind, COUNCIL_SOURCE_PLAN_REPORT);
	assert_int_equal(got->report_year, 2024);
	tu_assert_str(got->imported_at, "2001-02-03T04:05:06Z");
	council_source_free(got);
	s.id = id + 7;
	tu_assert_error(db, council_source_update(db, &s), COUNCIL_ENOTFOUND, "no such record");
}

/* Adds one row of every kind with source src (0 = by hand) to council c;
 * returns the event id. */
static council_id fill(council_db *db, council_id c, council_id src, const char *tag)
{
	council_member m;
	council_meeting mt;
	council_figure fg;
	council_plan p;
	council_measure ms;
	council_fulfilment fl;
	council_event e;
	council_participants pp;
	council_act a;
	const char *units[] = { "Savivaldybė" };
	council_id plan, measure, event, meeting;

	council_member_init(&m);
	m.council_id = c, m.name = (char *)tag, m.source_id = src;
	assert_int_equal(council_member_add(NULL, db, &m), COUNCIL_OK);
	council_meeting_init(&mt);
	mt.council_id = c, mt.date = tu_period("2021-02-03"), mt.source_id = src;
	assert_int_equal(council_meeting_add(&meeting, db, &mt), COUNCIL_OK);
	council_figure_init(&fg);
	fg.council_id = c, fg.year = 2021, fg.value = 3, fg.source_id = src;
	assert_int_equal(council_figure_add(NULL, db, &fg), COUNCIL_OK);
	council_plan_init(&p);
	p.council_id = c, p.title = (char *)tag, p.source_id = src;
	assert_int_equal(council_plan_add(&plan, db, &p), COUNCIL_OK);
	council_measure_init(&ms);
	ms.plan_id = plan, ms.seq = 1, ms.name = (char *)tag, ms.source_id = src;
	ms.responsible = units, ms.n_responsible = 1;
	assert_int_equal(council_measure_add(&measure, db, &ms), COUNCIL_OK);
	council_fulfilment_init(&fl);
	fl.measure_id = measure, fl.year = 2021, fl.text = (char *)tag, fl.source_id = src;
	assert_int_equal(council_fulfilment_add(NULL, db, &fl), COUNCIL_OK);
	council_event_init(&e);
	e.council_id = c, e.title = (char *)tag, e.date = tu_period("2021-02-03");
	e.meeting_id = meeting, e.measure_ids = &measure, e.n_measures = 1, e.source_id = src;
	assert_int_equal(council_event_add(&event, db, &e), COUNCIL_OK);
	council_participants_init(&pp);
	pp.event_id = event, pp.count = 10, pp.source_id = src;
	assert_int_equal(council_participants_add(NULL, db, &pp), COUNCIL_OK);
	council_act_init(&a);
	a.council_id = c, a.number = (char *)tag, a.source_id = src;
	assert_int_equal(council_act_add(NULL, db, &a), COUNCIL_OK);
	return event;
}

static int64_t count_all(council_db *db)
{
	return tu_sql_int(db, "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM meeting)"
	                      " + (SELECT count(*) FROM reported_figure) + (SELECT count(*) FROM plan)"
	                      " + (SELECT count(*) FROM measure) + (SELECT count(*) FROM measure_fulfilment)"
	                      " + (SELECT count(*) FROM measure_responsible)"
	                      " + (SELECT count(*) FROM event) + (SELECT count(*) FROM event_measure)"
	                      " + (SELECT count(*) FROM event_participants)"
	                      " + (SELECT count(*) FROM legal_act)");
}

static void test_delete_takes_imported_rows(void **state)
{
	council_db *db = *state;
	council_id gone = tu_add_source(db, "gone.txt"), kept = tu_add_source(db, "kept.txt");
	council_council c;
	council_council *got = NULL;
	council_source *none = NULL;
	council_id council, gone_event;
	council_participants pp;

	council_council_init(&c);
	c.name = (char *)"Importuota taryba";
	c.source_id = gone;
	assert_int_equal(council_council_add(&council, db, &c), COUNCIL_OK);
	gone_event = fill(db, council, gone, "gone");
	fill(db, council, kept, "kept");
	fill(db, council, 0, "hand");
	/* A hand-entered group under an imported event goes with its event. */
	council_participants_init(&pp);
	pp.event_id = gone_event, pp.count = 2;
	assert_int_equal(council_participants_add(NULL, db, &pp), COUNCIL_OK);
	assert_int_equal(count_all(db), 3 * 11 + 1);

	assert_int_equal(council_source_delete(db, gone), COUNCIL_OK);
	assert_int_equal(count_all(db), 2 * 11);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member WHERE name = 'gone'"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event WHERE title = 'gone'"), 0);
	/* The council stays, unlinked from the deleted source. */
	assert_int_equal(council_council_get(&got, db, council), COUNCIL_OK);
	assert_int_equal(got->source_id, 0);
	council_council_free(got);
	tu_assert_error(db, council_source_get(&none, db, gone), COUNCIL_ENOTFOUND, "no such source");
	tu_assert_error(db, council_source_delete(db, gone), COUNCIL_ENOTFOUND, "no such record");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 1);
}

static int collect(void *ctx, const council_source *r)
{
	return tu_ids_push(ctx, r->id);
}

static void test_list(void **state)
{
	council_db *db = *state;
	council_id a = tu_add_source(db, "z.txt"), b = tu_add_source(db, "a.txt");
	council_id c = tu_add_source(db, "m.txt");
	council_filter f;
	tu_ids t = { .n = 0 };

	assert_int_equal(council_source_list(db, NULL, collect, &t), COUNCIL_OK);
	TU_IDS(&t, a, b, c);
	council_filter_init(&f);
	f.limit = 2;
	t.n = 0;
	assert_int_equal(council_source_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, a, b);
	t.n = 0;
	t.stop_at = 1;
	assert_int_equal(council_source_list(db, NULL, collect, &t), TU_STOP);
	TU_IDS(&t, a);
}

static void test_misuse(void **state)
{
	council_db *closed = tu_closed_handle();
	council_db *handles[] = { NULL, closed };
	council_source s = make("a.txt"), *got = &s;
	tu_ids t = { .n = 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		council_db *db = handles[i];
		assert_int_equal(council_source_add(NULL, db, &s), COUNCIL_EMISUSE);
		assert_int_equal(council_source_get(&got, db, 1), COUNCIL_EMISUSE);
		assert_null(got);
		got = &s;
		assert_int_equal(council_source_find(&got, db, "a.txt"), COUNCIL_EMISUSE);
		assert_null(got);
		assert_int_equal(council_source_update(db, &s), COUNCIL_EMISUSE);
		assert_int_equal(council_source_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_source_list(db, NULL, collect, &t), COUNCIL_EMISUSE);
		got = &s;
	}
	assert_int_equal(t.n, 0);
	council_close(closed);
	council_source_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_round_trip),
		TU_BOTH(test_validation),
		TU_BOTH(test_duplicate_path),
		TU_BOTH(test_find),
		TU_BOTH(test_update_keeps_imported_at),
		TU_BOTH(test_delete_takes_imported_rows),
		TU_BOTH(test_list),
		cmocka_unit_test(test_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
