/* SPDX-License-Identifier: MIT */
/*
 * test_files.c -- importing files: council_import_file's errors and JSON
 * reviews, and council_import_files: the same rows whatever the threads
 * and batches, every file reported once and in order, failures reported
 * per file while the others are stored, a file reported only once its
 * batch is on disk, and a caller's own transaction respected.
 */
/* realpath(3) is X/Open: the build asks for POSIX.1-2008 only. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "internal.h"
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

static void test_import_file_errors(void **state)
{
	council_db *db = *state;
	council_import_result r;
	char path[] = "/tmp/council-load-XXXXXX";
	int fd;

	assert_int_equal(council_import_file(&r, db, "/nonexistent/report.txt"), COUNCIL_ENOTFOUND);
	assert_non_null(strstr(council_errmsg(db), "/nonexistent/report.txt"));
	assert_int_equal(council_import_file(&r, db, "/tmp"), COUNCIL_EIO);
	assert_non_null(strstr(council_errmsg(db), "not a regular file"));
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "ab\xff\xfe", 4), 4);
	close(fd);
	assert_int_equal(council_import_file(&r, db, path), COUNCIL_EPARSE);
	assert_non_null(strstr(council_errmsg(db), "invalid UTF-8"));
	assert_non_null(strstr(council_errmsg(db), ":1:"));
	unlink(path);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 0);
}

static void test_json_file_round_trip(void **state)
{
	council_db *db = *state;
	council_import_result r;
	char path[] = "/tmp/council-load-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, doc, strlen(doc)), (ssize_t)strlen(doc));
	close(fd);
	assert_int_equal(council_import_file(&r, db, path), COUNCIL_OK);
	/* The source is the document the review describes, not the JSON file. */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document WHERE path LIKE '/%/r/2021.txt'"), 1);
	assert_int_equal(council_import_file(&r, db, path), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_UNCHANGED);
	unlink(path);
}

/* The fixture reports (sorted, so every run imports them in one order). */
static size_t fixture_reports(char ***out)
{
	const char *dir = tu_fixture("reports");
	DIR *d = opendir(dir);
	struct dirent *e;
	char **paths = NULL;
	size_t n = 0, i, j;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
			continue;
		paths = realloc(paths, (n + 1) * sizeof *paths);
		assert_non_null(paths);
		paths[n] = malloc(strlen(dir) + len + 2);
		assert_non_null(paths[n]);
		sprintf(paths[n], "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(paths[j - 1], paths[j]) > 0; j--) {
			char *t = paths[j];
			paths[j] = paths[j - 1];
			paths[j - 1] = t;
		}
	assert_true(n >= 10);
	*out = paths;
	return n;
}

