/*
 * test_extraction.c -- the reviewable JSON format: a round trip keeps every
 * field, and each kind of bad input is refused with a message naming the
 * field (or the JSON line for syntax errors).
 */
#include <stdlib.h>
#include <string.h>

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
	"                 \"fulfilment\": \"Atlikta.\"}],"
	" \"events\": [{\"title\": \"seminaras „Ž“\", \"kind\": \"seminar\", \"date\": \"2021-05-16..2021-05-17\","
	"               \"remote\": true, \"measures\": [1],"
	"               \"participants\": [{\"count\": 11, \"qualifier\": \"exact\", \"group\": \"BO tarybos nariai\"},"
	"                                  {\"count\": 3, \"qualifier\": \"more_than\", \"group\": null}],"
	"               \"span\": {\"line\": 7, \"start\": 100, \"end\": 180, \"text\": \"...\"}}],"
	" \"acts\": [{\"number\": \"T-55\", \"date\": \"2019-02-26\", \"effect\": \"approves_rules\"}]}";

static void test_round_trip(void **state)
{
	council_extraction *x = NULL, *y = NULL;
	char *j1 = NULL, *j2 = NULL;

	(void)state;
	assert_int_equal(council_import_parse_json(&x, "in.json", good, strlen(good)), COUNCIL_OK);
	assert_string_equal(council_extraction_errmsg(x), "");
	assert_int_equal(council_extraction_to_json(&j1, x), COUNCIL_OK);
	/* Every value survives: spot-check the ones with their own encoding. */
	assert_non_null(strstr(j1, "\"2021-05-16..2021-05-17\""));
	assert_non_null(strstr(j1, "\"more_than\""));
	assert_non_null(strstr(j1, "\"remote\": true"));
	assert_non_null(strstr(j1, "\"path\": \"reports/x.txt\""));
	assert_non_null(strstr(j1, "„Ž“"));
	assert_int_equal(council_import_parse_json(&y, "again.json", j1, strlen(j1)), COUNCIL_OK);
	assert_int_equal(council_extraction_to_json(&j2, y), COUNCIL_OK);
	assert_string_equal(j1, j2);
	council_free(j1);
	council_free(j2);
	council_extraction_free(x);
	council_extraction_free(y);
}

/* Replaces the first occurrence of from in good by to. */
static char *variant(const char *from, const char *to)
{
	const char *p = strstr(good, from);
	char *out;

	assert_non_null(p);
	out = malloc(strlen(good) + strlen(to) + 1);
	assert_non_null(out);
	memcpy(out, good, (size_t)(p - good));
	strcpy(out + (p - good), to);
	strcat(out, p + strlen(from));
	return out;
}

static void test_refusals(void **state)
{
	static const struct { const char *from, *to, *msg; } cases[] = {
		{ "libcouncil-extraction/1", "libcouncil-extraction/9", "format: \"libcouncil-extraction/9\" is not supported" },
		{ "\"name\": \"Kauno", "\"nam\": \"Kauno", "council.name: required" },
		{ "\"2021-03-01\"", "\"2021-02-30\"", "meetings[0].date: \"2021-02-30\" is not a date" },
		{ "\"role\": \"chair\"", "\"role\": \"boss\"", "members[0].role: \"boss\" is not a valid value" },
		{ "\"count\": 11", "\"count\": -4", "events[0].participants[0].count: -4 is out of range" },
		{ "\"year\": 2021,", "\"year\": \"2021\",", "figures[0].year: must be an integer" },
		{ "\"measures\": [1]", "\"measures\": [\"1\"]", "events[0].measures: must be an array" },
		{ "\"report_year\": 2021", "\"report_year\": 3021", "source.report_year: 3021 is out of range" },
		{ "\"remote\": true", "\"remote\": \"yes\"", "events[0].remote: must be true, false or null" },
		{ "\"doc_date\": \"2022-02-18\"", "\"doc_date\": \"2022-02\"", "source.doc_date: must be a full date" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *bad = variant(cases[i].from, cases[i].to);
		council_extraction *x = NULL;
		int rc = council_import_parse_json(&x, "bad.json", bad, strlen(bad));
		if (rc != COUNCIL_EPARSE || !strstr(council_extraction_errmsg(x), cases[i].msg))
			fail_msg("case %zu: rc %d, message \"%s\", want \"%s\"", i, rc,
			         council_extraction_errmsg(x), cases[i].msg);
		assert_true(strncmp(council_extraction_errmsg(x), "bad.json: ", 10) == 0);
		council_extraction_free(x);
		free(bad);
	}
}

static void test_syntax_error_names_line(void **state)
{
	council_extraction *x = NULL;
	const char *bad = "{\n\"format\": \"libcouncil-extraction/1\",\n\"council\": {,}\n}";

	(void)state;
	assert_int_equal(council_import_parse_json(&x, "s.json", bad, strlen(bad)), COUNCIL_EPARSE);
	assert_non_null(strstr(council_extraction_errmsg(x), "s.json:3: invalid JSON"));
	council_extraction_free(x);
	assert_int_equal(council_import_parse_json(&x, "a.json", "[1]", 3), COUNCIL_EPARSE);
	assert_non_null(strstr(council_extraction_errmsg(x), "top level must be an object"));
	council_extraction_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_syntax_error_names_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
