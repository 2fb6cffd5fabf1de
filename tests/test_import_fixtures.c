/* SPDX-License-Identifier: MIT */
/*
 * test_import_fixtures.c -- the importer judged against gold annotations:
 * every report in tests/fixtures/reports is imported into a fresh database
 * and read back through the public views only, then compared field by field
 * with its *.gold.json (format: tests/fixtures/reports/GOLD-SCHEMA.md).
 * Prints a precision/recall table over all fixtures; fails on any gold fact
 * missed or any event invented.
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/lt.h"
#include "import/report.h"
#include "judge_match.h"
#include "testutil.h"

/* ---- rows from the views ------------------------------------------------- */

#define MAXCOL 12
typedef struct row {
	char *v[MAXCOL];
} row;
typedef struct rows {
	row *r;
	size_t n;
	int ncol;
} rows;

static int collect(void *ctx, int ncol, const char *const *names, const char *const *values,
                   const int *types)
{
	rows *rs = ctx;
	row *r;
	int i;

	(void)names;
	(void)types;
	rs->r = realloc(rs->r, (rs->n + 1) * sizeof *rs->r);
	assert_non_null(rs->r);
	r = &rs->r[rs->n++];
	memset(r, 0, sizeof *r);
	rs->ncol = ncol;
	for (i = 0; i < ncol && i < MAXCOL; i++)
		r->v[i] = values[i] ? strdup(values[i]) : NULL;
	return 0;
}

static rows query(council_db *db, const char *sql)
{
	rows rs = { NULL, 0, 0 };

	if (council_sql(db, sql, collect, &rs) != COUNCIL_OK)
		fail_msg("%s: %s", sql, council_errmsg(db));
	return rs;
}

static void rows_free(rows *rs)
{
	size_t i;
	int j;

	for (i = 0; i < rs->n; i++)
		for (j = 0; j < MAXCOL; j++)
			free(rs->r[i].v[j]);
	free(rs->r);
}

/* ---- scoring ------------------------------------------------------------- */

typedef struct score {
	int tp, fn, fp;
	/* Dictionary forms (issue 13), apart from tp/fn/fp so that every set's
	 * precision and recall stay comparable with earlier figures: of the
	 * matched events whose gold gives a nominative "title" or "location",
	 * how many the views return exactly so. */
	int forms_ok, forms_n;
	char misses[8192];
} score;

static void miss(score *s, const char *fmt, ...)
{
	va_list ap;
	size_t n = strlen(s->misses);

	if (n + 200 >= sizeof s->misses)
		return;
	va_start(ap, fmt);
	vsnprintf(s->misses + n, sizeof s->misses - n, fmt, ap);
	va_end(ap);
	strcat(s->misses, "\n");
}

static void check(score *s, int ok, const char *fmt, ...)
{
	if (ok) {
		s->tp++;
	} else {
		char buf[512];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(buf, sizeof buf, fmt, ap);
		va_end(ap);
		s->fn++;
		miss(s, "  missed: %s", buf);
	}
}

/* The same text, but for the case of its first letter: a title leads its
 * list item capitalised or not ("Bendruomenių diena", "forumas „…“"). */
static int same_form(const char *got, const char *want)
{
	size_t k = 1;
	char *a, *b;
	int r;

	if (!got || !want)
		return got == want;
	while ((want[k] & 0xC0) == 0x80)
		k++;
	if (strcmp(got, want) == 0)
		return 1;
	if (strncmp(got + k, want + k, strlen(want + k) + 1) != 0 || strlen(got) != strlen(want))
		return 0;
	a = strndup(got, k);
	b = strndup(want, k);
	assert_non_null(a);
	assert_non_null(b);
	{
		char *fa = fold(a), *fb = fold(b);
		r = strcmp(fa, fb) == 0;
		free(fa);
		free(fb);
	}
	free(a);
	free(b);
	return r;
}

/* The dictionary-form count: ok or a miss line. */
static void check_form(score *s, int ok, const char *what, const char *ds, const char *want,
                       const char *got)
{
	s->forms_n++;
	if (ok)
		s->forms_ok++;
	else
		miss(s, "  form: event %s %s \"%s\" (got \"%s\")", ds, what, want, got ? got : "null");
}

/* A gold location_contains is a substring of the stored location, which is
 * in the nominative (GOLD-SCHEMA.md).  Sets written before that rule give
 * the place as the text has it ("Birštone"): its dictionary form, by the
 * importer's own place reader, is then what the stored location holds. */
static char *judged_text; /* the text report being judged, or NULL */
static size_t judged_len;

static int location_matches(const char *stored, const char *gold)
{
	char nom[256];

	if (contains(stored, gold))
		return 1;
	/* read against the text, as the importer reads its own places: a
	 * place without Lithuanian letters in a text with them is no folded
	 * one */
	lt_lemma_place_in(nom, sizeof nom, gold, strlen(gold), judged_text, judged_len);
	return nom[0] && contains(stored, nom);
}

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return v && json_is_string(v) ? json_string_value(v) : NULL;
}

/* The gold's members: "members", and those of "by_council" (a page about
 * several councils, keyed by kind: "BO": {"members": [...]}), each given a
 * "council_kind".  A new reference. */
static json_t *gold_members(json_t *gold)
{
	json_t *all = json_array(), *by = json_object_get(gold, "by_council"), *e, *per;
	const char *kind;
	size_t i;

	json_array_foreach(json_object_get(gold, "members"), i, e)
		json_array_append(all, e);
	json_object_foreach(by, kind, per) {
		json_array_foreach(json_object_get(per, "members"), i, e) {
			json_t *c = json_deep_copy(e);
			json_object_set_new(c, "council_kind", json_string(kind));
			json_array_append_new(all, c);
		}
	}
	return all;
}

/* The council a gold member of a page about several councils is of: the
 * "councils_mentioned" entry named as its "council" is, or whose
 * municipality's name starts as it does ("Rokiškio rajono taryba": the
 * entry of "Rokiškio rajono savivaldybė"), or of its "council_kind"
 * (by_council).  0 when the gold gives it no council. */
