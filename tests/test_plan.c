/* SPDX-License-Identifier: MIT */
/*
 * test_plan.c -- action plans, their measures with ordered responsible
 * units, and measure fulfilment: round trips, validation, duplicates,
 * lists replaced atomically on update, cascades on delete, lists.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static council_id add_plan(council_db *db, council_id council, const char *title, int from,
                           int to, council_id source)
{
	council_plan p;
	council_id id = 0;

	council_plan_init(&p);
	p.council_id = council;
	p.title = (char *)title;
	p.year_from = from;
	p.year_to = to;
	p.source_id = source;
	assert_int_equal(council_plan_add(&id, db, &p), COUNCIL_OK);
	return id;
}

static council_measure make_measure(council_id plan, int seq, const char **units, size_t n)
{
	council_measure m;

	council_measure_init(&m);
	m.plan_id = plan;
	m.seq = seq;
	m.name = (char *)"Organizuoti mokymus";
	m.responsible = units;
	m.n_responsible = n;
	return m;
}

static council_id add_measure(council_db *db, council_id plan, int seq, council_id source)
{
	council_measure m = make_measure(plan, seq, NULL, 0);
	council_id id = 0;

	m.source_id = source;
	assert_int_equal(council_measure_add(&id, db, &m), COUNCIL_OK);
	return id;
}

static council_id add_fulfilment(council_db *db, council_id measure, int year, council_id source)
{
	council_fulfilment f;
	council_id id = 0;

	council_fulfilment_init(&f);
	f.measure_id = measure;
	f.year = year;
	f.text = (char *)"Įvykdyta";
	f.source_id = source;
	assert_int_equal(council_fulfilment_add(&id, db, &f), COUNCIL_OK);
	return id;
}

/* ---- plans --------------------------------------------------------------- */

static void test_plan_round_trip(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba"), src = tu_add_source(db, "p.txt");
	council_id id = add_plan(db, council, "2023–2025 m. veiklos planas", 2023, 2025, src);
	council_plan *got = NULL;

	assert_int_equal(council_plan_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	assert_int_equal(got->council_id, council);
	tu_assert_str(got->title, "2023–2025 m. veiklos planas");
	assert_int_equal(got->year_from, 2023);
	assert_int_equal(got->year_to, 2025);
	assert_int_equal(got->source_id, src);
	council_plan_free(got);

	id = add_plan(db, council, "Planas", -1, -1, 0);
	assert_int_equal(council_plan_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->year_from, -1);
	assert_int_equal(got->year_to, -1);
	assert_int_equal(got->source_id, 0);
	council_plan_free(got);
}

static const struct bad_plan {
	council_id council;
	const char *title;
	int from, to;
	int code;
	const char *msg;
} bad_plans[] = {
	{ 0, "P", -1, -1, COUNCIL_EINVAL, "plan.council_id: required" },
	{ 1, NULL, -1, -1, COUNCIL_EINVAL, "plan.title: required" },
	{ 1, "", -1, -1, COUNCIL_EINVAL, "plan.title: required" },
	{ 1, "P", 1989, -1, COUNCIL_EINVAL, "plan.year_from: 1989 is not in 1990..2100" },
	{ 1, "P", -1, 2101, COUNCIL_EINVAL, "plan.year_to: 2101 is not in 1990..2100" },
	{ 1, "P", 2023, 2022, COUNCIL_EINVAL, "plan.year_to: 2022 precedes year_from 2023" },
	{ 2, "P", -1, -1, COUNCIL_ENOTFOUND, "plan.council_id: no council with id 2" },
};

static void test_plan_validation(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba");
	council_id id = add_plan(db, council, "Senas", 2020, 2021, 0);
	council_plan p;
	size_t i;

	assert_int_equal(council, 1);
	for (i = 0; i < sizeof bad_plans / sizeof bad_plans[0]; i++) {
		council_plan_init(&p);
		p.council_id = bad_plans[i].council;
		p.title = (char *)bad_plans[i].title;
		p.year_from = bad_plans[i].from;
		p.year_to = bad_plans[i].to;
		tu_assert_error(db, council_plan_add(NULL, db, &p), bad_plans[i].code, bad_plans[i].msg);
		p.id = id;
		tu_assert_error(db, council_plan_update(db, &p), bad_plans[i].code, bad_plans[i].msg);
	}
	council_plan_init(&p);
	p.council_id = council;
	p.title = (char *)"P";
	p.source_id = 3;
	tu_assert_error(db, council_plan_add(NULL, db, &p), COUNCIL_ENOTFOUND,
	                "plan.source_id: no source_document with id 3");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM plan"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT year_to FROM plan"), 2021);
}

