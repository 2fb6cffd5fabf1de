/* SPDX-License-Identifier: MIT */
/*
 * test_extraction.c -- the reviewable JSON format: a round trip keeps every
 * field, and each kind of bad input is refused with a message naming the
 * field by its JSON path (or the JSON line for syntax errors); spans'
 * quotes are bounded, so the JSON stays proportional to the report.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "report.h"
#include "utf8.h"

static const char *good =
	"{\"format\": \"libcouncil-extraction/1\","
	" \"source\": {\"path\": \"reports/x.txt\", \"kind\": \"annual_report\", \"report_year\": 2021,"
	"              \"doc_number\": \"B28-2-1\", \"doc_date\": \"2022-02-18\"},"
	" \"council\": {\"name\": \"Kauno miesto savivaldybės bendruomeninių organizacijų taryba\","
	"               \"municipality\": \"Kauno miesto savivaldybė\", \"kind\": \"BO\", \"size\": 22,"
	"               \"seats_municipality\": 11, \"seats_community\": 11},"
	" \"plan\": {\"title\": \"2023–2025 m. veiklos planas\", \"year_from\": 2023, \"year_to\": 2025},"
	" \"members\": [{\"name\": \"Jonas Marcinkus\", \"role\": \"chair\", \"represents\": \"asociacija\","
	"               \"side\": \"community\", \"delegated_by\": \"Rajono bendruomenių sąjunga\"}],"
	" \"meetings\": [{\"date\": \"2021-03-01\", \"format\": \"remote\", \"platform\": \"Zoom\","
	"                \"location\": \"Kaunas\", \"participants\": 9}],"
	" \"figures\": [{\"year\": 2021, \"metric\": \"meetings\", \"value\": 3, \"qualifier\": \"exact\"}],"
	" \"measures\": [{\"seq\": 1, \"name\": \"Analizė\", \"responsible\": [\"A skyrius\", \"B skyrius\"],"
	"                 \"fulfilment\": \"Atlikta.\"}],"
	" \"events\": [{\"title\": \"seminaras „Ž“\", \"kind\": \"seminar\", \"date\": \"2021-05-16..2021-05-17\","
	"               \"remote\": true, \"measures\": [1],"
	"               \"participants\": [{\"count\": 11, \"qualifier\": \"exact\", \"group\": \"BO tarybos nariai\"},"
	"                                  {\"count\": 3, \"qualifier\": \"more_than\", \"group\": null}],"
	"               \"span\": {\"line\": 7, \"start\": 100, \"end\": 180, \"text\": \"...\"}}],"
	" \"acts\": [{\"number\": \"T-55\", \"date\": \"2019-02-26\", \"effect\": \"approves_rules\"}],"
	" \"attendance\": [{\"date\": \"2021-03-01\", \"name\": \"Jonas Marcinkus\", \"present\": true},"
	"                  {\"date\": \"2021-03-01\", \"name\": \"Ona Onaitė\", \"present\": false,"
	"                   \"reason\": \"dėl ligos\"}]}";

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
	assert_non_null(strstr(j1, "\"participants\": 9"));
	assert_non_null(strstr(j1, "\"location\": \"Kaunas\""));
	assert_non_null(strstr(j1, "\"present\": false"));
	assert_non_null(strstr(j1, "\"reason\": \"dėl ligos\""));
	assert_non_null(strstr(j1, "\"delegated_by\": \"Rajono bendruomenių sąjunga\""));
	assert_int_equal(council_import_parse_json(&y, "again.json", j1, strlen(j1)), COUNCIL_OK);
	assert_int_equal(council_extraction_to_json(&j2, y), COUNCIL_OK);
	assert_string_equal(j1, j2);
	council_free(j1);
	council_free(j2);
	council_extraction_free(x);
	council_extraction_free(y);
}

/* An event another council held (a page about several councils) carries
 * that council, and what the importer left out is in "notes"; both read
 * back as written, and are left out of the JSON when there are none. */
