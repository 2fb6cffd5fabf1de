/* SPDX-License-Identifier: MIT */
/*
 * test_query.c -- the aggregate queries (meetings and participants per
 * year, participants per event, plan fulfilment), the list aliases, the
 * filter initialiser, and council_sql's read-only guard.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static council_id add_meeting(council_db *db, council_id council, const char *date,
                              council_format format)
{
	council_meeting m;
	council_id id;

	council_meeting_init(&m);
	m.council_id = council;
	m.date = tu_period(date);
	m.format = format;
	assert_int_equal(council_meeting_add(&id, db, &m), COUNCIL_OK);
	return id;
}

static void add_figure(council_db *db, council_id council, int year, council_metric metric,
                       int64_t value)
{
	council_figure f;

	council_figure_init(&f);
	f.council_id = council;
	f.year = year;
	f.metric = metric;
	f.value = value;
	assert_int_equal(council_figure_add(NULL, db, &f), COUNCIL_OK);
}

static council_id add_event(council_db *db, council_id council, const char *date)
{
	council_event e;
	council_id id;

	council_event_init(&e);
	e.council_id = council;
	e.title = (char *)date;
	e.date = tu_period(date);
	assert_int_equal(council_event_add(&id, db, &e), COUNCIL_OK);
	return id;
}

static void add_group(council_db *db, council_id event, int64_t count, council_qualifier q)
{
	council_participants p;

	council_participants_init(&p);
	p.event_id = event;
	p.count = count;
	p.qualifier = q;
	assert_int_equal(council_participants_add(NULL, db, &p), COUNCIL_OK);
}

/* ---- meetings per year --------------------------------------------------- */

struct years {
	char text[512];
	int stop_after;
	int rows;
};

static int meetings_row(void *ctx, const council_meetings_year *r)
{
	struct years *y = ctx;
	size_t n = strlen(y->text);

	snprintf(y->text + n, sizeof y->text - n, "%s/%d:%lld,%lld,%lld,%lld;", r->council, r->year,
	         (long long)r->meetings, (long long)r->remote, (long long)r->listed,
	         (long long)r->stated);
	return ++y->rows == y->stop_after ? 77 : 0;
}

static void test_meetings_per_year(void **state)
{
	council_db *db = *state;
	/* Lithuanian order: A < Š < T (bytes would put Š last). */
	council_id tel = tu_add_council(db, "Telšių r. BO taryba");
	council_id sia = tu_add_council(db, "Šiaulių r. BO taryba");
	council_id aly = tu_add_council(db, "Alytaus m. BO taryba");
	council_filter f;
	struct years y;

	/* Šiauliai 2021: a report states 3 (2 remote) and lists one meeting. */
	add_figure(db, sia, 2021, COUNCIL_METRIC_MEETINGS, 3);
	add_figure(db, sia, 2021, COUNCIL_METRIC_MEETINGS_REMOTE, 2);
	add_meeting(db, sia, "2021-03-04", COUNCIL_FORMAT_REMOTE);
	/* Šiauliai 2022: listed only. */
	add_meeting(db, sia, "2022-01", COUNCIL_FORMAT_IN_PERSON);
	add_meeting(db, sia, "2022-05-05", COUNCIL_FORMAT_REMOTE);
	/* Telšiai 2023: lists more than it states. */
	add_figure(db, tel, 2023, COUNCIL_METRIC_MEETINGS, 1);
	add_meeting(db, tel, "2023-02-01", COUNCIL_FORMAT_UNKNOWN);
	add_meeting(db, tel, "2023-09-01", COUNCIL_FORMAT_UNKNOWN);
	/* Alytus 2020: a figure that is not about meetings adds no row. */
	add_figure(db, aly, 2020, COUNCIL_METRIC_EVENTS, 9);
	add_meeting(db, aly, "2019", COUNCIL_FORMAT_UNKNOWN);
	/* Alytus 2021: only a remote count is stated; Telšiai 2024: only a
	 * count, nothing listed. */
	add_figure(db, aly, 2021, COUNCIL_METRIC_MEETINGS_REMOTE, 1);
	add_figure(db, tel, 2024, COUNCIL_METRIC_MEETINGS, 4);

	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_meetings_per_year(db, NULL, meetings_row, &y), COUNCIL_OK);
	assert_string_equal(y.text,
	                    "Alytaus m. BO taryba/2019:1,0,1,-1;"
	                    "Alytaus m. BO taryba/2021:0,1,0,-1;"
	                    "Šiaulių r. BO taryba/2021:3,2,1,3;"
	                    "Šiaulių r. BO taryba/2022:2,1,2,-1;"
	                    "Telšių r. BO taryba/2023:2,0,2,1;"
	                    "Telšių r. BO taryba/2024:4,0,0,4;");
	/* The library reads the public view: sqlite3 users see the same rows. */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meetings_per_year"), y.rows);
	/* With a council the library runs its own SQL (lib/query.c): each
	 * council's rows are the view's rows of that council. */
	{
		static const char *const want[] = {
			"Telšių r. BO taryba/2023:2,0,2,1;Telšių r. BO taryba/2024:4,0,0,4;",
			"Šiaulių r. BO taryba/2021:3,2,1,3;Šiaulių r. BO taryba/2022:2,1,2,-1;",
			"Alytaus m. BO taryba/2019:1,0,1,-1;Alytaus m. BO taryba/2021:0,1,0,-1;",
		};
		const council_id ids[] = { tel, sia, aly };
		size_t k;
		for (k = 0; k < 3; k++) {
			council_filter_init(&f);
			f.council_id = ids[k];
			memset(&y, 0, sizeof y);
			assert_int_equal(council_query_meetings_per_year(db, &f, meetings_row, &y), COUNCIL_OK);
			assert_string_equal(y.text, want[k]);
		}
	}

	council_filter_init(&f);
	f.council_id = sia;
	f.year_from = 2022;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_meetings_per_year(db, &f, meetings_row, &y), COUNCIL_OK);
	assert_string_equal(y.text, "Šiaulių r. BO taryba/2022:2,1,2,-1;");

	council_filter_init(&f);
	f.year_to = 2021;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_meetings_per_year(db, &f, meetings_row, &y), COUNCIL_OK);
	assert_string_equal(y.text, "Alytaus m. BO taryba/2019:1,0,1,-1;"
	                            "Alytaus m. BO taryba/2021:0,1,0,-1;"
	                            "Šiaulių r. BO taryba/2021:3,2,1,3;");

	memset(&y, 0, sizeof y);
	y.stop_after = 2;
	assert_int_equal(council_query_meetings_per_year(db, NULL, meetings_row, &y), 77);
	assert_int_equal(y.rows, 2);
	(void)tel;
}