static void test_plan_update_delete(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba");
	council_id id = add_plan(db, council, "Senas", 2020, 2021, 0);
	council_id measure = add_measure(db, id, 1, 0);
	council_plan p, *got = NULL;
	council_event e;
	council_event *ev = NULL;
	council_id event;
	const char *units[] = { "Skyrius" };
	council_measure m = make_measure(id, 2, units, 1);

	assert_int_equal(council_measure_add(NULL, db, &m), COUNCIL_OK);
	council_plan_init(&p);
	p.id = id;
	p.council_id = council;
	p.title = (char *)"Naujas";
	p.year_from = 2022;
	assert_int_equal(council_plan_update(db, &p), COUNCIL_OK);
	assert_int_equal(council_plan_get(&got, db, id), COUNCIL_OK);
	tu_assert_str(got->title, "Naujas");
	assert_int_equal(got->year_from, 2022);
	assert_int_equal(got->year_to, -1);
	council_plan_free(got);
	p.id = id + 50;
	tu_assert_error(db, council_plan_update(db, &p), COUNCIL_ENOTFOUND, "no such record");

	add_fulfilment(db, measure, 2022, 0);
	council_event_init(&e);
	e.council_id = council;
	e.title = (char *)"Mokymai";
	e.date = tu_period("2022-05");
	e.measure_ids = &measure;
	e.n_measures = 1;
	assert_int_equal(council_event_add(&event, db, &e), COUNCIL_OK);

	/* The plan takes its measures, their units, fulfilment and event
	 * links with it; the event itself stays. */
	assert_int_equal(council_plan_delete(db, id), COUNCIL_OK);
	tu_assert_error(db, council_plan_get(&got, db, id), COUNCIL_ENOTFOUND, "no such plan");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure_responsible"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure_fulfilment"), 0);
	assert_int_equal(council_event_get(&ev, db, event), COUNCIL_OK);
	assert_int_equal(ev->n_measures, 0);
	council_event_free(ev);
	tu_assert_error(db, council_plan_delete(db, id), COUNCIL_ENOTFOUND, "no such record");
}

static int collect_plan(void *ctx, const council_plan *r)
{
	return tu_ids_push(ctx, r->id);
}

static void test_plan_list(void **state)
{
	council_db *db = *state;
	council_id c1 = tu_add_council(db, "Pirma"), c2 = tu_add_council(db, "Antra");
	council_id src = tu_add_source(db, "p.txt");
	council_id p2123 = add_plan(db, c1, "A", 2021, 2023, 0);
	council_id p2425 = add_plan(db, c1, "B", 2024, 2025, src);
	council_id p20 = add_plan(db, c1, "C", 2020, -1, 0);
	council_id none = add_plan(db, c1, "D", -1, -1, 0);
	council_id other = add_plan(db, c2, "E", 2019, 2030, 0);
	council_filter f;
	tu_ids t = { .n = 0 };

	assert_int_equal(council_plan_list(db, NULL, collect_plan, &t), COUNCIL_OK);
	TU_IDS(&t, none, p20, p2123, p2425, other);

	/* Overlap: a plan of 2021-2023 meets 2023-2024; one with a single
	 * known year counts as that year; one without years matches none. */
	council_filter_init(&f);
	f.year_from = 2023;
	f.year_to = 2024;
	t.n = 0;
	assert_int_equal(council_plan_list(db, &f, collect_plan, &t), COUNCIL_OK);
	TU_IDS(&t, p2123, p2425, other);

	f.year_from = 2020;
	f.year_to = 2020;
	f.council_id = c1;
	t.n = 0;
	assert_int_equal(council_plan_list(db, &f, collect_plan, &t), COUNCIL_OK);
	TU_IDS(&t, p20);

	council_filter_init(&f);
	f.source_id = src;
	t.n = 0;
	assert_int_equal(council_plan_list(db, &f, collect_plan, &t), COUNCIL_OK);
	TU_IDS(&t, p2425);

	council_filter_init(&f);
	f.limit = 1;
	t.n = 0;
	assert_int_equal(council_plan_list(db, &f, collect_plan, &t), COUNCIL_OK);
	TU_IDS(&t, none);
	t.n = 0;
	t.stop_at = 2;
	assert_int_equal(council_plan_list(db, NULL, collect_plan, &t), TU_STOP);
	TU_IDS(&t, none, p20);
}