static void free_paths(char **paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* Everything a reader of the public views sees, as one string. */
static char *dump_views(council_db *db)
{
	static const char *const queries[] = {
		"SELECT * FROM meetings_per_year ORDER BY council_id, year",
		"SELECT * FROM meetings_overview ORDER BY meeting_id",
		"SELECT * FROM events_overview ORDER BY event_id",
		"SELECT * FROM members_overview ORDER BY member_id",
		"SELECT * FROM measures_overview ORDER BY measure_id",
		"SELECT id, path, sha256, kind, report_year FROM source_document ORDER BY id",
	};
	char *out = sqlite3_mprintf("");
	size_t q;

	for (q = 0; q < sizeof queries / sizeof queries[0]; q++) {
		sqlite3_stmt *st = NULL;
		int c;
		assert_int_equal(sqlite3_prepare_v2(db->sql, queries[q], -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (c = 0; c < sqlite3_column_count(st); c++)
				out = sqlite3_mprintf("%z%s%s", out, c ? "|" : "",
				                      sqlite3_column_type(st, c) == SQLITE_NULL
				                      ? "NULL" : (const char *)sqlite3_column_text(st, c));
			out = sqlite3_mprintf("%z\n", out);
		}
		sqlite3_finalize(st);
	}
	return out;
}

/* What the callback saw. */
typedef struct seen {
	size_t n;
	size_t index[64];
	int rc[64];
	council_import_status status[64];
	char msg[64][256];
	council_db *other;   /* a second handle on the same file, or NULL */
	int64_t visible[64]; /* sources the other handle saw at each report */
} seen;

static void record(void *ctx, const council_import_report *r)
{
	seen *s = ctx;

	assert_true(s->n < 64);
	s->index[s->n] = r->index;
	s->rc[s->n] = r->rc;
	s->status[s->n] = r->result.status;
	snprintf(s->msg[s->n], sizeof s->msg[s->n], "%s", r->errmsg);
	assert_true(r->rc == COUNCIL_OK ? r->errmsg[0] == '\0' : r->errmsg[0] != '\0');
	if (s->other && r->rc == COUNCIL_OK) {
		char sql[96];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM source_document WHERE id = %lld",
		         (long long)r->result.source_id);
		s->visible[s->n] = tu_sql_int(s->other, sql);
	}
	s->n++;
}

/* One thread and a commit per file, or four threads and batches of three:
 * the same rows, and every file reported once, in list order. */
static void test_threads_and_batches_store_the_same(void **state)
{
	char **paths;
	size_t n = fixture_reports(&paths), i;
	council_import_options serial = { 1, 1 }, parallel = { 4, 3 };
	council_db *a = NULL, *b = NULL;
	seen sa, sb;
	char *da, *dbv;

	(void)state;
	memset(&sa, 0, sizeof sa);
	memset(&sb, 0, sizeof sb);
	assert_int_equal(council_open(&a, ":memory:", 0), COUNCIL_OK);
	assert_int_equal(council_open(&b, ":memory:", 0), COUNCIL_OK);
	assert_int_equal(council_import_files(a, (const char *const *)paths, n, &serial, record, &sa),
	                 COUNCIL_OK);
	assert_int_equal(council_import_files(b, (const char *const *)paths, n, &parallel, record, &sb),
	                 COUNCIL_OK);
	assert_int_equal(sa.n, n);
	assert_int_equal(sb.n, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(sb.index[i], i);
		assert_int_equal(sb.rc[i], COUNCIL_OK);
		assert_int_equal(sb.status[i], COUNCIL_IMPORT_STORED);
	}
	da = dump_views(a);
	dbv = dump_views(b);
	assert_true(strlen(da) > 5000);
	assert_string_equal(dbv, da);
	assert_int_equal(tu_sql_int(b, "SELECT count(*) FROM source_document"), (int64_t)n);
	/* the import's in-memory sub-journals and long WAL were for the
	 * import only */
	assert_int_equal(tu_sql_int(b, "PRAGMA temp_store"), 0);
	assert_int_equal(tu_sql_int(b, "PRAGMA wal_autocheckpoint"), 1000);
	sqlite3_free(da);
	sqlite3_free(dbv);
	/* Again: every file unchanged, nothing added. */
	memset(&sb, 0, sizeof sb);
	assert_int_equal(council_import_files(b, (const char *const *)paths, n, NULL, record, &sb),
	                 COUNCIL_OK);
	for (i = 0; i < n; i++)
		assert_int_equal(sb.status[i], COUNCIL_IMPORT_UNCHANGED);
	assert_int_equal(tu_sql_int(b, "SELECT count(*) FROM source_document"), (int64_t)n);
	council_close(a);
	council_close(b);
	free_paths(paths, n);
}

/* Failures are reported per file, with their own message; the files
 * around them are stored; the first failure is the status returned. */
static void test_failures_are_per_file(void **state)
{
	council_db *db = *state;
	char **reports;
	size_t n = fixture_reports(&reports);
	char bad[] = "/tmp/council-files-XXXXXX";
	const char *paths[6];
	council_import_options opt = { 3, 2 };
	seen s;
	int fd = mkstemp(bad);

	memset(&s, 0, sizeof s);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "ab\xff\xfe", 4), 4);
	close(fd);
	paths[0] = reports[0];
	paths[1] = "/nonexistent/report.txt";
	paths[2] = bad;
	paths[3] = reports[1];
	paths[4] = reports[0];   /* the same bytes again, in the same batch */
	paths[5] = tu_fixture("reports");  /* a directory */
	assert_int_equal(council_import_files(db, paths, 6, &opt, record, &s), COUNCIL_ENOTFOUND);
	assert_int_equal(s.n, 6);
	assert_int_equal(s.rc[0], COUNCIL_OK);
	assert_int_equal(s.status[0], COUNCIL_IMPORT_STORED);
	assert_int_equal(s.rc[1], COUNCIL_ENOTFOUND);
	assert_non_null(strstr(s.msg[1], "/nonexistent/report.txt"));
	assert_int_equal(s.rc[2], COUNCIL_EPARSE);
	assert_non_null(strstr(s.msg[2], "invalid UTF-8"));
	assert_non_null(strstr(s.msg[2], bad));
	assert_int_equal(s.rc[3], COUNCIL_OK);
	assert_int_equal(s.rc[4], COUNCIL_OK);
	assert_int_equal(s.status[4], COUNCIL_IMPORT_UNCHANGED);
	assert_int_equal(s.rc[5], COUNCIL_EIO);
	assert_non_null(strstr(s.msg[5], "not a regular file"));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 2);
	unlink(bad);
	free_paths(reports, n);
}