static int gold_council_of(json_t *gold, json_t *m, const char **muni, const char **kind)
{
	const char *want = jstr(m, "council"), *ck = jstr(m, "council_kind");
	json_t *e;
	size_t i;


	json_array_foreach(json_object_get(gold, "councils_mentioned"), i, e)
		if (want && streq(jstr(e, "name"), want))
			goto found;
	json_array_foreach(json_object_get(gold, "councils_mentioned"), i, e) {
		const char *mu = jstr(e, "municipality"), *sav = mu ? strstr(mu, " savivaldyb") : NULL;
		if (want && sav && !strncmp(want, mu, (size_t)(sav - mu)) && want[sav - mu] == ' ')
			goto found;
		if (!want && ck && streq(jstr(e, "kind"), ck))
			goto found;
	}
	return 0;
found:
	*muni = jstr(e, "municipality");
	*kind = jstr(e, "kind");
	return *muni && *kind;
}

/* ---- one fixture --------------------------------------------------------- */

/* Whether the extraction of the document at path says it is about several
 * councils, none its subject. */
/* Whether member name, stored under a council of municipality muni and
 * kind, is under the council the document at path keeps (the first it
 * names, on a page about several) without the text naming that council
 * as the member's (member.council). */
static int kept_council_unnamed(const char *path, const char *name, const char *muni,
                                const char *kind)
{
	council_extraction *x = NULL;
	size_t len = 0, i;
	char *data = tu_read_file(path, &len);
	int yes;

	assert_non_null(data);
	assert_int_equal(council_import_parse_document(&x, path, data, len), COUNCIL_OK);
	yes = streq(x->council.municipality, muni) &&
	      streq(council_enum_name(COUNCIL_ENUM_KIND, (int)x->council.kind), kind);
	for (i = 0; yes && i < x->n_members; i++)
		if (streq(x->members[i].name, name) && x->members[i].council.present)
			yes = 0;
	council_extraction_free(x);
	free(data);
	return yes;
}

static int several_councils_declared(const char *path)
{
	council_extraction *x = NULL;
	size_t len = 0;
	char *data = tu_read_file(path, &len);
	int several;

	assert_non_null(data);
	assert_int_equal(council_import_parse_document(&x, path, data, len), COUNCIL_OK);
	several = x->council.several;
	council_extraction_free(x);
	free(data);
	return several;
}

/* Blind fixtures are measured, never read one by one while the importer
 * is developed: their per-report lines are not printed. */
static int quiet;

static int twin_mode; /* judging document twins: see test_twins */

/* Imports the document at path and judges it against the gold at gpath;
 * label names it in the table. */