/* ---- measures ------------------------------------------------------------ */

static void assert_units(const council_measure *m, const char *const *want, size_t n)
{
	size_t i;

	assert_int_equal(m->n_responsible, n);
	if (!n) {
		assert_null(m->responsible);
		return;
	}
	for (i = 0; i < n; i++)
		tu_assert_str(m->responsible[i], want[i]);
}

static void test_measure_round_trip(void **state)
{
	council_db *db = *state;
	council_id plan = add_plan(db, tu_add_council(db, "Taryba"), "P", 2023, 2025, 0);
	council_id src = tu_add_source(db, "p.txt");
	const char *units[] = { "Švietimo skyrius", "BO taryba", "Seniūnijos" };
	council_measure m = make_measure(plan, 7, units, 3), *got = NULL;
	council_id id;

	m.indicator = (char *)"Mokymų skaičius";
	m.source_id = src;
	assert_int_equal(council_measure_add(&id, db, &m), COUNCIL_OK);
	assert_int_equal(council_measure_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	assert_int_equal(got->plan_id, plan);
	assert_int_equal(got->seq, 7);
	tu_assert_str(got->name, "Organizuoti mokymus");
	tu_assert_str(got->indicator, "Mokymų skaičius");
	assert_int_equal(got->source_id, src);
	assert_units(got, (const char *const *)units, 3);
	council_measure_free(got);

	/* No units: stored as none, read back as an empty list. */
	m = make_measure(plan, 8, NULL, 0);
	assert_int_equal(council_measure_add(&id, db, &m), COUNCIL_OK);
	assert_int_equal(council_measure_get(&got, db, id), COUNCIL_OK);
	assert_units(got, NULL, 0);
	assert_null(got->indicator);
	council_measure_free(got);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure_responsible"), 3);
	/* measures_overview joins the units in order, as sqlite3 users see them. */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measures_overview WHERE responsible = "
	                                "'Švietimo skyrius; BO taryba; Seniūnijos'"), 1);
}

static void test_measure_validation(void **state)
{
	council_db *db = *state;
	council_id plan = add_plan(db, tu_add_council(db, "Taryba"), "P", -1, -1, 0);
	const char *units[] = { "A", "", "C" };
	council_measure m;
	council_id id = add_measure(db, plan, 1, 0);
	static const struct {
		council_id plan;
		int seq;
		const char *name, *indicator;
		size_t n_units;
		int null_units;
		const char *msg;
	} bad[] = {
		{ 0, 1, "M", NULL, 0, 0, "measure.plan_id: required" },
		{ 1, -1, "M", NULL, 0, 0, "measure.seq: required" },
		{ 1, 0, "M", NULL, 0, 0, "measure.seq: 0 is not in 1..100000" },
		{ 1, 100001, "M", NULL, 0, 0, "measure.seq: 100001 is not in 1..100000" },
		{ 1, 2, NULL, NULL, 0, 0, "measure.name: required" },
		{ 1, 2, "", NULL, 0, 0, "measure.name: required" },
		{ 1, 2, "M", "\xff", 0, 0, "measure.indicator: not valid UTF-8" },
		{ 1, 2, "M", NULL, 2, 1, "measure.responsible: 2 units but no array" },
		{ 1, 2, "M", NULL, 3, 0, "measure.responsible[1]: required" },
	};
	size_t i;

	assert_int_equal(plan, 1);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		m = make_measure(bad[i].plan, bad[i].seq, bad[i].null_units ? NULL : units,
		                 bad[i].n_units);
		m.name = (char *)bad[i].name;
		m.indicator = (char *)bad[i].indicator;
		tu_assert_error(db, council_measure_add(NULL, db, &m), COUNCIL_EINVAL, bad[i].msg);
		m.id = id;
		tu_assert_error(db, council_measure_update(db, &m), COUNCIL_EINVAL, bad[i].msg);
	}
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure_responsible"), 0);
}