/* Each library row checked against the view's row of its council and
 * year; the number of rows against the view's. */
struct view_check {
	council_db *db;
	int rows;
};

static int meetings_like_view(void *ctx, const council_meetings_year *r)
{
	struct view_check *v = ctx;
	char sql[400];

	snprintf(sql, sizeof sql, "SELECT meetings * 1000000 + remote * 10000 + meetings_listed * 100 "
	         "+ coalesce(meetings_stated, 99) FROM meetings_per_year WHERE council_id = %lld "
	         "AND year = %d", (long long)r->council_id, r->year);
	assert_int_equal(tu_sql_int(v->db, sql),
	                 r->meetings * 1000000 + r->remote * 10000 + r->listed * 100 +
	                 (r->stated >= 0 ? r->stated : 99));
	v->rows++;
	return 0;
}

static void test_meetings_per_year_documents(void **state)
{
	council_db *db = *state;
	council_id a = tu_add_council(db, "Alytaus m. BO taryba");
	council_id b = tu_add_council(db, "Birštono sav. BO taryba");
	council_id s1 = tu_add_source(db, "/tmp/q-one.txt");
	council_id s2 = tu_add_source(db, "/tmp/q-two.txt");
	council_id s3 = tu_add_source(db, "/tmp/q-three.txt");
	council_id m[8];
	council_filter f;
	struct view_check v;
	char sql[300];
	int k;

	/* Alytus 2021: the first document lists five meetings (two remote)
	 * and states 5; the second lists three of them (record_source) and
	 * two of its own, and states 6; one meeting entered by hand. */
	for (k = 0; k < 5; k++) {
		char date[16];
		snprintf(date, sizeof date, "2021-0%d-10", k + 1);
		m[k] = add_meeting(db, a, date, k < 2 ? COUNCIL_FORMAT_REMOTE : COUNCIL_FORMAT_IN_PERSON);
	}
	m[5] = add_meeting(db, a, "2021-07-01", COUNCIL_FORMAT_REMOTE);
	m[6] = add_meeting(db, a, "2021-08-01", COUNCIL_FORMAT_IN_PERSON);
	m[7] = add_meeting(db, a, "2021-09-01", COUNCIL_FORMAT_REMOTE);
	snprintf(sql, sizeof sql, "UPDATE meeting SET source_id = %lld WHERE id BETWEEN %lld AND %lld",
	         (long long)s1, (long long)m[0], (long long)m[4]);
	tu_exec(db, sql);
	snprintf(sql, sizeof sql, "UPDATE meeting SET source_id = %lld WHERE id IN (%lld, %lld)",
	         (long long)s2, (long long)m[5], (long long)m[6]);
	tu_exec(db, sql);
	snprintf(sql, sizeof sql, "INSERT INTO record_source(table_name, record_id, source_id) "
	         "SELECT 'meeting', id, %lld FROM meeting WHERE id BETWEEN %lld AND %lld",
	         (long long)s2, (long long)m[0], (long long)m[2]);
	tu_exec(db, sql);
	add_figure(db, a, 2021, COUNCIL_METRIC_MEETINGS, 5);
	add_figure(db, a, 2021, COUNCIL_METRIC_MEETINGS, 6);
	add_figure(db, a, 2021, COUNCIL_METRIC_MEETINGS_REMOTE, 1);
	snprintf(sql, sizeof sql, "UPDATE reported_figure SET source_id = CASE value WHEN 5 THEN %lld "
	         "ELSE %lld END WHERE council_id = %lld", (long long)s1, (long long)s2, (long long)a);
	tu_exec(db, sql);
	/* Alytus 2022: a document lists two, nothing stated. */
	add_meeting(db, a, "2022-02-02", COUNCIL_FORMAT_IN_PERSON);
	add_meeting(db, a, "2022-03-03", COUNCIL_FORMAT_REMOTE);
	snprintf(sql, sizeof sql, "UPDATE meeting SET source_id = %lld WHERE year = 2022",
	         (long long)s1);
	tu_exec(db, sql);
	/* Birštonas 2023: a document lists four remote ones and states 2;
	 * 2024: only a remote count stated. */
	for (k = 0; k < 4; k++) {
		char date[16];
		snprintf(date, sizeof date, "2023-0%d-01", k + 5);
		add_meeting(db, b, date, COUNCIL_FORMAT_REMOTE);
	}
	snprintf(sql, sizeof sql, "UPDATE meeting SET source_id = %lld WHERE council_id = %lld",
	         (long long)s3, (long long)b);
	tu_exec(db, sql);
	add_figure(db, b, 2023, COUNCIL_METRIC_MEETINGS, 2);
	add_figure(db, b, 2024, COUNCIL_METRIC_MEETINGS_REMOTE, 3);

	/* Every row as the view has it, all councils and each alone, and the
	 * numbers this data was built for. */
	memset(&v, 0, sizeof v);
	v.db = db;
	assert_int_equal(council_query_meetings_per_year(db, NULL, meetings_like_view, &v), COUNCIL_OK);
	assert_int_equal(v.rows, 4);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meetings_per_year"), 4);
	council_filter_init(&f);
	f.council_id = a;
	v.rows = 0;
	assert_int_equal(council_query_meetings_per_year(db, &f, meetings_like_view, &v), COUNCIL_OK);
	assert_int_equal(v.rows, 2);
	f.council_id = b;
	v.rows = 0;
	assert_int_equal(council_query_meetings_per_year(db, &f, meetings_like_view, &v), COUNCIL_OK);
	assert_int_equal(v.rows, 2);
	/* Alytus 2021: stated 6 (the larger), the second document's five
	 * beside the hand-entered one make 6 too; remote: stated 1, the
	 * most one document lists remote is 3 (the second: two of the
	 * first's and one of its own), plus 1 by hand. */
	snprintf(sql, sizeof sql, "SELECT meetings * 100 + remote FROM meetings_per_year "
	         "WHERE council_id = %lld AND year = 2021", (long long)a);
	assert_int_equal(tu_sql_int(db, sql), 604);
	snprintf(sql, sizeof sql, "SELECT meetings * 100 + remote FROM meetings_per_year "
	         "WHERE council_id = %lld AND year = 2023", (long long)b);
	assert_int_equal(tu_sql_int(db, sql), 404);
}

