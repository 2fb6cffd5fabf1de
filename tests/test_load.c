/* SPDX-License-Identifier: MIT */
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

/* A protocol's attendance: the meeting's quorum and who was listed, read
 * through meeting_attendance; a new version of the document states them
 * afresh (a name dropped from its lists goes), while a row a person added
 * by hand stays. */
static void test_attendance_stored_and_replaced(void **state)
{
	static const char *proto =
		"{\"format\": \"libcouncil-extraction/1\","
		" \"source\": {\"path\": \"p/1.txt\", \"kind\": \"protocol\", \"report_year\": 2024},"
		" \"council\": {\"name\": \"Biržų rajono savivaldybės bendruomeninių organizacijų taryba\","
		"               \"kind\": \"BO\", \"size\": 3},"
		" \"members\": [{\"name\": \"Ona Onaitė\"}, {\"name\": \"Jonas Jonaitis\"}, {\"name\": \"Rūta Rūtaitė\"}],"
		" \"meetings\": [{\"date\": \"2024-03-14\", \"participants\": 2}],"
		" \"attendance\": [{\"date\": \"2024-03-14\", \"name\": \"Ona Onaitė\", \"present\": true},"
		"                  {\"date\": \"2024-03-14\", \"name\": \"Jonas Jonaitis\", \"present\": true},"
		"                  {\"date\": \"2024-03-14\", \"name\": \"Rūta Rūtaitė\", \"present\": false,"
		"                   \"reason\": \"dėl ligos\"}]}";
	council_db *db = *state;
	council_extraction *x = parse(proto), *y;
	council_import_result r;
	char *v2 = strdup(proto), *p;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting_attendance WHERE date = '2024-03-14' "
	                                "AND council LIKE 'Biržų%'"), 3);
	assert_int_equal(tu_sql_int(db, "SELECT present FROM meeting_attendance WHERE name = 'Rūta Rūtaitė'"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM attendance WHERE member_id IS NULL "
	                                "OR source_id IS NULL"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT present * 10 + members FROM meeting_quorum"), 23);
	/* a person adds one listed elsewhere */
	tu_exec(db, "INSERT INTO attendance(meeting_id, name, present) "
	            "SELECT id, 'Petras Petraitis', 1 FROM meeting");
	/* the new version lists Jonas Jonaitis no more */
	p = strstr(v2, "{\"date\": \"2024-03-14\", \"name\": \"Jonas Jonaitis\"");
	assert_non_null(p);
	{
		const char *end = strstr(p, "},") + 2;
		memmove(p, end, strlen(end) + 1);
	}
	y = parse(v2);
	assert_int_equal(council_import_load(&r, db, y, sha('b')), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting_attendance WHERE name = 'Jonas Jonaitis'"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting_attendance WHERE name = 'Petras Petraitis'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting_attendance"), 3);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting_quorum"), 1);
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

/* ---- issue 10: stable identity, protected corrections, duplicates ------- */

/* doc as the raw document itself ("r/2021.txt", no "source" member: what a
 * text import stores), and as a review of it (a dry run's JSON, corrected,
 * loaded from r/2021.json with "source.path" naming the document). */
static council_extraction *parse_as(const char *path, const char *json)
{
	council_extraction *x = NULL;
	if (council_import_parse_json(&x, path, json, strlen(json)) != COUNCIL_OK)
		fail_msg("%s", council_extraction_errmsg(x));
	return x;
}

/* json with every occurrence of from replaced by to (a heap string). */
static char *edit(const char *json, const char *from, const char *to)
{
	size_t nf = strlen(from), nt = strlen(to), n = 0;
	const char *p;
	char *out, *w;

	for (p = json; (p = strstr(p, from)); p += nf)
		n++;
	assert_true(n > 0);
	out = malloc(strlen(json) + n * nt + 1);
	for (w = out, p = json;;) {
		const char *q = strstr(p, from);
		if (!q) {
			strcpy(w, p);
			break;
		}
		memcpy(w, p, (size_t)(q - p));
		w += q - p;
		memcpy(w, to, nt);
		w += nt;
		p = q + nf;
	}
	return out;
}

/* The raw document: doc without its "source" member. */
static char *raw_doc(void)
{
	return edit(doc, " \"source\": {\"path\": \"r/2021.txt\", \"kind\": \"annual_report\", \"report_year\": 2021},",
	            " \"source\": {\"kind\": \"annual_report\", \"report_year\": 2021},");
}

static int has_message(council_db *db, const char *fragment)
{
	const council_import_notes *n = council_import_notes_last(db);
	size_t i;

	for (i = 0; i < n->n_messages; i++)
		if (strstr(n->messages[i], fragment))
			return 1;
	return 0;
}

/* Issue 10, problem 1: a correction made in a reviewed JSON survives a
 * later import of the document; the review keeps every id; the document's
 * own hash stays and the review is recorded beside it. */
static void test_review_survives_reimport(void **state)
{
	council_db *db = *state;
	char *raw = raw_doc(), *review = edit(doc, "{\"count\": 16}", "{\"count\": 33}");
	char *raw2 = edit(raw, "\"Ona Onaitė\"", "\"Ona Onaitė\", \"represents\": \"Bendruomenė\"");
	council_extraction *x = parse_as("r/2021.txt", raw), *y = parse_as("r/2021.json", review);
	council_extraction *z = parse_as("r/2021.txt", raw2);
	council_import_result r;
	int64_t event, member, meeting;
	char msg[128];

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	event = tu_sql_int(db, "SELECT id FROM event");
	member = tu_sql_int(db, "SELECT id FROM member");
	meeting = tu_sql_int(db, "SELECT min(id) FROM meeting");
	assert_int_equal(council_import_load(&r, db, y, sha('b')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REVIEWED);
	assert_int_equal(r.events, 1);
	assert_int_equal(council_import_notes_last(db)->updated, 1);
	/* ids kept (they were renumbered: 2-6 became 503-507) */
	assert_int_equal(tu_sql_int(db, "SELECT id FROM event"), event);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM member"), member);
	assert_int_equal(tu_sql_int(db, "SELECT min(id) FROM meeting"), meeting);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 33);
	/* a review of the document, not a new document */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document WHERE sha256 = "
	                                "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_review WHERE path LIKE '%/r/2021.json'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE origin LIKE 'review %'"), 1);

	/* The same document again, bytes changed: the count stays 33, and
	 * the disagreement is reported. */
	assert_int_equal(council_import_load(&r, db, z, sha('c')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REPLACED);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 33);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM event"), event);
	assert_int_equal(council_import_notes_last(db)->kept_reviewed, 1);
	snprintf(msg, sizeof msg, "event %lld participants: 33, the document says 16", (long long)event);
	assert_true(has_message(db, msg));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member WHERE represents = 'Bendruomenė'"), 1);
	/* The original bytes again: unchanged, nothing reverted. */
	assert_int_equal(council_import_load(&r, db, x, sha('c')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_UNCHANGED);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 33);

	/* Told to, an import replaces the person's value and says so. */
	assert_int_equal(council_import_load_flags(&r, db, x, sha('d'), COUNCIL_IMPORT_OVERWRITE_REVIEWED),
	                 COUNCIL_OK);
	assert_int_equal(council_import_notes_last(db)->overwritten_reviewed, 1);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 16);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM event"), event);
	council_extraction_free(x);
	council_extraction_free(y);
	council_extraction_free(z);
	free(raw);
	free(raw2);
	free(review);
}

