/* SPDX-License-Identifier: MIT */
/*
 * test_act.c -- legal acts: round trips with and without a council,
 * validation naming the field, missing councils, updates, deletes, list
 * order (council, date) and the year filter on partial dates.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static council_act make(council_id council, const char *number, const char *date)
{
	council_act a;

	council_act_init(&a);
	a.council_id = council;
	a.number = (char *)number;
	if (date)
		a.date = tu_date(date);
	return a;
}

static council_id add(council_db *db, council_id council, const char *number, const char *date)
{
	council_act a = make(council, number, date);
	council_id id = 0;

	assert_int_equal(council_act_add(&id, db, &a), COUNCIL_OK);
	return id;
}

static void test_round_trip(void **state)
{
	council_db *db = *state;
	council_id src = tu_add_source(db, "a.txt");
	council_act a = make(tu_add_council(db, "Taryba"), "T-55", "2019-05-14"), *got = NULL;
	council_id id;

	a.title = (char *)"Dėl bendruomeninių organizacijų tarybos sudarymo";
	a.effect = COUNCIL_ACT_ESTABLISHES;
	a.source_id = src;
	assert_int_equal(council_act_add(&id, db, &a), COUNCIL_OK);
	assert_int_equal(council_act_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	assert_int_equal(got->council_id, a.council_id);
	tu_assert_str(got->number, "T-55");
	tu_assert_date(&got->date, "2019-05-14");
	tu_assert_str(got->title, a.title);
	assert_int_equal(got->effect, COUNCIL_ACT_ESTABLISHES);
	assert_int_equal(got->source_id, src);
	council_act_free(got);

	/* An act tied to no council, with no date. */
	a = make(0, "A-1", NULL);
	assert_int_equal(council_act_add(&id, db, &a), COUNCIL_OK);
	assert_int_equal(council_act_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->council_id, 0);
	assert_int_equal(got->date.year, 0);
	assert_null(got->title);
	assert_int_equal(got->effect, COUNCIL_ACT_OTHER);
	council_act_free(got);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM legal_act WHERE council_id IS NULL "
	                                "AND date IS NULL"), 1);
}

static void no_number(council_act *a) { a->number = NULL; }
static void empty_number(council_act *a) { a->number = (char *)""; }
static void long_number(council_act *a)
{
	static char n[102];
	memset(n, '7', 101);
	a->number = n;
}
static void bad_date(council_act *a) { a->date = (council_date){ 2023, 2, 29 }; }
static void bad_effect(council_act *a) { a->effect = (council_act_effect)5; }
static void bad_council(council_act *a) { a->council_id = -3; }
static void bad_title(council_act *a) { a->title = (char *)"\xed\xa0\x80"; }

static const struct bad {
	void (*spoil)(council_act *);
	const char *msg;
} bad[] = {
	{ no_number, "act.number: required" },
	{ empty_number, "act.number: required" },
	{ long_number, "act.number: longer than 100" },
	{ bad_date, "act.date: 2023-02-29 is not a valid date" },
	{ bad_effect, "act.effect: 5 is not a valid value" },
	{ bad_council, "act.council_id: -3 is not an id" },
	{ bad_title, "act.title: not valid UTF-8" },
};

static void test_validation(void **state)
{
	council_db *db = *state;
	council_id id = add(db, 0, "T-1", "2020");
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		council_act a = make(0, "T-2", "2021");
		bad[i].spoil(&a);
		tu_assert_error(db, council_act_add(NULL, db, &a), COUNCIL_EINVAL, bad[i].msg);
		a.id = id;
		tu_assert_error(db, council_act_update(db, &a), COUNCIL_EINVAL, bad[i].msg);
	}
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM legal_act"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT date FROM legal_act"), 2020);
}

static void test_missing_references(void **state)
{
	council_db *db = *state;
	council_act a = make(66, "T-9", NULL);

	tu_assert_error(db, council_act_add(NULL, db, &a), COUNCIL_ENOTFOUND,
	                "act.council_id: no council with id 66");
	a.council_id = 0;
	a.source_id = 5;
	tu_assert_error(db, council_act_add(NULL, db, &a), COUNCIL_ENOTFOUND,
	                "act.source_id: no source_document with id 5");
}