/* ---- participants per event ---------------------------------------------- */

static int event_row(void *ctx, const council_event_total *r)
{
	struct years *y = ctx;
	size_t n = strlen(y->text);
	char date[COUNCIL_DATE_BUFSIZE];

	snprintf(y->text + n, sizeof y->text - n, "%s/%s:%lld%s,%lld;", r->council,
	         council_date_format(date, &r->date.start), (long long)r->participants,
	         r->participants >= 0 ? council_enum_name(COUNCIL_ENUM_QUALIFIER, (int)r->qualifier) : "",
	         (long long)r->groups);
	return ++y->rows == y->stop_after ? 78 : 0;
}

static void test_participants_per_event(void **state)
{
	council_db *db = *state;
	council_id kau = tu_add_council(db, "Kauno m. NVO taryba");
	council_id bir = tu_add_council(db, "Biržų r. BO taryba");
	council_id e;
	council_filter f;
	struct years y;

	add_event(db, kau, "2021-06");                      /* no groups */
	e = add_event(db, kau, "2021-03-01");               /* 11 + 3 exact */
	add_group(db, e, 11, COUNCIL_QUAL_EXACT);
	add_group(db, e, 3, COUNCIL_QUAL_EXACT);
	e = add_event(db, kau, "2022-01-10");               /* exact + at least */
	add_group(db, e, 20, COUNCIL_QUAL_EXACT);
	add_group(db, e, 5, COUNCIL_QUAL_AT_LEAST);
	e = add_event(db, bir, "2021-05-05..2021-05-06");   /* one "more than" group */
	add_group(db, e, 50, COUNCIL_QUAL_MORE_THAN);
	e = add_event(db, bir, "2022");                     /* about wins over at least */
	add_group(db, e, 40, COUNCIL_QUAL_ABOUT);
	add_group(db, e, 2, COUNCIL_QUAL_MORE_THAN);

	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_participants_per_event(db, NULL, event_row, &y), COUNCIL_OK);
	assert_string_equal(y.text,
	                    "Biržų r. BO taryba/2021-05-05:50more_than,1;"
	                    "Biržų r. BO taryba/2022:42about,2;"
	                    "Kauno m. NVO taryba/2021-03-01:14exact,2;"
	                    "Kauno m. NVO taryba/2021-06:-1,0;"
	                    "Kauno m. NVO taryba/2022-01-10:25at_least,2;");
	/* Same sums and qualifiers as the public view. */
	assert_int_equal(tu_sql_int(db, "SELECT sum(participants) FROM events_overview"), 131);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM events_overview WHERE qualifier = 'about'"), 1);

	council_filter_init(&f);
	f.council_id = kau;
	f.year_from = 2021;
	f.year_to = 2021;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_participants_per_event(db, &f, event_row, &y), COUNCIL_OK);
	assert_string_equal(y.text, "Kauno m. NVO taryba/2021-03-01:14exact,2;"
	                            "Kauno m. NVO taryba/2021-06:-1,0;");

	council_filter_init(&f);
	f.range = tu_period("2021-05-06..2021-06-01");
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_participants_per_event(db, &f, event_row, &y), COUNCIL_OK);
	assert_string_equal(y.text, "Biržų r. BO taryba/2021-05-05:50more_than,1;"
	                            "Kauno m. NVO taryba/2021-06:-1,0;");

	council_filter_init(&f);
	f.limit = 1;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_participants_per_event(db, &f, event_row, &y), COUNCIL_OK);
	assert_int_equal(y.rows, 1);

	memset(&y, 0, sizeof y);
	y.stop_after = 3;
	assert_int_equal(council_query_participants_per_event(db, NULL, event_row, &y), 78);
	assert_int_equal(y.rows, 3);

	council_filter_init(&f);
	f.range.start = (council_date){ 2021, 13, 0 };
	tu_assert_error(db, council_query_participants_per_event(db, &f, event_row, &y),
	                COUNCIL_EINVAL, "filter.range");
}

