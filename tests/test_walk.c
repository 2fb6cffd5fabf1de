/* SPDX-License-Identifier: MIT */
/*
 * test_walk.c -- walking an extraction without JSON (lib/import/walk.c):
 * exact values on a known reviewed extraction, and on every fixture report
 * the walk agrees record by record with the JSON form of the same
 * extraction, which test_extraction.c and the gold tests already trust.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "testutil.h"

static const char *good =
	"{\"format\": \"libcouncil-extraction/1\","
	" \"source\": {\"path\": \"reports/x.txt\", \"kind\": \"annual_report\", \"report_year\": 2021,"
	"              \"doc_number\": \"B28-2-1\", \"doc_date\": \"2022-02-18\"},"
	" \"council\": {\"name\": \"Kauno miesto savivaldybės bendruomeninių organizacijų taryba\","
	"               \"municipality\": \"Kauno miesto savivaldybė\", \"kind\": \"BO\", \"size\": 22,"
	"               \"seats_municipality\": 11, \"seats_community\": 11},"
	" \"plan\": {\"title\": \"2023–2025 m. veiklos planas\", \"year_from\": 2023, \"year_to\": 2025},"
	" \"members\": [{\"name\": \"Jonas Marcinkus\", \"role\": \"chair\", \"represents\": \"asociacija\"}],"
	" \"meetings\": [{\"date\": \"2021-03-01\", \"format\": \"remote\", \"platform\": \"Zoom\"}],"
	" \"figures\": [{\"year\": 2021, \"metric\": \"meetings\", \"value\": 3, \"qualifier\": \"exact\"}],"
	" \"measures\": [{\"seq\": 1, \"name\": \"Analizė\", \"responsible\": [\"A skyrius\", \"B skyrius\"],"
	"                 \"fulfilment\": \"Atlikta.\"},"
	"                {\"seq\": 2, \"name\": \"Mokymai\"}],"
	" \"events\": [{\"title\": \"seminaras „Ž“\", \"kind\": \"seminar\", \"date\": \"2021-05-16..2021-05-17\","
	"               \"remote\": true, \"measures\": [1, 2],"
	"               \"participants\": [{\"count\": 11, \"qualifier\": \"exact\", \"group\": \"BO tarybos nariai\"},"
	"                                  {\"count\": 3, \"qualifier\": \"more_than\", \"group\": null}],"
	"               \"span\": {\"line\": 7, \"start\": 100, \"end\": 180, \"text\": \"seminaras\"}},"
	"              {\"title\": \"forumas\", \"kind\": \"forum\", \"date\": \"2021-09\","
	"               \"participants\": [{\"count\": 40, \"qualifier\": \"about\", \"group\": null}]}],"
	" \"acts\": [{\"number\": \"T-55\", \"date\": \"2019-02-26\", \"effect\": \"approves_rules\"}]}";

static void test_known_values(void **state)
{
	council_extraction *x = NULL;
	council_source src;
	council_council c;
	council_member m;
	council_meeting mt;
	council_figure f;
	council_plan p;
	council_measure ms;
	council_fulfilment fu;
	council_event e;
	council_participants g;
	council_act a;
	council_span sp;
	const int *seqs;
	size_t n;

	(void)state;
	assert_int_equal(council_import_parse_json(&x, "in.json", good, strlen(good)), COUNCIL_OK);
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_COUNCIL), 1);
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_PLAN), 1);
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_MEASURE), 2);
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_FULFILMENT), 1);
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_EVENT), 2);
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_PARTICIPANTS), 3);

	/* The reviewed document's path, not the JSON file's. */
	assert_int_equal(council_extraction_source(&src, x), COUNCIL_OK);
	assert_string_equal(src.path, "reports/x.txt");
	assert_int_equal(src.kind, COUNCIL_SOURCE_ANNUAL_REPORT);
	assert_int_equal(src.report_year, 2021);
	assert_string_equal(src.doc_number, "B28-2-1");
	tu_assert_date(&src.doc_date, "2022-02-18");
	assert_null(src.sha256);

	assert_int_equal(council_extraction_council(&c, NULL, x, 0), COUNCIL_OK);
	assert_string_equal(c.municipality, "Kauno miesto savivaldybė");
	assert_int_equal(c.size, 22);
	assert_int_equal(c.seats_community, 11);
	assert_int_equal(c.id, 0);

	assert_int_equal(council_extraction_member(&m, NULL, x, 0), COUNCIL_OK);
	assert_string_equal(m.name, "Jonas Marcinkus");
	assert_int_equal(m.role, COUNCIL_ROLE_CHAIR);
	assert_int_equal(m.council_id, 0);

	assert_int_equal(council_extraction_meeting(&mt, NULL, x, 0), COUNCIL_OK);
	assert_int_equal(mt.format, COUNCIL_FORMAT_REMOTE);
	assert_string_equal(mt.platform, "Zoom");
	tu_assert_date(&mt.date.start, "2021-03-01");

	assert_int_equal(council_extraction_figure(&f, NULL, x, 0), COUNCIL_OK);
	assert_int_equal(f.value, 3);
	assert_int_equal(f.metric, COUNCIL_METRIC_MEETINGS);

	assert_int_equal(council_extraction_plan(&p, NULL, x, 0), COUNCIL_OK);
	assert_int_equal(p.year_from, 2023);
	assert_int_equal(p.year_to, 2025);

	assert_int_equal(council_extraction_measure(&ms, NULL, x, 0), COUNCIL_OK);
	assert_int_equal(ms.seq, 1);
	assert_int_equal(ms.n_responsible, 2);
	assert_string_equal(ms.responsible[1], "B skyrius");
	assert_int_equal(council_extraction_measure(&ms, NULL, x, 1), COUNCIL_OK);
	assert_int_equal(ms.n_responsible, 0);

	/* Only the first measure has a fulfilment: it refers to measure 0 + 1. */
	assert_int_equal(council_extraction_fulfilment(&fu, NULL, x, 0), COUNCIL_OK);
	assert_int_equal(fu.measure_id, 1);
	assert_int_equal(fu.year, 2021);
	assert_string_equal(fu.text, "Atlikta.");

	assert_int_equal(council_extraction_event(&e, &sp, x, 0), COUNCIL_OK);
	assert_string_equal(e.title, "seminaras „Ž“");
	assert_int_equal(e.kind, COUNCIL_EVENT_SEMINAR);
	assert_int_equal(e.remote, 1);
	assert_null(e.measure_ids);
	assert_int_equal(e.n_measures, 0);
	tu_assert_date(&e.date.end, "2021-05-17");
	assert_int_equal(sp.line, 7);
	assert_int_equal(sp.start, 100);
	assert_int_equal(sp.end, 180);
	assert_string_equal(sp.quote, "seminaras");
	assert_int_equal(council_extraction_event_measures(&seqs, &n, x, 0), COUNCIL_OK);
	assert_int_equal(n, 2);
	assert_int_equal(seqs[0], 1);
	assert_int_equal(seqs[1], 2);
	assert_int_equal(council_extraction_event_measures(&seqs, &n, x, 1), COUNCIL_OK);
	assert_null(seqs);
	assert_int_equal(n, 0);

	/* Groups are numbered across events: two of event 1, one of event 2. */
	assert_int_equal(council_extraction_participants(&g, &sp, x, 1), COUNCIL_OK);
	assert_int_equal(g.event_id, 1);
	assert_int_equal(g.count, 3);
	assert_int_equal(g.qualifier, COUNCIL_QUAL_MORE_THAN);
	assert_null(g.group_name);
	assert_int_equal(sp.line, 7);
	assert_int_equal(council_extraction_participants(&g, NULL, x, 2), COUNCIL_OK);
	assert_int_equal(g.event_id, 2);
	assert_int_equal(g.count, 40);

	assert_int_equal(council_extraction_act(&a, NULL, x, 0), COUNCIL_OK);
	assert_string_equal(a.number, "T-55");
	assert_int_equal(a.effect, COUNCIL_ACT_APPROVES_RULES);
	council_extraction_free(x);
}