static void test_update_delete(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba");
	council_id id = add(db, 0, "T-1", "2020");
	council_act a = make(council, "T-1A", "2020-06"), *got = NULL;

	a.id = id;
	a.effect = COUNCIL_ACT_AMENDS;
	assert_int_equal(council_act_update(db, &a), COUNCIL_OK);
	assert_int_equal(council_act_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->council_id, council);
	tu_assert_str(got->number, "T-1A");
	tu_assert_date(&got->date, "2020-06");
	assert_int_equal(got->effect, COUNCIL_ACT_AMENDS);
	council_act_free(got);
	a.id = 12345;
	tu_assert_error(db, council_act_update(db, &a), COUNCIL_ENOTFOUND, "act 12345");

	assert_int_equal(council_act_delete(db, id), COUNCIL_OK);
	tu_assert_error(db, council_act_get(&got, db, id), COUNCIL_ENOTFOUND, "no such act");
	tu_assert_error(db, council_act_delete(db, id), COUNCIL_ENOTFOUND, "no such record");
}

static int collect(void *ctx, const council_act *r)
{
	return tu_ids_push(ctx, r->id);
}

static void test_list(void **state)
{
	council_db *db = *state;
	council_id c1 = tu_add_council(db, "Pirma"), c2 = tu_add_council(db, "Antra");
	council_id src = tu_add_source(db, "r.txt");
	council_id loose = add(db, 0, "X-1", "2021");
	council_id a19 = add(db, c1, "T-5", "2019-12-31");
	council_id a20 = add(db, c1, "T-6", "2020");
	council_id a21 = add(db, c1, "T-7", "2021-01");
	council_id undated = add(db, c1, "T-8", NULL);
	council_act a = make(c2, "T-9", "2020-05-05");
	council_id b20;
	council_filter f;
	tu_ids t = { .n = 0 };

	a.source_id = src;
	assert_int_equal(council_act_add(&b20, db, &a), COUNCIL_OK);
	/* Acts with no council or no date sort first (SQL NULL). */
	assert_int_equal(council_act_list(db, NULL, collect, &t), COUNCIL_OK);
	TU_IDS(&t, loose, undated, a19, a20, a21, b20);

	council_filter_init(&f);
	f.council_id = c1;
	f.year_from = 2020;
	t.n = 0;
	assert_int_equal(council_act_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, a20, a21);

	/* year_to takes in every precision of that year's dates. */
	council_filter_init(&f);
	f.year_to = 2020;
	t.n = 0;
	assert_int_equal(council_act_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, a19, a20, b20);

	council_filter_init(&f);
	f.source_id = src;
	t.n = 0;
	assert_int_equal(council_act_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, b20);

	council_filter_init(&f);
	f.limit = 3;
	t.n = 0;
	assert_int_equal(council_act_list(db, &f, collect, &t), COUNCIL_OK);
	TU_IDS(&t, loose, undated, a19);

	t.n = 0;
	t.stop_at = 1;
	assert_int_equal(council_act_list(db, NULL, collect, &t), TU_STOP);
	TU_IDS(&t, loose);
}

static void test_misuse(void **state)
{
	council_db *closed = tu_closed_handle();
	council_db *handles[] = { NULL, closed };
	council_act a = make(0, "T-1", NULL), *got = &a;
	tu_ids t = { .n = 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		council_db *db = handles[i];
		assert_int_equal(council_act_add(NULL, db, &a), COUNCIL_EMISUSE);
		assert_int_equal(council_act_get(&got, db, 1), COUNCIL_EMISUSE);
		assert_null(got);
		assert_int_equal(council_act_update(db, &a), COUNCIL_EMISUSE);
		assert_int_equal(council_act_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_act_list(db, NULL, collect, &t), COUNCIL_EMISUSE);
		got = &a;
	}
	assert_int_equal(t.n, 0);
	council_close(closed);
	council_act_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_round_trip),
		TU_BOTH(test_validation),
		TU_BOTH(test_missing_references),
		TU_BOTH(test_update_delete),
		TU_BOTH(test_list),
		cmocka_unit_test(test_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