/* ---- participants per year ----------------------------------------------- */

static int year_row(void *ctx, const council_participants_year *r)
{
	struct years *y = ctx;
	size_t n = strlen(y->text);

	snprintf(y->text + n, sizeof y->text - n, "%s/%d:%lld,%lld,%lld;", r->council, r->year,
	         (long long)r->events, (long long)r->counted, (long long)r->participants);
	return ++y->rows == y->stop_after ? 79 : 0;
}

static void test_participants_per_year(void **state)
{
	council_db *db = *state;
	council_id zar = tu_add_council(db, "Zarasų r. BO taryba");
	council_id eis = tu_add_council(db, "Ėmimo taryba");
	council_id e;
	council_filter f;
	struct years y;

	e = add_event(db, zar, "2021-01-01");
	add_group(db, e, 10, COUNCIL_QUAL_EXACT);
	add_group(db, e, 5, COUNCIL_QUAL_ABOUT);
	e = add_event(db, zar, "2021-02-01");
	add_group(db, e, 7, COUNCIL_QUAL_EXACT);
	add_event(db, zar, "2021-03");
	add_event(db, zar, "2022");
	e = add_event(db, eis, "2022-04-04");
	add_group(db, e, 30, COUNCIL_QUAL_AT_LEAST);

	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_participants_per_year(db, NULL, year_row, &y), COUNCIL_OK);
	/* Ė comes after E and before Z in Lithuanian order. */
	assert_string_equal(y.text, "Ėmimo taryba/2022:1,1,30;"
	                            "Zarasų r. BO taryba/2021:3,2,22;"
	                            "Zarasų r. BO taryba/2022:1,0,0;");

	council_filter_init(&f);
	f.council_id = zar;
	f.year_from = 2022;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_participants_per_year(db, &f, year_row, &y), COUNCIL_OK);
	assert_string_equal(y.text, "Zarasų r. BO taryba/2022:1,0,0;");

	council_filter_init(&f);
	f.year_to = 2021;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_participants_per_year(db, &f, year_row, &y), COUNCIL_OK);
	assert_string_equal(y.text, "Zarasų r. BO taryba/2021:3,2,22;");

	memset(&y, 0, sizeof y);
	y.stop_after = 1;
	assert_int_equal(council_query_participants_per_year(db, NULL, year_row, &y), 79);
	assert_int_equal(y.rows, 1);
}

