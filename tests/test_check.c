/* SPDX-License-Identifier: MIT */
/*
 * test_check.c -- council_check and the view findings: each check finds
 * what it is about, names its records and documents, and stays silent on
 * a council that meets it; the list of checks and the view's parts agree;
 * the filter and the order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "testutil.h"

typedef struct seen {
	char text[8192];  /* "kind|year|detail|record|documents\n" per finding */
	int n;
} seen;

static int collect(void *ctx, const council_finding *f)
{
	seen *s = ctx;
	size_t len = strlen(s->text);
	snprintf(s->text + len, sizeof s->text - len, "%s|%d|%s|%s|%s|%s\n", f->kind, f->year,
	         f->detail, f->record, f->documents ? f->documents : "-", f->council);
	s->n++;
	return 0;
}

static seen *check(council_db *db, council_id council, int year)
{
	static seen s;
	council_filter f;

	memset(&s, 0, sizeof s);
	council_filter_init(&f);
	if (council)
		f.council_id = council;
	f.year_from = f.year_to = year;
	assert_int_equal(council_check(db, &f, collect, &s), COUNCIL_OK);
	return &s;
}

static int has(const seen *s, const char *fragment)
{
	return strstr(s->text, fragment) != NULL;
}

/* A council of size 4 (2 + 2 seats), a chair and three members, every
 * side known and two of each: nothing to find. */
static council_id good_council(council_db *db)
{
	council_id c = tu_add_council(db, "Birštono savivaldybės bendruomeninių organizacijų taryba");
	char sql[512];

	snprintf(sql, sizeof sql,
	         "UPDATE council SET size = 4, seats_municipality = 2, seats_community = 2 WHERE id = %lld;"
	         "INSERT INTO member(council_id, name, role, side) VALUES "
	         "(%lld, 'Ona Petraitienė', 'chair', 'community'), (%lld, 'Jonas Kazlauskas', 'member', 'community'),"
	         "(%lld, 'Rūta Vaitkienė', 'member', 'municipality'), (%lld, 'Petras Jonaitis', 'member', 'municipality')",
	         (long long)c, (long long)c, (long long)c, (long long)c, (long long)c);
	tu_exec(db, sql);
	return c;
}