static void test_bounds_and_misuse(void **state)
{
	council_extraction *x = NULL;
	council_event e;
	council_participants g;
	council_council c;
	const int *seqs;
	size_t n;

	(void)state;
	assert_int_equal(council_import_parse_json(&x, "in.json", good, strlen(good)), COUNCIL_OK);
	assert_int_equal(council_extraction_event(&e, NULL, x, 2), COUNCIL_ENOTFOUND);
	assert_int_equal(council_extraction_participants(&g, NULL, x, 3), COUNCIL_ENOTFOUND);
	assert_int_equal(council_extraction_council(&c, NULL, x, 1), COUNCIL_ENOTFOUND);
	assert_int_equal(council_extraction_event_measures(&seqs, &n, x, 2), COUNCIL_ENOTFOUND);
	assert_int_equal(council_extraction_event(NULL, NULL, x, 0), COUNCIL_EMISUSE);
	assert_int_equal(council_extraction_event(&e, NULL, NULL, 0), COUNCIL_EMISUSE);
	assert_int_equal(council_extraction_source(NULL, x), COUNCIL_EMISUSE);
	assert_int_equal(council_extraction_event_measures(NULL, &n, x, 0), COUNCIL_EMISUSE);
	assert_int_equal(council_extraction_count(NULL, COUNCIL_RECORD_EVENT), 0);
	assert_int_equal(council_extraction_count(x, (council_record_kind)99), 0);
	council_extraction_free(x);
}