/* ---- list aliases -------------------------------------------------------- */

static int collect_event(void *ctx, const council_event *r)
{
	return tu_ids_push(ctx, r->id);
}

static int collect_member(void *ctx, const council_member *r)
{
	return tu_ids_push(ctx, r->id);
}

static void test_events_in_range(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Taryba");
	council_id a = add_event(db, c, "2024-01-15"), b = add_event(db, c, "2024-02");
	council_filter f;
	tu_ids t = { .n = 0 };

	add_event(db, c, "2024-03-01");
	council_filter_init(&f);
	f.range = tu_period("2024-01-15..2024-02-01");
	assert_int_equal(council_query_events_in_range(db, &f, collect_event, &t), COUNCIL_OK);
	TU_IDS(&t, a, b);
	council_filter_init(&f);
	tu_assert_error(db, council_query_events_in_range(db, &f, collect_event, &t),
	                COUNCIL_EINVAL, "filter.range: required");
	tu_assert_error(db, council_query_events_in_range(db, NULL, collect_event, &t),
	                COUNCIL_EINVAL, "filter.range: required");
}

static council_id add_member(council_db *db, council_id council, const char *name,
                             council_role role)
{
	council_member m;
	council_id id;

	council_member_init(&m);
	m.council_id = council;
	m.name = (char *)name;
	m.role = role;
	assert_int_equal(council_member_add(&id, db, &m), COUNCIL_OK);
	return id;
}

static void test_members_by_role(void **state)
{
	council_db *db = *state;
	council_id c1 = tu_add_council(db, "Pirma"), c2 = tu_add_council(db, "Antra");
	council_id chair1 = add_member(db, c1, "Ona", COUNCIL_ROLE_CHAIR);
	council_id chair2 = add_member(db, c2, "Aras", COUNCIL_ROLE_CHAIR);
	council_filter f;
	tu_ids t = { .n = 0 };

	add_member(db, c1, "Jonas", COUNCIL_ROLE_MEMBER);
	add_member(db, c1, "Rasa", COUNCIL_ROLE_DEPUTY);
	council_filter_init(&f);
	f.role = COUNCIL_ROLE_CHAIR;
	assert_int_equal(council_query_members_by_role(db, &f, collect_member, &t), COUNCIL_OK);
	TU_IDS(&t, chair1, chair2);
	f.council_id = c2;
	t.n = 0;
	assert_int_equal(council_query_members_by_role(db, &f, collect_member, &t), COUNCIL_OK);
	TU_IDS(&t, chair2);
	council_filter_init(&f);
	tu_assert_error(db, council_query_members_by_role(db, &f, collect_member, &t),
	                COUNCIL_EINVAL, "filter.role: required");
	f.role = 4;
	tu_assert_error(db, council_query_members_by_role(db, &f, collect_member, &t),
	                COUNCIL_EINVAL, "filter.role: 4 is not a valid value");
}

/* ---- fulfilment ---------------------------------------------------------- */

static int fulfilment_row(void *ctx, const council_fulfilment_row *r)
{
	struct years *y = ctx;
	size_t n = strlen(y->text);

	snprintf(y->text + n, sizeof y->text - n, "%d.%s/%d:%s;", r->seq, r->measure, r->year,
	         r->text ? r->text : "-");
	return ++y->rows == y->stop_after ? 80 : 0;
}

