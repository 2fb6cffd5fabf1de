/* SPDX-License-Identifier: MIT */
/*
 * test_export.c -- council_export and council_export_write: the CSV bundle's
 * files and their bytes, datapackage.json's descriptions, the filter, the
 * refusals (bad options, a path that cannot be written), and that a failed
 * export leaves no temporary file behind.  The formats are parsed by real
 * consumers in tests/cli/test_export*.py.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

#include <jansson.h>

#include "testutil.h"

typedef struct fixture {
	council_db *db;
	char dir[64];
	council_id kaunas, klaipeda;
} fixture;

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	council_event e;
	council_member m;

	assert_non_null(fx);
	assert_int_equal(council_open(&fx->db, ":memory:", 0), COUNCIL_OK);
	strcpy(fx->dir, "/tmp/council-export-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	fx->kaunas = tu_add_council(fx->db, "Kauno miesto savivaldybės BO taryba");
	fx->klaipeda = tu_add_council(fx->db, "Klaipėdos rajono savivaldybės BO taryba");
	council_event_init(&e);
	e.council_id = fx->kaunas;
	e.title = "Seminaras, \"Sumanūs\"\nkaimai";
	e.date = tu_period("2024-02");
	assert_int_equal(council_event_add(NULL, fx->db, &e), COUNCIL_OK);
	e.council_id = fx->klaipeda;
	e.title = "Forumas";
	e.date = tu_period("2023-05-16..2023-05-17");
	assert_int_equal(council_event_add(NULL, fx->db, &e), COUNCIL_OK);
	council_member_init(&m);
	m.council_id = fx->klaipeda;
	m.name = "Ona Žukauskienė";
	assert_int_equal(council_member_add(NULL, fx->db, &m), COUNCIL_OK);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	char cmd[128];

	council_close(fx->db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	assert_int_equal(system(cmd), 0);
	free(fx);
	return 0;
}

static char *read_in(const fixture *fx, const char *sub, const char *name)
{
	char path[256];
	size_t n;

	snprintf(path, sizeof path, "%s/%s/%s", fx->dir, sub, name);
	return tu_read_file(path, &n);
}

static int count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void test_csv_bundle(void **state)
{
	fixture *fx = *state;
	char out[128], *csv;

	snprintf(out, sizeof out, "%s/all", fx->dir);
	assert_int_equal(council_export(fx->db, NULL, out), COUNCIL_OK);
	/* every view and datapackage.json */
	assert_int_equal(count_files(out),
	                 tu_sql_int(fx->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'view'") + 1);
	csv = read_in(fx, "all", "events_overview.csv");
	assert_string_equal(csv,
		"council,title,date_start,date_end,participants,qualifier,location,organiser,"
		"remote,kind,event_id,conflict,council_id,municipality,year\r\n"
		"Kauno miesto savivaldybės BO taryba,\"Seminaras, \"\"Sumanūs\"\"\nkaimai\","
		"2024-02,2024-02,,,,,,other,1,0,1,,2024\r\n"
		"Klaipėdos rajono savivaldybės BO taryba,Forumas,2023-05-16,2023-05-17,,,,,,"
		"other,2,0,2,,2023\r\n");
	free(csv);
	/* Exporting again over the same directory replaces the files. */
	assert_int_equal(council_export(fx->db, NULL, out), COUNCIL_OK);
	assert_int_equal(count_files(out),
	                 tu_sql_int(fx->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'view'") + 1);
}

static void test_csv_filter(void **state)
{
	fixture *fx = *state;
	council_export_options o;
	char out[128], *csv;

	council_export_options_init(&o);
	o.filter.council_id = fx->klaipeda;
	o.filter.year_to = 2023;
	snprintf(out, sizeof out, "%s/one", fx->dir);
	assert_int_equal(council_export(fx->db, &o, out), COUNCIL_OK);
	csv = read_in(fx, "one", "events_overview.csv");
	assert_non_null(strstr(csv, "Forumas"));
	assert_null(strstr(csv, "Seminaras"));
	free(csv);
	csv = read_in(fx, "one", "members_overview.csv");
	assert_non_null(strstr(csv, "Ona Žukauskienė"));
	free(csv);
	o.filter.council_id = fx->kaunas;
	assert_int_equal(council_export(fx->db, &o, out), COUNCIL_OK);
	csv = read_in(fx, "one", "events_overview.csv");
	assert_null(strstr(csv, "Seminaras")); /* 2024 is after year_to */
	assert_null(strstr(csv, "Forumas"));
	free(csv);
	csv = read_in(fx, "one", "members_overview.csv");
	assert_null(strstr(csv, "Ona"));
	free(csv);
}

static void test_datapackage_descriptions(void **state)
{
	fixture *fx = *state;
	char out[128], *text;
	json_t *pkg, *res;
	json_error_t err;
	size_t i, j;
	int seen = 0;

	snprintf(out, sizeof out, "%s/pkg", fx->dir);
	assert_int_equal(council_export(fx->db, NULL, out), COUNCIL_OK);
	text = read_in(fx, "pkg", "datapackage.json");
	pkg = json_loads(text, 0, &err);
	assert_non_null(pkg);
	json_array_foreach(json_object_get(pkg, "resources"), i, res) {
		json_t *fields = json_object_get(json_object_get(res, "schema"), "fields"), *fd;
		assert_non_null(json_string_value(json_object_get(res, "description")));
		json_array_foreach(fields, j, fd) {
			const char *d = json_string_value(json_object_get(fd, "description"));
			assert_non_null(d);
			/* A column's description is its own line, not the view's. */
			assert_null(strstr(d, "Columns:"));
			if (strcmp(json_string_value(json_object_get(res, "name")), "meetings_overview") == 0 &&
			    strcmp(json_string_value(json_object_get(fd, "name")), "platform") == 0) {
				assert_string_equal(d, "the video platform of a remote meeting "
				                    "(\"Microsoft Teams\", \"Zoom\")");
				seen = 1;
			}
		}
	}
	assert_true(seen);
	json_decref(pkg);
	free(text);
}

static int count_cb(void *ctx, const char *data, size_t len)
{
	(void)data;
	*(size_t *)ctx += len;
	return 0;
}

static void test_refusals(void **state)
{
	fixture *fx = *state;
	council_export_options o;
	char path[128];
	size_t n = 0;

	council_export_options_init(&o);
	o.filter.council_id = 0;
	tu_assert_error(fx->db, council_export(fx->db, &o, fx->dir), COUNCIL_EINVAL,
	                "filter.council_id");
	o.filter.council_id = 99;
	tu_assert_error(fx->db, council_export(fx->db, &o, fx->dir), COUNCIL_ENOTFOUND, "99");
	council_export_options_init(&o);
	o.format = (council_export_format)42;
	tu_assert_error(fx->db, council_export(fx->db, &o, fx->dir), COUNCIL_EINVAL, "format");
	tu_assert_error(fx->db, council_export(fx->db, NULL, ""), COUNCIL_EINVAL, "path");
	tu_assert_error(fx->db, council_export(fx->db, NULL, NULL), COUNCIL_EINVAL, "path");
	/* CSV is a directory: it cannot be streamed. */
	tu_assert_error(fx->db, council_export_write(fx->db, NULL, count_cb, &n),
	                COUNCIL_EINVAL, "csv");
	assert_int_equal(n, 0);
	/* A directory under a regular file cannot be made: EIO naming it. */
	snprintf(path, sizeof path, "%s/plain", fx->dir);
	fclose(fopen(path, "w"));
	snprintf(path, sizeof path, "%s/plain/sub", fx->dir);
	tu_assert_error(fx->db, council_export(fx->db, NULL, path), COUNCIL_EIO, "plain/sub");
	assert_int_equal(count_files(fx->dir), 1);
	council_export_options_init(&o);
	assert_int_equal(council_export(NULL, &o, fx->dir), COUNCIL_EMISUSE);
}

static void test_inside_callers_transaction(void **state)
{
	fixture *fx = *state;
	char out[128], *csv;
	council_event e;

	/* The caller's open transaction is used, so its own uncommitted rows
	 * are in the export, and the transaction stays open afterwards. */
	assert_int_equal(council_begin(fx->db), COUNCIL_OK);
	council_event_init(&e);
	e.council_id = fx->kaunas;
	e.title = "Neįrašytas";
	e.date = tu_period("2024");
	assert_int_equal(council_event_add(NULL, fx->db, &e), COUNCIL_OK);
	snprintf(out, sizeof out, "%s/txn", fx->dir);
	assert_int_equal(council_export(fx->db, NULL, out), COUNCIL_OK);
	csv = read_in(fx, "txn", "events_overview.csv");
	assert_non_null(strstr(csv, "Neįrašytas"));
	free(csv);
	assert_int_equal(council_rollback(fx->db), COUNCIL_OK);
}

/* ---- the calendar ---- */

typedef struct sink {
	char *buf;
	size_t len;
	int stop_after; /* calls before returning 7; 0 = never */
	int calls;
} sink;

static int sink_cb(void *ctx, const char *data, size_t len)
{
	sink *s = ctx;
	char *p = realloc(s->buf, s->len + len + 1);

	assert_non_null(p);
	s->buf = p;
	memcpy(s->buf + s->len, data, len);
	s->len += len;
	s->buf[s->len] = '\0';
	return s->stop_after && ++s->calls >= s->stop_after ? 7 : 0;
}

static void test_ical_lines(void **state)
{
	fixture *fx = *state;
	council_export_options o;
	sink s = { NULL, 0, 0, 0 };
	council_event e;
	char *p, *line;
	size_t longest = 0;

	/* 40 two-byte letters: a line that must fold, where a cut at 75 bytes
	 * would fall inside a character. */
	council_event_init(&e);
	e.council_id = fx->kaunas;
	e.title = "ąčęėįšųūžąčęėįšųūžąčęėįšųūžąčęėįšųūžąčęė;,\\";
	e.date = tu_period("2022");
	assert_int_equal(council_event_add(NULL, fx->db, &e), COUNCIL_OK);
	council_export_options_init(&o);
	o.format = COUNCIL_EXPORT_ICAL;
	o.uid_domain = "example.lt";
	assert_int_equal(council_export_write(fx->db, &o, sink_cb, &s), COUNCIL_OK);
	assert_non_null(s.buf);
	assert_true(strncmp(s.buf, "BEGIN:VCALENDAR\r\n", 17) == 0);
	assert_non_null(strstr(s.buf, "END:VCALENDAR\r\n"));
	assert_non_null(strstr(s.buf, "UID:event-3@example.lt\r\n"));
	assert_non_null(strstr(s.buf, "DTSTART;VALUE=DATE:20220101\r\nDTEND;VALUE=DATE:20220102\r\n"
	                              "X-LIBCOUNCIL-DATE-PRECISION:YEAR\r\n"));
	/* The two-day event: DTEND is the day after its last day. */
	assert_non_null(strstr(s.buf, "DTSTART;VALUE=DATE:20230516\r\nDTEND;VALUE=DATE:20230518\r\n"));
	/* Escapes: comma, quote kept, line break as \n. */
	assert_non_null(strstr(s.buf, "SUMMARY:Seminaras\\, \"Sumanūs\"\\nkaimai\r\n"));
	for (line = s.buf; (p = strstr(line, "\r\n")); line = p + 2) {
		size_t n = (size_t)(p - line);
		longest = n > longest ? n : longest;
		assert_true(n <= 75);
		/* a continuation line never starts with a UTF-8 continuation byte */
		if (line[0] == ' ')
			assert_true(((unsigned char)line[1] & 0xC0) != 0x80);
		assert_null(memchr(line, '\n', n));
	}
	assert_true(longest >= 73);
	assert_non_null(strstr(s.buf, "\\;\\,\\\\\r\n")); /* ";,\\" escaped at the end */
	free(s.buf);
}

static void test_ical_refusals_and_stop(void **state)
{
	fixture *fx = *state;
	council_export_options o;
	sink s = { NULL, 0, 1, 0 };
	char path[128];
	int i;

	council_export_options_init(&o);
	o.format = COUNCIL_EXPORT_ICAL;
	/* the callback's own value comes back, after its first call */
	for (i = 0; i < 200; i++) {
		council_event e;
		council_event_init(&e);
		e.council_id = fx->kaunas;
		e.title = "Renginys, kurio aprašymas ilgas, kad kalendorius netilptų į vieną bloką";
		e.date = tu_period("2021-06-01");
		assert_int_equal(council_event_add(NULL, fx->db, &e), COUNCIL_OK);
	}
	assert_int_equal(council_export_write(fx->db, &o, sink_cb, &s), 7);
	assert_int_equal(s.calls, 1);
	free(s.buf);
	o.uid_domain = "a b";
	tu_assert_error(fx->db, council_export_write(fx->db, &o, sink_cb, &s), COUNCIL_EINVAL,
	                "uid_domain");
	o.uid_domain = "";
	tu_assert_error(fx->db, council_export_write(fx->db, &o, sink_cb, &s), COUNCIL_EINVAL,
	                "uid_domain");
	o.uid_domain = NULL;
	tu_assert_error(fx->db, council_export_write(fx->db, &o, NULL, NULL), COUNCIL_EINVAL, "cb");
	/* To a file: written whole, nothing left beside it. */
	snprintf(path, sizeof path, "%s/cal.ics", fx->dir);
	assert_int_equal(council_export(fx->db, &o, path), COUNCIL_OK);
	assert_int_equal(count_files(fx->dir), 1);
	snprintf(path, sizeof path, "%s/missing/cal.ics", fx->dir);
	tu_assert_error(fx->db, council_export(fx->db, &o, path), COUNCIL_EIO, "missing/cal.ics");
	assert_int_equal(count_files(fx->dir), 1);
}

/* ---- Popolo ---- */

static json_t *popolo_of(council_db *db, const council_export_options *o)
{
	sink s = { NULL, 0, 0, 0 };
	json_error_t err;
	json_t *doc;

	assert_int_equal(council_export_write(db, o, sink_cb, &s), COUNCIL_OK);
	doc = json_loads(s.buf, 0, &err);
	if (!doc)
		fail_msg("%s at line %d", err.text, err.line);
	free(s.buf);
	return doc;
}

static json_t *by_id(json_t *list, const char *id)
{
	size_t i;
	json_t *o;

	json_array_foreach(list, i, o)
		if (strcmp(json_string_value(json_object_get(o, "id")), id) == 0)
			return o;
	return NULL;
}

static void test_popolo(void **state)
{
	fixture *fx = *state;
	council_export_options o;
	council_member m;
	council_source src;
	council_id sid;
	json_t *doc, *persons, *ms, *org, *sources;
	char id[64];

	/* A member imported from a document, the same name again with another
	 * role, and one with a name folding alike but written differently. */
	council_source_init(&src);
	src.path = "reports/klaipeda-2023.txt";
	src.sha256 = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
	assert_int_equal(council_source_add(&sid, fx->db, &src), COUNCIL_OK);
	council_member_init(&m);
	m.council_id = fx->klaipeda;
	m.name = "Ona Žukauskienė";
	m.role = COUNCIL_ROLE_CHAIR;
	m.represents = "Savivaldybės administracija";
	m.source_id = sid;
	assert_int_equal(council_member_add(NULL, fx->db, &m), COUNCIL_OK);
	m.name = "Ona Zukauskiene";
	m.role = COUNCIL_ROLE_MEMBER;
	m.represents = NULL;
	m.source_id = 0;
	assert_int_equal(council_member_add(NULL, fx->db, &m), COUNCIL_OK);
	tu_exec(fx->db, "UPDATE council SET municipality = 'Klaipėdos rajono savivaldybė', "
	        "kind = 'NVO' WHERE name LIKE 'Klaip%'");

	council_export_options_init(&o);
	o.format = COUNCIL_EXPORT_POPOLO;
	doc = popolo_of(fx->db, &o);
	/* councils in Lithuanian order, each after its municipality */
	org = json_array_get(json_object_get(doc, "organizations"), 0);
	assert_string_equal(json_string_value(json_object_get(org, "id")), "council/1");
	org = by_id(json_object_get(doc, "organizations"), "council/2");
	assert_non_null(org);
	assert_string_equal(json_string_value(json_object_get(org, "classification")), "NVO");
	assert_string_equal(json_string_value(json_object_get(org, "parent_id")),
	                    "municipality/klaipedos-rajono-savivaldybe");
	assert_non_null(by_id(json_object_get(doc, "organizations"),
	                      "municipality/klaipedos-rajono-savivaldybe"));
	/* three member rows, one person: the registry's (people.c), under which
	 * "Ona Žukauskienė" and the same name typed without Lithuanian letters
	 * are one; named by its fullest spelling */
	persons = json_object_get(doc, "persons");
	assert_int_equal(tu_sql_int(fx->db, "SELECT count(DISTINCT person_id) FROM member "
	                                    "WHERE name LIKE 'Ona Z%'"), 1);
	assert_int_equal(json_array_size(persons), 1);
	snprintf(id, sizeof id, "person/%lld",
	         (long long)tu_sql_int(fx->db, "SELECT min(person_id) FROM member WHERE name LIKE 'Ona Z%'"));
	assert_non_null(by_id(persons, id));
	assert_string_equal(json_string_value(json_object_get(by_id(persons, id), "name")),
	                    "Ona Žukauskienė");
	assert_int_equal(json_array_size(json_object_get(doc, "memberships")), 3);
	ms = json_array_get(json_object_get(doc, "memberships"), 0); /* the chair first */
	assert_string_equal(json_string_value(json_object_get(ms, "role")), "chair");
	assert_string_equal(json_string_value(json_object_get(ms, "on_behalf_of_id")),
	                    "organization/savivaldybes-administracija");
	sources = json_object_get(ms, "sources");
	assert_int_equal(json_array_size(sources), 1);
	/* base64url of 00 11 22 ... without padding */
	assert_string_equal(json_string_value(json_object_get(json_array_get(sources, 0), "url")),
	                    "ni:///sha-256;ABEiM0RVZneImaq7zN3u_wARIjNEVWZ3iJmqu8zd7v8");
	assert_string_equal(json_string_value(json_object_get(json_array_get(sources, 0), "note")),
	                    "reports/klaipeda-2023.txt (SHA-256 "
	                    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff)");
	/* events with their partial dates as they are */
	org = by_id(json_object_get(doc, "events"), "event/1");
	assert_string_equal(json_string_value(json_object_get(org, "start_date")), "2024-02");
	assert_string_equal(json_string_value(json_object_get(org, "organization_id")), "council/1");
	json_decref(doc);

	/* one council: its organizations, people and events only */
	o.filter.council_id = fx->kaunas;
	doc = popolo_of(fx->db, &o);
	assert_int_equal(json_array_size(json_object_get(doc, "organizations")), 1);
	assert_int_equal(json_array_size(json_object_get(doc, "persons")), 0);
	assert_int_equal(json_array_size(json_object_get(doc, "events")), 1);
	snprintf(id, sizeof id, "council/%lld", (long long)fx->kaunas);
	assert_non_null(by_id(json_object_get(doc, "organizations"), id));
	json_decref(doc);
}

/* The PostgreSQL script (loaded into a real server by tests/postgres/):
 * its structure and escapes here; a filter is refused. */
static void test_postgres_script(void **state)
{
	fixture *fx = *state;
	council_export_options o;
	sink s = { NULL, 0, 0, 0 };

	council_export_options_init(&o);
	o.format = COUNCIL_EXPORT_POSTGRES;
	assert_int_equal(council_export_write(fx->db, &o, sink_cb, &s), COUNCIL_OK);
	assert_non_null(strstr(s.buf, "BEGIN;\n"));
	assert_non_null(strstr(s.buf, "\nCOMMIT;\n"));
	assert_non_null(strstr(s.buf, "CREATE TABLE \"council\" (\n    \"id\" bigint GENERATED BY "
	                              "DEFAULT AS IDENTITY NOT NULL,\n    \"name\" text COLLATE \"C\" NOT NULL"));
	assert_non_null(strstr(s.buf, "CHECK (kind = 'BO' OR kind = 'NVO' OR kind = 'other')"));
	/* the date forms' GLOB checks stay behind */
	assert_null(strstr(s.buf, "GLOB"));
	assert_non_null(strstr(s.buf, "ALTER TABLE \"member\" ADD FOREIGN KEY (\"council_id\") "
	                              "REFERENCES \"council\" (\"id\");"));
	/* COPY's text format: the newline and the quotes of the title */
	assert_non_null(strstr(s.buf, "\tSeminaras, \"Sumanūs\"\\nkaimai\t"));
	assert_non_null(strstr(s.buf, "CREATE VIEW participants_per_year("));
	assert_non_null(strstr(s.buf, "COMMENT ON COLUMN \"events_overview\".\"qualifier\" IS "));
	/* transient tables are not copied */
	assert_null(strstr(s.buf, "\"change_context\""));
	free(s.buf);
	o.filter.year_from = 2020;
	tu_assert_error(fx->db, council_export_write(fx->db, &o, sink_cb, &s), COUNCIL_EINVAL,
	                "whole registry");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_csv_bundle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csv_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_datapackage_descriptions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_inside_callers_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ical_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ical_refusals_and_stop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_popolo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_postgres_script, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
