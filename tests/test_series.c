/* SPDX-License-Identifier: MIT */
/*
 * test_series.c -- one body of knowledge across documents (issue 14): a
 * document knows its council and report year (source_document.council_id,
 * report_year; council_import_*_target for a document that names neither)
 * and the sources listed by them; one answer per council-year when several
 * documents tell of it (meetings_per_year, events_overview).  The series of
 * tests/fixtures/series/ are three councils' documents over three years.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

/* A report about no council in particular: a title without one. */
static const char no_council[] =
	"Veiklos ataskaita\n"
	"\n"
	"Tarybos posėdžiai vyko kovo 5 d. ir birželio 12 d.\n";

static char tmpdir[64];

static int setup(void **state)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/council-series-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	return tu_setup_memory(state);
}

static int teardown(void **state)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		return -1;
	return tu_teardown(state);
}

/* Writes text to a file of the test's directory; returns its path (static). */
static const char *write_doc(const char *name, const char *text)
{
	static char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static const char *series(const char *rel)
{
	static char path[512];
	snprintf(path, sizeof path, "series/%s", rel);
	return tu_fixture(path);
}

static int count_cb(void *ctx, const council_source *s)
{
	(void)s;
	(*(int *)ctx)++;
	return 0;
}

static int sources(council_db *db, council_id council, int year)
{
	council_filter f;
	int n = 0;

	council_filter_init(&f);
	f.council_id = council;
	f.year_from = f.year_to = year;
	assert_int_equal(council_source_list(db, &f, count_cb, &n), COUNCIL_OK);
	return n;
}

/* A document naming no council is refused as before without a target,
 * and stored for the council given with one: its source knows the council
 * and the year given, and dates without a year take that year. */
static void test_target_names_the_council(void **state)
{
	council_db *db = *state;
	council_import_result r;
	council_import_target t = { 0, 2024 };
	const char *path = write_doc("noname.txt", no_council);
	council_id c = tu_add_council(db, "Akmenės rajono savivaldybės bendruomeninių organizacijų taryba");

	tu_assert_error(db, council_import_file(&r, db, path), COUNCIL_EPARSE, "no council named");
	t.council_id = c;
	assert_int_equal(council_import_file_target(&r, db, path, 0, &t), COUNCIL_OK);
	assert_int_equal(r.council_id, c);
	assert_int_equal(r.year, 2024);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document WHERE council_id = 1 "
	                                "AND report_year = 2024"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting WHERE council_id = 1 AND "
	                                "date_start IN ('2024-03-05', '2024-06-12')"), 2);
	assert_int_equal(sources(db, c, 2024), 1);
	assert_int_equal(sources(db, c, 2023), 0);
	assert_int_equal(sources(db, COUNCIL_ALL, 0), 1);
}

/* A document naming another council, or another year, is refused with a
 * message naming both, and nothing of it is stored. */
static void test_target_refuses_another_council_or_year(void **state)
{
	council_db *db = *state;
	council_import_result r;
	council_id utena = tu_add_council(db, "Utenos rajono savivaldybės bendruomeninių organizacijų taryba");
	council_import_target t = { utena, 0 };
	const char *kedainiai = series("kedainiu-r-bo/kedainiai-2021-ataskaita.txt");

	tu_assert_error(db, council_import_file_target(&r, db, kedainiai, 0, &t), COUNCIL_EINVAL,
	                "names the council \"Kėdainių rajono savivaldybės bendruomeninių "
	                "organizacijų taryba\", not \"Utenos rajono");
	assert_non_null(strstr(council_errmsg(db), "kedainiai-2021-ataskaita.txt"));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);

	t.council_id = 0;
	t.year = 2023;
	tu_assert_error(db, council_import_file_target(&r, db, kedainiai, 0, &t), COUNCIL_EINVAL,
	                "reports on 2021, not 2023 (--year)");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 0);

	t.year = 1800;
	tu_assert_error(db, council_import_file_target(&r, db, kedainiai, 0, &t), COUNCIL_EINVAL,
	                "year 1800");
	t.year = 0;
	t.council_id = 999;
	tu_assert_error(db, council_import_file_target(&r, db, kedainiai, 0, &t), COUNCIL_ENOTFOUND,
	                "no council with id 999");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 0);
}

/* The council given and the one the document names are the same council
 * when the names fold alike, or when a council entered by hand under
 * another spelling has the municipality and kind the document names: the
 * records go to the council given, no second council is made. */