/* Issue 10, problem 1: values set by hand -- through the library and
 * straight in SQL -- are kept by a later import, which notes each. */
static void test_hand_edits_survive_reimport(void **state)
{
	council_db *db = *state;
	char *raw = raw_doc(), *raw2 = edit(raw, "\"year_to\": 2023", "\"year_to\": 2024");
	council_extraction *x = parse_as("r/2021.txt", raw), *z = parse_as("r/2021.txt", raw2);
	council_import_result r;
	council_event *e = NULL;
	int64_t event;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	event = tu_sql_int(db, "SELECT id FROM event");
	assert_int_equal(council_event_get(&e, db, event), COUNCIL_OK);
	e->location = (char *)"Biržai";
	e->kind = COUNCIL_EVENT_SEMINAR;
	assert_int_equal(council_event_update(db, e), COUNCIL_OK);
	e->location = NULL;
	council_event_free(e);
	tu_exec(db, "UPDATE member SET role = 'deputy'");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE origin = 'hand'"), 3);
	assert_int_equal(council_import_load(&r, db, z, sha('b')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REPLACED);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event WHERE location = 'Biržai' AND kind = 'seminar'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT role = 'deputy' FROM member"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT year_to FROM plan"), 2024); /* not reviewed: updated */
	assert_int_equal(council_import_notes_last(db)->kept_reviewed, 2);
	assert_true(has_message(db, "member"));
	assert_true(has_message(db, "role: deputy, the document says chair"));
	council_extraction_free(x);
	council_extraction_free(z);
	free(raw);
	free(raw2);
}

