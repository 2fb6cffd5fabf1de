/* SPDX-License-Identifier: MIT */
/*
 * test_meeting.c -- meetings: partial dates and spans, validation naming
 * the field, missing councils, updates, deletes that unlink events, list
 * order and the year and date-range filters.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static council_meeting make(council_id council, const char *date)
{
	council_meeting m;

	council_meeting_init(&m);
	m.council_id = council;
	m.date = tu_period(date);
	return m;
}

static council_id add(council_db *db, council_id council, const char *date, council_id source)
{
	council_meeting m = make(council, date);
	council_id id = 0;

	m.source_id = source;
	assert_int_equal(council_meeting_add(&id, db, &m), COUNCIL_OK);
	return id;
}

static void test_round_trip(void **state)
{
	council_db *db = *state;
	council_id src = tu_add_source(db, "a.txt");
	council_meeting m = make(tu_add_council(db, "Taryba"), "2024-05-16..2024-05-17"), *got = NULL;
	council_id id;

	m.format = COUNCIL_FORMAT_HYBRID;
	m.platform = (char *)"Microsoft Teams";
	m.location = (char *)"Savivaldybės salė";
	m.summary = (char *)"Aptarti 2025 m. planai";
	m.source_id = src;
	assert_int_equal(council_meeting_add(&id, db, &m), COUNCIL_OK);
	assert_int_equal(council_meeting_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	assert_int_equal(got->council_id, m.council_id);
	tu_assert_date(&got->date.start, "2024-05-16");
	tu_assert_date(&got->date.end, "2024-05-17");
	assert_int_equal(got->format, COUNCIL_FORMAT_HYBRID);
	tu_assert_str(got->platform, "Microsoft Teams");
	tu_assert_str(got->location, "Savivaldybės salė");
	tu_assert_str(got->summary, "Aptarti 2025 m. planai");
	assert_int_equal(got->source_id, src);
	council_meeting_free(got);

	/* A meeting known only to the month; unknown fields stay unknown. */
	m = make(m.council_id, "2023-11");
	assert_int_equal(council_meeting_add(&id, db, &m), COUNCIL_OK);
	assert_int_equal(council_meeting_get(&got, db, id), COUNCIL_OK);
	tu_assert_date(&got->date.start, "2023-11");
	tu_assert_date(&got->date.end, "2023-11");
	assert_int_equal(got->format, COUNCIL_FORMAT_UNKNOWN);
	assert_null(got->platform);
	assert_null(got->summary);
	assert_int_equal(got->source_id, 0);
	council_meeting_free(got);
	/* The generated year column groups it. */
	assert_int_equal(tu_sql_int(db, "SELECT year FROM meeting WHERE date_start = '2023-11'"), 2023);
}

static void no_council(council_meeting *m) { m->council_id = 0; }
static void no_date(council_meeting *m) { memset(&m->date, 0, sizeof m->date); }
static void no_end(council_meeting *m) { memset(&m->date.end, 0, sizeof m->date.end); }
static void bad_day(council_meeting *m) { m->date.start = (council_date){ 2024, 2, 30 }; }
static void bad_month(council_meeting *m) { m->date.end = (council_date){ 2024, 13, 0 }; }
static void backwards(council_meeting *m) { m->date.end = (council_date){ 2024, 1, 0 }; }
static void bad_format(council_meeting *m) { m->format = (council_format)9; }
static void bad_summary(council_meeting *m) { m->summary = (char *)"\xe2\x82"; }
static void bad_platform(council_meeting *m) { m->platform = (char *)"\x80"; }

static const struct bad {
	void (*spoil)(council_meeting *);
	const char *msg;
} bad[] = {
	{ no_council, "meeting.council_id: required" },
	{ no_date, "meeting.date: required" },
	{ no_end, "meeting.date: end date required" },
	{ bad_day, "meeting.date: 2024-02-30 is not a valid date" },
	{ bad_month, "meeting.date: 2024-13-00 is not a valid date" },
	{ backwards, "meeting.date: end 2024-01 precedes start 2024-02-05" },
	{ bad_format, "meeting.format: 9 is not a valid value" },
	{ bad_summary, "meeting.summary: not valid UTF-8" },
	{ bad_platform, "meeting.platform: not valid UTF-8" },
};

static void test_validation(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba");
	council_id id = add(db, council, "2024-02-05", 0);
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		council_meeting m = make(council, "2024-02-05");
		bad[i].spoil(&m);
		tu_assert_error(db, council_meeting_add(NULL, db, &m), COUNCIL_EINVAL, bad[i].msg);
		m.id = id;
		tu_assert_error(db, council_meeting_update(db, &m), COUNCIL_EINVAL, bad[i].msg);
	}
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting WHERE date_start = '2024-02-05'"), 1);
}

static void test_missing_references(void **state)
{
	council_db *db = *state;
	council_meeting m = make(404, "2024");

	tu_assert_error(db, council_meeting_add(NULL, db, &m), COUNCIL_ENOTFOUND,
	                "meeting.council_id: no council with id 404");
	m.council_id = tu_add_council(db, "Taryba");
	m.source_id = 12;
	tu_assert_error(db, council_meeting_add(NULL, db, &m), COUNCIL_ENOTFOUND,
	                "meeting.source_id: no source_document with id 12");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 0);
}

