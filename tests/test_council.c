/* SPDX-License-Identifier: MIT */
/*
 * test_council.c -- councils (lib/council.c): round trips, validation,
 * unique names, deletes refused while rows depend on a council and the
 * cascading delete, Lithuanian name order, and finding by part of a name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static void test_round_trip(void **state)
{
	council_db *db = *state;
	council_id src = tu_add_source(db, "k.txt"), id;
	council_council c, *got = NULL;

	council_council_init(&c);
	c.name = (char *)"Kauno miesto savivaldybės bendruomeninių organizacijų taryba";
	c.municipality = (char *)"Kauno miesto savivaldybė";
	c.kind = COUNCIL_KIND_NVO;
	c.founding_act = (char *)"2019-05-14 sprendimas Nr. T-205";
	c.size = 16;
	c.seats_municipality = 8;
	c.seats_community = 8;
	c.source_id = src;
	assert_int_equal(council_council_add(&id, db, &c), COUNCIL_OK);
	assert_int_equal(council_council_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	tu_assert_str(got->name, c.name);
	tu_assert_str(got->municipality, c.municipality);
	assert_int_equal(got->kind, COUNCIL_KIND_NVO);
	tu_assert_str(got->founding_act, c.founding_act);
	assert_int_equal(got->size, 16);
	assert_int_equal(got->seats_municipality, 8);
	assert_int_equal(got->seats_community, 8);
	assert_int_equal(got->source_id, src);
	council_council_free(got);

	council_council_init(&c);
	assert_int_equal(c.kind, COUNCIL_KIND_BO);
	assert_int_equal(c.size, -1);
	c.name = (char *)"Be duomenų";
	assert_int_equal(council_council_add(&id, db, &c), COUNCIL_OK);
	assert_int_equal(council_council_get(&got, db, id), COUNCIL_OK);
	assert_null(got->municipality);
	assert_null(got->founding_act);
	assert_int_equal(got->size, -1);
	assert_int_equal(got->seats_municipality, -1);
	assert_int_equal(got->seats_community, -1);
	assert_int_equal(got->source_id, 0);
	council_council_free(got);
	tu_assert_error(db, council_council_get(&got, db, id + 1), COUNCIL_ENOTFOUND, "no such council");
	assert_null(got);
}

static void test_validation(void **state)
{
	council_db *db = *state;
	static char long_name[502], long_municipality[202];
	static const struct {
		const char *name, *municipality;
		int kind, size, seats;
		const char *msg;
	} bad[] = {
		{ NULL, NULL, 0, -1, -1, "council.name: required" },
		{ "", NULL, 0, -1, -1, "council.name: required" },
		{ long_name, NULL, 0, -1, -1, "council.name: longer than 500" },
		{ "Ta\xc3", NULL, 0, -1, -1, "council.name: not valid UTF-8" },
		{ "T", long_municipality, 0, -1, -1, "council.municipality: longer than 200" },
		{ "T", NULL, 3, -1, -1, "council.kind: 3 is not a valid value" },
		{ "T", NULL, 0, 1001, -1, "council.size" },
		{ "T", NULL, 0, -1, 1001, "council.size" },
	};
	council_council c;
	council_id id = tu_add_council(db, "Sena");
	size_t i;

	memset(long_name, 'x', 501);
	memset(long_municipality, 'y', 201);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		council_council_init(&c);
		c.name = (char *)bad[i].name;
		c.municipality = (char *)bad[i].municipality;
		c.kind = (council_kind)bad[i].kind;
		c.size = bad[i].size;
		c.seats_community = bad[i].seats;
		tu_assert_error(db, council_council_add(NULL, db, &c), COUNCIL_EINVAL, bad[i].msg);
		c.id = id;
		tu_assert_error(db, council_council_update(db, &c), COUNCIL_EINVAL, bad[i].msg);
	}
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council WHERE name = 'Sena'"), 1);
}

static void test_unique_name_and_source(void **state)
{
	council_db *db = *state;
	council_id b = tu_add_council(db, "B taryba");
	council_council c;

	tu_add_council(db, "A taryba");
	council_council_init(&c);
	c.name = (char *)"A taryba";
	tu_assert_error(db, council_council_add(NULL, db, &c), COUNCIL_EEXISTS,
	                "council.name: a council named \"A taryba\" already exists");
	c.id = b;
	tu_assert_error(db, council_council_update(db, &c), COUNCIL_EEXISTS,
	                "council.name: a council named \"A taryba\" already exists");
	council_council_init(&c);
	c.name = (char *)"C taryba";
	c.source_id = 42;
	tu_assert_error(db, council_council_add(NULL, db, &c), COUNCIL_ENOTFOUND, "council");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 2);
}

/* Issue 10, problem 7: text is stored in NFC whichever form it came in, so
 * a name typed decomposed ("e" + U+0307) is the same name. */