static void test_measure_missing_and_duplicate(void **state)
{
	council_db *db = *state;
	council_id plan = add_plan(db, tu_add_council(db, "Taryba"), "P", -1, -1, 0);
	const char *units[] = { "A", "B" };
	council_measure m = make_measure(77, 1, NULL, 0);

	tu_assert_error(db, council_measure_add(NULL, db, &m), COUNCIL_ENOTFOUND,
	                "measure.plan_id: no plan with id 77");
	/* With units the insert runs in a savepoint; nothing may be left. */
	m = make_measure(77, 1, units, 2);
	tu_assert_error(db, council_measure_add(NULL, db, &m), COUNCIL_ENOTFOUND,
	                "measure.plan_id: no plan with id 77");
	m = make_measure(plan, 1, units, 2);
	m.source_id = 4;
	tu_assert_error(db, council_measure_add(NULL, db, &m), COUNCIL_ENOTFOUND,
	                "measure.source_id: no source_document with id 4");

	add_measure(db, plan, 1, 0);
	m = make_measure(plan, 1, NULL, 0);
	tu_assert_error(db, council_measure_add(NULL, db, &m), COUNCIL_EEXISTS,
	                "already has a measure 1");
	m = make_measure(plan, 1, units, 2);
	tu_assert_error(db, council_measure_add(NULL, db, &m), COUNCIL_EEXISTS,
	                "measure.seq: plan 1 already has a measure 1");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure_responsible"), 0);
}

static void test_measure_update_replaces_units(void **state)
{
	council_db *db = *state;
	council_id plan = add_plan(db, tu_add_council(db, "Taryba"), "P", -1, -1, 0);
	const char *abc[] = { "A", "B", "C" };
	const char *d[] = { "D" };
	council_measure m = make_measure(plan, 1, abc, 3), *got = NULL;
	council_id id, second = add_measure(db, plan, 2, 0);

	assert_int_equal(council_measure_add(&id, db, &m), COUNCIL_OK);
	m.id = id;
	m.responsible = d;
	m.n_responsible = 1;
	m.name = (char *)"Pakeista";
	assert_int_equal(council_measure_update(db, &m), COUNCIL_OK);
	assert_int_equal(council_measure_get(&got, db, id), COUNCIL_OK);
	tu_assert_str(got->name, "Pakeista");
	assert_units(got, (const char *const *)d, 1);
	council_measure_free(got);

	/* A failed update changes neither the row nor its units. */
	m.seq = 2;
	m.responsible = abc;
	m.n_responsible = 3;
	tu_assert_error(db, council_measure_update(db, &m), COUNCIL_EEXISTS,
	                "already has a measure 2");
	assert_int_equal(council_measure_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->seq, 1);
	assert_units(got, (const char *const *)d, 1);
	council_measure_free(got);

	m.seq = 1;
	m.responsible = NULL;
	m.n_responsible = 0;
	assert_int_equal(council_measure_update(db, &m), COUNCIL_OK);
	assert_int_equal(council_measure_get(&got, db, id), COUNCIL_OK);
	assert_units(got, NULL, 0);
	council_measure_free(got);

	m.id = second + 10;
	tu_assert_error(db, council_measure_update(db, &m), COUNCIL_ENOTFOUND, "no such record");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure_responsible"), 0);
}