/* ---- the walk against the JSON form --------------------------------------- */

static const char *jstr(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static void assert_span(const council_span *sp, json_t *rec)
{
	json_t *s = json_object_get(rec, "span");

	if (!s) {
		assert_int_equal(sp->line, 0);
		return;
	}
	assert_int_equal(sp->line, json_integer_value(json_object_get(s, "line")));
	assert_int_equal(sp->start, json_integer_value(json_object_get(s, "start")));
	assert_int_equal(sp->end, json_integer_value(json_object_get(s, "end")));
	tu_assert_str(sp->quote, jstr(s, "text"));
}

/* Asserts that walking x gives the records of its JSON form, j. */
static void assert_walk_is_json(const council_extraction *x, json_t *j)
{
	json_t *arr, *v, *g;
	size_t i, k, groups = 0, fulfilled = 0;
	council_span sp;

	{
		council_council c;
		json_t *jc = json_object_get(j, "council");
		int has = jc && jstr(jc, "name");
		assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_COUNCIL), has);
		if (has) {
			assert_int_equal(council_extraction_council(&c, &sp, x, 0), COUNCIL_OK);
			tu_assert_str(c.name, jstr(jc, "name"));
			tu_assert_str(c.municipality, jstr(jc, "municipality"));
			assert_span(&sp, jc);
		}
	}
	{
		council_plan p;
		json_t *jp = json_object_get(j, "plan");
		int has = jp && !json_is_null(jp);
		assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_PLAN), has);
		if (has) {
			assert_int_equal(council_extraction_plan(&p, &sp, x, 0), COUNCIL_OK);
			tu_assert_str(p.title, jstr(jp, "title"));
			assert_span(&sp, jp);
		}
	}
	arr = json_object_get(j, "members");
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_MEMBER), json_array_size(arr));
	json_array_foreach(arr, i, v) {
		council_member m;
		assert_int_equal(council_extraction_member(&m, &sp, x, i), COUNCIL_OK);
		tu_assert_str(m.name, jstr(v, "name"));
		tu_assert_str(m.represents, jstr(v, "represents"));
		tu_assert_str(council_enum_name(COUNCIL_ENUM_ROLE, (int)m.role), jstr(v, "role"));
		assert_span(&sp, v);
	}
	arr = json_object_get(j, "meetings");
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_MEETING), json_array_size(arr));
	json_array_foreach(arr, i, v) {
		council_meeting m;
		assert_int_equal(council_extraction_meeting(&m, &sp, x, i), COUNCIL_OK);
		tu_assert_str(m.summary, jstr(v, "summary"));
		tu_assert_str(council_enum_name(COUNCIL_ENUM_FORMAT, (int)m.format), jstr(v, "format"));
		assert_span(&sp, v);
	}
	arr = json_object_get(j, "figures");
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_FIGURE), json_array_size(arr));
	json_array_foreach(arr, i, v) {
		council_figure f;
		assert_int_equal(council_extraction_figure(&f, &sp, x, i), COUNCIL_OK);
		assert_int_equal(f.value, json_integer_value(json_object_get(v, "value")));
		assert_int_equal(f.year, json_integer_value(json_object_get(v, "year")));
		assert_span(&sp, v);
	}
	arr = json_object_get(j, "measures");
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_MEASURE), json_array_size(arr));
	json_array_foreach(arr, i, v) {
		council_measure m;
		council_fulfilment fu;
		json_t *units = json_object_get(v, "responsible");
		assert_int_equal(council_extraction_measure(&m, &sp, x, i), COUNCIL_OK);
		assert_int_equal(m.seq, json_integer_value(json_object_get(v, "seq")));
		tu_assert_str(m.name, jstr(v, "name"));
		tu_assert_str(m.indicator, jstr(v, "indicator"));
		assert_int_equal(m.n_responsible, json_array_size(units));
		json_array_foreach(units, k, g)
			assert_string_equal(m.responsible[k], json_string_value(g));
		assert_span(&sp, v);
		if (!jstr(v, "fulfilment"))
			continue;
		assert_int_equal(council_extraction_fulfilment(&fu, NULL, x, fulfilled++), COUNCIL_OK);
		assert_int_equal(fu.measure_id, (int64_t)i + 1);
		assert_string_equal(fu.text, jstr(v, "fulfilment"));
	}
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_FULFILMENT), fulfilled);
	arr = json_object_get(j, "events");
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_EVENT), json_array_size(arr));
	json_array_foreach(arr, i, v) {
		council_event e;
		const int *seqs;
		size_t n;
		json_t *jm = json_object_get(v, "measures");
		assert_int_equal(council_extraction_event(&e, &sp, x, i), COUNCIL_OK);
		tu_assert_str(e.title, jstr(v, "title"));
		tu_assert_str(e.organiser, jstr(v, "organiser"));
		tu_assert_str(e.location, jstr(v, "location"));
		assert_span(&sp, v);
		assert_int_equal(council_extraction_event_measures(&seqs, &n, x, i), COUNCIL_OK);
		assert_int_equal(n, json_array_size(jm));
		json_array_foreach(jm, k, g)
			assert_int_equal(seqs[k], json_integer_value(g));
		json_array_foreach(json_object_get(v, "participants"), k, g) {
			council_participants p;
			council_span gsp;
			assert_int_equal(council_extraction_participants(&p, &gsp, x, groups++),
			                 COUNCIL_OK);
			assert_int_equal(p.event_id, (int64_t)i + 1);
			assert_int_equal(p.count, json_integer_value(json_object_get(g, "count")));
			tu_assert_str(p.group_name, jstr(g, "group"));
			assert_int_equal(gsp.start, sp.start);
		}
	}
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_PARTICIPANTS), groups);
	arr = json_object_get(j, "acts");
	assert_int_equal(council_extraction_count(x, COUNCIL_RECORD_ACT), json_array_size(arr));
	json_array_foreach(arr, i, v) {
		council_act a;
		assert_int_equal(council_extraction_act(&a, &sp, x, i), COUNCIL_OK);
		tu_assert_str(a.number, jstr(v, "number"));
		tu_assert_str(a.title, jstr(v, "title"));
		assert_span(&sp, v);
	}
}

