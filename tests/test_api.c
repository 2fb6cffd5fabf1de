/* SPDX-License-Identifier: MIT */
/*
 * test_api.c -- the API changes of 0.2 (NEWS.md) as a program sees them:
 * records filled from string literals (this file builds with
 * -Wwrite-strings -Werror and no casts), the explicit COUNCIL_ALL filter
 * and the refusal of an id of 0 by every list call, the council calls'
 * new names and the deprecated old ones still working.
 */
#include <string.h>

#include "testutil.h"

/* Counts rows; the list calls' callbacks differ only in the row type. */
static int count_council(void *ctx, const council_council *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_member(void *ctx, const council_member *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_meeting(void *ctx, const council_meeting *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_figure(void *ctx, const council_figure *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_plan(void *ctx, const council_plan *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_measure(void *ctx, const council_measure *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_fulfilment(void *ctx, const council_fulfilment *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_event(void *ctx, const council_event *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_participants(void *ctx, const council_participants *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_act(void *ctx, const council_act *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_source(void *ctx, const council_source *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_my(void *ctx, const council_meetings_year *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_et(void *ctx, const council_event_total *r) { (void)r; return ++*(int *)ctx, 0; }
static int count_py(void *ctx, const council_participants_year *r) { (void)r; return ++*(int *)ctx, 0; }

/* Every list call with f; returns the first status that is not OK (with
 * *which naming the call), else OK with the total rows in *rows. */
static int list_all(council_db *db, const council_filter *f, const char **which, int *rows)
{
	int rc;

	*rows = 0;
#define TRY(call) do { *which = #call; if ((rc = (call)) != COUNCIL_OK) return rc; } while (0)
	TRY(council_list(db, f, count_council, rows));
	TRY(council_member_list(db, f, count_member, rows));
	TRY(council_meeting_list(db, f, count_meeting, rows));
	TRY(council_figure_list(db, f, count_figure, rows));
	TRY(council_plan_list(db, f, count_plan, rows));
	TRY(council_measure_list(db, f, count_measure, rows));
	TRY(council_fulfilment_list(db, f, count_fulfilment, rows));
	TRY(council_event_list(db, f, count_event, rows));
	TRY(council_participants_list(db, f, count_participants, rows));
	TRY(council_act_list(db, f, count_act, rows));
	TRY(council_source_list(db, f, count_source, rows));
	TRY(council_query_meetings_per_year(db, f, count_my, rows));
	TRY(council_query_participants_per_event(db, f, count_et, rows));
	TRY(council_query_participants_per_year(db, f, count_py, rows));
#undef TRY
	return COUNCIL_OK;
}

/* Two councils with a meeting and an event each, stored from literals. */
static void seed(council_db *db, council_id *a, council_id *b)
{
	council_council c;
	council_meeting m;
	council_event e;
	council_id *ids[] = { a, b };
	const char *names[] = { "Alytaus BO taryba", "Birštono BO taryba" };
	size_t i;

	for (i = 0; i < 2; i++) {
		council_council_init(&c);
		c.name = names[i];
		c.municipality = "savivaldybė";
		assert_int_equal(council_add(ids[i], db, &c), COUNCIL_OK);
		council_meeting_init(&m);
		m.council_id = *ids[i];
		m.date = tu_period("2024-03-01");
		m.platform = "Zoom";
		assert_int_equal(council_meeting_add(NULL, db, &m), COUNCIL_OK);
		council_event_init(&e);
		e.council_id = *ids[i];
		e.title = "Seminaras";
		e.date = tu_period("2024-05-16");
		assert_int_equal(council_event_add(NULL, db, &e), COUNCIL_OK);
	}
}

static void test_all_is_explicit(void **state)
{
	council_db *db = *state;
	council_filter f;
	council_id a, b;
	const char *which = NULL;
	int all, one;

	seed(db, &a, &b);
	council_filter_init(&f);
	assert_int_equal(f.council_id, COUNCIL_ALL);
	assert_int_equal(list_all(db, &f, &which, &all), COUNCIL_OK);
	f.council_id = a;
	assert_int_equal(list_all(db, &f, &which, &one), COUNCIL_OK);
	/* One council's rows are fewer than all (councils and sources are not
	 * filtered by council, the rest are). */
	assert_true(one < all);
}

/* Every list call refuses an id field of 0, naming the field. */
static void test_zero_id_refused(void **state)
{
	council_db *db = *state;
	static const struct {
		size_t offset;
		const char *message;
	} fields[] = {
		{ offsetof(council_filter, council_id), "filter.council_id: 0 is no council (use COUNCIL_ALL)" },
		{ offsetof(council_filter, parent_id), "filter.parent_id: 0 is no parent (use COUNCIL_ALL)" },
		{ offsetof(council_filter, source_id), "filter.source_id: 0 is no source (use COUNCIL_ALL)" },
	};
	council_filter f;
	council_id a, b;
	const char *which = NULL;
	int rows;
	size_t i;

	seed(db, &a, &b);
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		int64_t *id;
		council_filter_init(&f);
		id = (int64_t *)((char *)&f + fields[i].offset);
		*id = 0;
		tu_assert_error(db, list_all(db, &f, &which, &rows), COUNCIL_EINVAL, fields[i].message);
		/* ... and the first call to refuse it is the first called: every
		 * call checks, none lists everything. */
		assert_string_equal(which, "council_list(db, f, count_council, rows)");
		assert_int_equal(rows, 0);
		*id = -7;
		tu_assert_error(db, list_all(db, &f, &which, &rows), COUNCIL_EINVAL, "-7 is not an id");
	}
	/* A filter zeroed by hand instead of council_filter_init is refused
	 * too, rather than meaning "all". */
	memset(&f, 0, sizeof f);
	f.role = -1;
	tu_assert_error(db, council_member_list(db, &f, count_member, &rows), COUNCIL_EINVAL,
	                "filter.council_id: 0");
}

/* The story: an import that fails leaves council_id 0; listing by
 * it must fail loudly, not list every council's meetings. */
static void test_failed_import_does_not_list_all(void **state)
{
	council_db *db = *state;
	council_import_result res;
	council_filter f;
	council_id a, b;
	int rows = 0;

	seed(db, &a, &b);
	memset(&res, 0, sizeof res);
	assert_int_not_equal(council_import_file(&res, db, "/nonexistent/report.txt"), COUNCIL_OK);
	council_filter_init(&f);
	f.council_id = res.council_id;
	assert_int_equal(council_meeting_list(db, &f, count_meeting, &rows), COUNCIL_EINVAL);
	assert_int_equal(rows, 0);
}

static void test_council_names(void **state)
{
	council_db *db = *state;
	council_council c, *got = NULL;
	council_id id = 0, found = 0, old = 0;
	int rows = 0;
	council_filter f;

	council_council_init(&c);
	c.name = "Kėdainių rajono BO taryba";
	c.founding_act = "T-55";
	assert_int_equal(council_add(&id, db, &c), COUNCIL_OK);
	assert_int_equal(council_find(&found, db, "kedainiu"), COUNCIL_OK);
	assert_int_equal(found, id);
	assert_int_equal(council_get(&got, db, id), COUNCIL_OK);
	assert_string_equal(got->founding_act, "T-55");
	{
		/* A literal in a record from council_get: put the heap copy
		 * back before council_council_free, which frees the fields. */
		const char *mine = got->founding_act;
		got->founding_act = "T-56";
		assert_int_equal(council_update(db, got), COUNCIL_OK);
		got->founding_act = mine;
	}
	council_council_free(got);
	assert_int_equal(council_get(&got, db, id), COUNCIL_OK);
	assert_string_equal(got->founding_act, "T-56");
	council_council_free(got);

	/* The deprecated names are the same calls. */
	c.name = "Senas pavadinimas";
	assert_int_equal(council_council_add(&old, db, &c), COUNCIL_OK);
	assert_int_equal(council_council_find(&found, db, "senas"), COUNCIL_OK);
	assert_int_equal(found, old);
	assert_int_equal(council_council_get(&got, db, old), COUNCIL_OK);
	assert_int_equal(council_council_update(db, got), COUNCIL_OK);
	council_council_free(got);
	council_filter_init(&f);
	assert_int_equal(council_council_list(db, &f, count_council, &rows), COUNCIL_OK);
	assert_int_equal(rows, 2);
	assert_int_equal(council_council_delete(db, old), COUNCIL_OK);
	assert_int_equal(council_council_delete_cascade(db, id), COUNCIL_OK);
	assert_int_equal(council_delete(db, id), COUNCIL_ENOTFOUND);
	assert_int_equal(council_delete_cascade(db, old), COUNCIL_ENOTFOUND);
}

/* Input arrays are const too: units and measure links from const data. */
static void test_const_arrays(void **state)
{
	council_db *db = *state;
	static const char *const_units[] = { "Kultūros skyrius", "Seniūnija" };
	council_plan p;
	council_measure m, *got = NULL;
	council_event e;
	council_id council = tu_add_council(db, "Taryba"), plan, measure[1];
	council_meeting_format fmt = COUNCIL_FORMAT_HYBRID;
	council_format old_name = fmt; /* the deprecated alias is the same type */

	assert_int_equal(old_name, COUNCIL_FORMAT_HYBRID);
	council_plan_init(&p);
	p.council_id = council;
	p.title = "Veiklos planas";
	assert_int_equal(council_plan_add(&plan, db, &p), COUNCIL_OK);
	council_measure_init(&m);
	m.plan_id = plan;
	m.seq = 1;
	m.name = "Analizė";
	m.responsible = const_units;
	m.n_responsible = 2;
	assert_int_equal(council_measure_add(&measure[0], db, &m), COUNCIL_OK);
	assert_int_equal(council_measure_get(&got, db, measure[0]), COUNCIL_OK);
	assert_string_equal(got->responsible[1], "Seniūnija");
	council_measure_free(got);
	council_event_init(&e);
	e.council_id = council;
	e.title = "Forumas";
	e.date = tu_period("2024");
	e.measure_ids = measure;
	e.n_measures = 1;
	assert_int_equal(council_event_add(NULL, db, &e), COUNCIL_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_all_is_explicit, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_zero_id_refused, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_failed_import_does_not_list_all, tu_setup_memory,
		                                tu_teardown),
		cmocka_unit_test_setup_teardown(test_council_names, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_const_arrays, tu_setup_memory, tu_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