static void judge_file(const char *path, const char *gpath, const char *name, score *total)
{
	council_db *db = NULL;
	council_import_result res;
	json_error_t jerr;
	json_t *gold, *v, *e;
	score s;
	size_t i, j;
	rows rs;
	int several_annotated = 0;

	memset(&s, 0, sizeof s);
	judged_len = strlen(path);
	judged_text = judged_len > 4 && strcmp(path + judged_len - 4, ".txt") == 0
	                      ? tu_read_file(path, &judged_len)
	                      : NULL;
	gold = json_load_file(gpath, 0, &jerr);
	if (!gold)
		fail_msg("%s: %s", gpath, jerr.text);
	assert_int_equal(council_open(&db, ":memory:", 0), COUNCIL_OK);
	/* A text report must import; a document that cannot is judged as the
	 * empty registry it leaves (every fact missed), so the twins' table
	 * still says how each format does. */
	if (council_import_file(&res, db, path) != COUNCIL_OK) {
		if (!twin_mode)
			fail_msg("import %s: %s", name, council_errmsg(db));
		printf("%-36s not imported: %s\n", name, council_errmsg(db));
	}

	/* Council and year. */
	v = json_object_get(gold, "council");
	rs = query(db, "SELECT name, municipality, kind, size, seats_municipality, seats_community FROM council");
	if (json_is_null(v)) {
		/* A text about several councils, none its subject (gold
		 * "council": null): a registry record needs a council, so the
		 * importer keeps the first the text names; what is judged is
		 * that it says so (the extraction's several_councils, a warning
		 * on loading: doc/importer.md) and makes that council no
		 * subject -- nobody stored as its member. */
		check(&s, several_councils_declared(path), "council: several councils declared");
	} else {
		check(&s, rs.n == 1 && same_council_name(rs.r[0].v[0], jstr(v, "name"), jstr(v, "municipality")),
		      "council name %s", jstr(v, "name"));
		check(&s, rs.n == 1 && streq(rs.r[0].v[1], jstr(v, "municipality")), "municipality %s",
		      jstr(v, "municipality"));
		check(&s, rs.n == 1 && streq(rs.r[0].v[2], jstr(v, "kind")), "council kind %s",
		      jstr(v, "kind"));
	}
	if ((v = json_object_get(gold, "member_count")) && json_is_integer(v))
		check(&s, rs.n == 1 && rs.r[0].v[3] && atoll(rs.r[0].v[3]) == json_integer_value(v),
		      "member_count %lld (got %s)", (long long)json_integer_value(v),
		      rs.n ? rs.r[0].v[3] : "-");
	if ((v = json_object_get(gold, "composition")) && json_is_array(v)) {
		json_array_foreach(v, i, e) {
			int col = streq(jstr(e, "side"), "municipality") ? 4 : 5;
			json_int_t n = json_integer_value(json_object_get(e, "count"));
			check(&s, rs.n == 1 && rs.r[0].v[col] && atoll(rs.r[0].v[col]) == n,
			      "composition %s %lld", jstr(e, "side"), (long long)n);
		}
	}
	rows_free(&rs);
	rs = query(db, "SELECT report_year, doc_number, doc_date FROM source_document");
	v = json_object_get(gold, "report_year");
	if (json_is_null(v)) /* no year the text reports on */
		check(&s, rs.n == 1 && !rs.r[0].v[0], "report_year null (got %s)",
		      rs.n ? rs.r[0].v[0] : "-");
	else
		check(&s, rs.n == 1 && rs.r[0].v[0] && atoll(rs.r[0].v[0]) == json_integer_value(v),
		      "report_year %lld", (long long)json_integer_value(v));
	if ((v = json_object_get(gold, "document")) && json_is_object(v)) {
		check(&s, rs.n == 1 && (jstr(v, "number") ? streq(rs.r[0].v[1], jstr(v, "number"))
		                                          : rs.r[0].v[1] == NULL),
		      "document number %s (got %s)", jstr(v, "number"), rs.n ? rs.r[0].v[1] : "-");
		check(&s, rs.n == 1 && streq(rs.r[0].v[2], jstr(v, "date")), "document date %s",
		      jstr(v, "date"));
	}
	rows_free(&rs);

	/* Plan. */
	if ((v = json_object_get(gold, "plan")) && json_is_object(v)) {
		rs = query(db, "SELECT title, year_from, year_to FROM plan");
		check(&s, rs.n == 1 && contains(rs.r[0].v[0], jstr(v, "title_contains")),
		      "plan title %s", jstr(v, "title_contains"));
		check(&s, rs.n == 1 && rs.r[0].v[1] &&
		      atoll(rs.r[0].v[1]) == json_integer_value(json_object_get(v, "year_from")) &&
		      rs.r[0].v[2] && atoll(rs.r[0].v[2]) == json_integer_value(json_object_get(v, "year_to")),
		      "plan years");
		rows_free(&rs);
	}

	/* Members.  Of a page about several councils (gold "council": null),
	 * the members the gold gives a council -- "members[].council", or
	 * "by_council" by kind -- are judged among the stored members of that
	 * council (its municipality and kind, from "councils_mentioned");
	 * those it gives none are not judged, and any member stored that is
	 * no such gold member is invented. */
	rs = query(db, "SELECT o.name, o.role, o.represents, o.side, o.delegated_by, o.municipality, "
	               "c.kind FROM members_overview o JOIN council c ON c.id = o.council_id");
	v = gold_members(gold);
	/* a gold of several councils that gives no member a council (the
	 * older sets' "members": []) says only that nobody is the council
	 * kept's for being named on its page: a member stored under another
	 * council, or under the kept one because the text names it as the
	 * member's, is not judged */
	{
		const char *mu, *k;
		several_annotated = 0;
		json_array_foreach(v, i, e)
			several_annotated |= gold_council_of(gold, e, &mu, &k);
	}
	json_array_foreach(v, i, e) {
		int found = 0;
		const char *muni = NULL, *kind = NULL;
		if (json_is_null(json_object_get(gold, "council")) &&
		    !gold_council_of(gold, e, &muni, &kind))
			continue;
		for (j = 0; j < rs.n; j++) {
			if (contains(rs.r[j].v[0], jstr(e, "name")) && contains(jstr(e, "name"), rs.r[j].v[0]) &&
			    streq(rs.r[j].v[1], jstr(e, "role")) &&
			    (!muni || (streq(rs.r[j].v[5], muni) && streq(rs.r[j].v[6], kind)))) {
				found = 1;
				if (jstr(e, "represents"))
					check(&s, (contains(rs.r[j].v[2], jstr(e, "represents")) &&
					           contains(jstr(e, "represents"), rs.r[j].v[2])) ||
					          same_words_stemmed(rs.r[j].v[2], jstr(e, "represents")) ||
					          body_of_job_title(rs.r[j].v[2], jstr(e, "represents")),
					      "member %s represents %s (got %s)", jstr(e, "name"),
					      jstr(e, "represents"), rs.r[j].v[2] ? rs.r[j].v[2] : "null");
				/* side and delegating body: scored where the gold
				 * states them (the genre sets, issue 13).  The body is
				 * found when either names the other ("Savivaldybės
				 * taryba" in "Molėtų rajono savivaldybės taryba") or
				 * names it in another case (same_words_stemmed). */
				if (jstr(e, "side"))
					check(&s, streq(rs.r[j].v[3], jstr(e, "side")), "member %s side %s (got %s)",
					      jstr(e, "name"), jstr(e, "side"), rs.r[j].v[3] ? rs.r[j].v[3] : "null");
				if (jstr(e, "delegated_by"))
					check(&s, rs.r[j].v[4] && (contains(rs.r[j].v[4], jstr(e, "delegated_by")) ||
					                           contains(jstr(e, "delegated_by"), rs.r[j].v[4]) ||
					                           same_words_stemmed(rs.r[j].v[4], jstr(e, "delegated_by"))),
					      "member %s delegated by %s (got %s)", jstr(e, "name"),
					      jstr(e, "delegated_by"), rs.r[j].v[4] ? rs.r[j].v[4] : "null");
				free(rs.r[j].v[0]);
				rs.r[j].v[0] = NULL; /* matched once */
				break;
			}
		}
		if (muni)
			check(&s, found, "member %s (%s) of %s %s", jstr(e, "name"), jstr(e, "role"), muni, kind);
		else
			check(&s, found, "member %s (%s)", jstr(e, "name"), jstr(e, "role"));
	}
	json_decref(v);
	{
		size_t left = 0;
		for (j = 0; j < rs.n; j++)
			if (rs.r[j].v[0] && json_is_null(json_object_get(gold, "council")) &&
			    !several_annotated) {
				/* only those under the council kept, their
				 * council not named by the text, count */
				if (kept_council_unnamed(path, rs.r[j].v[0], rs.r[j].v[5], rs.r[j].v[6])) {
					left++;
					miss(&s, "  kept council's member: %s (%s)", rs.r[j].v[0], rs.r[j].v[1]);
				}
			} else if (rs.r[j].v[0]) {
				s.fp++;
				left++;
				miss(&s, "  invented member: %s (%s)", rs.r[j].v[0], rs.r[j].v[1]);
			}
		if (json_is_null(json_object_get(gold, "council")))
			check(&s, left == 0, "council: no member stored under a council the text does not "
			      "name for it (got %zu)", left);
	}
	rows_free(&rs);

	/* Meetings. */
	v = json_object_get(gold, "meetings");
	rs = query(db, "SELECT year, meetings, remote FROM meetings_per_year");
	{
		const char *key;
		json_t *n;
		json_object_foreach(json_object_get(v, "per_year"), key, n) {
			int ok = 0;
			for (j = 0; j < rs.n; j++)
				if (streq(rs.r[j].v[0], key) && atoll(rs.r[j].v[1]) == json_integer_value(n))
					ok = 1;
			check(&s, ok, "meetings in %s = %lld", key, (long long)json_integer_value(n));
		}
		json_object_foreach(json_object_get(v, "per_year_min"), key, n) {
			int ok = 0;
			for (j = 0; j < rs.n; j++)
				if (streq(rs.r[j].v[0], key) && atoll(rs.r[j].v[1]) >= json_integer_value(n))
					ok = 1;
			check(&s, ok, "meetings in %s >= %lld", key, (long long)json_integer_value(n));
		}
		json_object_foreach(json_object_get(v, "remote"), key, n) {
			int ok = 0;
			for (j = 0; j < rs.n; j++)
				if (streq(rs.r[j].v[0], key) && atoll(rs.r[j].v[2]) == json_integer_value(n))
					ok = 1;
			check(&s, ok, "remote meetings in %s = %lld", key, (long long)json_integer_value(n));
		}
	}
	rows_free(&rs);
	/* A gold date known to the month ("2022-02") matches a meeting stored
	 * so; a stored meeting without its day is never counted invented. */
	rs = query(db, "SELECT date_start FROM meetings_overview WHERE date_start IS NOT NULL");
	json_array_foreach(json_object_get(v, "dated"), i, e) {
		int ok = 0;
		for (j = 0; j < rs.n; j++)
			if (streq(rs.r[j].v[0], json_string_value(e))) {
				ok = 1;
				free(rs.r[j].v[0]);
				rs.r[j].v[0] = NULL;
			}
		check(&s, ok, "meeting dated %s", json_string_value(e));
	}
	for (j = 0; j < rs.n; j++)
		if (rs.r[j].v[0] && strlen(rs.r[j].v[0]) == 10) {
			s.fp++;
			miss(&s, "  invented meeting: %s", rs.r[j].v[0]);
		}
	rows_free(&rs);

	/* Measures. */
	rs = query(db, "SELECT seq, name, responsible FROM measures_overview ORDER BY seq");
	json_array_foreach(json_object_get(gold, "measures"), i, e) {
		int ok = 0, resp_ok = 0;
		json_int_t seq = json_integer_value(json_object_get(e, "seq"));
		for (j = 0; j < rs.n; j++) {
			if (rs.r[j].v[0] && atoll(rs.r[j].v[0]) == seq) {
				char *want = fold(jstr(e, "name_starts")), *have = fold(rs.r[j].v[1]);
				ok = strncmp(have, want, strlen(want)) == 0;
				free(want);
				free(have);
				/* responsible as "; "-joined text against the gold list */
				{
					char joined[2048] = "";
					json_t *u;
					size_t k;
					json_array_foreach(json_object_get(e, "responsible"), k, u) {
						if (k)
							strcat(joined, "; ");
						strncat(joined, json_string_value(u), sizeof joined - strlen(joined) - 3);
					}
					resp_ok = streq(rs.r[j].v[2], joined) || (!rs.r[j].v[2] && !joined[0]);
					check(&s, resp_ok, "measure %lld responsible [%s] (got %s)", (long long)seq,
					      joined, rs.r[j].v[2] ? rs.r[j].v[2] : "null");
				}
				free(rs.r[j].v[0]);
				rs.r[j].v[0] = NULL;
				break;
			}
		}
		check(&s, ok, "measure %lld %s", (long long)seq, jstr(e, "name_starts"));
	}
	for (j = 0; j < rs.n; j++)
		if (rs.r[j].v[0]) {
			s.fp++;
			miss(&s, "  invented measure: %s %s", rs.r[j].v[0], rs.r[j].v[1]);
		}
	rows_free(&rs);

	/* Events: each gold event matched by start date and title/description. */
	rs = query(db, "SELECT o.date_start, o.date_end, o.title, e.description, o.participants, "
	               "o.qualifier, o.location, o.organiser, o.remote, "
	               "(SELECT group_concat(m.seq) FROM event_measure em JOIN measure m ON m.id = em.measure_id "
	               "  WHERE em.event_id = o.event_id) "
	               "FROM events_overview o JOIN event e ON e.id = o.event_id");
	json_array_foreach(json_object_get(gold, "events"), i, e) {
		const char *ds = jstr(e, "date_start"), *tc = jstr(e, "title_contains");
		int found = -1;
		for (j = 0; j < rs.n && found < 0; j++)
			if (rs.r[j].v[0] && streq(rs.r[j].v[0], ds) &&
			    (contains(rs.r[j].v[2], tc) || contains(rs.r[j].v[3], tc)))
				found = (int)j;
		check(&s, found >= 0, "event %s \"%s\"", ds, tc);
		if (found < 0)
			continue;
		row *r = &rs.r[found];
		json_t *p = json_object_get(e, "participants");
		/* A one-day event's end: the genre sets' writer left it null
		 * where the others repeat the start; either is the same day. */
		check(&s, jstr(e, "date_end") ? streq(r->v[1], jstr(e, "date_end"))
		                              : !r->v[1] || streq(r->v[1], ds),
		      "event %s end %s (got %s)", ds, jstr(e, "date_end"), r->v[1]);
		if (json_is_integer(p)) {
			check(&s, r->v[4] && atoll(r->v[4]) == json_integer_value(p),
			      "event %s participants %lld (got %s)", ds, (long long)json_integer_value(p),
			      r->v[4] ? r->v[4] : "null");
			check(&s, streq(r->v[5], jstr(e, "qualifier")), "event %s qualifier %s (got %s)", ds,
			      jstr(e, "qualifier"), r->v[5] ? r->v[5] : "null");
		} else {
			check(&s, r->v[4] == NULL, "event %s has no participant count (got %s)", ds, r->v[4]);
		}
		if (jstr(e, "location_contains"))
			check(&s, location_matches(r->v[6], jstr(e, "location_contains")), "event %s location %s (got %s)",
			      ds, jstr(e, "location_contains"), r->v[6] ? r->v[6] : "null");
		if (jstr(e, "title"))
			check_form(&s, same_form(r->v[2], jstr(e, "title")), "title", ds, jstr(e, "title"),
			           r->v[2]);
		if (jstr(e, "location"))
			check_form(&s, same_form(r->v[6], jstr(e, "location")), "location", ds,
			           jstr(e, "location"), r->v[6]);
		if (jstr(e, "organizer_contains"))
			check(&s, contains(r->v[7], jstr(e, "organizer_contains")), "event %s organiser %s (got %s)",
			      ds, jstr(e, "organizer_contains"), r->v[7] ? r->v[7] : "null");
		if (json_is_boolean(json_object_get(e, "remote")))
			check(&s, r->v[8] && atoi(r->v[8]) == json_is_true(json_object_get(e, "remote")),
			      "event %s remote", ds);
		if (json_is_array(json_object_get(e, "measures")) &&
		    json_array_size(json_object_get(e, "measures"))) {
			char want[128] = "";
			json_t *m;
			size_t k;
			json_array_foreach(json_object_get(e, "measures"), k, m) {
				char n[16];
				snprintf(n, sizeof n, "%s%lld", k ? "," : "", (long long)json_integer_value(m));
				strcat(want, n);
			}
			check(&s, streq(r->v[9], want), "event %s measures %s (got %s)", ds, want,
			      r->v[9] ? r->v[9] : "none");
		}
		free(r->v[0]);
		r->v[0] = NULL;
	}
	/* Optional events may be listed or not; anything else is invented. */
	for (j = 0; j < rs.n; j++) {
		int optional = 0;
		if (!rs.r[j].v[0])
			continue;
		json_array_foreach(json_object_get(gold, "events_optional"), i, e) {
			const char *ds = jstr(e, "date_start");
			if (ds && strncmp(rs.r[j].v[0], ds, strlen(ds)) == 0 &&
			    (contains(rs.r[j].v[2], jstr(e, "title_contains")) ||
			     contains(rs.r[j].v[3], jstr(e, "title_contains"))))
				optional = 1;
		}
		if (!optional) {
			s.fp++;
			miss(&s, "  invented event: %s \"%s\"", rs.r[j].v[0], rs.r[j].v[2]);
		}
	}
	rows_free(&rs);

	/* Attendance, where the gold lists it: each person listed at a meeting
	 * (by date, name and present or not); anything else listed is
	 * invented. */
	if (json_is_array(v = json_object_get(gold, "attendance"))) {
		rs = query(db, "SELECT date, name, present FROM meeting_attendance");
		json_array_foreach(v, i, e) {
			int ok = 0;
			for (j = 0; j < rs.n && !ok; j++)
				if (rs.r[j].v[1] && streq(rs.r[j].v[0], jstr(e, "date")) &&
				    contains(rs.r[j].v[1], jstr(e, "name")) && contains(jstr(e, "name"), rs.r[j].v[1]) &&
				    atoi(rs.r[j].v[2]) == json_is_true(json_object_get(e, "present"))) {
					ok = 1;
					free(rs.r[j].v[1]);
					rs.r[j].v[1] = NULL;
				}
			check(&s, ok, "attendance %s %s %s", jstr(e, "date"), jstr(e, "name"),
			      json_is_true(json_object_get(e, "present")) ? "present" : "absent");
		}
		for (j = 0; j < rs.n; j++)
			if (rs.r[j].v[1]) {
				s.fp++;
				miss(&s, "  invented attendance: %s %s %s", rs.r[j].v[0], rs.r[j].v[1], rs.r[j].v[2]);
			}
		rows_free(&rs);
	}

	/* Legal acts. */
	rs = query(db, "SELECT number, date FROM legal_act");
	json_array_foreach(json_object_get(gold, "legal_acts"), i, e) {
		int ok = 0;
		for (j = 0; j < rs.n; j++)
			if (rs.r[j].v[0] && streq(rs.r[j].v[0], jstr(e, "number"))) {
				ok = streq(rs.r[j].v[1], jstr(e, "date")) || (!jstr(e, "date") && !rs.r[j].v[1]);
				free(rs.r[j].v[0]);
				rs.r[j].v[0] = NULL;
				break;
			}
		check(&s, ok, "act %s of %s", jstr(e, "number"), jstr(e, "date"));
	}
	for (j = 0; j < rs.n; j++)
		if (rs.r[j].v[0]) {
			s.fp++;
			miss(&s, "  invented act: %s", rs.r[j].v[0]);
		}
	rows_free(&rs);

	if (!quiet) {
		printf("%-36s facts %3d  found %3d  missed %2d  invented %2d\n", name, s.tp + s.fn,
		       s.tp, s.fn, s.fp);
		if (s.misses[0])
			printf("%s", s.misses);
	}
	total->tp += s.tp;
	total->fn += s.fn;
	total->fp += s.fp;
	total->forms_ok += s.forms_ok;
	total->forms_n += s.forms_n;
	json_decref(gold);
	council_close(db);
	free(judged_text);
	judged_text = NULL;
	judged_len = 0;
}