static void test_target_same_council_other_spelling(void **state)
{
	council_db *db = *state;
	council_import_result r;
	council_council c;
	council_id id;
	council_import_target t = { 0, 0 };

	council_council_init(&c);
	c.name = "Kėdainių r. BO taryba";
	c.municipality = "Kėdainių rajono savivaldybė";
	assert_int_equal(council_add(&id, db, &c), COUNCIL_OK);
	t.council_id = id;
	assert_int_equal(council_import_file_target(&r, db,
	                 series("kedainiu-r-bo/kedainiai-2021-ataskaita.txt"), 0, &t), COUNCIL_OK);
	assert_int_equal(r.council_id, id);
	assert_string_equal(r.council, "Kėdainių r. BO taryba");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting WHERE council_id <> 1"), 0);
	assert_true(tu_sql_int(db, "SELECT count(*) FROM meeting") > 0);
	/* an NVO council of the same municipality is another council */
	c.name = "Kėdainių r. NVO taryba";
	c.kind = COUNCIL_KIND_NVO;
	assert_int_equal(council_add(&id, db, &c), COUNCIL_OK);
	t.council_id = id;
	tu_assert_error(db, council_import_file_target(&r, db,
	                series("kedainiu-r-bo/kedainiai-2022-ataskaita.txt"), 0, &t),
	                COUNCIL_EINVAL, "not \"Kėdainių r. NVO taryba\"");
}

/* Every imported document knows its council and year, whether it named
 * them or was given them; a dry run with a target says what would be
 * stored; a whole list is held against the target file by file. */
static void test_sources_know_council_and_year(void **state)
{
	council_db *db = *state;
	static const char *const files[] = {
		"utenos-r-bo/utena-2022-ataskaita.txt", "utenos-r-bo/utena-2023-06-14-protokolas.txt",
		"utenos-r-bo/utena-2023-ataskaita.txt", "utenos-r-bo/utena-2024-ataskaita.txt",
		"kedainiu-r-bo/kedainiai-2021-ataskaita.txt",
	};
	const char *paths[5];
	council_import_target t = { 0, 0 };
	council_extraction *x = NULL;
	council_source src;
	council_id utena;
	size_t i;

	for (i = 0; i < 4; i++)
		paths[i] = strdup(series(files[i]));
	assert_int_equal(council_import_files(db, paths, 4, NULL, NULL, NULL), COUNCIL_OK);
	utena = tu_sql_int(db, "SELECT id FROM council WHERE name LIKE 'Utenos%'");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document WHERE council_id IS NOT "
	                                "(SELECT id FROM council WHERE name LIKE 'Utenos%')"), 0);
	assert_int_equal(sources(db, utena, 2023), 2);
	assert_int_equal(sources(db, utena, 2024), 1);
	assert_int_equal(sources(db, utena, 2021), 0);

	/* a list for Utena with a Kėdainiai report in it: that one fails */
	paths[4] = strdup(series(files[4]));
	t.council_id = utena;
	assert_int_equal(council_import_files_target(db, paths + 3, 2, NULL, 0, &t, NULL, NULL),
	                 COUNCIL_EINVAL);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 4);
	for (i = 0; i < 5; i++)
		free((char *)paths[i]);

	/* the dry run: the council and year given, nothing stored */
	{
		size_t len;
		const char *path = write_doc("noname.txt", no_council);
		char *data = tu_read_file(path, &len);
		t.year = 2022;
		assert_int_equal(council_import_parse_target(&x, db, path, data, len, &t), COUNCIL_OK);
		assert_int_equal(council_extraction_source(&src, x), COUNCIL_OK);
		assert_int_equal(src.report_year, 2022);
		{
			council_council c;
			assert_int_equal(council_extraction_council(&c, NULL, x, 0), COUNCIL_OK);
			assert_string_equal(c.name, "Utenos rajono savivaldybės bendruomeninių organizacijų taryba");
		}
		council_extraction_free(x);
		/* without a database only a year can be given */
		assert_int_equal(council_import_parse_target(&x, NULL, path, data, len, &t), COUNCIL_EMISUSE);
		assert_null(x);
		t.council_id = 0;
		assert_int_equal(council_import_parse_target(&x, NULL, path, data, len, &t), COUNCIL_EPARSE);
		council_extraction_free(x);
		free(data);
		assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 4);
	}
}

