/* SPDX-License-Identifier: MIT */
/*
 * test_figure.c -- reported figures: round trips, the year and value
 * ranges the schema allows, enumerations, missing councils, updates,
 * deletes, list order (council, year, metric) and filters.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static council_figure make(council_id council, int year, council_metric metric, int64_t value)
{
	council_figure f;

	council_figure_init(&f);
	f.council_id = council;
	f.year = year;
	f.metric = metric;
	f.value = value;
	return f;
}

static council_id add(council_db *db, council_id council, int year, council_metric metric,
                      int64_t value)
{
	council_figure f = make(council, year, metric, value);
	council_id id = 0;

	assert_int_equal(council_figure_add(&id, db, &f), COUNCIL_OK);
	return id;
}

static void test_round_trip(void **state)
{
	council_db *db = *state;
	council_id src = tu_add_source(db, "a.txt");
	council_figure f = make(tu_add_council(db, "Taryba"), 2021, COUNCIL_METRIC_PARTICIPANTS, 50);
	council_figure *got = NULL;
	council_id id;

	f.qualifier = COUNCIL_QUAL_MORE_THAN;
	f.source_id = src;
	assert_int_equal(council_figure_add(&id, db, &f), COUNCIL_OK);
	assert_int_equal(council_figure_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->id, id);
	assert_int_equal(got->council_id, f.council_id);
	assert_int_equal(got->year, 2021);
	assert_int_equal(got->metric, COUNCIL_METRIC_PARTICIPANTS);
	assert_int_equal(got->value, 50);
	assert_int_equal(got->qualifier, COUNCIL_QUAL_MORE_THAN);
	assert_int_equal(got->source_id, src);
	council_figure_free(got);

	/* The bounds themselves are accepted. */
	f = make(f.council_id, 1990, COUNCIL_METRIC_MEETINGS, 0);
	assert_int_equal(council_figure_add(NULL, db, &f), COUNCIL_OK);
	f = make(f.council_id, 2100, COUNCIL_METRIC_MEETINGS, 10000000);
	assert_int_equal(council_figure_add(NULL, db, &f), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reported_figure"), 3);
}

static void test_init(void **state)
{
	council_figure f;

	(void)state;
	council_figure_init(&f);
	/* Required numbers start unknown so forgetting them is caught. */
	assert_int_equal(f.year, -1);
	assert_int_equal(f.value, -1);
	assert_int_equal(f.id, 0);
	assert_int_equal(f.qualifier, COUNCIL_QUAL_EXACT);
}

static const struct bad {
	int year;
	int metric;
	int64_t value;
	int qualifier;
	const char *msg;
} bad[] = {
	{ -1, 0, 3, 0, "figure.year: required" },
	{ 1989, 0, 3, 0, "figure.year: 1989 is not in 1990..2100" },
	{ 2101, 0, 3, 0, "figure.year: 2101 is not in 1990..2100" },
	{ 2021, 5, 3, 0, "figure.metric: 5 is not a valid value" },
	{ 2021, -2, 3, 0, "figure.metric: -2 is not a valid value" },
	{ 2021, 0, -1, 0, "figure.value: required" },
	{ 2021, 0, -7, 0, "figure.value: -7 is not in 0..10000000" },
	{ 2021, 0, 10000001, 0, "figure.value: 10000001 is not in 0..10000000" },
	{ 2021, 0, 3, 4, "figure.qualifier: 4 is not a valid value" },
};

static void test_validation(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba");
	council_id id = add(db, council, 2020, COUNCIL_METRIC_EVENTS, 4);
	council_figure f;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		f = make(council, bad[i].year, (council_metric)bad[i].metric, bad[i].value);
		f.qualifier = (council_qualifier)bad[i].qualifier;
		tu_assert_error(db, council_figure_add(NULL, db, &f), COUNCIL_EINVAL, bad[i].msg);
		f.id = id;
		tu_assert_error(db, council_figure_update(db, &f), COUNCIL_EINVAL, bad[i].msg);
	}
	f = make(0, 2021, COUNCIL_METRIC_MEETINGS, 1);
	tu_assert_error(db, council_figure_add(NULL, db, &f), COUNCIL_EINVAL,
	                "figure.council_id: required");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reported_figure"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT value FROM reported_figure"), 4);
}

static void test_missing_references(void **state)
{
	council_db *db = *state;
	council_figure f = make(31, 2021, COUNCIL_METRIC_MEETINGS, 3);

	tu_assert_error(db, council_figure_add(NULL, db, &f), COUNCIL_ENOTFOUND,
	                "figure.council_id: no council with id 31");
	f.council_id = tu_add_council(db, "Taryba");
	f.source_id = 8;
	tu_assert_error(db, council_figure_add(NULL, db, &f), COUNCIL_ENOTFOUND,
	                "figure.source_id: no source_document with id 8");
}

