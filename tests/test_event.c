/* SPDX-License-Identifier: MIT */
/*
 * test_event.c -- events with their linked measures and the meeting they
 * were held at, and their participant groups: round trips, validation,
 * missing references, atomic list replacement, cascades and lists.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static council_event make(council_id council, const char *title, const char *date)
{
	council_event e;

	council_event_init(&e);
	e.council_id = council;
	e.title = (char *)title;
	e.date = tu_period(date);
	return e;
}

static council_id add(council_db *db, council_id council, const char *date, council_id source)
{
	council_event e = make(council, "Renginys", date);
	council_id id = 0;

	e.source_id = source;
	assert_int_equal(council_event_add(&id, db, &e), COUNCIL_OK);
	return id;
}

/* A plan with n measures numbered 1..n; their ids go to ids. */
static void add_measures(council_db *db, council_id council, council_id *ids, int n)
{
	council_plan p;
	council_measure m;
	council_id plan;
	int i;

	council_plan_init(&p);
	p.council_id = council;
	p.title = (char *)"Planas";
	assert_int_equal(council_plan_add(&plan, db, &p), COUNCIL_OK);
	for (i = 0; i < n; i++) {
		council_measure_init(&m);
		m.plan_id = plan;
		m.seq = i + 1;
		m.name = (char *)"Priemonė";
		assert_int_equal(council_measure_add(&ids[i], db, &m), COUNCIL_OK);
	}
}

static council_id add_meeting(council_db *db, council_id council, const char *date)
{
	council_meeting m;
	council_id id;

	council_meeting_init(&m);
	m.council_id = council;
	m.date = tu_period(date);
	assert_int_equal(council_meeting_add(&id, db, &m), COUNCIL_OK);
	return id;
}

static void test_round_trip(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba"), src = tu_add_source(db, "e.txt");
	council_id measures[3], meeting = add_meeting(db, council, "2024-05-16");
	council_event e = make(council, "Seminaras apie NVO finansavimą", "2024-05-16..2024-05-17");
	council_event *got = NULL;
	council_id id;

	add_measures(db, council, measures, 3);
	e.meeting_id = meeting;
	e.kind = COUNCIL_EVENT_SEMINAR;
	e.organiser = (char *)"NVO taryba";
	e.location = (char *)"Kaunas";
	e.remote = 1;
	e.description = (char *)"Aptarta finansavimo tvarka";
	e.measure_ids = (council_id[]){ measures[2], measures[0] };
	e.n_measures = 2;
	e.source_id = src;
	assert_int_equal(council_event_add(&id, db, &e), COUNCIL_OK);
	assert_int_equal(council_event_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	assert_int_equal(got->council_id, council);
	assert_int_equal(got->meeting_id, meeting);
	tu_assert_str(got->title, e.title);
	assert_int_equal(got->kind, COUNCIL_EVENT_SEMINAR);
	tu_assert_str(got->organiser, "NVO taryba");
	tu_assert_date(&got->date.start, "2024-05-16");
	tu_assert_date(&got->date.end, "2024-05-17");
	tu_assert_str(got->location, "Kaunas");
	assert_int_equal(got->remote, 1);
	tu_assert_str(got->description, e.description);
	assert_int_equal(got->source_id, src);
	/* Links are a set, returned in id order. */
	assert_int_equal(got->n_measures, 2);
	assert_int_equal(got->measure_ids[0], measures[0]);
	assert_int_equal(got->measure_ids[1], measures[2]);
	council_event_free(got);

	e = make(council, "Išvyka", "2023");
	e.remote = 0;
	assert_int_equal(council_event_add(&id, db, &e), COUNCIL_OK);
	assert_int_equal(council_event_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->remote, 0);
	assert_int_equal(got->meeting_id, 0);
	assert_int_equal(got->kind, COUNCIL_EVENT_OTHER);
	assert_null(got->organiser);
	assert_int_equal(got->n_measures, 0);
	assert_null(got->measure_ids);
	council_event_free(got);

	council_event_init(&e);
	assert_int_equal(e.remote, -1);
	e = make(council, "Nežinoma", "2022");
	assert_int_equal(council_event_add(&id, db, &e), COUNCIL_OK);
	assert_int_equal(council_event_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->remote, -1);
	council_event_free(got);
}

static council_id dup_ids[] = { 1, 2, 1 };
static council_id zero_ids[] = { 1, 0 };

static void no_council(council_event *e) { e->council_id = 0; }
static void no_title(council_event *e) { e->title = NULL; }
static void bad_kind(council_event *e) { e->kind = (council_event_kind)12; }
static void no_date(council_event *e) { memset(&e->date, 0, sizeof e->date); }
static void bad_date(council_event *e) { e->date.start = (council_date){ 2021, 4, 31 }; }
static void backwards(council_event *e) { e->date.end = (council_date){ 2020, 12, 31 }; }
static void remote_two(council_event *e) { e->remote = 2; }
static void remote_minus_two(council_event *e) { e->remote = -2; }
static void no_array(council_event *e) { e->n_measures = 2; }
static void zero_id(council_event *e) { e->measure_ids = zero_ids, e->n_measures = 2; }
static void twice(council_event *e) { e->measure_ids = dup_ids, e->n_measures = 3; }
static void bad_meeting(council_event *e) { e->meeting_id = -1; }
static void bad_description(council_event *e) { e->description = (char *)"\xf8\x88\x80\x80\x80"; }

static const struct bad {
	void (*spoil)(council_event *);
	const char *msg;
} bad[] = {
	{ no_council, "event.council_id: required" },
	{ no_title, "event.title: required" },
	{ bad_kind, "event.kind: 12 is not a valid value" },
	{ no_date, "event.date: required" },
	{ bad_date, "event.date: 2021-04-31 is not a valid date" },
	{ backwards, "event.date: end 2020-12-31 precedes start 2021-04-01" },
	{ remote_two, "event.remote: 2 is not in 0..1" },
	{ remote_minus_two, "event.remote: -2 is not in 0..1" },
	{ no_array, "event.measure_ids: 2 ids but no array" },
	{ zero_id, "event.measure_ids[1]: 0 is not an id" },
	{ twice, "event.measure_ids[2]: measure 1 is listed twice" },
	{ bad_meeting, "event.meeting_id: -1 is not an id" },
	{ bad_description, "event.description: not valid UTF-8" },
};

static void test_validation(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba");
	council_id id = add(db, council, "2021-04-01", 0);
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		council_event e = make(council, "E", "2021-04-01");
		bad[i].spoil(&e);
		tu_assert_error(db, council_event_add(NULL, db, &e), COUNCIL_EINVAL, bad[i].msg);
		e.id = id;
		tu_assert_error(db, council_event_update(db, &e), COUNCIL_EINVAL, bad[i].msg);
	}
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event WHERE title = 'Renginys'"), 1);
}

