/* SPDX-License-Identifier: MIT */
/*
 * test_gold.c -- every fact of the two seed gold annotations stored through
 * the public API alone, then read back through the public views: what a
 * careful reader takes from a report has a place in the registry, and the
 * views give it back exactly.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static council_date date_of(const char *s)
{
	council_date d;
	assert_int_equal(council_date_parse(&d, s), COUNCIL_OK);
	return d;
}

static const char *js(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Stores one gold file; returns the council id. */
static council_id store(council_db *db, json_t *g)
{
	council_council c;
	council_id cid, plan = 0, mids[64] = { 0 };
	json_t *v, *e;
	size_t i;
	int kind = 0;

	council_council_init(&c);
	v = json_object_get(g, "council");
	c.name = (char *)js(v, "name");
	c.municipality = (char *)js(v, "municipality");
	assert_int_equal(council_enum_parse(&kind, COUNCIL_ENUM_KIND, js(v, "kind")), COUNCIL_OK);
	c.kind = (council_kind)kind;
	if (json_is_integer(json_object_get(g, "member_count")))
		c.size = (int)json_integer_value(json_object_get(g, "member_count"));
	json_array_foreach(json_object_get(g, "composition"), i, e) {
		int n = (int)json_integer_value(json_object_get(e, "count"));
		if (!strcmp(js(e, "side"), "municipality"))
			c.seats_municipality = n;
		else
			c.seats_community = n;
	}
	assert_int_equal(council_council_add(&cid, db, &c), COUNCIL_OK);

	json_array_foreach(json_object_get(g, "members"), i, e) {
		council_member m;
		int role = 0;
		council_member_init(&m);
		m.council_id = cid;
		m.name = (char *)js(e, "name");
		assert_int_equal(council_enum_parse(&role, COUNCIL_ENUM_ROLE, js(e, "role")), COUNCIL_OK);
		m.role = (council_role)role;
		m.represents = (char *)js(e, "represents");
		assert_int_equal(council_member_add(NULL, db, &m), COUNCIL_OK);
	}

	/* Stated figures and listed meetings, kept apart. */
	v = json_object_get(g, "meetings");
	{
		const char *year;
		json_t *n;
		struct { const char *key; council_metric metric; council_qualifier q; } kinds[] = {
			{ "per_year", COUNCIL_METRIC_MEETINGS, COUNCIL_QUAL_EXACT },
			{ "per_year_min", COUNCIL_METRIC_MEETINGS, COUNCIL_QUAL_AT_LEAST },
			{ "remote", COUNCIL_METRIC_MEETINGS_REMOTE, COUNCIL_QUAL_EXACT },
		};
		for (size_t k = 0; k < 3; k++)
			json_object_foreach(json_object_get(v, kinds[k].key), year, n) {
				council_figure f;
				council_figure_init(&f);
				f.council_id = cid;
				f.year = atoi(year);
				f.metric = kinds[k].metric;
				f.value = json_integer_value(n);
				f.qualifier = kinds[k].q;
				assert_int_equal(council_figure_add(NULL, db, &f), COUNCIL_OK);
			}
	}
	json_array_foreach(json_object_get(v, "dated"), i, e) {
		council_meeting m;
		council_meeting_init(&m);
		m.council_id = cid;
		m.date.start = m.date.end = date_of(json_string_value(e));
		assert_int_equal(council_meeting_add(NULL, db, &m), COUNCIL_OK);
	}

	if ((v = json_object_get(g, "plan")) && json_is_object(v)) {
		council_plan p;
		council_plan_init(&p);
		p.council_id = cid;
		p.title = (char *)js(v, "title_contains");
		p.year_from = (int)json_integer_value(json_object_get(v, "year_from"));
		p.year_to = (int)json_integer_value(json_object_get(v, "year_to"));
		assert_int_equal(council_plan_add(&plan, db, &p), COUNCIL_OK);
	}
	json_array_foreach(json_object_get(g, "measures"), i, e) {
		council_measure m;
		const char *units[8];
		json_t *u;
		size_t k;
		council_measure_init(&m);
		m.plan_id = plan;
		m.seq = (int)json_integer_value(json_object_get(e, "seq"));
		m.name = (char *)js(e, "name_starts");
		json_array_foreach(json_object_get(e, "responsible"), k, u)
			units[k] = json_string_value(u);
		m.responsible = units;
		m.n_responsible = json_array_size(json_object_get(e, "responsible"));
		assert_true(m.seq > 0 && m.seq < 64);
		assert_int_equal(council_measure_add(&mids[m.seq], db, &m), COUNCIL_OK);
	}
	json_array_foreach(json_object_get(g, "events"), i, e) {
		council_event ev;
		council_id eid, links[8];
		json_t *p = json_object_get(e, "participants"), *s;
		size_t k, n = 0;
		council_event_init(&ev);
		ev.council_id = cid;
		ev.title = (char *)js(e, "title_contains");
		ev.date.start = date_of(js(e, "date_start"));
		ev.date.end = date_of(js(e, "date_end"));
		ev.location = (char *)js(e, "location_contains");
		ev.organiser = (char *)js(e, "organizer_contains");
		if (json_is_boolean(json_object_get(e, "remote")))
			ev.remote = json_is_true(json_object_get(e, "remote"));
		json_array_foreach(json_object_get(e, "measures"), k, s)
			links[n++] = mids[json_integer_value(s)];
		ev.measure_ids = n ? links : NULL;
		ev.n_measures = n;
		assert_int_equal(council_event_add(&eid, db, &ev), COUNCIL_OK);
		if (json_is_integer(p)) {
			council_participants pg;
			int q = 0;
			council_participants_init(&pg);
			pg.event_id = eid;
			pg.count = json_integer_value(p);
			assert_int_equal(council_enum_parse(&q, COUNCIL_ENUM_QUALIFIER, js(e, "qualifier")), COUNCIL_OK);
			pg.qualifier = (council_qualifier)q;
			assert_int_equal(council_participants_add(NULL, db, &pg), COUNCIL_OK);
		}
	}
	json_array_foreach(json_object_get(g, "legal_acts"), i, e) {
		council_act a;
		council_act_init(&a);
		a.council_id = cid;
		a.number = (char *)js(e, "number");
		a.date = date_of(js(e, "date"));
		assert_int_equal(council_act_add(NULL, db, &a), COUNCIL_OK);
	}
	return cid;
}