static void test_nfc_names(void **state)
{
	council_db *db = *state;
	council_id id, found = 0;
	council_council c, *got = NULL;

	council_council_init(&c);
	c.name = (char *)"Klaipėdos taryba";
	assert_int_equal(council_council_add(&id, db, &c), COUNCIL_OK);
	c.name = (char *)"Klaipe\xCC\x87" "dos taryba";
	tu_assert_error(db, council_council_add(NULL, db, &c), COUNCIL_EEXISTS, "already exists");
	assert_int_equal(council_council_find(&found, db, "Klaipe\xCC\x87" "dos taryba"), COUNCIL_OK);
	assert_int_equal(found, id);
	/* an update in NFD is stored in NFC too */
	c.id = id;
	c.municipality = (char *)"S\xCC\x8Ciauliu\xCC\xA8";
	assert_int_equal(council_council_update(db, &c), COUNCIL_OK);
	assert_int_equal(council_council_get(&got, db, id), COUNCIL_OK);
	tu_assert_str(got->name, "Klaipėdos taryba");
	tu_assert_str(got->municipality, "Šiaulių");
	council_council_free(got);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);
}

static void test_update(void **state)
{
	council_db *db = *state;
	council_id id = tu_add_council(db, "Sena");
	council_council c, *got = NULL;

	council_council_init(&c);
	c.id = id;
	c.name = (char *)"Nauja";
	c.kind = COUNCIL_KIND_OTHER;
	c.size = 0;
	assert_int_equal(council_council_update(db, &c), COUNCIL_OK);
	assert_int_equal(council_council_get(&got, db, id), COUNCIL_OK);
	tu_assert_str(got->name, "Nauja");
	assert_int_equal(got->kind, COUNCIL_KIND_OTHER);
	assert_int_equal(got->size, 0);
	council_council_free(got);
	c.id = id + 1;
	tu_assert_error(db, council_council_update(db, &c), COUNCIL_ENOTFOUND, "no such record");
}

/* Adds one row of every kind that refers to council c; returns how many
 * rows that is across all tables (measure units, links and groups too). */
static int fill(council_db *db, council_id c)
{
	council_member m;
	council_meeting mt;
	council_figure f;
	council_plan p;
	council_measure ms;
	council_fulfilment fl;
	council_event e;
	council_participants pp;
	council_act a;
	const char *units[] = { "Skyrius" };
	council_id plan, measure, event;

	council_member_init(&m);
	m.council_id = c, m.name = (char *)"Narys";
	assert_int_equal(council_member_add(NULL, db, &m), COUNCIL_OK);
	council_meeting_init(&mt);
	mt.council_id = c, mt.date = tu_period("2021");
	assert_int_equal(council_meeting_add(NULL, db, &mt), COUNCIL_OK);
	council_figure_init(&f);
	f.council_id = c, f.year = 2021, f.value = 1;
	assert_int_equal(council_figure_add(NULL, db, &f), COUNCIL_OK);
	council_plan_init(&p);
	p.council_id = c, p.title = (char *)"Planas";
	assert_int_equal(council_plan_add(&plan, db, &p), COUNCIL_OK);
	council_measure_init(&ms);
	ms.plan_id = plan, ms.seq = 1, ms.name = (char *)"P", ms.responsible = units, ms.n_responsible = 1;
	assert_int_equal(council_measure_add(&measure, db, &ms), COUNCIL_OK);
	council_fulfilment_init(&fl);
	fl.measure_id = measure, fl.year = 2021, fl.text = (char *)"T";
	assert_int_equal(council_fulfilment_add(NULL, db, &fl), COUNCIL_OK);
	council_event_init(&e);
	e.council_id = c, e.title = (char *)"E", e.date = tu_period("2021");
	e.measure_ids = &measure, e.n_measures = 1;
	assert_int_equal(council_event_add(&event, db, &e), COUNCIL_OK);
	council_participants_init(&pp);
	pp.event_id = event, pp.count = 3;
	assert_int_equal(council_participants_add(NULL, db, &pp), COUNCIL_OK);
	council_act_init(&a);
	a.council_id = c, a.number = (char *)"T-1";
	assert_int_equal(council_act_add(NULL, db, &a), COUNCIL_OK);
	return 11;
}