static void test_missing_references(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba"), other = tu_add_council(db, "Kita");
	council_id theirs = add_meeting(db, other, "2024-01-10"), measures[2];
	council_event e = make(404, "E", "2024");

	add_measures(db, council, measures, 2);
	tu_assert_error(db, council_event_add(NULL, db, &e), COUNCIL_ENOTFOUND,
	                "event.council_id: no council with id 404");
	e.council_id = council;
	e.source_id = 40;
	tu_assert_error(db, council_event_add(NULL, db, &e), COUNCIL_ENOTFOUND,
	                "event.source_id: no source_document with id 40");
	e.source_id = 0;
	e.meeting_id = 99;
	tu_assert_error(db, council_event_add(NULL, db, &e), COUNCIL_ENOTFOUND,
	                "event.meeting_id: no meeting with id 99");
	e.meeting_id = theirs;
	tu_assert_error(db, council_event_add(NULL, db, &e), COUNCIL_EINVAL,
	                "event.meeting_id: meeting 1 belongs to council 2, not 1");
	/* A missing measure fails the whole change: no event is left behind. */
	e.meeting_id = 0;
	e.measure_ids = (council_id[]){ measures[1], 999 };
	e.n_measures = 2;
	tu_assert_error(db, council_event_add(NULL, db, &e), COUNCIL_ENOTFOUND,
	                "event.measure_ids[1]: no measure with id 999");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_measure"), 0);
}