static void test_update(void **state)
{
	council_db *db = *state;
	council_id c1 = tu_add_council(db, "Pirma"), c2 = tu_add_council(db, "Antra");
	council_id id = add(db, c1, "2022", tu_add_source(db, "a.txt"));
	council_meeting m = make(c2, "2023-04-01"), *got = NULL;

	m.id = id;
	m.format = COUNCIL_FORMAT_REMOTE;
	m.platform = (char *)"Zoom";
	assert_int_equal(council_meeting_update(db, &m), COUNCIL_OK);
	assert_int_equal(council_meeting_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->council_id, c2);
	tu_assert_date(&got->date.start, "2023-04-01");
	assert_int_equal(got->format, COUNCIL_FORMAT_REMOTE);
	tu_assert_str(got->platform, "Zoom");
	assert_int_equal(got->source_id, 0);
	council_meeting_free(got);
	m.id = 9999;
	tu_assert_error(db, council_meeting_update(db, &m), COUNCIL_ENOTFOUND, "meeting 9999");
}

static void test_delete_unlinks_events(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba");
	council_id mid = add(db, council, "2024-03-01", 0), eid;
	council_event e, *got = NULL;
	council_meeting *gone = NULL;

	council_event_init(&e);
	e.council_id = council;
	e.meeting_id = mid;
	e.title = (char *)"Seminaras posėdžio metu";
	e.date = tu_period("2024-03-01");
	assert_int_equal(council_event_add(&eid, db, &e), COUNCIL_OK);
	assert_int_equal(council_meeting_delete(db, mid), COUNCIL_OK);
	tu_assert_error(db, council_meeting_get(&gone, db, mid), COUNCIL_ENOTFOUND, "no such meeting");
	assert_int_equal(council_event_get(&got, db, eid), COUNCIL_OK);
	assert_int_equal(got->meeting_id, 0);
	council_event_free(got);
	tu_assert_error(db, council_meeting_delete(db, mid), COUNCIL_ENOTFOUND, "no such record");
}

static int collect(void *ctx, const council_meeting *r)
{
	return tu_ids_push(ctx, r->id);
}

static void test_list(void **state)
{
	council_db *db = *state;
	council_id c1 = tu_add_council(db, "Pirma"), c2 = tu_add_council(db, "Antra");
	council_id src = tu_add_source(db, "r.txt");
	council_id m_mar = add(db, c1, "2024-03", 0);
	council_id m_feb = add(db, c1, "2024-02-28..2024-03-01", src);
	council_id m_2023 = add(db, c1, "2023", 0);
	council_id m_apr = add(db, c1, "2024-04-02", 0);
	council_id other = add(db, c2, "2024-03-15", src);
	council_filter f;
	tu_ids t = { .n = 0 };

	assert_int_equal(council_meeting_list(db, NULL, collect, &t), COUNCIL_OK);
	TU_IDS(&t, m_2023, m_feb, m_mar, m_apr, other);

	council_filter_init(&f);
	f.council_id = c1;
	f.year_from = 2024;
	t.n = 0;
	assert_int_equal(council_meeting_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, m_feb, m_mar, m_apr);

	council_filter_init(&f);
	f.year_to = 2023;
	t.n = 0;
	assert_int_equal(council_meeting_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, m_2023);

	/* A range overlaps partial dates: "2024-03" and a span ending on
	 * 1 March both meet 1 March; "2023" does not. */
	council_filter_init(&f);
	f.range = tu_period("2024-03-01");
	t.n = 0;
	assert_int_equal(council_meeting_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, m_feb, m_mar);

	f.range = tu_period("2024-03-10..2024-04");
	t.n = 0;
	assert_int_equal(council_meeting_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, m_mar, m_apr, other);

	/* A range whose end is left unset is the single start date. */
	council_filter_init(&f);
	f.range.start = tu_date("2023");
	t.n = 0;
	assert_int_equal(council_meeting_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, m_2023);

	council_filter_init(&f);
	f.source_id = src;
	f.limit = 1;
	t.n = 0;
	assert_int_equal(council_meeting_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, m_feb);

	t.n = 0;
	t.stop_at = 2;
	assert_int_equal(council_meeting_list(db, NULL, collect, &t), TU_STOP);
	TU_IDS(&t, m_2023, m_feb);

	council_filter_init(&f);
	f.range.start = (council_date){ 2024, 2, 30 };
	tu_assert_error(db, council_meeting_list(db, &f, collect, &t), COUNCIL_EINVAL,
	                "filter.range: 2024-02-30 is not a valid date");
	f.range = tu_period("2024-03");
	f.range.end = tu_date("2024-01");
	tu_assert_error(db, council_meeting_list(db, &f, collect, &t), COUNCIL_EINVAL,
	                "filter.range: end 2024-01 precedes start 2024-03");
}

static void test_misuse(void **state)
{
	council_db *closed = tu_closed_handle();
	council_db *handles[] = { NULL, closed };
	council_meeting m = make(1, "2024"), *got = &m;
	tu_ids t = { .n = 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		council_db *db = handles[i];
		assert_int_equal(council_meeting_add(NULL, db, &m), COUNCIL_EMISUSE);
		assert_int_equal(council_meeting_get(&got, db, 1), COUNCIL_EMISUSE);
		assert_null(got);
		assert_int_equal(council_meeting_update(db, &m), COUNCIL_EMISUSE);
		assert_int_equal(council_meeting_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_meeting_list(db, NULL, collect, &t), COUNCIL_EMISUSE);
		got = &m;
	}
	assert_int_equal(t.n, 0);
	council_close(closed);
	council_meeting_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_round_trip),
		TU_BOTH(test_validation),
		TU_BOTH(test_missing_references),
		TU_BOTH(test_update),
		TU_BOTH(test_delete_unlinks_events),
		TU_BOTH(test_list),
		cmocka_unit_test(test_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