static void test_measure_delete(void **state)
{
	council_db *db = *state;
	council_id plan = add_plan(db, tu_add_council(db, "Taryba"), "P", -1, -1, 0);
	const char *units[] = { "A", "B" };
	council_measure m = make_measure(plan, 1, units, 2), *got = NULL;
	council_id id;

	assert_int_equal(council_measure_add(&id, db, &m), COUNCIL_OK);
	add_fulfilment(db, id, 2023, 0);
	assert_int_equal(council_measure_delete(db, id), COUNCIL_OK);
	tu_assert_error(db, council_measure_get(&got, db, id), COUNCIL_ENOTFOUND, "no such measure");
	assert_null(got);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure_responsible"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure_fulfilment"), 0);
	tu_assert_error(db, council_measure_delete(db, id), COUNCIL_ENOTFOUND, "no such record");
}

struct seen_measures {
	tu_ids ids;
	char units[256];
};

static int collect_measure(void *ctx, const council_measure *r)
{
	struct seen_measures *s = ctx;
	size_t i;

	/* The units are borrowed: copy what the test checks after the list. */
	for (i = 0; i < r->n_responsible; i++) {
		strcat(s->units, r->responsible[i]);
		strcat(s->units, ",");
	}
	strcat(s->units, "|");
	return tu_ids_push(&s->ids, r->id);
}

static void test_measure_list(void **state)
{
	council_db *db = *state;
	council_id c1 = tu_add_council(db, "Pirma"), c2 = tu_add_council(db, "Antra");
	council_id src = tu_add_source(db, "p.txt");
	council_id p1 = add_plan(db, c1, "P1", -1, -1, 0), p2 = add_plan(db, c2, "P2", -1, -1, 0);
	const char *units[] = { "X", "Y" };
	council_measure m = make_measure(p1, 3, units, 2);
	council_id m3, m1 = add_measure(db, p1, 1, src), m2 = add_measure(db, p1, 2, 0);
	council_id other = add_measure(db, p2, 1, src);
	council_filter f;
	struct seen_measures s;

	assert_int_equal(council_measure_add(&m3, db, &m), COUNCIL_OK);
	memset(&s, 0, sizeof s);
	assert_int_equal(council_measure_list(db, NULL, collect_measure, &s), COUNCIL_OK);
	TU_IDS(&s.ids, m1, m2, m3, other);
	assert_string_equal(s.units, "||X,Y,||");

	council_filter_init(&f);
	f.parent_id = p1;
	f.source_id = src;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_measure_list(db, &f, collect_measure, &s), COUNCIL_OK);
	TU_IDS(&s.ids, m1);

	council_filter_init(&f);
	f.council_id = c2;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_measure_list(db, &f, collect_measure, &s), COUNCIL_OK);
	TU_IDS(&s.ids, other);

	council_filter_init(&f);
	f.limit = 2;
	memset(&s, 0, sizeof s);
	assert_int_equal(council_measure_list(db, &f, collect_measure, &s), COUNCIL_OK);
	TU_IDS(&s.ids, m1, m2);

	memset(&s, 0, sizeof s);
	s.ids.stop_at = 3;
	assert_int_equal(council_measure_list(db, NULL, collect_measure, &s), TU_STOP);
	TU_IDS(&s.ids, m1, m2, m3);
}

/* ---- fulfilment ---------------------------------------------------------- */