/* Judges the report name (a .txt) of directory dir against its gold. */
static void judge(const char *dir, const char *name, score *total)
{
	char path[2048], gpath[2048];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(gpath, sizeof gpath, "%s/%.*s.gold.json", dir, (int)(strlen(name) - 4), name);
	judge_file(path, gpath, name, total);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Imports and judges every report in one fixture directory. */
static score judge_dir(const char *rel)
{
	const char *dir = tu_fixture(rel);
	DIR *d = opendir(dir);
	struct dirent *ent;
	char *names[256];
	size_t n = 0, i;
	score total;
	char d_copy[1024];

	assert_non_null(d);
	snprintf(d_copy, sizeof d_copy, "%s", dir);
	while ((ent = readdir(d)) != NULL && n < 256) {
		size_t len = strlen(ent->d_name);
		if (len > 4 && strcmp(ent->d_name + len - 4, ".txt") == 0)
			names[n++] = strdup(ent->d_name);
	}
	closedir(d);
	assert_true(n >= 6); /* a set is six reports or more: fewer means the directory was not read */
	qsort(names, n, sizeof *names, by_name);
	memset(&total, 0, sizeof total);
	printf("\n== %s ==\n", rel);
	for (i = 0; i < n; i++) {
		judge(d_copy, names[i], &total);
		free(names[i]);
	}
	printf("%s: %zu reports, facts %d, found %d, missed %d, invented %d\n", rel, n,
	       total.tp + total.fn, total.tp, total.fn, total.fp);
	printf("%s: precision %.3f  recall %.3f\n", rel,
	       total.tp + total.fp ? (double)total.tp / (total.tp + total.fp) : 1.0,
	       total.tp + total.fn ? (double)total.tp / (total.tp + total.fn) : 1.0);
	if (total.forms_n)
		printf("%s: dictionary forms %d of %d (event title and location in the nominative; "
		       "not in the figures above)\n",
		       rel, total.forms_ok, total.forms_n);
	return total;
}

/* One fixture set and the floors that catch a regression on it. */
typedef struct fixture_set {
	const char *dir;
	double min_precision, min_recall;
	int blind; /* per-report results stay hidden so nobody tunes on them */
} fixture_set;

/*
 * reports/: the development fixtures, exact (every gold fact found, nothing
 * invented).  The others were each written by someone who never saw the
 * importer; the figure a set gave the first time it was measured is in the
 * commit adding it and in doc/importer.md.  heldout/ and dev2/ came in
 * session 1, dev3/ was the first blind set, dev4/ and dev5/ came in session
 * 2, dev8/ was the second blind set, dev6/, dev7/ and dev9/ came in session
 * 3 and dev10/ was the fourth blind set (measured blind once); since each
 * was read per report the importer has been developed against it, so its
 * floor sits just under its current figure.  blind3/ is the blind set:
 * written without seeing the importer or any other fixture, it gives the
 * figure the project reports for municipalities nobody has looked at, and
 * its floor only guards against collapse.
 */
static const fixture_set sets[] = {
	{ "reports", 1.0, 1.0, 0 },
	{ "heldout", 0.99, 0.99, 0 },
	{ "dev2", 0.99, 0.97, 0 },
	{ "dev3", 0.99, 0.96, 0 },
	{ "dev4", 0.99, 0.96, 0 },
	{ "dev5", 0.98, 0.97, 0 },
	{ "dev6", 0.99, 0.97, 0 },
	{ "dev7", 0.99, 0.96, 0 },
	{ "dev8", 0.99, 0.96, 0 },
	{ "dev9", 0.98, 0.95, 0 },
	{ "dev10", 0.99, 0.97, 0 },
	{ "blind3", 0.90, 0.80, 1 },
	/* Session 5's held-out genre set (issue 13): 20 pages of the five
	 * genres by a writer who never saw the importer.  Held out in session
	 * 5 (aggregate 0.853 / 0.681 first, a narrower judge; 0.891 / 0.780 at
	 * its end); a development set since session 6 (0.982 / 0.937 at its
	 * end; 0.985 / 0.941 after compose6's council-name reading), read per
	 * report, its floor just under its figure. */
	{ "blind-genres", 0.97, 0.935, 0 },
	/* Session 6's held-out genre set (issue 13), by a writer who saw
	 * neither the importer nor any other set: 0.959 / 0.696 at its first
	 * measurement (main 905b0f0), 0.963 / 0.736 after the session's genre
	 * work, totals only; a development set since (0.992 / 0.836 at the
	 * end of session 6, read per report; 0.994 / 0.840 after the
	 * compose3 branch; 0.994 / 0.895 after compose4, most of it the
	 * judge's case equivalence for represents and delegated_by; 1.000 /
	 * 0.924 with compose5's several-council pages; 1.000 / 0.929 with
	 * compose6's reading of a council named without its municipality;
	 * 0.956 once the judge read a job title's body; 0.961 with compose7's
	 * news rules), its floor just under. */
	{ "blind-genres3", 0.995, 0.955, 0 },
	/* Held out from the end of session 6 to the start of session 7, by a
	 * fourth writer who saw neither the importer nor any other set.
	 * Measured once, at main 1c0f480: 0.968 / 0.818 (totals only); a
	 * development set since session 7, read per report (0.991 / 0.965
	 * after the compose4 branch's composition rules, 0.992 / 0.974 with
	 * compose5's protocols, news and combined pages), its floor just
	 * under. */
	{ "blind-genres4", 0.985, 0.97, 0 },
	/* Session 7's first held-out genre set, by a fifth writer who saw
	 * neither the importer nor any other set.  Measured once, at main
	 * 6da7e4f: 0.976 / 0.746 (totals only); 0.978 / 0.792 after the
	 * compose4 and compose5 branches, still unread; a development set
	 * since (a sixth writer's set, blind-genres6, held out in its place):
	 * 0.982 / 0.856 after compose6's composition rules, 0.983 / 0.895
	 * once the judge read a job title's body, 1.000 / 0.965 with
	 * compose7's protocols, news and combined pages), its floor just
	 * under. */
	{ "blind-genres5", 0.99, 0.96, 0 },
	/* Held out in the middle of session 7, by a sixth writer who saw
	 * neither the importer nor any other set.  Measured unread at main
	 * 061e7de: 0.948 / 0.731, and after the session's second genre round
	 * (f2c82be): 0.961 / 0.793; a development set since (a seventh
	 * writer's set held out in its place): 0.992 / 0.882 with compose9's
	 * protocols, news and combined pages, 1.000 / 0.970 with compose8's
	 * compositions too, its floor just under. */
	{ "blind-genres6", 0.99, 0.965, 0 },
	/* The held-out genre set since late in session 7, by a seventh writer
	 * who saw neither the importer nor any other set; never read per
	 * report.  Measured once, at main b73d32a: 0.982 / 0.862.  The floor
	 * guards against collapse only. */
	{ "blind-genres7", 0.93, 0.80, 1 },
	/* Session 4's genre sets (issue 13), each floor a little under its
	 * first, blind measurement: they are for developing the genres.
	 * Protocols and news (the protocols branch: first 0.920 / 0.504 and
	 * 0.955 / 0.762, attendance scored since) and compositions, calls and
	 * combined pages (the members branch) have since been developed
	 * against: their floors sit just under their figures now. */
	{ "genre-composition", 0.99, 0.955, 0 },
	{ "genre-protocol", 0.99, 0.98, 0 },
	{ "genre-news", 0.98, 0.97, 0 },
	{ "genre-calls", 0.99, 0.98, 0 },
	{ "genre-combined", 0.99, 0.97, 0 },
};

static void test_set(void **state)
{
	const fixture_set *fs = *state;
	double precision, recall;
	score s;

	quiet = fs->blind;
	s = judge_dir(fs->dir);
	quiet = 0;
	precision = s.tp + s.fp ? (double)s.tp / (s.tp + s.fp) : 1.0;
	recall = s.tp + s.fn ? (double)s.tp / (s.tp + s.fn) : 1.0;
	if (fs->min_precision >= 1.0)
		assert_int_equal(s.fp, 0);
	if (fs->min_recall >= 1.0)
		assert_int_equal(s.fn, 0);
	assert_true(precision >= fs->min_precision);
	assert_true(recall >= fs->min_recall);
}

/* ---- document twins (issue 11) -------------------------------------------
 * tests/fixtures/formats/<set>/<stem>.{docx,odt,html,pdf} are the reports
 * <set>/<stem>.txt made into real documents with the same words (see
 * tests/fixtures/formats/README.md).  Each format is judged against the
 * text twins' gold over the same reports; a format may lose at most 0.02
 * of F1 to its text twins (PDF, whose text layer is rebuilt from positions,
 * is meant to lose at most 0.05; see its row below). */

static double f1(score s)
{
	double p = s.tp + s.fp ? (double)s.tp / (s.tp + s.fp) : 1.0;
	double r = s.tp + s.fn ? (double)s.tp / (s.tp + s.fn) : 1.0;
	return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static const char *const twin_sets[] = { "reports", "heldout", "dev2", "dev3", "dev6" };
static const struct { const char *ext; double max_loss; } twin_formats[] = {
	/* PDF's goal was 0.05; its layout reading is within 0.02 of the text
	 * (doc/formats.md): this bound keeps it there. */
	{ "txt", 0.0 }, { "docx", 0.02 }, { "odt", 0.02 }, { "html", 0.02 }, { "pdf", 0.02 },
};
#define N_TWIN_FORMATS (sizeof twin_formats / sizeof twin_formats[0])

static void test_twins(void **state)
{
	score by_format[N_TWIN_FORMATS];
	size_t si, fi, reports = 0;

	(void)state;
	memset(by_format, 0, sizeof by_format);
	quiet = 0;
	twin_mode = 1;
	printf("\n== document twins ==\n");
	for (si = 0; si < sizeof twin_sets / sizeof twin_sets[0]; si++) {
		char dir[1024], tdir[1024];
		struct dirent *ent;
		char *names[64];
		size_t n = 0, i;
		DIR *d;

		snprintf(dir, sizeof dir, "%s/%s", tu_fixture("formats"), twin_sets[si]);
		snprintf(tdir, sizeof tdir, "%s", tu_fixture(twin_sets[si]));
		assert_non_null(d = opendir(dir));
		while ((ent = readdir(d)) != NULL && n < 64) {
			size_t len = strlen(ent->d_name);
			if (len > 5 && strcmp(ent->d_name + len - 5, ".docx") == 0)
				names[n++] = strndup(ent->d_name, len - 5);
		}
		closedir(d);
		qsort(names, n, sizeof *names, by_name);
		for (i = 0; i < n; i++) {
			char gpath[4096];
			snprintf(gpath, sizeof gpath, "%s/%s.gold.json", tdir, names[i]);
			for (fi = 0; fi < N_TWIN_FORMATS; fi++) {
				char path[4096], label[512];
				if (fi == 0)
					snprintf(path, sizeof path, "%s/%s.txt", tdir, names[i]);
				else
					snprintf(path, sizeof path, "%s/%s.%s", dir, names[i], twin_formats[fi].ext);
				snprintf(label, sizeof label, "%s/%s.%s", twin_sets[si], names[i],
				         twin_formats[fi].ext);
				judge_file(path, gpath, label, &by_format[fi]);
			}
			free(names[i]);
			reports++;
		}
	}
	twin_mode = 0;
	assert_true(reports >= 10); /* fewer: the twins were not found */
	printf("\nformat  reports  facts  found  missed  invented  precision  recall     F1\n");
	for (fi = 0; fi < N_TWIN_FORMATS; fi++) {
		score s = by_format[fi];
		printf("%-6s  %7zu  %5d  %5d  %6d  %8d  %9.3f  %6.3f  %5.3f\n", twin_formats[fi].ext,
		       reports, s.tp + s.fn, s.tp, s.fn, s.fp,
		       s.tp + s.fp ? (double)s.tp / (s.tp + s.fp) : 1.0,
		       s.tp + s.fn ? (double)s.tp / (s.tp + s.fn) : 1.0, f1(s));
	}
	for (fi = 1; fi < N_TWIN_FORMATS; fi++)
		if (f1(by_format[fi]) < f1(by_format[0]) - twin_formats[fi].max_loss - 1e-9)
			fail_msg("%s: F1 %.3f, more than %.2f under its text twins' %.3f",
			         twin_formats[fi].ext, f1(by_format[fi]), twin_formats[fi].max_loss,
			         f1(by_format[0]));
}

/* The judge's case equivalence for `represents` and `delegated_by`: the
 * same body in another case is the same, a different body or a job title
 * around the body is not. */
static void test_same_body(void **state)
{
	(void)state;
	assert_true(same_words_stemmed("Savivaldybės taryba", "Savivaldybės tarybos"));
	assert_true(same_words_stemmed("Tytuvėnų bendruomenės centras", "Tytuvėnų bendruomenės centro"));
	assert_true(same_words_stemmed("bendruomeninių organizacijų susirinkimas",
	                               "bendruomeninių organizacijų susirinkimo"));
	assert_true(same_words_stemmed("Birštono bendruomenė „Versmė“", "Birštono bendruomenės „Versmė“"));
	assert_true(same_words_stemmed("Savivaldybės administracijos direktorius",
	                               "Savivaldybės administracijos direktoriaus"));
	assert_false(same_words_stemmed("Kultūros skyrius", "Finansų skyriaus"));
	assert_false(same_words_stemmed("Savivaldybės taryba", "Savivaldybės administracijos"));
	assert_false(same_words_stemmed("Jankų bendruomenė", "Jonkų bendruomenės"));
	assert_false(same_words_stemmed("Savivaldybės taryba", "Savivaldybės tarybos narys"));
	assert_false(same_words_stemmed("Kulvos seniūnija", "Kulvos seniūnijos seniūnas"));
	assert_false(same_words_stemmed("Savivaldybės administracija",
	                                "Savivaldybės administracijos Kultūros skyriaus"));
	assert_false(same_words_stemmed("Kražių", "Kražių seniūnija"));
	assert_false(same_words_stemmed(NULL, "Savivaldybės taryba"));
}

/* A job title's body: the post dropped, the rest the same body. */
static void test_job_title_body(void **state)
{
	(void)state;
	assert_true(body_of_job_title("Kazlų Rūdos kultūros centras", "Kazlų Rūdos kultūros centro direktorius"));
	assert_true(body_of_job_title("Kauno miesto savivaldybės taryba", "Kauno miesto savivaldybės tarybos narė"));
	assert_true(body_of_job_title("Kulvos seniūnija", "Kulvos seniūnijos seniūnas"));
	assert_true(body_of_job_title("Jonavos bendruomenė", "Jonavos bendruomenės pirmininkė"));
	/* another body, a department, the municipality for its council */
	assert_false(body_of_job_title("Kauno miesto savivaldybė", "Kauno miesto savivaldybės tarybos narė"));
	assert_false(body_of_job_title("Savivaldybės administracija",
	                               "Savivaldybės administracijos Kultūros skyriaus vedėja"));
	assert_false(body_of_job_title("Finansų skyrius", "Kultūros skyriaus vedėja"));
	assert_false(body_of_job_title("Kulvos seniūnija", "Kulvos seniūnijos ūkis"));
	/* no post at the end: a name, a capitalised word, nothing to drop */
	assert_false(body_of_job_title("Savivaldybės taryba", "Savivaldybės tarybos Jonas"));
	assert_false(body_of_job_title("Savivaldybės taryba", "Savivaldybės tarybos"));
	assert_false(body_of_job_title("Savivaldybės taryba", "narys"));
	assert_false(body_of_job_title(NULL, "Savivaldybės tarybos narys"));
}

/* The judge's reading of a council named without its municipality: the
 * gold's municipality before it, nothing else. */
static void test_same_council_name(void **state)
{
	(void)state;
	assert_true(same_council_name("Kauno miesto savivaldybės bendruomeninių organizacijų taryba",
	                              "Bendruomeninių organizacijų taryba", "Kauno miesto savivaldybė"));
	assert_true(same_council_name("Neringos savivaldybės nevyriausybinių organizacijų taryba",
	                              "Neringos savivaldybės nevyriausybinių organizacijų taryba",
	                              "Neringos savivaldybė"));
	/* another municipality, another council, a word more or less */
	assert_false(same_council_name("Kauno rajono savivaldybės bendruomeninių organizacijų taryba",
	                               "Bendruomeninių organizacijų taryba", "Kauno miesto savivaldybė"));
	assert_false(same_council_name("Kauno miesto savivaldybės nevyriausybinių organizacijų taryba",
	                               "Bendruomeninių organizacijų taryba", "Kauno miesto savivaldybė"));
	assert_false(same_council_name("Bendruomeninių organizacijų taryba",
	                               "Kauno miesto savivaldybės bendruomeninių organizacijų taryba",
	                               "Kauno miesto savivaldybė"));
	assert_false(same_council_name("Kauno miesto savivaldybės bendruomeninių organizacijų tarybos",
	                               "Bendruomeninių organizacijų taryba", "Kauno miesto savivaldybė"));
	assert_false(same_council_name("Kauno miesto bendruomeninių organizacijų taryba",
	                               "Bendruomeninių organizacijų taryba", "Kauno miesto savivaldybė"));
	assert_false(same_council_name(NULL, "Bendruomeninių organizacijų taryba", "Kauno miesto savivaldybė"));
}

int main(void)
{
	struct CMUnitTest tests[sizeof sets / sizeof sets[0]];
	size_t i;

	for (i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		tests[i].name = sets[i].dir;
		tests[i].test_func = test_set;
		tests[i].setup_func = NULL;
		tests[i].teardown_func = NULL;
		tests[i].initial_state = (void *)&sets[i];
	}
	{
		const struct CMUnitTest twins[] = { cmocka_unit_test(test_twins) };
		const struct CMUnitTest judge[] = { cmocka_unit_test(test_same_body), cmocka_unit_test(test_job_title_body),
			                            cmocka_unit_test(test_same_council_name) };
		int failed = cmocka_run_group_tests_name("judge", judge, NULL, NULL);

		failed += cmocka_run_group_tests_name("import_fixtures", tests, NULL, NULL);
		return failed + cmocka_run_group_tests_name("document_twins", twins, NULL, NULL);
	}
}