/* A file is reported once the transaction holding it committed: another
 * connection already sees it. */
static void test_reported_only_when_committed(void **state)
{
	council_db *db = *state;
	char **paths;
	size_t n = fixture_reports(&paths), i;
	council_import_options opt = { 2, 4 };
	seen s;

	memset(&s, 0, sizeof s);
	assert_int_equal(council_open(&s.other, tu_db_path(), COUNCIL_OPEN_READONLY), COUNCIL_OK);
	assert_int_equal(council_import_files(db, (const char *const *)paths, n, &opt, record, &s),
	                 COUNCIL_OK);
	assert_int_equal(s.n, n);
	for (i = 0; i < n; i++)
		assert_int_equal(s.visible[i], 1);
	/* the import let the WAL grow between checkpoints; no longer */
	assert_int_equal(tu_sql_int(db, "PRAGMA wal_autocheckpoint"), 1000);
	council_close(s.other);
	free_paths(paths, n);
}

/* Inside the caller's transaction nothing is committed: a rollback takes
 * every file back. */
static void test_inside_caller_transaction(void **state)
{
	council_db *db = *state;
	char **paths;
	size_t n = fixture_reports(&paths);
	seen s;

	memset(&s, 0, sizeof s);
	assert_int_equal(council_begin(db), COUNCIL_OK);
	assert_int_equal(council_import_files(db, (const char *const *)paths, 3, NULL, record, &s),
	                 COUNCIL_OK);
	assert_int_equal(s.n, 3);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 3);
	assert_int_equal(council_rollback(db), COUNCIL_OK);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 0);
	free_paths(paths, n);
}

static void test_bad_calls(void **state)
{
	council_db *db = *state, *ro = NULL;
	seen s;

	memset(&s, 0, sizeof s);
	assert_int_equal(council_import_files(db, NULL, 0, NULL, record, &s), COUNCIL_OK);
	assert_int_equal(s.n, 0);
	assert_int_equal(council_import_files(db, NULL, 2, NULL, record, &s), COUNCIL_EMISUSE);
	assert_int_equal(council_import_files(NULL, NULL, 0, NULL, NULL, NULL), COUNCIL_EMISUSE);
	assert_int_equal(council_open(&ro, tu_db_path(), COUNCIL_OPEN_READONLY), COUNCIL_OK);
	tu_assert_error(ro, council_import_files(ro, NULL, 0, NULL, NULL, NULL), COUNCIL_EREADONLY,
	                "read-only");
	council_close(ro);
}

