/*
 * test_load.c -- storing extractions: provenance, the same bytes twice,
 * a new version replacing the old rows, all-or-nothing on failure, reuse
 * of what other reports already stored.  Files: test_files.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const char *doc =
	"{\"format\": \"libcouncil-extraction/1\","
	" \"source\": {\"path\": \"r/2021.txt\", \"kind\": \"annual_report\", \"report_year\": 2021},"
	" \"council\": {\"name\": \"Biržų rajono savivaldybės bendruomeninių organizacijų taryba\", \"kind\": \"BO\"},"
	" \"plan\": {\"title\": \"Planas\", \"year_from\": 2021, \"year_to\": 2023},"
	" \"members\": [{\"name\": \"Ona Onaitė\", \"role\": \"chair\"}],"
	" \"meetings\": [{\"date\": \"2021-03-01\"}, {\"date\": \"2021-06-01\", \"format\": \"remote\"}],"
	" \"figures\": [{\"year\": 2021, \"metric\": \"meetings\", \"value\": 3}],"
	" \"measures\": [{\"seq\": 1, \"name\": \"Mokymai\", \"responsible\": [\"Kultūros skyrius\"], \"fulfilment\": \"Įvyko.\"}],"
	" \"events\": [{\"title\": \"mokymai\", \"kind\": \"training\", \"date\": \"2021-04-10..2021-04-19\", \"measures\": [1],"
	"               \"participants\": [{\"count\": 16}]}],"
	" \"acts\": [{\"number\": \"T-1\", \"date\": \"2019-01-01\"}]}";

static council_extraction *parse(const char *json)
{
	council_extraction *x = NULL;
	if (council_import_parse_json(&x, "review.json", json, strlen(json)) != COUNCIL_OK)
		fail_msg("%s", council_extraction_errmsg(x));
	return x;
}

static const char *sha(char c)
{
	static char s[65];
	memset(s, c, 64);
	s[64] = '\0';
	return s;
}

static int64_t total_rows(council_db *db)
{
	return tu_sql_int(db, "SELECT (SELECT count(*) FROM council) + (SELECT count(*) FROM member) + "
	                      "(SELECT count(*) FROM meeting) + (SELECT count(*) FROM reported_figure) + "
	                      "(SELECT count(*) FROM plan) + (SELECT count(*) FROM measure) + "
	                      "(SELECT count(*) FROM measure_fulfilment) + (SELECT count(*) FROM event) + "
	                      "(SELECT count(*) FROM event_participants) + (SELECT count(*) FROM legal_act) + "
	                      "(SELECT count(*) FROM source_document) + (SELECT count(*) FROM event_measure)");
}

static void test_store_then_unchanged(void **state)
{
	council_db *db = *state;
	council_extraction *x = parse(doc);
	council_import_result r;
	int64_t rows;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_STORED);
	assert_int_equal(r.meetings, 2);
	assert_int_equal(r.events, 1);
	assert_int_equal(r.members, 1);
	assert_int_equal(r.measures, 1);
	assert_int_equal(r.year, 2021);
	assert_string_equal(r.council, "Biržų rajono savivaldybės bendruomeninių organizacijų taryba");
	/* Every imported row points at the source. */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting WHERE source_id IS NULL"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_participants WHERE source_id IS NULL"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT meetings FROM meetings_per_year WHERE year = 2021"), 3);
	assert_int_equal(tu_sql_int(db, "SELECT remote FROM meetings_per_year WHERE year = 2021"), 1);
	rows = total_rows(db);
	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_UNCHANGED);
	assert_int_equal(r.meetings, 2); /* the counts of what the source holds */
	assert_int_equal(total_rows(db), rows);
	council_extraction_free(x);
}

static void test_new_version_replaces(void **state)
{
	council_db *db = *state;
	council_extraction *x = parse(doc), *y;
	council_import_result r;
	char *v2 = strdup(doc), *p;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	/* The same document, corrected: one meeting instead of two. */
	p = strstr(v2, ", {\"date\": \"2021-06-01\", \"format\": \"remote\"}");
	memmove(p, p + strlen(", {\"date\": \"2021-06-01\", \"format\": \"remote\"}"),
	        strlen(p + strlen(", {\"date\": \"2021-06-01\", \"format\": \"remote\"}")) + 1);
	y = parse(v2);
	assert_int_equal(council_import_load(&r, db, y, sha('b')), COUNCIL_OK);
	/* A JSON naming a known document is a review of it (it was
	 * "replaced", every record renumbered, before schema version 4). */
	assert_int_equal(r.status, COUNCIL_IMPORT_REVIEWED);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 1);
	council_extraction_free(x);
	council_extraction_free(y);
	free(v2);
}

static void test_failure_leaves_database_unchanged(void **state)
{
	council_db *db = *state;
	council_extraction *x = parse(doc), *bad;
	council_import_result r;
	char *v = strdup(doc), *p;
	int64_t rows;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	rows = total_rows(db);
	/* A second document whose last record the schema refuses: a member
	 * name over the limit.  Everything before it must be rolled back. */
	p = strstr(v, "r/2021.txt");
	memcpy(p, "r/2022.txt", 10);
	{
		char big[400];
		char *out;
		memset(big, 'x', 350);
		big[350] = '\0';
		p = strstr(v, "Ona Onaitė");
		out = malloc(strlen(v) + 400);
		memcpy(out, v, (size_t)(p - v));
		strcpy(out + (p - v), big);
		strcat(out, p + strlen("Ona Onaitė"));
		free(v);
		v = out;
	}
	bad = parse(v);
	assert_int_not_equal(council_import_load(&r, db, bad, sha('c')), COUNCIL_OK);
	assert_non_null(strstr(council_errmsg(db), "review.json"));
	assert_non_null(strstr(council_errmsg(db), "member.name"));
	assert_int_equal(total_rows(db), rows);
	council_extraction_free(x);
	council_extraction_free(bad);
	free(v);
}

static void test_inside_caller_transaction(void **state)
{
	council_db *db = *state;
	council_extraction *x = parse(doc);
	council_import_result r;

	assert_int_equal(council_begin(db), COUNCIL_OK);
	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	assert_int_equal(council_rollback(db), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 0);
	council_extraction_free(x);
}

static void test_bad_arguments(void **state)
{
	council_db *db = *state;
	council_extraction *x = parse(doc);
	council_import_result r;

	assert_int_equal(council_import_load(&r, db, x, "xyz"), COUNCIL_EINVAL);
	assert_int_equal(council_import_load(&r, db, NULL, sha('a')), COUNCIL_EMISUSE);
	assert_int_equal(council_import_load(&r, NULL, x, sha('a')), COUNCIL_EMISUSE);
	council_extraction_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_store_then_unchanged, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_new_version_replaces, tu_setup_file, tu_teardown),
		cmocka_unit_test_setup_teardown(test_failure_leaves_database_unchanged, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_inside_caller_transaction, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_bad_arguments, tu_setup_memory, tu_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