static void test_fulfilment(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Taryba"), other = tu_add_council(db, "Kita");
	council_plan p;
	council_measure m;
	council_fulfilment fl;
	council_id plan, empty, ids[3];
	council_filter f;
	struct years y;
	int i;

	council_plan_init(&p);
	p.council_id = c;
	p.title = (char *)"Planas";
	assert_int_equal(council_plan_add(&plan, db, &p), COUNCIL_OK);
	assert_int_equal(council_plan_add(&empty, db, &p), COUNCIL_OK);
	/* Added out of order: rows come by seq. */
	for (i = 0; i < 3; i++) {
		static const char *const names[] = { "C", "A", "B" };
		static const int seqs[] = { 3, 1, 2 };
		council_measure_init(&m);
		m.plan_id = plan;
		m.seq = seqs[i];
		m.name = (char *)names[i];
		assert_int_equal(council_measure_add(&ids[i], db, &m), COUNCIL_OK);
	}
	council_fulfilment_init(&fl);
	fl.measure_id = ids[1];
	fl.year = 2024;
	fl.text = (char *)"a24";
	assert_int_equal(council_fulfilment_add(NULL, db, &fl), COUNCIL_OK);
	fl.year = 2023;
	fl.text = (char *)"a23";
	assert_int_equal(council_fulfilment_add(NULL, db, &fl), COUNCIL_OK);
	fl.measure_id = ids[2];
	fl.text = (char *)"b23";
	assert_int_equal(council_fulfilment_add(NULL, db, &fl), COUNCIL_OK);

	council_filter_init(&f);
	f.parent_id = plan;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_fulfilment(db, &f, fulfilment_row, &y), COUNCIL_OK);
	assert_string_equal(y.text, "1.A/2023:a23;1.A/2024:a24;2.B/2023:b23;2.B/2024:-;"
	                            "3.C/2023:-;3.C/2024:-;");

	f.year_from = 2024;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_fulfilment(db, &f, fulfilment_row, &y), COUNCIL_OK);
	assert_string_equal(y.text, "1.A/2024:a24;2.B/2024:-;3.C/2024:-;");

	f.year_from = 0;
	f.year_to = 2023;
	f.council_id = c;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_fulfilment(db, &f, fulfilment_row, &y), COUNCIL_OK);
	assert_string_equal(y.text, "1.A/2023:a23;2.B/2023:b23;3.C/2023:-;");

	/* The plan is not that council's: nothing. */
	f.council_id = other;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_fulfilment(db, &f, fulfilment_row, &y), COUNCIL_OK);
	assert_int_equal(y.rows, 0);

	council_filter_init(&f);
	f.parent_id = empty;
	memset(&y, 0, sizeof y);
	assert_int_equal(council_query_fulfilment(db, &f, fulfilment_row, &y), COUNCIL_OK);
	assert_int_equal(y.rows, 0);

	f.parent_id = plan;
	memset(&y, 0, sizeof y);
	y.stop_after = 2;
	assert_int_equal(council_query_fulfilment(db, &f, fulfilment_row, &y), 80);
	assert_int_equal(y.rows, 2);

	council_filter_init(&f);
	tu_assert_error(db, council_query_fulfilment(db, &f, fulfilment_row, &y), COUNCIL_EINVAL,
	                "filter.parent_id: required");
	tu_assert_error(db, council_query_fulfilment(db, NULL, fulfilment_row, &y), COUNCIL_EINVAL,
	                "filter.parent_id: required");
	f.parent_id = 99;
	tu_assert_error(db, council_query_fulfilment(db, &f, fulfilment_row, &y), COUNCIL_ENOTFOUND,
	                "filter.parent_id: no plan with id 99");
}

/* ---- council_sql --------------------------------------------------------- */

struct sql_rows {
	int rows, ncol;
	char text[512];
	int stop_after;
};

static int sql_row(void *ctx, int ncol, const char *const *names, const char *const *values,
                   const int *types)
{
	struct sql_rows *s = ctx;
	int i;

	s->ncol = ncol;
	for (i = 0; i < ncol; i++) {
		size_t n = strlen(s->text);
		snprintf(s->text + n, sizeof s->text - n, "%s=%s(%d)%s", names[i],
		         values[i] ? values[i] : "NULL", types[i], i + 1 < ncol ? "," : ";");
	}
	return ++s->rows == s->stop_after ? 81 : 0;
}