static void test_fixture_reports_match_json(void **state)
{
	const char *dir = tu_fixture("reports");
	char dirpath[1024];
	DIR *d;
	struct dirent *ent;
	int seen = 0;

	(void)state;
	snprintf(dirpath, sizeof dirpath, "%s", dir);
	d = opendir(dirpath);
	assert_non_null(d);
	while ((ent = readdir(d))) {
		size_t len = strlen(ent->d_name), n;
		char path[1280], *data, *text = NULL;
		council_extraction *x = NULL;
		json_t *j;
		json_error_t err;

		if (len < 5 || strcmp(ent->d_name + len - 4, ".txt") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dirpath, ent->d_name);
		data = tu_read_file(path, &n);
		if (council_import_parse(&x, path, data, n) == COUNCIL_OK) {
			assert_int_equal(council_extraction_to_json(&text, x), COUNCIL_OK);
			j = json_loads(text, 0, &err);
			assert_non_null(j);
			assert_walk_is_json(x, j);
			json_decref(j);
			council_free(text);
			seen++;
		}
		council_extraction_free(x);
		free(data);
	}
	closedir(d);
	/* The fixture set has some twenty reports: a walk of none proves nothing. */
	assert_true(seen >= 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_values),
		cmocka_unit_test(test_bounds_and_misuse),
		cmocka_unit_test(test_fixture_reports_match_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