static void test_update_replaces_links(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba"), measures[3];
	council_event e = make(council, "E", "2024-02"), *got = NULL;
	council_id id;

	add_measures(db, council, measures, 3);
	e.measure_ids = measures;
	e.n_measures = 2;
	assert_int_equal(council_event_add(&id, db, &e), COUNCIL_OK);

	e = make(council, "Pakeistas", "2024-03");
	e.id = id;
	e.kind = COUNCIL_EVENT_FORUM;
	e.measure_ids = &measures[2];
	e.n_measures = 1;
	assert_int_equal(council_event_update(db, &e), COUNCIL_OK);
	assert_int_equal(council_event_get(&got, db, id), COUNCIL_OK);
	tu_assert_str(got->title, "Pakeistas");
	assert_int_equal(got->kind, COUNCIL_EVENT_FORUM);
	tu_assert_date(&got->date.start, "2024-03");
	assert_int_equal(got->n_measures, 1);
	assert_int_equal(got->measure_ids[0], measures[2]);
	council_event_free(got);

	/* A failed update leaves both the row and its links as they were. */
	e.title = (char *)"Nepavyks";
	e.measure_ids = (council_id[]){ measures[0], 777 };
	e.n_measures = 2;
	tu_assert_error(db, council_event_update(db, &e), COUNCIL_ENOTFOUND,
	                "event.measure_ids[1]: no measure with id 777");
	assert_int_equal(council_event_get(&got, db, id), COUNCIL_OK);
	tu_assert_str(got->title, "Pakeistas");
	assert_int_equal(got->n_measures, 1);
	assert_int_equal(got->measure_ids[0], measures[2]);
	council_event_free(got);

	e.measure_ids = NULL;
	e.n_measures = 0;
	e.title = (char *)"Be priemonių";
	assert_int_equal(council_event_update(db, &e), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_measure"), 0);
	e.id = id + 3;
	tu_assert_error(db, council_event_update(db, &e), COUNCIL_ENOTFOUND, "no such record");
}

static council_id add_group(council_db *db, council_id event, int64_t count,
                            council_qualifier q, council_id source)
{
	council_participants p;
	council_id id = 0;

	council_participants_init(&p);
	p.event_id = event;
	p.count = count;
	p.qualifier = q;
	p.source_id = source;
	assert_int_equal(council_participants_add(&id, db, &p), COUNCIL_OK);
	return id;
}

static void test_delete(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba"), measures[1];
	council_event e = make(council, "E", "2024"), *got = NULL;
	council_id id;

	add_measures(db, council, measures, 1);
	e.measure_ids = measures;
	e.n_measures = 1;
	assert_int_equal(council_event_add(&id, db, &e), COUNCIL_OK);
	add_group(db, id, 5, COUNCIL_QUAL_EXACT, 0);
	add_group(db, id, 6, COUNCIL_QUAL_ABOUT, 0);
	assert_int_equal(council_event_delete(db, id), COUNCIL_OK);
	tu_assert_error(db, council_event_get(&got, db, id), COUNCIL_ENOTFOUND, "no such event");
	assert_null(got);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_participants"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_measure"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure"), 1);
	tu_assert_error(db, council_event_delete(db, id), COUNCIL_ENOTFOUND, "no such record");
}

struct seen_events {
	tu_ids ids;
	size_t links;
};

static int collect(void *ctx, const council_event *r)
{
	struct seen_events *s = ctx;

	s->links += r->n_measures;
	return tu_ids_push(&s->ids, r->id);
}

static void test_list(void **state)
{
	council_db *db = *state;
	council_id c1 = tu_add_council(db, "Pirma"), c2 = tu_add_council(db, "Antra");
	council_id src = tu_add_source(db, "e.txt"), measures[2];
	council_id e_mar = add(db, c1, "2024-03", 0);
	council_id e_span = add(db, c1, "2024-02-28..2024-03-02", src);
	council_id e_23 = add(db, c1, "2023-12-31", 0);
	council_id other = add(db, c2, "2024-03-01", 0);
	council_event e = make(c1, "Su priemonėmis", "2024-06-01");
	council_id linked;
	council_filter f;
	struct seen_events s;

	add_measures(db, c1, measures, 2);
	e.measure_ids = measures;
	e.n_measures = 2;
	assert_int_equal(council_event_add(&linked, db, &e), COUNCIL_OK);

	memset(&s, 0, sizeof s);
	assert_int_equal(council_event_list(db, NULL, collect, &s), COUNCIL_OK);
	TU_IDS(&s.ids, e_23, e_span, e_mar, linked, other);
	assert_int_equal(s.links, 2);

	council_filter_init(&f);
	f.council_id = c1;
	f.year_from = 2024;
	f.year_to = 2024;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_event_list(db, &f, collect, &s), COUNCIL_OK);
	TU_IDS(&s.ids, e_span, e_mar, linked);

	council_filter_init(&f);
	f.range = tu_period("2024-03-02..2024-03-31");
	memset(&s, 0, sizeof s);
	assert_int_equal(council_event_list(db, &f, collect, &s), COUNCIL_OK);
	TU_IDS(&s.ids, e_span, e_mar);

	council_filter_init(&f);
	f.range = tu_period("2023..2024-02-28");
	memset(&s, 0, sizeof s);
	assert_int_equal(council_event_list(db, &f, collect, &s), COUNCIL_OK);
	TU_IDS(&s.ids, e_23, e_span);

	council_filter_init(&f);
	f.source_id = src;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_event_list(db, &f, collect, &s), COUNCIL_OK);
	TU_IDS(&s.ids, e_span);

	council_filter_init(&f);
	f.limit = 2;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_event_list(db, &f, collect, &s), COUNCIL_OK);
	TU_IDS(&s.ids, e_23, e_span);

	memset(&s, 0, sizeof s);
	s.ids.stop_at = 4;
	assert_int_equal(council_event_list(db, NULL, collect, &s), TU_STOP);
	TU_IDS(&s.ids, e_23, e_span, e_mar, linked);

	council_filter_init(&f);
	f.range.start = (council_date){ 2024, 0, 3 };
	tu_assert_error(db, council_event_list(db, &f, collect, &s), COUNCIL_EINVAL, "filter.range");
}