static void test_sql(void **state)
{
	static const char five[] =
		"WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 5) "
		"SELECT v FROM n";
	council_db *db = *state;
	struct sql_rows s;

	tu_add_council(db, "Taryba");
	memset(&s, 0, sizeof s);
	assert_int_equal(council_sql(db, "SELECT id, name, size, 1.5 AS r FROM council", sql_row, &s),
	                 COUNCIL_OK);
	assert_int_equal(s.rows, 1);
	assert_int_equal(s.ncol, 4);
	assert_string_equal(s.text, "id=1(1),name=Taryba(3),size=NULL(5),r=1.5(2);");

	/* Trailing blanks, comments and semicolons are not a second statement. */
	memset(&s, 0, sizeof s);
	assert_int_equal(council_sql(db, "SELECT 2 AS x; -- done\n /* really */ ;  ", sql_row, &s),
	                 COUNCIL_OK);
	assert_string_equal(s.text, "x=2(1);");

	/* Reporting pragmas are reads. */
	memset(&s, 0, sizeof s);
	assert_int_equal(council_sql(db, "PRAGMA table_info(council)", sql_row, &s), COUNCIL_OK);
	assert_true(s.rows >= 9);
	memset(&s, 0, sizeof s);
	assert_int_equal(council_sql(db, "PRAGMA foreign_keys", sql_row, &s), COUNCIL_OK);
	assert_string_equal(s.text, "foreign_keys=1(1);");

	memset(&s, 0, sizeof s);
	assert_int_equal(council_sql(db, five, sql_row, &s), COUNCIL_OK);
	assert_int_equal(s.rows, 5);
	memset(&s, 0, sizeof s);
	s.stop_after = 2;
	assert_int_equal(council_sql(db, five, sql_row, &s), 81);
	assert_int_equal(s.rows, 2);

	/* A statement that fails while running reports SQLite's reason after
	 * the rows it produced. */
	memset(&s, 0, sizeof s);
	tu_assert_error(db, council_sql(db, "SELECT 1 UNION ALL SELECT abs(-9223372036854775807 - 1)",
	                                sql_row, &s), COUNCIL_ERROR, "sql: integer overflow");

	/* An empty result still succeeds without calling back. */
	memset(&s, 0, sizeof s);
	assert_int_equal(council_sql(db, "SELECT * FROM member", sql_row, &s), COUNCIL_OK);
	assert_int_equal(s.rows, 0);
}

static const struct refused {
	const char *sql;
	int code;
	const char *msg;
} refused[] = {
	{ "INSERT INTO council(name) VALUES ('X')", COUNCIL_EREADONLY, "would change the database" },
	{ "DELETE FROM council", COUNCIL_EREADONLY, "would change the database" },
	{ "UPDATE council SET name = 'Y'", COUNCIL_EREADONLY, "would change the database" },
	{ "CREATE TABLE t(x)", COUNCIL_EREADONLY, "would change the database" },
	{ "DROP VIEW meetings_per_year", COUNCIL_EREADONLY, "would change the database" },
	{ "PRAGMA user_version = 5", COUNCIL_EREADONLY, "PRAGMA that sets a value" },
	{ "PRAGMA foreign_keys = OFF", COUNCIL_EREADONLY, "PRAGMA that sets a value" },
	{ "PRAGMA query_only = 0", COUNCIL_EREADONLY, "PRAGMA that sets a value" },
	{ "BEGIN", COUNCIL_EREADONLY, "transaction control" },
	{ "COMMIT", COUNCIL_EREADONLY, "transaction control" },
	{ "SAVEPOINT x", COUNCIL_EREADONLY, "SAVEPOINT" },
	{ "ATTACH ':memory:' AS other", COUNCIL_EREADONLY, "ATTACH" },
	{ "DETACH main", COUNCIL_EREADONLY, "DETACH" },
	{ "REINDEX", COUNCIL_EREADONLY, "REINDEX" },
	{ "VACUUM", COUNCIL_EREADONLY, "would change the database" },
	{ "SELECT 1; SELECT 2", COUNCIL_EINVAL, "only one statement" },
	{ "SELECT 1; DELETE FROM council", COUNCIL_EINVAL, "only one statement" },
	{ "", COUNCIL_EINVAL, "no statement" },
	{ "  -- nothing\n", COUNCIL_EINVAL, "no statement" },
	{ "SELEKT 1", COUNCIL_EINVAL, "syntax error" },
	{ "SELECT * FROM nowhere", COUNCIL_EINVAL, "no such table: nowhere" },
};