/* A JSON extraction of a report about Akmenė in 2024, named path, stating
 * count meetings and listing the dates given, and the forum with its
 * participants (0: not counted). */
static void load_doc(council_db *db, const char *path, int stated, const char *dates,
                     int forum, char sha)
{
	char json[2048], hex[65], count[64] = "";
	council_extraction *x = NULL;
	council_import_result r;

	if (forum)
		snprintf(count, sizeof count, ", \"participants\": [{\"count\": %d}]", forum);
	snprintf(json, sizeof json,
	         "{\"format\": \"libcouncil-extraction/1\","
	         " \"source\": {\"path\": \"%s\", \"kind\": \"annual_report\", \"report_year\": 2024},"
	         " \"council\": {\"name\": \"Akmenės rajono savivaldybės bendruomeninių organizacijų taryba\"},"
	         " \"meetings\": [%s],"
	         " \"figures\": [{\"year\": 2024, \"metric\": \"meetings\", \"value\": %d}],"
	         " \"events\": [{\"title\": \"Bendruomenių forumas\", \"kind\": \"forum\","
	         " \"date\": \"2024-10-20\"%s}]}",
	         path, dates, stated, count);
	memset(hex, sha, 64);
	hex[64] = '\0';
	assert_int_equal(council_import_parse_json(&x, path, json, strlen(json)), COUNCIL_OK);
	assert_int_equal(council_import_load(&r, db, x, hex), COUNCIL_OK);
	council_extraction_free(x);
}

static int year_cb(void *ctx, const council_meetings_year *r)
{
	int64_t *out = ctx;
	out[0] = r->meetings;
	out[1] = r->listed;
	out[2] = r->stated;
	return 0;
}

/* council_query_meetings_per_year for the year 2024, of council 1 (the
 * one-council path) or of all (the view's): meetings, listed, stated. */
static void query_year(council_db *db, int one, int64_t *out)
{
	council_filter f;

	council_filter_init(&f);
	if (one)
		f.council_id = 1;
	f.year_from = f.year_to = 2024;
	out[0] = out[1] = out[2] = -9;
	assert_int_equal(council_query_meetings_per_year(db, &f, year_cb, out), COUNCIL_OK);
}

/* Two reports about one council-year, each stating five meetings and
 * listing five dates, one date in both: that date is one meeting, the
 * count both state is the answer (not the nine dates listed), and no
 * conflict is flagged.  When a third document states another count, the
 * larger shows and the flag says the documents disagree; all stay. */
static void test_meetings_across_documents(void **state)
{
	council_db *db = *state;

	load_doc(db, "akmene/a.txt", 5, "{\"date\": \"2024-01-10\"}, {\"date\": \"2024-03-06\"},"
	         " {\"date\": \"2024-05-08\"}, {\"date\": \"2024-09-11\"}, {\"date\": \"2024-11-20\"}",
	         0, 'a');
	load_doc(db, "akmene/b.txt", 5, "{\"date\": \"2024-02-14\"}, {\"date\": \"2024-03-06\"},"
	         " {\"date\": \"2024-06-12\"}, {\"date\": \"2024-10-09\"}, {\"date\": \"2024-12-18\"}",
	         0, 'b');
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting WHERE date_start = '2024-03-06'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM record_sources WHERE table_name = 'meeting' "
	                                "AND record_id = (SELECT id FROM meeting WHERE date_start = '2024-03-06')"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT meetings_listed FROM meetings_per_year WHERE year = 2024"), 9);
	assert_int_equal(tu_sql_int(db, "SELECT meetings FROM meetings_per_year WHERE year = 2024"), 5);
	assert_int_equal(tu_sql_int(db, "SELECT meetings_stated FROM meetings_per_year WHERE year = 2024"), 5);
	assert_int_equal(tu_sql_int(db, "SELECT conflict FROM meetings_per_year WHERE year = 2024"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document WHERE council_id = 1 "
	                                "AND report_year = 2024"), 2);
	{
		/* the library answers as the view, by either path */
		int64_t one[3], all[3];
		query_year(db, 1, one);
		query_year(db, 0, all);
		assert_int_equal(one[0], 5);
		assert_int_equal(one[1], 9);
		assert_int_equal(one[2], 5);
		assert_memory_equal(one, all, sizeof one);
	}

	load_doc(db, "akmene/c.txt", 7, "{\"date\": \"2024-03-06\"}", 0, 'c');
	assert_int_equal(tu_sql_int(db, "SELECT meetings FROM meetings_per_year WHERE year = 2024"), 7);
	assert_int_equal(tu_sql_int(db, "SELECT conflict FROM meetings_per_year WHERE year = 2024"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reported_figure WHERE metric = 'meetings'"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM figure_conflicts"), 2);
	/* without the stated counts, every listed meeting counts */
	tu_exec(db, "DELETE FROM reported_figure");
	assert_int_equal(tu_sql_int(db, "SELECT meetings FROM meetings_per_year WHERE year = 2024"), 9);
	assert_int_equal(tu_sql_int(db, "SELECT conflict FROM meetings_per_year WHERE year = 2024"), 0);
	{
		int64_t one[3], all[3];
		query_year(db, 1, one);
		query_year(db, 0, all);
		assert_int_equal(one[0], 9);
		assert_memory_equal(one, all, sizeof one);
	}
}