static void test_event_council_and_notes(void **state)
{
	static const char j[] =
		"{\"format\": \"libcouncil-extraction/1\","
		" \"council\": {\"name\": \"Šiaulių miesto savivaldybės bendruomeninių organizacijų taryba\","
		"              \"several_councils\": true},"
		" \"events\": [{\"title\": \"seminaras\", \"date\": \"2024-03-05\","
		"   \"council\": {\"name\": \"Joniškio rajono savivaldybės bendruomeninių organizacijų taryba\","
		"               \"municipality\": \"Joniškio rajono savivaldybė\", \"kind\": \"BO\"}},"
		"  {\"title\": \"forumas\", \"date\": \"2024-04-12\"}],"
		" \"notes\": [\"events: 2024-05-20 \\\"konferencija\\\" (line 9) left out\"]}";
	council_extraction *x = NULL, *y = NULL;
	char *j1 = NULL, *j2 = NULL, *bad;

	(void)state;
	assert_int_equal(council_import_parse_json(&x, "in.json", j, strlen(j)), COUNCIL_OK);
	assert_int_equal(x->n_events, 2);
	assert_true(x->events[0].council.present);
	assert_string_equal(x->events[0].council.name,
	                    "Joniškio rajono savivaldybės bendruomeninių organizacijų taryba");
	assert_string_equal(x->events[0].council.municipality, "Joniškio rajono savivaldybė");
	assert_int_equal(x->events[0].council.kind, COUNCIL_KIND_BO);
	assert_false(x->events[1].council.present);
	assert_int_equal(x->n_notes, 1);
	assert_string_equal(x->notes[0], "events: 2024-05-20 \"konferencija\" (line 9) left out");
	assert_int_equal(council_extraction_to_json(&j1, x), COUNCIL_OK);
	assert_int_equal(council_import_parse_json(&y, "again.json", j1, strlen(j1)), COUNCIL_OK);
	assert_int_equal(council_extraction_to_json(&j2, y), COUNCIL_OK);
	assert_string_equal(j1, j2);
	/* the second event names no council of its own: no member written */
	assert_non_null(strstr(j1, "\"forumas\""));
	assert_null(strstr(strstr(j1, "\"forumas\""), "\"council\""));
	council_free(j1);
	council_free(j2);
	council_extraction_free(x);
	council_extraction_free(y);

	/* none of either: neither member is written */
	assert_int_equal(council_import_parse_json(&x, "in.json", good, strlen(good)), COUNCIL_OK);
	assert_int_equal(council_extraction_to_json(&j1, x), COUNCIL_OK);
	assert_null(strstr(j1, "\"notes\""));
	assert_null(strstr(strstr(j1, "\"events\""), "\"council\""));
	council_free(j1);
	council_extraction_free(x);

	/* an event's council needs its name */
	bad = strdup(j);
	assert_non_null(bad);
	memcpy(strstr(bad, "\"name\": \"Joni"), "\"nime\"", 6);
	assert_int_equal(council_import_parse_json(&x, "bad.json", bad, strlen(bad)), COUNCIL_EPARSE);
	assert_string_equal(council_extraction_errmsg(x),
	                    "bad.json: events[0].council.nime: unknown member (this object has: name, "
	                    "municipality, kind)");
	council_extraction_free(x);
	free(bad);
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

/* Each refusal, with the whole message: the file, the JSON path of the
 * value and why (issue 10, problem 4: nothing of a reviewed JSON is
 * dropped without a word). */
static void test_refusals(void **state)
{
	static const struct { const char *from, *to, *msg; } cases[] = {
		{ "libcouncil-extraction/1", "libcouncil-extraction/9",
		  "format: \"libcouncil-extraction/9\" is not supported (this libcouncil reads \"libcouncil-extraction/1\")" },
		{ "\"name\": \"Kauno miesto savivaldybės bendruomeninių organizacijų taryba\"",
		  "\"name\": null", "council.name: required" },
		{ "\"name\": \"Kauno miesto savivaldybės bendruomeninių organizacijų taryba\"",
		  "\"name\": \"\"", "council.name: must not be empty" },
		{ "\"2021-03-01\"", "\"2021-02-30\"",
		  "meetings[0].date: \"2021-02-30\" is not a date or range (2024-05-16..2024-05-17)" },
		/* attendance: a day, a name and present or not, all required */
		{ "\"present\": true", "\"present\": null", "attendance[0].present: required" },
		{ "\"name\": \"Ona Onaitė\", ", "", "attendance[1].name: required" },
		{ "\"date\": \"2021-03-01\", \"name\": \"Jonas", "\"date\": \"2021-03\", \"name\": \"Jonas",
		  "attendance[0].date: must be a full date (YYYY-MM-DD)" },
		{ "\"participants\": 9", "\"participants\": 1001",
		  "meetings[0].participants: 1001 is out of range 0..1000" },
		{ "\"role\": \"chair\"", "\"role\": \"boss\"",
		  "members[0].role: \"boss\" is not a valid value (expected member, chair, deputy or secretary)" },
		{ "\"count\": 11", "\"count\": -4",
		  "events[0].participants[0].count: -4 is out of range 0..1000000" },
		{ "\"year\": 2021,", "\"year\": \"2021\",",
		  "figures[0].year: expected an integer, got a string" },
		{ "\"value\": 3", "\"value\": 2.5", "figures[0].value: expected an integer, got a number" },
		{ "\"metric\": \"meetings\", ", "", "figures[0].metric: required" },
		{ "\"measures\": [1]", "\"measures\": [\"1\"]",
		  "events[0].measures[0]: expected an integer, got a string" },
		{ "\"measures\": [1]", "\"measures\": 1",
		  "events[0].measures: expected an array of measure numbers, got a number" },
		{ "\"report_year\": 2021", "\"report_year\": 3021",
		  "source.report_year: 3021 is out of range 1990..2100" },
		/* a record's id (schema version 7): a positive integer */
		{ "\"role\": \"chair\"", "\"role\": \"chair\", \"id\": 0",
		  "members[0].id: 0 is out of range 1..9223372036854775807" },
		{ "\"remote\": true", "\"remote\": true, \"id\": \"5\"",
		  "events[0].id: expected an integer, got a string" },
		{ "\"remote\": true", "\"remote\": \"yes\"",
		  "events[0].remote: expected true, false or null, got a string" },
		{ "\"remote\": true", "\"remote\": true, \"year_inferred\": 1",
		  "events[0].year_inferred: expected true, false or null, got a number" },
		{ "\"doc_date\": \"2022-02-18\"", "\"doc_date\": \"2022-02\"",
		  "source.doc_date: must be a full date (YYYY-MM-DD)" },
		/* the cases: a value of another type is refused, not dropped */
		{ "\"plan\": {\"title\": \"2023–2025 m. veiklos planas\", \"year_from\": 2023, \"year_to\": 2025}",
		  "\"plan\": 42", "plan: expected an object, got a number" },
		{ "\"source\": {\"path\": \"reports/x.txt\", \"kind\": \"annual_report\", \"report_year\": 2021,"
		  "              \"doc_number\": \"B28-2-1\", \"doc_date\": \"2022-02-18\"}",
		  "\"source\": \"x\"",
		  "source: expected an object, got a string" },
		{ "\"members\": [{", "\"members\": [\"Jonas\", {", "members[0]: expected an object, got a string" },
		{ "\"acts\": [{\"number\": \"T-55\", \"date\": \"2019-02-26\", \"effect\": \"approves_rules\"}]",
		  "\"acts\": {}", "acts: expected an array, got an object" },
		{ "\"kind\": \"BO\"", "\"kind\": 1",
		  "council.kind: expected BO, NVO or other, got a number" },
		{ "\"role\": \"chair\"", "\"role\": \"chair\", \"change\": \"gone\"",
		  "members[0].change: \"gone\": expected left, joined or null" },
		{ "\"represents\": \"asociacija\"", "\"represents\": \"\"",
		  "members[0].represents: must not be empty (null when unknown)" },
		{ "\"delegated_by\": \"Rajono bendruomenių sąjunga\"", "\"delegated_by\": 3",
		  "members[0].delegated_by: expected a string, got a number" },
		{ "\"delegated_by\": \"Rajono bendruomenių sąjunga\"", "\"delegated_by\": \"\"",
		  "members[0].delegated_by: must not be empty (null when unknown)" },
		{ "[\"A skyrius\", \"B skyrius\"]", "[\"A skyrius\", \"\"]",
		  "measures[0].responsible[1]: must not be empty" },
		{ "[\"A skyrius\", \"B skyrius\"]", "[\"A skyrius\", 7]",
		  "measures[0].responsible[1]: expected a string, got a number" },
		/* references resolved */
		{ "\"measures\": [1]", "\"measures\": [1, 99999]",
		  "events[0].measures[1]: no measure with seq 99999" },
		{ "\"measures\": [1]", "\"measures\": [1, 1]", "events[0].measures[1]: 1 is listed twice" },
		{ "\"fulfilment\": \"Atlikta.\"}]",
		  "\"fulfilment\": \"Atlikta.\"}, {\"seq\": 2, \"name\": \"B\"}, {\"seq\": 1, \"name\": \"C\"}]",
		  "measures[2].seq: 1 is used twice (measures[0])" },
		{ "\"plan\": {\"title\": \"2023–2025 m. veiklos planas\", \"year_from\": 2023, \"year_to\": 2025}",
		  "\"plan\": null", "measures: listed without a plan" },
		/* ranges across members */
		{ "\"year_to\": 2025", "\"year_to\": 2022", "plan.year_to: 2022 is before year_from 2023" },
		{ "\"start\": 100, \"end\": 180", "\"start\": 100, \"end\": 80",
		  "events[0].span.end: 80 is before start 100" },
		/* a member the format does not have: a typo is not dropped */
		{ "\"name\": \"Kauno", "\"nam\": \"Kauno",
		  "council.nam: unknown member (this object has: name, municipality, kind, size, "
		  "seats_municipality, seats_community, several_councils, span)" },
		{ "\"acts\": [", "\"act\": [], \"acts\": [",
		  "act: unknown member (this object has: format, source, council, plan, members, "
		  "meetings, figures, measures, events, acts, attendance, notes)" },
		{ "\"group\": null", "\"group\": null, \"note\": \"x\"",
		  "events[0].participants[1].note: unknown member (this object has: count, qualifier, group)" },
		{ "\"text\": \"...\"", "\"text\": \"...\", \"page\": 2",
		  "events[0].span.page: unknown member (this object has: line, start, end, text)" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *bad = variant(cases[i].from, cases[i].to), want[600];
		council_extraction *x = NULL;
		int rc = council_import_parse_json(&x, "bad.json", bad, strlen(bad));
		snprintf(want, sizeof want, "bad.json: %s", cases[i].msg);
		if (rc != COUNCIL_EPARSE || strcmp(council_extraction_errmsg(x), want) != 0)
			fail_msg("case %zu: rc %d, message\n  \"%s\", want\n  \"%s\"", i, rc,
			         council_extraction_errmsg(x), want);
		council_extraction_free(x);
		free(bad);
	}
}

/* What the format leaves open is still read: members absent or null, a
 * span without its text, and a reviewed JSON's text is stored in NFC. */
static void test_lenient_and_nfc(void **state)
{
	static const char *doc =
		"{\"format\": \"libcouncil-extraction/1\", \"source\": null, \"plan\": null,"
		" \"council\": {\"name\": \"Klaipe\xCC\x87" "dos taryba\", \"span\": {\"line\": 3}},"
		" \"members\": null,"
		" \"events\": [{\"title\": \"S\xCC\x8C" "ventė\", \"date\": \"2024\", \"remote\": null,"
		"   \"span\": {\"text\": \"Klaipe\xCC\x87" "da\"}}]}";
	council_extraction *x = NULL;
	char *json = NULL;

	(void)state;
	assert_int_equal(council_import_parse_json(&x, "ok.json", doc, strlen(doc)), COUNCIL_OK);
	assert_int_equal(council_extraction_to_json(&json, x), COUNCIL_OK);
	assert_non_null(strstr(json, "\"name\": \"Klaipėdos taryba\""));
	assert_non_null(strstr(json, "\"title\": \"Šventė\""));
	assert_non_null(strstr(json, "\"text\": \"Klaipėda\""));
	assert_null(strstr(json, "\xCC\x87"));
	council_free(json);
	council_extraction_free(x);
}

/* A span's quote keeps at most X_QUOTE_MAX characters, cut at a character
 * boundary with "…", whether it is written or read. */
static void test_quote_bounded(void **state)
{
	char text[4096], *q, *json = NULL, doc[8192];
	council_extraction *x = NULL;
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < 300; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "%s", i % 2 ? "ž" : "a");
	q = x_quote(text, n);
	assert_non_null(q);
	assert_int_equal(utf8_length(q, strlen(q)), X_QUOTE_MAX);
	assert_true(strlen(q) >= 3 && strcmp(q + strlen(q) - 3, "…") == 0);
	assert_true(utf8_valid(q, strlen(q)));
	{
		/* already bounded: unchanged */
		char *again = x_quote(q, strlen(q));
		assert_string_equal(again, q);
		free(again);
	}
	free(q);
	/* never between a letter and its mark: 198 x "a", then "e" + U+0307 */
	n = 0;
	for (i = 0; i < 198; i++)
		text[n++] = 'a';
	memcpy(text + n, "e\xCC\x87" "e\xCC\x87" "bbbbb", 12);
	n += 12;
	q = x_quote(text, n); /* NFC: "ė" is one character, so 198 + 2 + 5 */
	assert_int_equal(utf8_length(q, strlen(q)), X_QUOTE_MAX);
	free(q);
	memcpy(text + 198, "e\xCC\x87\xCC\xA3" "bbbbb", 10); /* e, dot above, dot below: no precomposed form */
	n = 208;
	q = x_quote(text, n);
	assert_true(utf8_length(q, strlen(q)) <= X_QUOTE_MAX);
	assert_false(strstr(q, "e…")); /* the e was not parted from its marks */
	free(q);
	/* read from a reviewed JSON: bounded too */
	n = (size_t)snprintf(doc, sizeof doc,
	                     "{\"format\": \"libcouncil-extraction/1\", \"council\": {\"name\": \"T\","
	                     " \"span\": {\"line\": 1, \"start\": 0, \"end\": 9, \"text\": \"");
	for (i = 0; i < 1000; i++)
		doc[n++] = 'x';
	n += (size_t)snprintf(doc + n, sizeof doc - n, "\"}}}");
	assert_int_equal(council_import_parse_json(&x, "q.json", doc, n), COUNCIL_OK);
	assert_int_equal(council_extraction_to_json(&json, x), COUNCIL_OK);
	{
		const char *quote = strstr(json, "\"text\": \"");
		assert_non_null(quote);
		quote += 9;
		assert_int_equal(utf8_length(quote, strcspn(quote, "\"")), X_QUOTE_MAX);
		assert_true(strncmp(quote + strcspn(quote, "\"") - 3, "…", 3) == 0);
	}
	council_free(json);
	council_extraction_free(x);
}

/* Issue 10, problem 5: a report of one long paragraph holding many
 * records (here about 24 KiB, like the issue's) writes a JSON a few times
 * its size, not its paragraph once per record. */
static void test_json_proportional_to_report(void **state)
{
	static const char *const months[] = {
		"sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos",
		"rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio"
	};
	size_t cap = 32768, n = 0, i;
	char *report = malloc(cap), *json = NULL;
	council_extraction *x = NULL;

	(void)state;
	assert_non_null(report);
	n += (size_t)snprintf(report, cap, "KAUNO MIESTO SAVIVALDYBĖS BENDRUOMENINIŲ ORGANIZACIJŲ "
	                      "TARYBOS 2021 METŲ VEIKLOS ATASKAITA\n\nPer metus įvyko šie posėdžiai: ");
	for (i = 0; n < 24 * 1024 - 200; i++)
		n += (size_t)snprintf(report + n, cap - n, "Tarybos posėdis įvyko 2021 m. %s %zu d., "
		                      "svarstyta %zu klausimų; ", months[i % 12], 1 + i % 27, 1 + i % 9);
	report[n++] = '\n';
	assert_int_equal(council_import_parse(&x, "long.txt", report, n), COUNCIL_OK);
	assert_int_equal(council_extraction_to_json(&json, x), COUNCIL_OK);
	/* the paragraph was read into many records, each with a span (the
	 * meetings' span is the paragraph: 2.6 MB of JSON before the bound) */
	{
		size_t events = 0;
		const char *p = json;
		while ((p = strstr(p, "\"span\": {")))
			events++, p++;
		if (events < 50)
			fail_msg("only %zu spans: the fixture no longer makes many records", events);
	}
	if (strlen(json) > 8 * n)
		fail_msg("a %zu-byte report wrote %zu bytes of JSON (%.1fx)", n, strlen(json),
		         (double)strlen(json) / (double)n);
	council_free(json);
	council_extraction_free(x);
	free(report);
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
		cmocka_unit_test(test_event_council_and_notes),
		cmocka_unit_test(test_lenient_and_nfc),
		cmocka_unit_test(test_quote_bounded),
		cmocka_unit_test(test_json_proportional_to_report),
		cmocka_unit_test(test_syntax_error_names_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