static int64_t rows(council_db *db)
{
	return tu_sql_int(db, "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM meeting)"
	                      " + (SELECT count(*) FROM reported_figure) + (SELECT count(*) FROM plan)"
	                      " + (SELECT count(*) FROM measure) + (SELECT count(*) FROM measure_fulfilment)"
	                      " + (SELECT count(*) FROM measure_responsible)"
	                      " + (SELECT count(*) FROM event) + (SELECT count(*) FROM event_measure)"
	                      " + (SELECT count(*) FROM event_participants)"
	                      " + (SELECT count(*) FROM legal_act)");
}

static void test_delete_refused_per_table(void **state)
{
	council_db *db = *state;
	static const char *const deps[] = {
		"member", "event", "meeting", "reported_figure", "plan", "legal_act",
	};
	council_id c = tu_add_council(db, "Taryba");
	council_council *got = NULL;
	size_t i;

	fill(db, c);
	/* Each dependant table refuses the delete in turn, named in the message;
	 * removing that table's rows moves the refusal on to the next. */
	for (i = 0; i < sizeof deps / sizeof deps[0]; i++) {
		char sql[96];
		tu_assert_error(db, council_council_delete(db, c), COUNCIL_EHASCHILDREN,
		                "row(s) refer to it");
		assert_non_null(strstr(council_errmsg(db), deps[i]));
		assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);
		snprintf(sql, sizeof sql, "DELETE FROM %s", deps[i]);
		tu_exec(db, sql);
	}
	assert_int_equal(council_council_delete(db, c), COUNCIL_OK);
	tu_assert_error(db, council_council_get(&got, db, c), COUNCIL_ENOTFOUND, "no such council");
	tu_assert_error(db, council_council_delete(db, c), COUNCIL_ENOTFOUND, "no such record");
}

static void test_delete_cascade(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Taryba"), kept = tu_add_council(db, "Kita");
	int n = fill(db, c);
	council_council *got = NULL;

	fill(db, kept);
	assert_int_equal(rows(db), 2 * n);
	assert_int_equal(council_council_delete_cascade(db, c), COUNCIL_OK);
	assert_int_equal(rows(db), n);
	tu_assert_error(db, council_council_get(&got, db, c), COUNCIL_ENOTFOUND, "no such council");
	assert_int_equal(council_council_get(&got, db, kept), COUNCIL_OK);
	council_council_free(got);
	tu_assert_error(db, council_council_delete_cascade(db, c), COUNCIL_ENOTFOUND, "no such record");
	/* A council without dependants needs no cascade. */
	assert_int_equal(council_council_delete(db, tu_add_council(db, "Tuščia")), COUNCIL_OK);
}

static int collect(void *ctx, const council_council *r)
{
	return tu_ids_push(ctx, r->id);
}

static void test_list(void **state)
{
	council_db *db = *state;
	council_id src = tu_add_source(db, "s.txt");
	council_id zar = tu_add_council(db, "Zarasų");
	council_id sia = tu_add_council(db, "Šiaulių");
	council_id sal = tu_add_council(db, "Salantų");
	council_id tel = tu_add_council(db, "Telšių");
	council_id ane = tu_add_council(db, "Anykščių");
	council_council c;
	council_id imported;
	council_filter f;
	tu_ids t = { .n = 0 };

	council_council_init(&c);
	c.name = (char *)"Ėriškių";
	c.source_id = src;
	assert_int_equal(council_council_add(&imported, db, &c), COUNCIL_OK);
	/* Lithuanian order: S < Š < T and E < Ė; bytes would put Š and Ė last. */
	assert_int_equal(council_council_list(db, NULL, collect, &t), COUNCIL_OK);
	TU_IDS(&t, ane, imported, sal, sia, tel, zar);

	council_filter_init(&f);
	f.source_id = src;
	t.n = 0;
	assert_int_equal(council_council_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, imported);

	council_filter_init(&f);
	f.limit = 3;
	t.n = 0;
	assert_int_equal(council_council_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, ane, imported, sal);
	t.n = 0;
	t.stop_at = 1;
	assert_int_equal(council_council_list(db, NULL, collect, &t), TU_STOP);
	TU_IDS(&t, ane);
}