/* ---- participant groups -------------------------------------------------- */

static void test_participants(void **state)
{
	council_db *db = *state;
	council_id event = add(db, tu_add_council(db, "Taryba"), "2024", 0);
	council_id src = tu_add_source(db, "p.txt");
	council_participants p, *got = NULL;
	council_id id;

	council_participants_init(&p);
	assert_int_equal(p.count, -1);
	p.event_id = event;
	p.count = 11;
	p.qualifier = COUNCIL_QUAL_AT_LEAST;
	p.group_name = (char *)"BO tarybos nariai";
	p.source_id = src;
	assert_int_equal(council_participants_add(&id, db, &p), COUNCIL_OK);
	assert_int_equal(council_participants_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	assert_int_equal(got->event_id, event);
	assert_int_equal(got->count, 11);
	assert_int_equal(got->qualifier, COUNCIL_QUAL_AT_LEAST);
	tu_assert_str(got->group_name, "BO tarybos nariai");
	assert_int_equal(got->source_id, src);
	council_participants_free(got);

	council_participants_init(&p);
	p.id = id;
	p.event_id = event;
	p.count = 0;
	assert_int_equal(council_participants_update(db, &p), COUNCIL_OK);
	assert_int_equal(council_participants_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->count, 0);
	assert_int_equal(got->qualifier, COUNCIL_QUAL_EXACT);
	assert_null(got->group_name);
	assert_int_equal(got->source_id, 0);
	council_participants_free(got);
	p.id = id + 1;
	tu_assert_error(db, council_participants_update(db, &p), COUNCIL_ENOTFOUND, "no such record");

	assert_int_equal(council_participants_delete(db, id), COUNCIL_OK);
	tu_assert_error(db, council_participants_get(&got, db, id), COUNCIL_ENOTFOUND,
	                "no such participants");
	tu_assert_error(db, council_participants_delete(db, id), COUNCIL_ENOTFOUND, "no such record");
}

static void test_participants_validation(void **state)
{
	council_db *db = *state;
	council_id event = add(db, tu_add_council(db, "Taryba"), "2024", 0);
	council_id id = add_group(db, event, 3, COUNCIL_QUAL_EXACT, 0);
	static const struct {
		council_id event;
		int64_t count;
		int qualifier;
		const char *group;
		int code;
		const char *msg;
	} bad_groups[] = {
		{ 0, 1, 0, NULL, COUNCIL_EINVAL, "participants.event_id: required" },
		{ 1, -1, 0, NULL, COUNCIL_EINVAL, "participants.count: required" },
		{ 1, -5, 0, NULL, COUNCIL_EINVAL, "participants.count: -5 is not in 0..1000000" },
		{ 1, 1000001, 0, NULL, COUNCIL_EINVAL, "participants.count: 1000001 is not in" },
		{ 1, 1, 4, NULL, COUNCIL_EINVAL, "participants.qualifier: 4 is not a valid value" },
		{ 1, 1, 0, "\xe2\x28\xa1", COUNCIL_EINVAL, "participants.group_name: not valid UTF-8" },
		{ 5, 1, 0, NULL, COUNCIL_ENOTFOUND, "participants.event_id: no event with id 5" },
	};
	council_participants p;
	size_t i;

	assert_int_equal(event, 1);
	for (i = 0; i < sizeof bad_groups / sizeof bad_groups[0]; i++) {
		council_participants_init(&p);
		p.event_id = bad_groups[i].event;
		p.count = bad_groups[i].count;
		p.qualifier = (council_qualifier)bad_groups[i].qualifier;
		p.group_name = (char *)bad_groups[i].group;
		tu_assert_error(db, council_participants_add(NULL, db, &p), bad_groups[i].code, bad_groups[i].msg);
		p.id = id;
		tu_assert_error(db, council_participants_update(db, &p), bad_groups[i].code, bad_groups[i].msg);
	}
	council_participants_init(&p);
	p.event_id = event;
	p.count = 1;
	p.source_id = 2;
	tu_assert_error(db, council_participants_add(NULL, db, &p), COUNCIL_ENOTFOUND,
	                "participants.source_id: no source_document with id 2");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_participants"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count FROM event_participants"), 3);
}

