/* SPDX-License-Identifier: MIT */
/*
 * test_coverage.c -- council_coverage and the view coverage: every one of
 * the 60 municipalities listed, with or without a council; per council and
 * year the documents, meetings, events and members; a year range that
 * keeps every municipality; councils of no known municipality; the table
 * of municipalities written from the importer's word list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

typedef struct rows {
	char text[16384];
	int n;
} rows;

static int collect(void *ctx, const council_coverage_row *r)
{
	rows *s = ctx;
	size_t len = strlen(s->text);
	snprintf(s->text + len, sizeof s->text - len, "%s|%s|%s|%d|%lld|%lld|%lld|%lld\n",
	         r->municipality ? r->municipality : "-", r->council ? r->council : "-",
	         r->kind ? r->kind : "-", r->year, (long long)r->documents, (long long)r->meetings,
	         (long long)r->events, (long long)r->members);
	s->n++;
	return 0;
}

static rows *coverage(council_db *db, council_id council, int from, int to)
{
	static rows s;
	council_filter f;

	memset(&s, 0, sizeof s);
	council_filter_init(&f);
	if (council)
		f.council_id = council;
	f.year_from = from;
	f.year_to = to;
	assert_int_equal(council_coverage(db, &f, collect, &s), COUNCIL_OK);
	return &s;
}

static void test_sixty_municipalities(void **state)
{
	council_db *db = *state;
	rows *s;

	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM municipality"), 60);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM municipality WHERE kind = 'city'"), 7);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM municipality WHERE kind = 'plain'"), 10);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM municipality WHERE name IN "
	                                "('Kauno miesto savivaldybė', 'Kauno rajono savivaldybė', "
	                                "'Kazlų Rūdos savivaldybė', 'Zarasų rajono savivaldybė')"), 4);
	s = coverage(db, 0, 0, 0);
	assert_int_equal(s->n, 60);
	/* Lithuanian order: Akmenės first, Šakių after Skuodo, Zarasų last */
	assert_true(strncmp(s->text, "Akmenės rajono savivaldybė|-|-|0|0|0|0|0\n", 40) == 0);
	assert_true(strstr(s->text, "Skuodo") < strstr(s->text, "Šakių"));
	assert_non_null(strstr(s->text, "Zarasų rajono savivaldybė|-|-|0|0|0|0|0\n"));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM coverage WHERE council IS NULL"), 60);
}

/* A council with two documents about 2023 (one stating a member), a
 * meeting and an event: the year's counts; 2022 a meeting only. */
static void test_counts_per_year(void **state)
{
	council_db *db = *state;
	council_id c = tu_add_council(db, "Utenos rajono savivaldybės bendruomeninių organizacijų taryba");
	rows *s;

	assert_int_equal(c, 1);
	tu_add_source(db, "r/2023.txt");
	tu_add_source(db, "r/2023-protokolas.txt");
	tu_exec(db, "UPDATE council SET municipality = 'Utenos rajono savivaldybė';"
	            "UPDATE source_document SET council_id = 1, report_year = 2023;"
	            "INSERT INTO member(council_id, name, source_id) VALUES (1, 'Ona Onaitė', 1);"
	            "INSERT INTO record_source VALUES ('member', 1, 2);"
	            "INSERT INTO meeting(council_id, date_start, date_end, year, source_id) VALUES "
	            "(1, '2023-03-01', '2023-03-01', 2023, 1), (1, '2022-12-01', '2022-12-01', 2022, NULL);"
	            "INSERT INTO event(council_id, title, date_start, date_end, year, source_id) VALUES "
	            "(1, 'Forumas', '2023-09-16', '2023-09-16', 2023, 2)");
	s = coverage(db, 0, 0, 0);
	assert_int_equal(s->n, 61);
	assert_non_null(strstr(s->text, "Utenos rajono savivaldybė|Utenos rajono savivaldybės "
	                                "bendruomeninių organizacijų taryba|BO|2022|0|1|0|0\n"
	                                "Utenos rajono savivaldybė|Utenos rajono savivaldybės "
	                                "bendruomeninių organizacijų taryba|BO|2023|2|1|1|1\n"));
	/* the range keeps every municipality, and the council an empty row */
	s = coverage(db, 0, 2024, 2025);
	assert_int_equal(s->n, 60);
	assert_non_null(strstr(s->text, "Utenos rajono savivaldybė|Utenos rajono savivaldybės "
	                                "bendruomeninių organizacijų taryba|BO|0|0|0|0|0\n"));
	s = coverage(db, 0, 2023, 2023);
	assert_int_equal(s->n, 60);
	assert_non_null(strstr(s->text, "|BO|2023|2|1|1|1\n"));
	/* one council */
	s = coverage(db, c, 0, 0);
	assert_int_equal(s->n, 2);
	/* a council naming no municipality of the 60 comes last */
	tu_add_council(db, "Tarybėlė");
	s = coverage(db, 0, 0, 0);
	assert_int_equal(s->n, 62);
	assert_non_null(strstr(s->text, "Zarasų rajono savivaldybė|-|-|0|0|0|0|0\n-|Tarybėlė|BO|0|0|0|0|0\n"));
}

/* The table is written when the database is made or upgraded; opening it
 * again adds nothing. */
static void test_fill_is_idempotent(void **state)
{
	council_db *db = NULL;
	const char *path = tu_db_path();

	(void)state;
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM municipality"), 60);
	council_close(db);
	assert_int_equal(council_open(&db, path, 0), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM municipality"), 60);
	council_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		TU_BOTH(test_sixty_municipalities),
		TU_BOTH(test_counts_per_year),
		cmocka_unit_test_setup_teardown(test_fill_is_idempotent, tu_setup_file, tu_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
