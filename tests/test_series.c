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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_target_names_the_council, setup, teardown),
		cmocka_unit_test_setup_teardown(test_target_refuses_another_council_or_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_target_same_council_other_spelling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sources_know_council_and_year, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