static int collect_groups(void *ctx, const council_participants *r)
{
	return tu_ids_push(ctx, r->id);
}

static void test_participants_list(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba"), src = tu_add_source(db, "p.txt");
	council_id e2 = add(db, council, "2024-02", 0), e1 = add(db, council, "2024-01", 0);
	council_id g1 = add_group(db, e2, 1, COUNCIL_QUAL_EXACT, 0);
	council_id g2 = add_group(db, e1, 2, COUNCIL_QUAL_EXACT, src);
	council_id g3 = add_group(db, e2, 3, COUNCIL_QUAL_EXACT, src);
	council_filter f;
	tu_ids t = { .n = 0 };

	/* Ordered by event, then id: e2 was added first. */
	assert_int_equal(council_participants_list(db, NULL, collect_groups, &t), COUNCIL_OK);
	TU_IDS(&t, g1, g3, g2);

	council_filter_init(&f);
	f.parent_id = e2;
	t.n = 0;
	assert_int_equal(council_participants_list(db, &f, collect_groups, &t), COUNCIL_OK);
	TU_IDS(&t, g1, g3);

	council_filter_init(&f);
	f.source_id = src;
	t.n = 0;
	assert_int_equal(council_participants_list(db, &f, collect_groups, &t), COUNCIL_OK);
	TU_IDS(&t, g3, g2);

	council_filter_init(&f);
	f.limit = 1;
	t.n = 0;
	assert_int_equal(council_participants_list(db, &f, collect_groups, &t), COUNCIL_OK);
	TU_IDS(&t, g1);
	t.n = 0;
	t.stop_at = 2;
	assert_int_equal(council_participants_list(db, NULL, collect_groups, &t), TU_STOP);
	TU_IDS(&t, g1, g3);
}

static void test_misuse(void **state)
{
	council_db *closed = tu_closed_handle();
	council_db *handles[] = { NULL, closed };
	council_event e = make(1, "E", "2024"), *ge = &e;
	council_participants p, *gp = &p;
	struct seen_events s;
	tu_ids t = { .n = 0 };
	size_t i;

	(void)state;
	council_participants_init(&p);
	memset(&s, 0, sizeof s);
	for (i = 0; i < 2; i++) {
		council_db *db = handles[i];
		assert_int_equal(council_event_add(NULL, db, &e), COUNCIL_EMISUSE);
		assert_int_equal(council_event_get(&ge, db, 1), COUNCIL_EMISUSE);
		assert_null(ge);
		assert_int_equal(council_event_update(db, &e), COUNCIL_EMISUSE);
		assert_int_equal(council_event_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_event_list(db, NULL, collect, &s), COUNCIL_EMISUSE);
		assert_int_equal(council_participants_add(NULL, db, &p), COUNCIL_EMISUSE);
		assert_int_equal(council_participants_get(&gp, db, 1), COUNCIL_EMISUSE);
		assert_null(gp);
		assert_int_equal(council_participants_update(db, &p), COUNCIL_EMISUSE);
		assert_int_equal(council_participants_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_participants_list(db, NULL, collect_groups, &t), COUNCIL_EMISUSE);
		ge = &e, gp = &p;
	}
	assert_int_equal(t.n + s.ids.n, 0);
	council_close(closed);
	council_event_free(NULL);
	council_participants_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_round_trip),
		TU_BOTH(test_validation),
		TU_BOTH(test_missing_references),
		TU_BOTH(test_update_replaces_links),
		TU_BOTH(test_delete),
		TU_BOTH(test_list),
		TU_BOTH(test_participants),
		TU_BOTH(test_participants_validation),
		TU_BOTH(test_participants_list),
		cmocka_unit_test(test_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