/* Writes len bytes of data to dir/name. */
static void put_file(const char *dir, const char *name, const char *data, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

/* Issue 10, problem 3: /abs/x.txt, ./x.txt and x.txt are one document,
 * stored by its canonical path; an edited file imported under another
 * spelling updates it in place; the same bytes at a second path are
 * another name of the document, said so, and found by it. */
static void test_path_spellings_are_one_document(void **state)
{
	council_db *db = *state;
	char dir[] = "/tmp/council-paths-XXXXXX", cwd[4096], abs_path[4200], real[4096], *text, *edited;
	size_t len;
	council_import_result r;
	council_source *s = NULL;
	int64_t event;

	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_non_null(mkdtemp(dir));
	assert_non_null(realpath(dir, real));
	text = tu_read_file(tu_fixture("reports/kauno-m-2021-annual.txt"), &len);
	put_file(dir, "x.txt", text, len);
	assert_int_equal(chdir(dir), 0);

	assert_int_equal(council_import_file(&r, db, "x.txt"), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_STORED);
	event = tu_sql_int(db, "SELECT min(id) FROM event");
	assert_int_equal(council_source_get(&s, db, r.source_id), COUNCIL_OK);
	snprintf(abs_path, sizeof abs_path, "%s/x.txt", real);
	assert_string_equal(s->path, abs_path);
	council_source_free(s);
	assert_int_equal(council_import_file(&r, db, "./x.txt"), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_UNCHANGED);
	assert_null(council_import_notes_last(db)->alias_of);
	assert_int_equal(council_import_file(&r, db, abs_path), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_UNCHANGED);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 1);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_alias"), 0);

	/* Edited, and imported by another spelling: updated in place. */
	edited = malloc(len + 2);
	memcpy(edited, text, len);
	memcpy(edited + len, "\n\n", 2);
	put_file(dir, "x.txt", edited, len + 2);
	assert_int_equal(council_import_file(&r, db, "./x.txt"), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REPLACED);
	assert_true(r.events > 0);
	assert_int_equal(council_import_notes_last(db)->stored, 0);
	assert_int_equal(council_import_notes_last(db)->removed, 0);
	assert_int_equal(tu_sql_int(db, "SELECT min(id) FROM event"), event);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 1);
	/* every figure stated once, not twice */
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM (SELECT 1 FROM reported_figure "
	                                "GROUP BY council_id, year, metric, value HAVING count(*) > 1)"), 0);

	/* The same bytes at a second path: another name of the document. */
	put_file(dir, "copy.txt", edited, len + 2);
	assert_int_equal(council_import_file(&r, db, "copy.txt"), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_UNCHANGED);
	assert_string_equal(council_import_notes_last(db)->alias_of, abs_path);
	assert_int_equal(council_import_notes_last(db)->n_messages, 1);
	assert_non_null(strstr(council_import_notes_last(db)->messages[0], "another name"));
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_alias WHERE path LIKE '%/copy.txt'"), 1);
	assert_int_equal(council_source_find(&s, db, "copy.txt"), COUNCIL_OK);
	assert_string_equal(s->path, abs_path);
	council_source_free(s);
	assert_int_equal(council_source_find(&s, db, "./x.txt"), COUNCIL_OK);
	council_source_free(s);

	assert_int_equal(chdir(cwd), 0);
	{
		char p[600];
		snprintf(p, sizeof p, "%s/x.txt", dir);
		unlink(p);
		snprintf(p, sizeof p, "%s/copy.txt", dir);
		unlink(p);
		rmdir(dir);
	}
	free(text);
	free(edited);
}

/* A database from before schema version 4 holds paths as they were typed
 * ("x.txt"): importing the document again finds it by that spelling and
 * stores the path canonical, rather than taking it for a new document. */
static void test_legacy_path_made_canonical(void **state)
{
	council_db *db = *state;
	char dir[] = "/tmp/council-legacy-XXXXXX", cwd[4096], real[4096], want[4200], sha[65], *text;
	council_import_result r;
	council_source src, *s = NULL;
	size_t len;

	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_non_null(mkdtemp(dir));
	assert_non_null(realpath(dir, real));
	snprintf(want, sizeof want, "%s/x.txt", real);
	text = tu_read_file(tu_fixture("reports/kauno-m-2021-annual.txt"), &len);
	put_file(dir, "x.txt", text, len);
	assert_int_equal(chdir(dir), 0);
	council_sha256_hex(sha, text, len);
	council_source_init(&src);
	src.path = (char *)"x.txt";
	src.sha256 = sha;
	assert_int_equal(council_source_add(NULL, db, &src), COUNCIL_OK);
	/* the same bytes: unchanged, and the path is canonical now */
	assert_int_equal(council_import_file(&r, db, "x.txt"), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_UNCHANGED);
	assert_null(council_import_notes_last(db)->alias_of);
	assert_int_equal(council_source_find(&s, db, "./x.txt"), COUNCIL_OK);
	assert_string_equal(s->path, want);
	council_source_free(s);
	/* a new version under the old spelling in another database state */
	tu_exec(db, "UPDATE source_document SET path = 'x.txt'");
	put_file(dir, "x.txt", "\n", 1);
	text = realloc(text, len + 1);
	text[len] = '\n';
	put_file(dir, "x.txt", text, len + 1);
	assert_int_equal(council_import_file(&r, db, "x.txt"), COUNCIL_OK);
	assert_int_equal(r.status, COUNCIL_IMPORT_REPLACED);
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM source_document"), 1);
	assert_int_equal(council_source_find(&s, db, want), COUNCIL_OK);
	council_source_free(s);
	assert_int_equal(chdir(cwd), 0);
	unlink(want);
	rmdir(dir);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import_file_errors, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_json_file_round_trip, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_path_spellings_are_one_document, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_legacy_path_made_canonical, tu_setup_memory, tu_teardown),
		cmocka_unit_test(test_threads_and_batches_store_the_same),
		cmocka_unit_test_setup_teardown(test_failures_are_per_file, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_reported_only_when_committed, tu_setup_file, tu_teardown),
		cmocka_unit_test_setup_teardown(test_inside_caller_transaction, tu_setup_memory, tu_teardown),
		cmocka_unit_test_setup_teardown(test_bad_calls, tu_setup_file, tu_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