static void test_fulfilment(void **state)
{
	council_db *db = *state;
	council_id plan = add_plan(db, tu_add_council(db, "Taryba"), "P", -1, -1, 0);
	council_id measure = add_measure(db, plan, 1, 0), src = tu_add_source(db, "f.txt");
	council_fulfilment f, *got = NULL;
	council_id id;

	council_fulfilment_init(&f);
	assert_int_equal(f.year, -1);
	f.measure_id = measure;
	f.year = 2023;
	f.text = (char *)"Surengti 2 mokymai";
	f.source_id = src;
	assert_int_equal(council_fulfilment_add(&id, db, &f), COUNCIL_OK);
	assert_int_equal(council_fulfilment_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	assert_int_equal(got->measure_id, measure);
	assert_int_equal(got->year, 2023);
	tu_assert_str(got->text, "Surengti 2 mokymai");
	assert_int_equal(got->source_id, src);
	council_fulfilment_free(got);

	tu_assert_error(db, council_fulfilment_add(NULL, db, &f), COUNCIL_EEXISTS,
	                "fulfilment.year: measure 1 already has a fulfilment for 2023");
	f.year = 2024;
	f.text = (char *)"Kita";
	f.source_id = 0;
	assert_int_equal(council_fulfilment_add(NULL, db, &f), COUNCIL_OK);
	f.id = id;
	f.year = 2024;
	tu_assert_error(db, council_fulfilment_update(db, &f), COUNCIL_EEXISTS, "for 2024");
	f.year = 2022;
	assert_int_equal(council_fulfilment_update(db, &f), COUNCIL_OK);
	assert_int_equal(council_fulfilment_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->year, 2022);
	tu_assert_str(got->text, "Kita");
	assert_int_equal(got->source_id, 0);
	council_fulfilment_free(got);
	f.id = id + 100;
	tu_assert_error(db, council_fulfilment_update(db, &f), COUNCIL_ENOTFOUND, "no such record");

	assert_int_equal(council_fulfilment_delete(db, id), COUNCIL_OK);
	tu_assert_error(db, council_fulfilment_get(&got, db, id), COUNCIL_ENOTFOUND,
	                "no such fulfilment");
	tu_assert_error(db, council_fulfilment_delete(db, id), COUNCIL_ENOTFOUND, "no such record");
}

static void test_fulfilment_validation(void **state)
{
	council_db *db = *state;
	council_id plan = add_plan(db, tu_add_council(db, "Taryba"), "P", -1, -1, 0);
	council_id measure = add_measure(db, plan, 1, 0);
	council_id id = add_fulfilment(db, measure, 2020, 0);
	static const struct {
		council_id measure;
		int year;
		const char *text;
		int code;
		const char *msg;
	} bad[] = {
		{ 0, 2021, "T", COUNCIL_EINVAL, "fulfilment.measure_id: required" },
		{ 1, -1, "T", COUNCIL_EINVAL, "fulfilment.year: required" },
		{ 1, 1989, "T", COUNCIL_EINVAL, "fulfilment.year: 1989 is not in 1990..2100" },
		{ 1, 2021, NULL, COUNCIL_EINVAL, "fulfilment.text: required" },
		{ 1, 2021, "", COUNCIL_EINVAL, "fulfilment.text: required" },
		{ 9, 2021, "T", COUNCIL_ENOTFOUND, "fulfilment.measure_id: no measure with id 9" },
	};
	council_fulfilment f;
	size_t i;

	assert_int_equal(measure, 1);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		council_fulfilment_init(&f);
		f.measure_id = bad[i].measure;
		f.year = bad[i].year;
		f.text = (char *)bad[i].text;
		tu_assert_error(db, council_fulfilment_add(NULL, db, &f), bad[i].code, bad[i].msg);
		f.id = id;
		tu_assert_error(db, council_fulfilment_update(db, &f), bad[i].code, bad[i].msg);
	}
	council_fulfilment_init(&f);
	f.measure_id = measure;
	f.year = 2021;
	f.text = (char *)"T";
	f.source_id = 6;
	tu_assert_error(db, council_fulfilment_add(NULL, db, &f), COUNCIL_ENOTFOUND,
	                "fulfilment.source_id: no source_document with id 6");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure_fulfilment"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT year FROM measure_fulfilment"), 2020);
}

static int collect_fulfilment(void *ctx, const council_fulfilment *r)
{
	return tu_ids_push(ctx, r->id);
}