/* Issue 10, problem 2: a corrected copy under another name states the
 * same records (counted, not "reused" as 0); removing the first document
 * keeps them; importing the copy again restores nothing because nothing
 * was lost. */
static void test_remove_keeps_what_another_document_states(void **state)
{
	council_db *db = *state;
	char *v1 = raw_doc(), *v2 = edit(v1, "{\"count\": 16}", "{\"count\": 17}");
	council_extraction *x = parse_as("r/v1.txt", v1), *y = parse_as("r/v2.txt", v2);
	council_import_result r;
	council_id first;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	first = r.source_id;
	assert_int_equal(council_import_load(&r, db, y, sha('b')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_STORED);
	assert_int_equal(r.events, 1);
	assert_int_equal(r.members, 1);
	assert_int_equal(r.meetings, 2);
	assert_int_equal(r.measures, 1);
	assert_int_equal(r.acts, 1);
	assert_int_equal(r.figures, 1);
	assert_int_equal(council_import_notes_last(db)->stored, 0);
	assert_int_equal(council_import_notes_last(db)->updated, 1); /* the event's count */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM record_sources WHERE table_name = 'event'"), 2);
	assert_int_equal(council_source_delete(db, first), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM measure_fulfilment"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_measure"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT participants FROM events_overview"), 17);
	/* what stays now names the remaining document as its source */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event WHERE source_id = (SELECT id FROM source_document)"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_participants WHERE source_id = (SELECT id FROM source_document)"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(council_import_load(&r, db, y, sha('b')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_UNCHANGED);
	assert_int_equal(r.events, 1);
	assert_int_equal(r.meetings, 2);
	/* Removing the last document removes its records (councils stay). */
	assert_int_equal(council_source_delete(db, r.source_id), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event") + tu_sql_int(db, "SELECT count(*) FROM member") +
	                 tu_sql_int(db, "SELECT count(*) FROM plan") + tu_sql_int(db, "SELECT count(*) FROM record_sources WHERE table_name <> 'council'"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 1);
	council_extraction_free(x);
	council_extraction_free(y);
	free(v1);
	free(v2);
}

/* Issue 10, problem 2 / stable identity: a new version of a document
 * updates in place -- ids of unchanged records stay, new ones are added,
 * what it no longer states is removed. */
static void test_new_version_updates_in_place(void **state)
{
	council_db *db = *state;
	char *v1 = raw_doc();
	char *v2 = edit(v1, "{\"date\": \"2021-03-01\"}, ", "");
	char *v3 = edit(v2, "\"acts\": [", "\"acts\": [{\"number\": \"T-2\"}, ");
	council_extraction *x = parse_as("r/2021.txt", v1), *y = parse_as("r/2021.txt", v3);
	council_import_result r;
	int64_t event, member, act, kept_meeting, source;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	source = r.source_id;
	event = tu_sql_int(db, "SELECT id FROM event");
	member = tu_sql_int(db, "SELECT id FROM member");
	act = tu_sql_int(db, "SELECT id FROM legal_act");
	kept_meeting = tu_sql_int(db, "SELECT id FROM meeting WHERE date_start = '2021-06-01'");
	assert_int_equal(council_import_load(&r, db, y, sha('b')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REPLACED);
	assert_int_equal(r.source_id, source);
	assert_int_equal(council_import_notes_last(db)->removed, 1);
	assert_int_equal(council_import_notes_last(db)->stored, 1);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM event"), event);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM member"), member);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM legal_act WHERE number = 'T-1'"), act);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM legal_act"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM meeting"), kept_meeting);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 1);
	council_extraction_free(x);
	council_extraction_free(y);
	free(v1);
	free(v2);
	free(v3);
}

/* Issue 10, problem 8: duplicates inside one document are one record and a
 * warning; a council whose size is not the sum of its seats is warned. */
/* Issue 13: an extraction of a text about several councils says so, and
 * loading it says so to the person importing it. */
static void test_several_councils_noted(void **state)
{
	council_db *db = *state;
	char *a = edit(doc, "\"kind\": \"BO\"}", "\"kind\": \"BO\", \"several_councils\": true}");
	council_extraction *x = parse_as("r/several.txt", a);
	council_import_result r;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	assert_int_equal(council_import_notes_last(db)->warnings, 1);
	assert_true(has_message(db, "council: the text is about several councils, none its subject"));
	council_extraction_free(x);
	free(a);
	/* without the flag, no such note */
	x = parse_as("r/one.txt", doc);
	assert_int_equal(council_import_load(&r, db, x, sha('b')), COUNCIL_OK);
	assert_false(has_message(db, "several councils"));
	council_extraction_free(x);
}

/* Issue 13, member.council: on a page about several councils a member
 * carrying a council is stored under it (found or created by name), one
 * person on two councils is two members, and a member without one stays
 * the document's council's. */
static void test_member_council_stored(void **state)
{
	council_db *db = *state;
	static const char *json =
		"{\"format\": \"libcouncil-extraction/1\","
		" \"source\": {\"kind\": \"other\"},"
		" \"council\": {\"name\": \"Kauno rajono savivaldybės bendruomeninių organizacijų taryba\","
		"  \"municipality\": \"Kauno rajono savivaldybė\", \"kind\": \"BO\", \"several_councils\": true},"
		" \"members\": ["
		"  {\"name\": \"Ona Onaitė\", \"role\": \"chair\", \"council\": {\"name\":"
		"   \"Kauno rajono savivaldybės nevyriausybinių organizacijų taryba\","
		"   \"municipality\": \"Kauno rajono savivaldybė\", \"kind\": \"NVO\"}},"
		"  {\"name\": \"Jonas Jonaitis\", \"role\": \"member\", \"council\": {\"name\":"
		"   \"Kauno rajono savivaldybės bendruomeninių organizacijų taryba\", \"kind\": \"BO\"}},"
		"  {\"name\": \"Jonas Jonaitis\", \"role\": \"member\", \"council\": {\"name\":"
		"   \"Kauno rajono savivaldybės nevyriausybinių organizacijų taryba\", \"kind\": \"NVO\"}}]}";
	council_extraction *x = parse_as("r/kaunas.txt", json);
	council_import_result r;

	if (council_import_load(&r, db, x, sha('c')) != COUNCIL_OK)
		fail_msg("%s", council_errmsg(db));
	assert_int_equal(r.members, 3);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE council LIKE "
	                             "'%nevyriausybinių%' AND name IN ('Jonas Jonaitis', 'Ona Onaitė')"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE council LIKE "
	                             "'%bendruomeninių%' AND name = 'Jonas Jonaitis'"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview"), 3);
	assert_int_equal(tu_sql_int(db, "SELECT kind = 'NVO' FROM council WHERE name LIKE '%nevyriausybinių%'"), 1);
	council_extraction_free(x);
	/* a new version of the document: each found again under its
	 * council, none doubled; one it no longer states is gone */
	{
		char *less = edit(json, "  {\"name\": \"Ona Onaitė\", \"role\": \"chair\", \"council\": {\"name\":"
		                  "   \"Kauno rajono savivaldybės nevyriausybinių organizacijų taryba\","
		                  "   \"municipality\": \"Kauno rajono savivaldybė\", \"kind\": \"NVO\"}},", "");
		x = parse_as("r/kaunas.txt", less);
		if (council_import_load(&r, db, x, sha('d')) != COUNCIL_OK)
			fail_msg("%s", council_errmsg(db));
		assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview"), 2);
		assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM members_overview WHERE name = 'Ona Onaitė'"), 0);
		assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM council"), 2);
		council_extraction_free(x);
		free(less);
	}
}

static void test_duplicates_in_one_document(void **state)
{
	council_db *db = *state;
	char *a = edit(doc, "\"members\": [{\"name\": \"Ona Onaitė\", \"role\": \"chair\"}]",
	               "\"members\": [{\"name\": \"Ona Onaitė\", \"role\": \"chair\"}, {\"name\": \"Ona Onaitė\", \"role\": \"member\"}]");
	char *b = edit(a, "{\"date\": \"2021-03-01\"}", "{\"date\": \"2021-03-01\"}, {\"date\": \"2021-03-01\", \"format\": \"remote\"}");
	char *c = edit(b, "\"value\": 3}]", "\"value\": 3}, {\"year\": 2021, \"metric\": \"meetings\", \"value\": 4}]");
	char *d = edit(c, "\"acts\": [{\"number\": \"T-1\", \"date\": \"2019-01-01\"}]",
	               "\"acts\": [{\"number\": \"T-1\", \"date\": \"2019-01-01\"}, {\"number\": \"T-1\"}]");
	char *e = edit(d, "\"kind\": \"BO\"}", "\"kind\": \"BO\", \"size\": 15, \"seats_municipality\": 7, \"seats_community\": 7}");
	council_extraction *x = parse_as("r/dup.txt", e);
	council_import_result r;
	const council_import_notes *n;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	n = council_import_notes_last(db);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT role = 'chair' FROM member"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reported_figure"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT value FROM reported_figure"), 3);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM legal_act"), 1);
	assert_int_equal(r.members, 1);
	assert_int_equal(r.meetings, 2);
	assert_int_equal(n->warnings, 5);
	assert_true(has_message(db, "members[1] \"Ona Onaitė\": named twice, as chair and as member"));
	assert_true(has_message(db, "meetings[1]: 2021-03-01 stated twice: one meeting"));
	assert_true(has_message(db, "figures[1]: meetings 2021 stated twice, 3 and 4"));
	assert_true(has_message(db, "acts[1] T-1: stated twice"));
	assert_true(has_message(db, "council.size: 15 differs from its seats, 7 + 7 = 14"));
	council_extraction_free(x);
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
}

/* Issue 10, problem 8: two documents stating different figures for one
 * council, year and metric: both kept, each with its source, the
 * conflict visible and warned about. */
static void test_conflicting_figures_kept_and_shown(void **state)
{
	council_db *db = *state;
	char *v1 = raw_doc(), *v2 = edit(v1, "\"value\": 3", "\"value\": 4");
	council_extraction *x = parse_as("r/a.txt", v1), *y = parse_as("r/b.txt", v2);
	council_import_result r;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	assert_int_equal(council_import_load(&r, db, y, sha('b')), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reported_figure"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM figure_conflicts"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(DISTINCT source) FROM figure_conflicts"), 2);
	assert_int_equal(council_import_notes_last(db)->warnings, 1);
	assert_true(has_message(db, "figures[0]: meetings 2021 is 4 here and 3 in /"));
	/* the same value from a third document shares the row */
	council_extraction_free(x);
	x = parse_as("r/c.txt", v1);
	assert_int_equal(council_import_load(&r, db, x, sha('c')), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reported_figure"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM record_sources WHERE table_name = 'reported_figure'"), 3);
	council_extraction_free(x);
	council_extraction_free(y);
	free(v1);
	free(v2);
}

/* Issue 10, problem 8: what cannot be true is refused, naming the field,
 * and changes nothing: fulfilment for a year the plan does not cover, an
 * event of one council serving another council's measure. */
static void test_refused_contradictions(void **state)
{
	council_db *db = *state;
	char *bad = edit(doc, "\"year_from\": 2021", "\"year_from\": 2022");
	council_extraction *x = parse_as("r/late.json", bad), *ok = parse(doc);
	council_import_result r;
	council_fulfilment f;
	council_event e;
	council_id other, measure;
	int64_t rows;

	rows = total_rows(db);
	tu_assert_error(db, council_import_load(&r, db, x, sha('a')), COUNCIL_EINVAL,
	                "measures[0].fulfilment: year 2021 is outside the plan's years 2022..2023");
	assert_int_equal(total_rows(db), rows);
	assert_int_equal(council_import_load(&r, db, ok, sha('b')), COUNCIL_OK);
	measure = tu_sql_int(db, "SELECT id FROM measure");
	council_fulfilment_init(&f);
	f.measure_id = measure;
	f.year = 2026;
	f.text = (char *)"Per vėlu";
	tu_assert_error(db, council_fulfilment_add(NULL, db, &f), COUNCIL_EINVAL,
	                "fulfilment.year: 2026 is outside plan");
	other = tu_add_council(db, "Kita taryba");
	council_event_init(&e);
	e.council_id = other;
	e.title = (char *)"Svetimas renginys";
	e.date = tu_period("2021-05-05");
	e.measure_ids = &measure;
	e.n_measures = 1;
	tu_assert_error(db, council_event_add(NULL, db, &e), COUNCIL_EINVAL, "event.measure_ids[0]");
	council_extraction_free(x);
	council_extraction_free(ok);
	free(bad);
}

/* A reviewer corrects an event's title: the same event, its id kept (the
 * one event of that date the review left unmatched). */
static void test_review_title_correction_keeps_id(void **state)
{
	council_db *db = *state;
	char *raw = raw_doc(), *review = edit(doc, "\"title\": \"mokymai\"", "\"title\": \"Mokymai NVO atstovams\"");
	council_extraction *x = parse_as("r/2021.txt", raw), *y = parse_as("r/2021.json", review);
	council_import_result r;
	int64_t event;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	event = tu_sql_int(db, "SELECT id FROM event");
	assert_int_equal(council_import_load(&r, db, y, sha('b')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REVIEWED);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM event WHERE title = 'Mokymai NVO atstovams'"), event);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event_participants"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reviewed WHERE table_name = 'event' AND field = 'title'"), 1);
	council_extraction_free(x);
	council_extraction_free(y);
	free(raw);
	free(review);
}

/* Issue 10: a record the reviewer left out of the reviewed JSON is
 * removed, and a later import of the original document keeps it out,
 * saying so; --overwrite-reviewed (the flag) brings it back. */
static void test_review_removal_kept_out(void **state)
{
	council_db *db = *state;
	char *raw = raw_doc(), *raw2 = edit(raw, "\"Ona Onaitė\"", "\"Ona Onaitė\", \"represents\": \"X\"");
	char *cut = edit(doc, "\"acts\": [{\"number\": \"T-1\", \"date\": \"2019-01-01\"}]", "\"acts\": []");
	char *review = edit(cut, "\"meetings\": [{\"date\": \"2021-03-01\"}, ", "\"meetings\": [");
	council_extraction *x = parse_as("r/2021.txt", raw), *y = parse_as("r/2021.json", review);
	council_extraction *z = parse_as("r/2021.txt", raw2);
	council_import_result r;
	int64_t act, meeting;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	act = tu_sql_int(db, "SELECT id FROM legal_act");
	meeting = tu_sql_int(db, "SELECT id FROM meeting WHERE date_start = '2021-03-01'");
	assert_int_equal(council_import_load(&r, db, y, sha('b')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REVIEWED);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM legal_act"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM removed WHERE origin LIKE 'review %/r/2021.json %'"), 2);

	/* the document's next version states both again: kept out, said */
	assert_int_equal(council_import_load(&r, db, z, sha('c')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REPLACED);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM legal_act"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 1);
	assert_int_equal(r.acts, 0);
	assert_int_equal(r.meetings, 1);
	assert_int_equal(council_import_notes_last(db)->kept_reviewed, 2);
	assert_true(has_message(db, "acts[0] T-1: kept out, removed by the review "));
	assert_true(has_message(db, "meetings[0] 2021-03-01: kept out"));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member WHERE represents = 'X'"), 1);

	/* told to, it brings them back, and the marks go */
	assert_int_equal(council_import_load_flags(&r, db, x, sha('d'), COUNCIL_IMPORT_OVERWRITE_REVIEWED),
	                 COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM legal_act"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 2);
	assert_int_equal(council_import_notes_last(db)->overwritten_reviewed, 2);
	assert_true(has_message(db, "acts[0] T-1: removed by the review "));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM removed"), 0);
	/* the review's removals are in the history, under the review */
	{
		char q[256];
		snprintf(q, sizeof q, "SELECT count(*) FROM changes WHERE operation = 'delete' AND "
		         "origin = 'review' AND ((table_name = 'legal_act' AND record_id = %lld) OR "
		         "(table_name = 'meeting' AND record_id = %lld))", (long long)act,
		         (long long)meeting);
		assert_int_equal(tu_sql_int(db, q), 2);
	}
	council_extraction_free(x);
	council_extraction_free(y);
	council_extraction_free(z);
	free(raw);
	free(raw2);
	free(cut);
	free(review);
}

/* Issue 10: a record removed through the library (the CLI's remove) after
 * an import is kept out of the document's next import, which says so; a
 * restore from the history, a reviewed JSON listing it again, or the flag
 * brings it back.  A person's own record leaves no mark when removed. */
static void test_hand_removal_kept_out(void **state)
{
	council_db *db = *state;
	char *raw = raw_doc(), *raw2 = edit(raw, "\"Ona Onaitė\"", "\"Ona Onaitė\", \"represents\": \"X\"");
	char *raw3 = edit(raw, "\"Planas\"", "\"Planas 2021-2023\"");
	council_extraction *x = parse_as("r/2021.txt", raw), *z = parse_as("r/2021.txt", raw2);
	council_extraction *w = parse_as("r/2021.txt", raw3), *y = parse_as("r/2021.json", doc);
	council_import_result r;
	council_event e;
	council_id event, member, mine = 0;
	size_t n = 0;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	event = tu_sql_int(db, "SELECT id FROM event");
	member = tu_sql_int(db, "SELECT id FROM member");
	assert_int_equal(council_event_delete(db, event), COUNCIL_OK);
	assert_int_equal(council_member_delete(db, member), COUNCIL_OK);
	assert_int_equal(council_figure_delete(db, tu_sql_int(db, "SELECT id FROM reported_figure")),
	                 COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM removed WHERE origin = 'hand'"), 3);
	council_event_init(&e);
	e.council_id = r.council_id;
	e.title = "Rankinis";
	e.date.start.year = e.date.end.year = 2021;
	assert_int_equal(council_event_add(&mine, db, &e), COUNCIL_OK);
	assert_int_equal(council_event_delete(db, mine), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM removed"), 3);

	assert_int_equal(council_import_load(&r, db, z, sha('c')), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 0);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reported_figure"), 0);
	assert_int_equal(r.events, 0);
	assert_int_equal(r.members, 0);
	assert_int_equal(council_import_notes_last(db)->kept_reviewed, 3);
	assert_true(has_message(db, "events[0] \"mokymai\" 2021-04-10: kept out, removed by hand on "));
	assert_true(has_message(db, "figures[0] meetings 2021 = 3: kept out"));

	/* restored from the history: back, and no longer kept out */
	assert_int_equal(council_record_restore(&n, db, "event", event), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM removed WHERE table_name = 'event'"), 0);
	/* a reviewed JSON listing the member again is a person bringing it back */
	assert_int_equal(council_import_load(&r, db, y, sha('e')), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM reported_figure"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM removed"), 0);
	assert_int_equal(council_import_load(&r, db, w, sha('f')), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM event"), event);
	assert_int_equal(council_import_notes_last(db)->kept_reviewed, 0);
	council_extraction_free(x);
	council_extraction_free(y);
	council_extraction_free(z);
	council_extraction_free(w);
	free(raw);
	free(raw2);
	free(raw3);
}

/* Issue 10: a reviewer who corrects an event's date (or a member's name,
 * a meeting's date) keeps its id: the dry run gives the JSON the stored
 * records' ids (council_extraction_match_ids) and the review is matched
 * by them first.  The document's next import finds the corrected records
 * by their old keys: nothing stored twice, the corrections kept. */
static void test_review_date_correction_keeps_id(void **state)
{
	council_db *db = *state;
	char *raw = raw_doc(), *raw2 = edit(raw, "\"Ona Onaitė\"", "\"Ona Onaitė\", \"represents\": \"X\"");
	council_extraction *x = parse_as("r/2021.txt", raw), *d = parse_as("r/2021.txt", raw);
	council_extraction *y = NULL, *z = parse_as("r/2021.txt", raw2), *bad = NULL;
	council_import_result r;
	char *json = NULL, *fixed, *fixed2, *fixed3, *wrong;
	int64_t event, member, meeting;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	event = tu_sql_int(db, "SELECT id FROM event");
	member = tu_sql_int(db, "SELECT id FROM member");
	meeting = tu_sql_int(db, "SELECT id FROM meeting WHERE date_start = '2021-06-01'");
	/* the dry run's JSON, with ids; the reviewer corrects three keys */
	assert_int_equal(council_extraction_match_ids(d, db), COUNCIL_OK);
	assert_int_equal(council_extraction_to_json(&json, d), COUNCIL_OK);
	assert_non_null(strstr(json, "\"id\""));
	fixed = edit(json, "\"2021-04-10..2021-04-19\"", "\"2021-05-10..2021-05-19\"");
	fixed2 = edit(fixed, "\"Ona Onaitė\"", "\"Ona Onaitytė\"");
	fixed3 = edit(fixed2, "\"2021-06-01\"", "\"2021-06-02\"");
	y = parse_as("r/2021.json", fixed3);
	assert_int_equal(council_import_load(&r, db, y, sha('b')), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REVIEWED);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM event WHERE date_start = '2021-05-10' "
	                                "AND date_end = '2021-05-19' AND year = 2021"), event);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM member WHERE name = 'Ona Onaitytė'"), member);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM meeting WHERE date_start = '2021-06-02'"), meeting);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 2);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM record_key"), 3);

	/* the document again, changed: the same records, the corrections kept */
	assert_int_equal(council_import_load(&r, db, z, sha('c')), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM event WHERE date_start = '2021-05-10'"), event);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM member WHERE name = 'Ona Onaitytė' "
	                                "AND represents = 'X'"), member);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM meeting"), 2);
	assert_int_equal(council_import_notes_last(db)->removed, 0);

	/* an id that is no record of the council is refused, naming it */
	wrong = edit(fixed3, "\"r/2021.txt\"", "\"r/2021.txt\"");
	{
		char needle[32], *w2;
		snprintf(needle, sizeof needle, "\"id\": %lld", (long long)member);
		w2 = edit(wrong, needle, "\"id\": 999");
		bad = parse_as("r/2021.json", w2);
		free(w2);
	}
	assert_int_equal(council_import_load(&r, db, bad, sha('d')), COUNCIL_EINVAL);
	/* (every record with that id names 999 now: the first in the reading
	 * order is refused) */
	assert_non_null(strstr(council_errmsg(db), "].id: no "));
	assert_non_null(strstr(council_errmsg(db), " 999 of council \"Biržų"));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_review"), 1);
	council_extraction_free(x);
	council_extraction_free(d);
	council_extraction_free(y);
	council_extraction_free(z);
	council_extraction_free(bad);
	council_free(json);
	free(raw);
	free(raw2);
	free(fixed);
	free(fixed2);
	free(fixed3);
	free(wrong);
}