static void test_update_delete(void **state)
{
	council_db *db = *state;
	council_id council = tu_add_council(db, "Taryba");
	council_id id = add(db, council, 2020, COUNCIL_METRIC_MEETINGS, 2);
	council_figure f = make(council, 2021, COUNCIL_METRIC_MEETINGS_REMOTE, 1), *got = NULL;

	f.id = id;
	f.qualifier = COUNCIL_QUAL_AT_LEAST;
	assert_int_equal(council_figure_update(db, &f), COUNCIL_OK);
	assert_int_equal(council_figure_get(&got, db, id), COUNCIL_OK);
	assert_int_equal(got->year, 2021);
	assert_int_equal(got->metric, COUNCIL_METRIC_MEETINGS_REMOTE);
	assert_int_equal(got->value, 1);
	assert_int_equal(got->qualifier, COUNCIL_QUAL_AT_LEAST);
	council_figure_free(got);
	f.id = id + 1;
	tu_assert_error(db, council_figure_update(db, &f), COUNCIL_ENOTFOUND, "no such record");

	assert_int_equal(council_figure_delete(db, id), COUNCIL_OK);
	tu_assert_error(db, council_figure_get(&got, db, id), COUNCIL_ENOTFOUND, "no such figure");
	assert_null(got);
	tu_assert_error(db, council_figure_delete(db, id), COUNCIL_ENOTFOUND, "figure");
}

static int collect(void *ctx, const council_figure *r)
{
	return tu_ids_push(ctx, r->id);
}

static void test_list(void **state)
{
	council_db *db = *state;
	council_id c1 = tu_add_council(db, "Pirma"), c2 = tu_add_council(db, "Antra");
	council_id src = tu_add_source(db, "r.txt");
	/* Within a year the metrics come in council_metric order, not text
	 * order ("events" would sort first). */
	council_id ev21 = add(db, c1, 2021, COUNCIL_METRIC_EVENTS, 4);
	council_id mt21 = add(db, c1, 2021, COUNCIL_METRIC_MEETINGS, 3);
	council_id rm21 = add(db, c1, 2021, COUNCIL_METRIC_MEETINGS_REMOTE, 2);
	council_id mt20 = add(db, c1, 2020, COUNCIL_METRIC_MEETINGS, 5);
	council_id other = add(db, c2, 2019, COUNCIL_METRIC_MEMBERS, 11);
	council_figure f = make(c2, 2022, COUNCIL_METRIC_PARTICIPANTS, 40);
	council_id sourced;
	council_filter flt;
	tu_ids t = { .n = 0 };

	f.source_id = src;
	assert_int_equal(council_figure_add(&sourced, db, &f), COUNCIL_OK);
	assert_int_equal(council_figure_list(db, NULL, collect, &t), COUNCIL_OK);
	TU_IDS(&t, mt20, mt21, rm21, ev21, other, sourced);

	council_filter_init(&flt);
	flt.council_id = c1;
	flt.year_from = 2021;
	flt.year_to = 2021;
	t.n = 0;
	assert_int_equal(council_figure_list(db, &flt, collect, &t), COUNCIL_OK);
	TU_IDS(&t, mt21, rm21, ev21);

	/* figure lists ignore a date range: figures have only a year */
	council_filter_init(&flt);
	flt.range = tu_period("2030");
	flt.source_id = src;
	t.n = 0;
	assert_int_equal(council_figure_list(db, &flt, collect, &t), COUNCIL_OK);
	TU_IDS(&t, sourced);

	council_filter_init(&flt);
	flt.limit = 2;
	t.n = 0;
	assert_int_equal(council_figure_list(db, &flt, collect, &t), COUNCIL_OK);
	TU_IDS(&t, mt20, mt21);

	t.n = 0;
	t.stop_at = 1;
	assert_int_equal(council_figure_list(db, NULL, collect, &t), TU_STOP);
	TU_IDS(&t, mt20);
}

static void test_misuse(void **state)
{
	council_db *closed = tu_closed_handle();
	council_db *handles[] = { NULL, closed };
	council_figure f = make(1, 2021, COUNCIL_METRIC_MEETINGS, 1), *got = &f;
	tu_ids t = { .n = 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		council_db *db = handles[i];
		assert_int_equal(council_figure_add(NULL, db, &f), COUNCIL_EMISUSE);
		assert_int_equal(council_figure_get(&got, db, 1), COUNCIL_EMISUSE);
		assert_null(got);
		assert_int_equal(council_figure_update(db, &f), COUNCIL_EMISUSE);
		assert_int_equal(council_figure_delete(db, 1), COUNCIL_EMISUSE);
		assert_int_equal(council_figure_list(db, NULL, collect, &t), COUNCIL_EMISUSE);
		got = &f;
	}
	assert_int_equal(t.n, 0);
	council_close(closed);
	council_figure_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_round_trip),
		cmocka_unit_test(test_init),
		TU_BOTH(test_validation),
		TU_BOTH(test_missing_references),
		TU_BOTH(test_update_delete),
		TU_BOTH(test_list),
		cmocka_unit_test(test_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