static void test_fulfilment_list(void **state)
{
	council_db *db = *state;
	council_id plan = add_plan(db, tu_add_council(db, "Taryba"), "P", -1, -1, 0);
	council_id ma = add_measure(db, plan, 1, 0), mb = add_measure(db, plan, 2, 0);
	council_id src = tu_add_source(db, "f.txt");
	council_id b22 = add_fulfilment(db, mb, 2022, 0);
	council_id a23 = add_fulfilment(db, ma, 2023, src);
	council_id a21 = add_fulfilment(db, ma, 2021, 0);
	council_filter f;
	tu_ids t = { .n = 0 };

	assert_int_equal(council_fulfilment_list(db, NULL, collect_fulfilment, &t), COUNCIL_OK);
	TU_IDS(&t, a21, a23, b22);

	council_filter_init(&f);
	f.parent_id = ma;
	f.year_from = 2022;
	t.n = 0;
	assert_int_equal(council_fulfilment_list(db, &f, collect_fulfilment, &t), COUNCIL_OK);
	TU_IDS(&t, a23);

	council_filter_init(&f);
	f.year_to = 2022;
	t.n = 0;
	assert_int_equal(council_fulfilment_list(db, &f, collect_fulfilment, &t), COUNCIL_OK);
	TU_IDS(&t, a21, b22);

	council_filter_init(&f);
	f.source_id = src;
	t.n = 0;
	assert_int_equal(council_fulfilment_list(db, &f, collect_fulfilment, &t), COUNCIL_OK);
	TU_IDS(&t, a23);

	council_filter_init(&f);
	f.limit = 1;
	t.n = 0;
	assert_int_equal(council_fulfilment_list(db, &f, collect_fulfilment, &t), COUNCIL_OK);
	TU_IDS(&t, a21);
	t.n = 0;
	t.stop_at = 2;
	assert_int_equal(council_fulfilment_list(db, NULL, collect_fulfilment, &t), TU_STOP);
	TU_IDS(&t, a21, a23);
}

static void test_misuse(void **state)
{
	council_db *closed = tu_closed_handle();
	council_db *handles[] = { NULL, closed };
	council_plan p, *gp = &p;
	council_measure m = make_measure(1, 1, NULL, 0), *gm = &m;
	council_fulfilment f, *gf = &f;
	tu_ids t = { .n = 0 };
	struct seen_measures s;
	size_t i;

	(void)state;
	council_plan_init(&p);
	council_fulfilment_init(&f);
	memset(&s, 0, sizeof s);
	for (i = 0; i < 2; i++) {
		council_db *db = handles[i];
		assert_int_equal(council_plan_add(NULL, db, &p), COUNCIL_EMISUSE);
		assert_int_equal(council_plan_get(&gp, db, 1), COUNCIL_EMISUSE);
		assert_null(gp);
		assert_int_equal(council_plan_update(db, &p), COUNCIL_EMISUSE);
		assert_int_equal(council_plan_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_plan_list(db, NULL, collect_plan, &t), COUNCIL_EMISUSE);
		assert_int_equal(council_measure_add(NULL, db, &m), COUNCIL_EMISUSE);
		assert_int_equal(council_measure_get(&gm, db, 1), COUNCIL_EMISUSE);
		assert_null(gm);
		assert_int_equal(council_measure_update(db, &m), COUNCIL_EMISUSE);
		assert_int_equal(council_measure_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_measure_list(db, NULL, collect_measure, &s), COUNCIL_EMISUSE);
		assert_int_equal(council_fulfilment_add(NULL, db, &f), COUNCIL_EMISUSE);
		assert_int_equal(council_fulfilment_get(&gf, db, 1), COUNCIL_EMISUSE);
		assert_null(gf);
		assert_int_equal(council_fulfilment_update(db, &f), COUNCIL_EMISUSE);
		assert_int_equal(council_fulfilment_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_fulfilment_list(db, NULL, collect_fulfilment, &t),
		                 COUNCIL_EMISUSE);
		gp = &p, gm = &m, gf = &f;
	}
	assert_int_equal(t.n + s.ids.n, 0);
	council_close(closed);
	council_plan_free(NULL);
	council_measure_free(NULL);
	council_fulfilment_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_plan_round_trip),
		TU_BOTH(test_plan_validation),
		TU_BOTH(test_plan_update_delete),
		TU_BOTH(test_plan_list),
		TU_BOTH(test_measure_round_trip),
		TU_BOTH(test_measure_validation),
		TU_BOTH(test_measure_missing_and_duplicate),
		TU_BOTH(test_measure_update_replaces_units),
		TU_BOTH(test_measure_delete),
		TU_BOTH(test_measure_list),
		TU_BOTH(test_fulfilment),
		TU_BOTH(test_fulfilment_validation),
		TU_BOTH(test_fulfilment_list),
		cmocka_unit_test(test_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