static void test_a_council_meeting_the_law_has_none(void **state)
{
	council_db *db = *state;
	council_id c = good_council(db);

	assert_int_equal(check(db, c, 0)->n, 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM findings"), 0);
}

static void test_parity(void **state)
{
	council_db *db = *state;
	council_id c = good_council(db);
	seen *s;

	tu_exec(db, "UPDATE member SET side = 'municipality' WHERE name = 'Jonas Kazlauskas'");
	s = check(db, c, 0);
	assert_int_equal(s->n, 1);
	assert_true(has(s, "parity|0|3 of 4 members from municipal institutions, 1 from community"));
	assert_true(has(s, "member 1, member 2, member 3, member 4"));
	/* a side unknown: the members cannot be judged */
	tu_exec(db, "UPDATE member SET side = NULL WHERE name = 'Ona Petraitienė'");
	assert_int_equal(check(db, c, 0)->n, 0);
	/* the seats themselves */
	tu_exec(db, "UPDATE council SET seats_municipality = 3, seats_community = 1");
	assert_true(has(check(db, c, 0), "parity|0|3 of 4 seats for municipal institutions"));
	/* not for an NVO council */
	tu_exec(db, "UPDATE council SET kind = 'NVO'");
	assert_int_equal(check(db, c, 0)->n, 0);
}

static void test_terms_and_offices(void **state)
{
	council_db *db = *state;
	council_id c = good_council(db);
	seen *s;

	tu_exec(db, "UPDATE member SET term_start = '2019-05', term_end = '2023-01-15' WHERE name = 'Jonas Kazlauskas'");
	s = check(db, c, 0);
	assert_true(has(s, "term_over_3_years|2023|Jonas Kazlauskas: member term from 2019-05 to 2023-01-15"));
	assert_false(has(check(db, c, 2022), "term_over_3_years"));  /* dated 2023 */
	tu_exec(db, "UPDATE member SET term_end = '2022' WHERE name = 'Jonas Kazlauskas'");
	assert_false(has(check(db, c, 0), "term_over_3_years"));

	/* a second chair at once; one after the other is no finding */
	tu_exec(db, "UPDATE member SET role = 'chair', term_end = NULL, term_start = NULL WHERE name = 'Petras Jonaitis'");
	s = check(db, c, 0);
	assert_true(has(s, "several_chairs|0|Ona Petraitienė and Petras Jonaitis both chair at once|member 1, member 4"));
	tu_exec(db, "UPDATE member SET term_end = '2021-06-30' WHERE name = 'Ona Petraitienė';"
	            "UPDATE member SET term_start = '2021-07-01' WHERE name = 'Petras Jonaitis'");
	assert_false(has(check(db, c, 0), "several_chairs"));
	/* two deputies, two secretaries */
	tu_exec(db, "UPDATE member SET role = 'deputy' WHERE name IN ('Jonas Kazlauskas', 'Rūta Vaitkienė')");
	assert_true(has(check(db, c, 0), "several_deputies|"));
	tu_exec(db, "UPDATE member SET role = 'secretary' WHERE name IN ('Jonas Kazlauskas', 'Rūta Vaitkienė')");
	assert_true(has(check(db, c, 0), "several_secretaries|"));
	/* no chair among the members without a term end */
	tu_exec(db, "UPDATE member SET term_end = '2024' WHERE name = 'Petras Jonaitis';"
	            "UPDATE member SET term_end = NULL, term_start = NULL WHERE name = 'Jonas Kazlauskas'");
	s = check(db, c, 0);
	assert_true(has(s, "no_chair|0|no chair among 2 members"));
	assert_true(has(s, "members_vs_size|0|2 members recorded, the council's size is 4"));
}

static void test_size_and_seats(void **state)
{
	council_db *db = *state;
	council_id c = good_council(db), src = tu_add_source(db, "reports/birstonas-2023.txt");
	char sql[256];
	seen *s;

	tu_exec(db, "UPDATE council SET seats_community = 3");
	assert_true(has(check(db, c, 0), "seats_vs_size|0|2 + 3 seats by side, the council's size is 4|council 1"));
	tu_exec(db, "UPDATE council SET seats_community = 2");
	snprintf(sql, sizeof sql, "INSERT INTO reported_figure(council_id, year, metric, value, source_id) "
	         "VALUES (%lld, 2023, 'members', 5, %lld)", (long long)c, (long long)src);
	tu_exec(db, sql);
	s = check(db, c, 2023);
	assert_int_equal(s->n, 1);
	assert_true(has(s, "members_vs_size|2023|5 members stated, the council's size is 4|reported_figure 1|reports/birstonas-2023.txt"));
}

static void test_meetings_and_figures(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Neringos savivaldybės bendruomeninių organizacijų taryba");
	council_id a = tu_add_source(db, "r/a.txt"), b = tu_add_source(db, "r/b.txt");
	seen *s;

	/* a fresh database: council 1, documents 1 and 2 */
	assert_int_equal(c, 1);
	assert_int_equal(a, 1);
	assert_int_equal(b, 2);
	tu_exec(db, "UPDATE source_document SET kind = 'annual_report', report_year = 2023;"
	            "INSERT INTO meeting(council_id, date_start, date_end, year, source_id) VALUES "
	            "(1, '2023-02-01', '2023-02-01', 2023, 1), (1, '2023-05-01', '2023-05-01', 2023, 1),"
	            "(1, '2023-09-01', '2023-09-01', 2023, 1), (1, '2022-12-20', '2022-12-20', 2022, 1);"
	            "INSERT INTO reported_figure(council_id, year, metric, value, source_id) VALUES "
	            "(1, 2023, 'meetings', 2, 1), (1, 2023, 'meetings', 4, 2)");
	s = check(db, c, 0);
	assert_true(has(s, "figures_disagree|2023|meetings: 2 (r/a.txt), 4 (r/b.txt)|reported_figure 1, reported_figure 2|r/a.txt; r/b.txt"));
	/* the stated count shown is the larger: 4 of 3 listed is no finding */
	assert_false(has(s, "stated_below_listed"));
	assert_true(has(s, "outside_report_year|2022|meeting of 2022-12-20 in a report for 2023|meeting 4|r/a.txt"));
	tu_exec(db, "DELETE FROM reported_figure WHERE value = 4");
	s = check(db, c, 2023);
	assert_true(has(s, "stated_below_listed|2023|2 meetings stated, 3 dated meetings listed|reported_figure 1|r/a.txt"));
	assert_false(has(s, "figures_disagree"));
	assert_false(has(s, "outside_report_year"));  /* filtered: 2022 */
	/* a meeting another document of its year states too is no finding */
	tu_exec(db, "UPDATE source_document SET report_year = 2022 WHERE id = 2;"
	            "INSERT INTO record_source VALUES ('meeting', 4, 2)");
	assert_false(has(check(db, c, 0), "outside_report_year"));
}

static void test_participants_and_events(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Rietavo savivaldybės bendruomeninių organizacijų taryba");
	council_id a = tu_add_source(db, "r/a.txt"), b = tu_add_source(db, "r/b.txt");
	seen *s;

	assert_int_equal(c, 1);
	assert_int_equal(a, 1);
	assert_int_equal(b, 2);
	tu_exec(db, "UPDATE source_document SET kind = 'annual_report', report_year = 2022;"
	            "INSERT INTO event(id, council_id, title, kind, date_start, date_end, year, source_id) VALUES "
	            "(1, 1, 'Forumas', 'forum', '2022-11-05', '2022-11-05', 2022, 1);"
	            "INSERT INTO record_source VALUES ('event', 1, 2);"
	            "INSERT INTO event_participants(event_id, count, source_id) VALUES (1, 85, 1), (1, 80, 2)");
	s = check(db, c, 0);
	assert_int_equal(s->n, 1);
	assert_true(has(s, "participants_disagree|2022|\"Forumas\" of 2022-11-05: 85 (r/a.txt), 80 (r/b.txt)|event 1|r/a.txt; r/b.txt"));
	tu_exec(db, "UPDATE source_document SET report_year = 2023");
	assert_true(has(check(db, c, 0), "outside_report_year|2022|event \"Forumas\" of 2022-11-05 in a report for 2023|event 1"));
	/* a protocol or a page is about no report year */
	tu_exec(db, "UPDATE source_document SET kind = 'page' WHERE path = 'r/b.txt'");
	assert_false(has(check(db, c, 0), "outside_report_year"));
}

static council_id add_member(council_db *db, council_id council, const char *name, council_role role)
{
	council_member m;
	council_id id = 0;

	council_member_init(&m);
	m.council_id = council;
	m.name = name;
	m.role = role;
	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	return id;
}

/* A name variant is what the library could not settle (person_ambiguity),
 * not a guess of the view's own: names it settled as one person are no
 * finding, an initial fitting two full names is. */
static void test_name_variants(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Utenos rajono savivaldybės bendruomeninių organizacijų taryba");
	council_id karolis, kestutis, k;
	char want[160];
	seen *s;

	karolis = add_member(db, c, "Karolis Urbonas", COUNCIL_ROLE_CHAIR);
	kestutis = add_member(db, c, "Kęstutis Urbonas", COUNCIL_ROLE_MEMBER);
	k = add_member(db, c, "K. Urbonas", COUNCIL_ROLE_CHAIR);
	add_member(db, c, "Kęstučio Urbono", COUNCIL_ROLE_MEMBER);
	add_member(db, c, "Sarunas Zilinskas", COUNCIL_ROLE_MEMBER);
	add_member(db, c, "Šarūnas Žilinskas", COUNCIL_ROLE_MEMBER);
	add_member(db, c, "Rasa Jankauskienė", COUNCIL_ROLE_MEMBER);
	add_member(db, c, "Ramunė Jankauskienė", COUNCIL_ROLE_MEMBER);
	s = check(db, c, 0);
	snprintf(want, sizeof want, "name_variant|0|\"K. Urbonas\" and \"Karolis Urbonas\" may be one "
	         "person (initial)|member %lld, person ", (long long)k);
	assert_true(has(s, want));
	assert_true(has(s, "\"K. Urbonas\" and \"Kęstutis Urbonas\" may be one person (initial)"));
	/* settled as one person: no finding */
	assert_false(has(s, "Zilinskas"));
	assert_false(has(s, "Kęstučio"));
	assert_false(has(s, "Ramunė"));
	/* two names that may be one person in the chair are a name variant,
	 * not two chairs; two people are */
	assert_false(has(s, "several_chairs"));
	(void)karolis;
	tu_exec(db, "UPDATE member SET role = 'chair' WHERE name = 'Kęstutis Urbonas'");
	s = check(db, c, 0);
	snprintf(want, sizeof want, "several_chairs|0|Karolis Urbonas and Kęstutis Urbonas both chair at once|"
	         "member %lld, member %lld", (long long)karolis, (long long)kestutis);
	assert_true(has(s, want));
	assert_false(has(s, "K. Urbonas both chair"));
}

/* Offices at a time read the terms the documents give (member_term): a
 * chair of a 2022 report whom the 2023 report no longer names chair has
 * ended, so the chair of 2023 is no second one; two chairs of one report
 * are. */
static void test_offices_over_years(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Birštono savivaldybės bendruomeninių organizacijų taryba");
	council_id r22 = tu_add_source(db, "r/2022.txt"), r23 = tu_add_source(db, "r/2023.txt");
	static const char *const names[] = { "Jonas Jonaitis", "Ona Onaitė", "Petras Petraitis", "Rūta Rutkienė" };
	char sql[512];
	size_t i;
	seen *s;

	tu_exec(db, "UPDATE source_document SET kind = 'annual_report', report_year = 2022 WHERE path = 'r/2022.txt';"
	            "UPDATE source_document SET kind = 'annual_report', report_year = 2023 WHERE path = 'r/2023.txt'");
	for (i = 0; i < 4; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO member(council_id, name, role, side, source_id) VALUES "
		         "(%lld, '%s', '%s', 'community', %lld), (%lld, '%s', '%s', 'community', %lld)",
		         (long long)c, names[i], i == 0 ? "chair" : "member", (long long)r22,
		         (long long)c, names[i], i == 1 ? "chair" : "member", (long long)r23);
		tu_exec(db, sql);
	}
	assert_int_equal(cdb_people_settle(db, c), COUNCIL_OK);
	s = check(db, c, 0);
	assert_false(has(s, "several_chairs"));
	assert_false(has(s, "no_chair"));
	/* the 2022 chair ended in 2022 */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE name = 'Jonas Jonaitis' "
	                                "AND role = 'chair' AND date_to = '2022'"), 1);
	/* a second chair in the 2023 report: two at once, dated 2023 */
	tu_exec(db, "UPDATE member SET role = 'chair' WHERE name = 'Petras Petraitis' AND source_id = 2");
	s = check(db, c, 0);
	assert_true(has(s, "several_chairs|2023|Ona Onaitė and Petras Petraitis both chair at once"));
	assert_false(has(s, "Jonas Jonaitis and"));
	/* the composition is the lasting memberships, one per person: 4 */
	tu_exec(db, "UPDATE council SET size = 5");
	assert_true(has(check(db, c, 0), "members_vs_size|2023|4 members recorded, the council's size is 5"));
	(void)r23;
}