static void test_sql_refused(void **state)
{
	council_db *db = *state;
	struct sql_rows s;
	size_t i;

	tu_add_council(db, "Taryba");
	memset(&s, 0, sizeof s);
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++)
		tu_assert_error(db, council_sql(db, refused[i].sql, sql_row, &s), refused[i].code,
		                refused[i].msg);
	assert_int_equal(s.rows, 0);
	/* Nothing changed: the row, the schema version, foreign keys, and the
	 * transaction state (a commit now has nothing to commit). */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council WHERE name = 'Taryba'"), 1);
	assert_int_equal(tu_sql_int(db, "PRAGMA user_version"), council_schema_latest());
	assert_int_equal(tu_sql_int(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(council_commit(db), COUNCIL_EMISUSE);
	tu_assert_error(db, council_sql(db, NULL, sql_row, &s), COUNCIL_EINVAL, "no statement");
	tu_assert_error(db, council_sql(db, "SELECT 1", NULL, NULL), COUNCIL_EINVAL, "no callback");
}

static void test_sql_on_readonly_handle(void **state)
{
	council_db *db = *state, *ro = NULL;
	struct sql_rows s;
	char path[512];

	tu_add_council(db, "Taryba");
	snprintf(path, sizeof path, "%s", tu_db_path());
	assert_int_equal(council_open(&ro, path, COUNCIL_OPEN_READONLY), COUNCIL_OK);
	memset(&s, 0, sizeof s);
	assert_int_equal(council_sql(ro, "SELECT name FROM council", sql_row, &s), COUNCIL_OK);
	assert_string_equal(s.text, "name=Taryba(3);");
	tu_assert_error(ro, council_sql(ro, "DELETE FROM council", sql_row, &s), COUNCIL_EREADONLY,
	                "would change the database");
	council_close(ro);
}

/* ---- filter and misuse --------------------------------------------------- */

static void test_filter_init(void **state)
{
	council_filter f;

	(void)state;
	memset(&f, 0x5a, sizeof f);
	council_filter_init(&f);
	/* 0 is what a failed call leaves in an id: "all" must be explicit */
	assert_int_equal(f.council_id, COUNCIL_ALL);
	assert_int_equal(f.parent_id, COUNCIL_ALL);
	assert_int_equal(f.source_id, COUNCIL_ALL);
	assert_int_equal(f.year_from, 0);
	assert_int_equal(f.year_to, 0);
	/* role 0 is a real role (member): "any" must be -1 */
	assert_int_equal(f.role, -1);
	assert_int_equal(f.range.start.year, 0);
	assert_int_equal(f.range.end.year, 0);
	assert_int_equal(f.limit, 0);
}

static void test_misuse(void **state)
{
	council_db *closed = tu_closed_handle();
	council_db *handles[] = { NULL, closed };
	council_filter f;
	struct years y;
	struct sql_rows s;
	tu_ids t = { .n = 0 };
	size_t i;

	(void)state;
	council_filter_init(&f);
	f.parent_id = 1;
	f.role = 0;
	f.range = tu_period("2024");
	memset(&y, 0, sizeof y);
	memset(&s, 0, sizeof s);
	for (i = 0; i < 2; i++) {
		council_db *db = handles[i];
		assert_int_equal(council_query_meetings_per_year(db, &f, meetings_row, &y), COUNCIL_EMISUSE);
		assert_int_equal(council_query_participants_per_event(db, &f, event_row, &y), COUNCIL_EMISUSE);
		assert_int_equal(council_query_participants_per_year(db, &f, year_row, &y), COUNCIL_EMISUSE);
		assert_int_equal(council_query_events_in_range(db, &f, collect_event, &t), COUNCIL_EMISUSE);
		assert_int_equal(council_query_fulfilment(db, &f, fulfilment_row, &y), COUNCIL_EMISUSE);
		assert_int_equal(council_query_members_by_role(db, &f, collect_member, &t), COUNCIL_EMISUSE);
		assert_int_equal(council_sql(db, "SELECT 1", sql_row, &s), COUNCIL_EMISUSE);
	}
	assert_int_equal(y.rows + s.rows + (int)t.n, 0);
	council_close(closed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_meetings_per_year),
		TU_BOTH(test_meetings_per_year_documents),
		TU_BOTH(test_participants_per_event),
		TU_BOTH(test_participants_per_year),
		TU_BOTH(test_events_in_range),
		TU_BOTH(test_members_by_role),
		TU_BOTH(test_fulfilment),
		TU_BOTH(test_sql),
		TU_BOTH(test_sql_refused),
		cmocka_unit_test_setup_teardown(test_sql_on_readonly_handle, tu_setup_file, tu_teardown),
		cmocka_unit_test(test_filter_init),
		cmocka_unit_test(test_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