/* One text cell of a view: "SELECT col FROM view WHERE ..." */
struct cell { char *v; int rows; };

static int take(void *ctx, int n, const char *const *names, const char *const *values, const int *t)
{
	struct cell *c = ctx;
	(void)names;
	(void)t;
	if (n > 0 && !c->rows++)
		c->v = values[0] ? strdup(values[0]) : NULL;
	return 0;
}

static void expect(council_db *db, const char *sql, const char *want)
{
	struct cell c = { NULL, 0 };

	if (council_sql(db, sql, take, &c) != COUNCIL_OK)
		fail_msg("%s: %s", sql, council_errmsg(db));
	if (c.rows != 1 || (want ? !c.v || strcmp(c.v, want) : c.v != NULL))
		fail_msg("%s: got %s (%d rows), want %s", sql, c.v ? c.v : "NULL", c.rows,
		         want ? want : "NULL");
	free(c.v);
}

/* The view queries are built from the gold values: council_sql runs the
 * user's own text and binds nothing, so this test refuses values it could
 * not quote safely rather than escape them. */
static void no_quote(const char *s)
{
	if (s && strchr(s, '\''))
		fail_msg("gold value with a quote: %s", s);
}

static void check(council_db *db, json_t *g)
{
	char sql[1024], want[256];
	json_t *v, *e;
	const char *key;
	size_t i;

	v = json_object_get(g, "meetings");
	json_object_foreach(json_object_get(v, "per_year"), key, e) {
		snprintf(sql, sizeof sql, "SELECT meetings FROM meetings_per_year WHERE year = %d", atoi(key));
		snprintf(want, sizeof want, "%lld", (long long)json_integer_value(e));
		expect(db, sql, want);
	}
	json_object_foreach(json_object_get(v, "remote"), key, e) {
		snprintf(sql, sizeof sql, "SELECT remote FROM meetings_per_year WHERE year = %d", atoi(key));
		snprintf(want, sizeof want, "%lld", (long long)json_integer_value(e));
		expect(db, sql, want);
	}
	json_object_foreach(json_object_get(v, "per_year_min"), key, e) {
		snprintf(sql, sizeof sql, "SELECT meetings >= %lld FROM meetings_per_year WHERE year = %d",
		         (long long)json_integer_value(e), atoi(key));
		expect(db, sql, "1");
	}
	json_array_foreach(json_object_get(v, "dated"), i, e) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM meetings_overview WHERE date_start = '%s'",
		         json_string_value(e));
		expect(db, sql, "1");
	}
	json_array_foreach(json_object_get(g, "members"), i, e) {
		no_quote(js(e, "name"));
		snprintf(sql, sizeof sql, "SELECT represents FROM members_overview WHERE name = '%s' AND role = '%s'",
		         js(e, "name"), js(e, "role"));
		expect(db, sql, js(e, "represents"));
	}
	json_array_foreach(json_object_get(g, "measures"), i, e) {
		json_t *u;
		size_t k;
		want[0] = '\0';
		json_array_foreach(json_object_get(e, "responsible"), k, u) {
			if (k)
				strcat(want, "; ");
			strcat(want, json_string_value(u));
		}
		snprintf(sql, sizeof sql, "SELECT responsible FROM measures_overview WHERE seq = %lld",
		         (long long)json_integer_value(json_object_get(e, "seq")));
		expect(db, sql, want);
		snprintf(sql, sizeof sql, "SELECT name FROM measures_overview WHERE seq = %lld",
		         (long long)json_integer_value(json_object_get(e, "seq")));
		expect(db, sql, js(e, "name_starts"));
	}
	json_array_foreach(json_object_get(g, "events"), i, e) {
		json_t *p = json_object_get(e, "participants");
		no_quote(js(e, "title_contains"));
		snprintf(sql, sizeof sql, "SELECT date_end FROM events_overview WHERE title = '%s' AND date_start = '%s'",
		         js(e, "title_contains"), js(e, "date_start"));
		expect(db, sql, js(e, "date_end"));
		snprintf(sql, sizeof sql, "SELECT participants FROM events_overview WHERE title = '%s'",
		         js(e, "title_contains"));
		if (json_is_integer(p)) {
			snprintf(want, sizeof want, "%lld", (long long)json_integer_value(p));
			expect(db, sql, want);
			snprintf(sql, sizeof sql, "SELECT qualifier FROM events_overview WHERE title = '%s'",
			         js(e, "title_contains"));
			expect(db, sql, js(e, "qualifier"));
		} else {
			expect(db, sql, NULL);
		}
		snprintf(sql, sizeof sql, "SELECT location FROM events_overview WHERE title = '%s'",
		         js(e, "title_contains"));
		expect(db, sql, js(e, "location_contains"));
	}
	json_array_foreach(json_object_get(g, "legal_acts"), i, e) {
		snprintf(sql, sizeof sql, "SELECT date FROM legal_act WHERE number = '%s'", js(e, "number"));
		expect(db, sql, js(e, "date"));
	}
}

static void test_seed_gold_round_trip(void **state)
{
	static const char *const files[] = { "gold/000_d4c7974d101b8451.gold.json",
	                                     "gold/002_b165d35874deecf8.gold.json" };
	council_db *db = *state;
	size_t i;

	for (i = 0; i < 2; i++) {
		json_error_t err;
		json_t *g = json_load_file(tu_fixture(files[i]), 0, &err);
		if (!g)
			fail_msg("%s: %s", files[i], err.text);
		store(db, g);
		check(db, g);
		json_decref(g);
	}
	/* Two councils, each counted once in the views. */
	expect(db, "SELECT count(DISTINCT council) FROM meetings_per_year", "2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_seed_gold_round_trip, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_seed_gold_round_trip, tu_setup_file, tu_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