/* Every check council_check_kind lists is a part of the view, and every
 * kind the view can give is listed: the two stay one list. */
static void test_kinds_listed_once(void **state)
{
	council_db *db = *state;
	const char *kind, *what;
	size_t i, n = 0;
	char q[256];

	for (i = 0; (kind = council_check_kind(i, &what)) != NULL; i++, n++) {
		assert_non_null(what);
		snprintf(q, sizeof q, "SELECT instr(sql, '''%s''') > 0 FROM sqlite_schema WHERE name = 'findings'",
		         kind);
		assert_int_equal(tu_sql_int(db, q), 1);
	}
	assert_int_equal(n, 13);
	assert_null(council_check_kind(n, &what));
	assert_null(what);
	/* the view's own column comment lists them too (the CSV export's
	 * datapackage reads it) */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'findings'"), 1);
}

static void test_order_and_filter(void **state)
{
	council_db *db = *state;
	council_id z = tu_add_council(db, "Zarasų rajono savivaldybės bendruomeninių organizacijų taryba");
	council_id s2 = tu_add_council(db, "Šakių rajono savivaldybės bendruomeninių organizacijų taryba");
	council_filter f;
	seen s;

	tu_exec(db, "INSERT INTO member(council_id, name) VALUES (1, 'Ona Onaitė'), (2, 'Jonas Jonaitis')");
	(void)z;
	(void)s2;
	memset(&s, 0, sizeof s);
	council_filter_init(&f);
	assert_int_equal(council_check(db, &f, collect, &s), COUNCIL_OK);
	/* Lithuanian order: Š before Z */
	assert_true(strstr(s.text, "Šakių") < strstr(s.text, "Zarasų"));
	memset(&s, 0, sizeof s);
	f.limit = 1;
	assert_int_equal(council_check(db, &f, collect, &s), COUNCIL_OK);
	assert_int_equal(s.n, 1);
	f.limit = 0;
	f.council_id = 0;
	assert_int_equal(council_check(db, &f, collect, &s), COUNCIL_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_a_council_meeting_the_law_has_none),
		TU_BOTH(test_parity),
		TU_BOTH(test_terms_and_offices),
		TU_BOTH(test_size_and_seats),
		TU_BOTH(test_meetings_and_figures),
		TU_BOTH(test_participants_and_events),
		TU_BOTH(test_name_variants),
		TU_BOTH(test_offices_over_years),
		TU_BOTH(test_kinds_listed_once),
		TU_BOTH(test_order_and_filter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