static void test_find(void **state)
{
	council_db *db = *state;
	council_id kl = tu_add_council(db, "Klaipėdos rajono BO taryba");
	council_id ka = tu_add_council(db, "Kauno miesto BO taryba");
	council_id ka2 = tu_add_council(db, "Kauno miesto BO taryba prie mero");
	council_id sia = tu_add_council(db, "Šiaulių rajono NVO taryba");
	council_id out = 0;
	char digits[32];

	assert_int_equal(council_council_find(&out, db, "klaipedos"), COUNCIL_OK);
	assert_int_equal(out, kl);
	assert_int_equal(council_council_find(&out, db, "ŠIAULIŲ"), COUNCIL_OK);
	assert_int_equal(out, sia);
	assert_int_equal(council_council_find(&out, db, "siauliu rajono"), COUNCIL_OK);
	assert_int_equal(out, sia);
	/* The exact (folded) name wins over a longer name containing it. */
	assert_int_equal(council_council_find(&out, db, "kauno miesto bo taryba"), COUNCIL_OK);
	assert_int_equal(out, ka);
	assert_int_equal(council_council_find(&out, db, "prie mero"), COUNCIL_OK);
	assert_int_equal(out, ka2);
	snprintf(digits, sizeof digits, "%lld", (long long)ka2);
	assert_int_equal(council_council_find(&out, db, digits), COUNCIL_OK);
	assert_int_equal(out, ka2);

	tu_assert_error(db, council_council_find(&out, db, "kauno"), COUNCIL_EEXISTS, "ambiguous");
	assert_non_null(strstr(council_errmsg(db), "prie mero"));
	assert_int_equal(out, 0);
	tu_assert_error(db, council_council_find(&out, db, "vilniaus"), COUNCIL_ENOTFOUND,
	                "no council matches");
	tu_assert_error(db, council_council_find(&out, db, "999"), COUNCIL_ENOTFOUND, "999");
	tu_assert_error(db, council_council_find(&out, db, ""), COUNCIL_EINVAL, "empty name");
	tu_assert_error(db, council_council_find(&out, db, NULL), COUNCIL_EINVAL, "empty name");
	tu_assert_error(db, council_council_find(&out, db, "\xff"), COUNCIL_EINVAL, "UTF-8");
}

static void test_misuse(void **state)
{
	council_db *closed = tu_closed_handle();
	council_db *handles[] = { NULL, closed };
	council_council c, *got = NULL;
	council_id out = 5;
	tu_ids t = { .n = 0 };
	size_t i;

	(void)state;
	council_council_init(&c);
	c.name = (char *)"T";
	for (i = 0; i < 2; i++) {
		council_db *db = handles[i];
		got = &c;
		assert_int_equal(council_council_add(NULL, db, &c), COUNCIL_EMISUSE);
		assert_int_equal(council_council_get(&got, db, 1), COUNCIL_EMISUSE);
		assert_null(got);
		assert_int_equal(council_council_update(db, &c), COUNCIL_EMISUSE);
		assert_int_equal(council_council_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_council_delete_cascade(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_council_list(db, NULL, collect, &t), COUNCIL_EMISUSE);
		assert_int_equal(council_council_find(&out, db, "T"), COUNCIL_EMISUSE);
		assert_int_equal(out, 0);
		out = 5;
	}
	assert_int_equal(t.n, 0);
	council_close(closed);
	council_council_free(NULL);
}

static void test_readonly(void **state)
{
	council_db *db = *state, *ro = NULL;
	council_council c, *got = NULL;
	council_id id = tu_add_council(db, "Taryba");

	assert_int_equal(council_open(&ro, tu_db_path(), COUNCIL_OPEN_READONLY), COUNCIL_OK);
	council_council_init(&c);
	c.name = (char *)"Nauja";
	tu_assert_error(ro, council_council_add(NULL, ro, &c), COUNCIL_EREADONLY, "read-only");
	c.id = id;
	tu_assert_error(ro, council_council_update(ro, &c), COUNCIL_EREADONLY, "read-only");
	tu_assert_error(ro, council_council_delete(ro, id), COUNCIL_EREADONLY, "read-only");
	assert_int_equal(council_council_get(&got, ro, id), COUNCIL_OK);
	tu_assert_str(got->name, "Taryba");
	council_council_free(got);
	council_close(ro);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_round_trip),
		TU_BOTH(test_validation),
		TU_BOTH(test_unique_name_and_source),
		TU_BOTH(test_nfc_names),
		TU_BOTH(test_update),
		TU_BOTH(test_delete_refused_per_table),
		TU_BOTH(test_delete_cascade),
		TU_BOTH(test_list),
		TU_BOTH(test_find),
		cmocka_unit_test(test_misuse),
		cmocka_unit_test_setup_teardown(test_readonly, tu_setup_file, tu_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