/* Issue 10: a person who corrects a record's natural key by hand (an
 * event's date, a member's name, with `council ... edit` or an *_update
 * call) does not get the old record back beside the corrected one from
 * the document's next import: the old key still finds it. */
static void test_hand_key_correction_finds_record(void **state)
{
	council_db *db = *state;
	char *raw = raw_doc(), *raw2 = edit(raw, "\"role\": \"chair\"", "\"role\": \"deputy\"");
	council_extraction *x = parse_as("r/2021.txt", raw), *z = parse_as("r/2021.txt", raw2);
	council_import_result r;
	council_event *e = NULL;
	council_member *m = NULL;
	council_id event, member;

	assert_int_equal(council_import_load(&r, db, x, sha('a')), COUNCIL_OK);
	event = tu_sql_int(db, "SELECT id FROM event");
	member = tu_sql_int(db, "SELECT id FROM member");
	assert_int_equal(council_event_get(&e, db, event), COUNCIL_OK);
	e->date.start.month = e->date.end.month = 5;
	assert_int_equal(council_event_update(db, e), COUNCIL_OK);
	assert_int_equal(council_member_get(&m, db, member), COUNCIL_OK);
	{
		const char *was = m->name; /* the record's own, freed with it */
		m->name = "Ona Onaitytė";
		assert_int_equal(council_member_update(db, m), COUNCIL_OK);
		m->name = was;
	}
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM record_key"), 2);

	assert_int_equal(council_import_load(&r, db, z, sha('c')), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM event"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT id FROM event WHERE date_start = '2021-05-10'"), event);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM member"), 1);
	/* the document's new role is taken, the person's name kept */
	assert_int_equal(tu_sql_int(db, "SELECT id FROM member WHERE name = 'Ona Onaitytė' "
	                                "AND role = 'deputy'"), member);
	council_event_free(e);
	council_member_free(m);
	council_extraction_free(x);
	council_extraction_free(z);
	free(raw);
	free(raw2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_store_then_unchanged, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_new_version_replaces, tu_setup_file, tu_teardown),
		cmocka_unit_test_setup_teardown(test_failure_leaves_database_unchanged, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_inside_caller_transaction, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_bad_arguments, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_review_survives_reimport, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_hand_edits_survive_reimport, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_review_title_correction_keeps_id, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_review_removal_kept_out, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_review_date_correction_keeps_id, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_hand_key_correction_finds_record, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_hand_removal_kept_out, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_remove_keeps_what_another_document_states, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_new_version_updates_in_place, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_duplicates_in_one_document, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_several_councils_noted, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_member_council_stored, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_conflicting_figures_kept_and_shown, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_refused_contradictions, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_attendance_stored_and_replaced, tu_setup_memory, tu_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