/* One event two documents state is one event; their counts of its
 * participants both stay, the larger shows with the conflict flag, and
 * removing a document leaves the other's count alone. */
static void test_participants_across_documents(void **state)
{
	council_db *db = *state;
	council_id first;

	load_doc(db, "akmene/a.txt", 5, "{\"date\": \"2024-01-10\"}", 85, 'a');
	first = tu_sql_int(db, "SELECT id FROM source_document WHERE path LIKE '%a.txt'");
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 85);
	assert_int_equal(tu_sql_int(db, "SELECT conflict FROM events_overview"), 0);
	load_doc(db, "akmene/b.txt", 5, "{\"date\": \"2024-01-10\"}", 80, 'b');
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_participants"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 85);
	assert_int_equal(tu_sql_int(db, "SELECT conflict FROM events_overview"), 1);
	/* a third document stating the event without a count changes nothing */
	load_doc(db, "akmene/c.txt", 5, "{\"date\": \"2024-01-10\"}", 0, 'c');
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_participants"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 85);
	/* the same count again is no conflict */
	load_doc(db, "akmene/d.txt", 5, "{\"date\": \"2024-01-10\"}", 85, 'd');
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 85);
	assert_int_equal(tu_sql_int(db, "SELECT conflict FROM events_overview"), 1);
	assert_int_equal(council_source_delete(db, first), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 85);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_participants"), 2);
	assert_int_equal(council_source_delete(db, tu_sql_int(db, "SELECT id FROM source_document "
	                                                         "WHERE path LIKE '%d.txt'")), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 80);
	assert_int_equal(tu_sql_int(db, "SELECT conflict FROM events_overview"), 0);
	/* the totals agree with the groups by the schema's own rule */
	assert_int_equal(tu_sql_int(db, "SELECT participant_groups FROM event"), 1);
}

/* The Utena series: the 2024 report restates 2023 as six meetings, the
 * 2023 report says five: 2023 shows six, flagged; other years, told by
 * one document each, are as that document says. */
static void test_utena_series(void **state)
{
	council_db *db = *state;
	static const char *const files[] = {
		"utenos-r-bo/utena-2022-ataskaita.txt", "utenos-r-bo/utena-2023-06-14-protokolas.txt",
		"utenos-r-bo/utena-2023-ataskaita.txt", "utenos-r-bo/utena-2024-ataskaita.txt",
	};
	const char *paths[4];
	size_t i;

	for (i = 0; i < 4; i++)
		paths[i] = strdup(series(files[i]));
	assert_int_equal(council_import_files(db, paths, 4, NULL, NULL, NULL), COUNCIL_OK);
	for (i = 0; i < 4; i++)
		free((char *)paths[i]);
	assert_int_equal(tu_sql_int(db, "SELECT meetings FROM meetings_per_year WHERE year = 2023"), 6);
	assert_int_equal(tu_sql_int(db, "SELECT conflict FROM meetings_per_year WHERE year = 2023"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT meetings FROM meetings_per_year WHERE year = 2022"), 4);
	assert_int_equal(tu_sql_int(db, "SELECT conflict FROM meetings_per_year WHERE year = 2022"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT meetings FROM meetings_per_year WHERE year = 2024"), 7);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meetings_per_year WHERE conflict"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_target_names_the_council, setup, teardown),
		cmocka_unit_test_setup_teardown(test_target_refuses_another_council_or_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_target_same_council_other_spelling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sources_know_council_and_year, setup, teardown),
		TU_BOTH(test_meetings_across_documents),
		TU_BOTH(test_participants_across_documents),
		TU_BOTH(test_utena_series),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
