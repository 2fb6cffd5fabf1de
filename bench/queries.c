/* SPDX-License-Identifier: MIT */
/*
 * queries.c -- section (2): each question of the API asked through the
 * library and, on a second connection to the same file, as the very SQL the
 * library ran, prepared, bound, stepped and read raw.  The SQL is not
 * copied here: an auto-extension hands us the library's own connection, and
 * a trace on it records the statements one library call runs.  Their query
 * plans say whether per-council questions are answered from covering
 * indexes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define MAX_LIMITS 3

enum qkind { Q_MEETINGS, Q_PER_EVENT, Q_PER_YEAR, Q_EVENTS_RANGE, Q_MEMBERS, Q_MEMBER_LIST,
	      Q_MEMBERSHIPS };

typedef struct query_def {
	const char *name;
	enum qkind kind;
	council_filter f;
	int per_council_group; /* a per-council GROUP BY: must read covering indexes */
	/* Candidates for the limit (see "the limits" below), NULL-terminated:
	 * each is timed, and the fastest (median CPU) is the limit. */
	const char *limit[MAX_LIMITS + 1];
} query_def;

/* ---- the limits ----------------------------------------------------------
 * For each question, the fastest SQL we know for the same rows in the same
 * order, written by hand for the schema as the library maintains it (the
 * participant totals on the event row and their covering index, the
 * councils' stored sort keys), with the filter's values bound as the
 * library binds them.  It returns what the API returns, column for column;
 * the council name key stands for COLLATE lt (every key is stored in the
 * benchmark's registry, so no fallback is needed).  Alternatives measured
 * on the 1M-event registry and slower are named in bench/README.md. */

/* Meetings per council and year across documents (schema.sql, "one
 * answer"): a year's meetings are the stated count when one is stated --
 * the larger of it and the most one document lists, meetings entered by
 * hand added -- else every listed meeting.  A document lists the meetings
 * whose source it is and those record_source gives it.  Two ways.
 * (a) The view's own plan: listed, stated, by document and by hand grouped
 * apart, their years united, each joined back.  (b) One scan of the
 * covering index meeting_by_council_year(council_id, year, format,
 * source_id) grouped in its own order, which gives the listed, by-hand and
 * each document's own counts at once; the documents' other meetings
 * (record_source: for one council, its meetings from the index each
 * looked up there) added per document; the stated figures grouped apart;
 * all as one stream grouped once more, which needs no join back (a figure
 * row of these metrics always has a value, so no year is made of NULLs).
 * Grouping the raw rows as one stream instead, with no grouping first,
 * sorts 100,000 rows: about six times slower, measured. */
#define LIMIT_MEETINGS_VIEW(WHERE_M, AND_M, WHERE_F, ORDER) \
	"WITH listed AS (SELECT council_id, year, count(*) AS n, sum(format = 'remote') AS r " \
	"FROM meeting " WHERE_M " GROUP BY council_id, year), " \
	"stated AS (SELECT council_id, year, max(CASE WHEN metric = 'meetings' THEN value END) " \
	"AS n, max(CASE WHEN metric = 'meetings_remote' THEN value END) AS r " \
	"FROM reported_figure WHERE metric IN ('meetings', 'meetings_remote') " WHERE_F \
	" GROUP BY council_id, year), " \
	"stating(meeting_id, source_id) AS (SELECT id, source_id FROM meeting " \
	"WHERE source_id IS NOT NULL " AND_M " UNION ALL SELECT r.record_id, r.source_id " \
	"FROM meeting m CROSS JOIN record_source r ON r.table_name = 'meeting' " \
	"AND r.record_id = m.id " WHERE_M "), " \
	"by_document AS (SELECT council_id, year, max(n) AS n, max(r) AS r FROM (SELECT " \
	"m.council_id, m.year, s.source_id, count(*) AS n, sum(m.format = 'remote') AS r " \
	"FROM stating s JOIN meeting m ON m.id = s.meeting_id " \
	"GROUP BY m.council_id, m.year, s.source_id) GROUP BY council_id, year), " \
	"by_hand AS (SELECT council_id, year, count(*) AS n, sum(format = 'remote') AS r " \
	"FROM meeting WHERE source_id IS NULL " AND_M " GROUP BY council_id, year), " \
	"years AS (SELECT council_id, year FROM listed UNION SELECT council_id, year FROM stated) " \
	"SELECT c.id, c.name, y.year, CASE WHEN s.n IS NULL THEN coalesce(l.n, 0) " \
	"ELSE max(s.n, coalesce(d.n, 0) + coalesce(h.n, 0)) END, " \
	"CASE WHEN s.r IS NULL THEN coalesce(l.r, 0) " \
	"ELSE max(s.r, coalesce(d.r, 0) + coalesce(h.r, 0)) END, coalesce(l.n, 0), s.n " \
	"FROM years y JOIN council c ON c.id = y.council_id " \
	"LEFT JOIN listed l ON l.council_id = y.council_id AND l.year = y.year " \
	"LEFT JOIN stated s ON s.council_id = y.council_id AND s.year = y.year " \
	"LEFT JOIN by_document d ON d.council_id = y.council_id AND d.year = y.year " \
	"LEFT JOIN by_hand h ON h.council_id = y.council_id AND h.year = y.year " ORDER
#define LIMIT_MEETINGS_UNION(WHERE_M, EXTRA, WHERE_F, ORDER) \
	"WITH own AS MATERIALIZED (SELECT council_id, year, format, source_id, count(*) AS n " \
	"FROM meeting " WHERE_M " GROUP BY council_id, year, format, source_id), " \
	"docs AS (SELECT council_id, year, max(n) AS n, max(r) AS r FROM (SELECT council_id, " \
	"year, source_id, sum(n) AS n, sum(r) AS r FROM (SELECT council_id, year, source_id, n, " \
	"CASE WHEN format = 'remote' THEN n ELSE 0 END AS r FROM own WHERE source_id IS NOT NULL " \
	"UNION ALL SELECT m.council_id, m.year, s.source_id, 1, m.format = 'remote' " \
	"FROM " EXTRA ") GROUP BY council_id, year, source_id) " \
	"GROUP BY council_id, year) " \
	"SELECT t.council_id, c.name, t.year, CASE WHEN max(t.sn) IS NULL THEN " \
	"coalesce(sum(t.ln), 0) ELSE max(max(t.sn), coalesce(max(t.dn), 0) + " \
	"coalesce(sum(t.hn), 0)) END, CASE WHEN max(t.sr) IS NULL THEN coalesce(sum(t.lr), 0) " \
	"ELSE max(max(t.sr), coalesce(max(t.dr), 0) + coalesce(sum(t.hr), 0)) END, " \
	"coalesce(sum(t.ln), 0), max(t.sn) FROM (SELECT council_id, year, sum(n) AS ln, " \
	"sum(CASE WHEN format = 'remote' THEN n END) AS lr, " \
	"sum(CASE WHEN source_id IS NULL THEN n END) AS hn, " \
	"sum(CASE WHEN source_id IS NULL AND format = 'remote' THEN n END) AS hr, " \
	"NULL AS dn, NULL AS dr, NULL AS sn, NULL AS sr FROM own GROUP BY council_id, year " \
	"UNION ALL SELECT council_id, year, NULL, NULL, NULL, NULL, n, r, NULL, NULL FROM docs " \
	"UNION ALL SELECT council_id, year, NULL, NULL, NULL, NULL, NULL, NULL, " \
	"max(CASE WHEN metric = 'meetings' THEN value END), " \
	"max(CASE WHEN metric = 'meetings_remote' THEN value END) FROM reported_figure " \
	"WHERE metric IN ('meetings', 'meetings_remote') " WHERE_F " GROUP BY council_id, year) t " \
	"JOIN council c ON c.id = t.council_id GROUP BY t.council_id, t.year " ORDER

static const char limit_meetings_all_view[] =
	LIMIT_MEETINGS_VIEW("", "", "", "ORDER BY c.name_key, c.id, y.year");
static const char limit_meetings_all_union[] =
	LIMIT_MEETINGS_UNION("", "record_source s JOIN meeting m ON m.id = s.record_id "
	                     "WHERE s.table_name = 'meeting'", "",
	                     "ORDER BY c.name_key, t.council_id, t.year");
static const char limit_meetings_one_view[] =
	LIMIT_MEETINGS_VIEW("WHERE council_id = :council", "AND council_id = :council",
	                    "AND council_id = :council", "ORDER BY y.year");
static const char limit_meetings_one_union[] =
	LIMIT_MEETINGS_UNION("WHERE council_id = :council", "meeting m CROSS JOIN record_source s "
	                     "ON s.table_name = 'meeting' AND s.record_id = m.id "
	                     "WHERE m.council_id = :council",
	                     "AND council_id = :council", "ORDER BY t.year");

/* The event rows with their stored totals; one council's share one name. */
static const char limit_per_event_one[] =
	"SELECT e.id, e.council_id, c.name, e.title, e.date_start, e.date_end, e.location, "
	"e.participants, e.participants_qualifier, e.participant_groups FROM event e "
	"JOIN council c ON c.id = e.council_id WHERE e.council_id = :council "
	"ORDER BY e.date_start, e.date_end, e.id";

/* Sums over the covering index (council_id, year, participants), the
 * council joined to each event or to each group. */
static const char limit_per_year_all[] =
	"SELECT e.council_id, c.name, e.year, count(*), count(e.participants), "
	"coalesce(sum(e.participants), 0) FROM event e JOIN council c ON c.id = e.council_id "
	"GROUP BY e.council_id, e.year ORDER BY c.name_key, e.council_id, e.year";
static const char limit_per_year_all_grouped[] =
	"SELECT t.council_id, c.name, t.year, t.n, t.k, t.s FROM (SELECT council_id, year, "
	"count(*) AS n, count(participants) AS k, coalesce(sum(participants), 0) AS s "
	"FROM event GROUP BY council_id, year) t JOIN council c ON c.id = t.council_id "
	"ORDER BY c.name_key, t.council_id, t.year";
static const char limit_per_year_one[] =
	"SELECT e.council_id, c.name, e.year, count(*), count(e.participants), "
	"coalesce(sum(e.participants), 0) FROM event e JOIN council c ON c.id = e.council_id "
	"WHERE e.council_id = :council GROUP BY e.year ORDER BY e.year";

/* Every column of council_event, its measure links in the same statement
 * rather than one statement per event. */
static const char limit_events_range[] =
	"SELECT e.id, e.council_id, e.meeting_id, e.title, e.kind, e.organiser, e.date_start, "
	"e.date_end, e.location, e.remote, e.description, e.source_id, e.year, "
	"(SELECT group_concat(measure_id) FROM event_measure m WHERE m.event_id = e.id) "
	"FROM event e WHERE e.date_start <= :range_hi AND e.date_end || '~' >= :range_lo "
	"ORDER BY e.council_id, e.date_start, e.date_end, e.id";

/* Members of one role: the role is fixed, so only names order them within
 * a council (member_by_council_role gives that order up to the collation). */
static const char limit_members_one[] =
	"SELECT id, council_id, name, role, represents, side, delegated_by, term_start, "
	"term_end, source_id FROM member WHERE council_id = :council AND role = :role "
	"ORDER BY name COLLATE lt, id";
static const char limit_members_all[] =
	"SELECT id, council_id, name, role, represents, side, delegated_by, term_start, "
	"term_end, source_id FROM member WHERE role = :role "
	"ORDER BY council_id, name COLLATE lt, id";

/* A council's members, every office: the member table's index on
 * (council_id, role, ...) finds them; offices in the council's order, then
 * names. */
static const char limit_member_list_one[] =
	"SELECT id, council_id, name, role, represents, side, delegated_by, term_start, "
	"term_end, source_id FROM member WHERE council_id = :council "
	"ORDER BY CASE role WHEN 'chair' THEN 0 WHEN 'deputy' THEN 1 WHEN 'secretary' THEN 2 "
	"ELSE 3 END, name COLLATE lt, id";

/* Memberships of one council that held on a date: member_term's rule
 * (schema.sql, the people section) with the council inside every part, so
 * that only its members' evidence and its documents' compositions are
 * read; the view computes the compositions of every council first. */
#define LIMIT_MEMBERSHIPS(WHERE_C, AND_EC, ORDER) \
	"WITH composition(source_id, lo) AS (SELECT source_id, min(lo) FROM member_evidence " \
	"WHERE 1 " AND_EC " GROUP BY source_id HAVING sum(change IS NULL) >= 3), " \
	"term AS (SELECT t.id, coalesce(t.term_start, t.first_stated) AS date_from, " \
	"coalesce(t.term_end, CASE WHEN EXISTS (SELECT 1 FROM member_evidence g " \
	"WHERE g.member_id = t.id AND g.change = 'left' AND g.hi >= t.last_hi) " \
	"OR EXISTS (SELECT 1 FROM composition l WHERE l.lo > t.last_hi AND NOT EXISTS " \
	"(SELECT 1 FROM member_evidence k WHERE k.source_id = l.source_id " \
	"AND k.council_id = t.council_id AND k.role = t.role " \
	"AND (k.member_id = t.id OR k.person_id = t.person_id))) " \
	"OR (t.role <> 'member' AND EXISTS (SELECT 1 FROM member_evidence l " \
	"WHERE l.council_id = t.council_id AND l.role = t.role AND l.lo > t.last_hi " \
	"AND NOT EXISTS (SELECT 1 FROM member_evidence k WHERE k.source_id = l.source_id " \
	"AND k.council_id = t.council_id AND k.role = t.role " \
	"AND (k.member_id = t.id OR k.person_id = t.person_id)))) " \
	"THEN t.last_stated END) AS date_to FROM (SELECT m.id, m.council_id, m.person_id, " \
	"m.role, m.term_start, m.term_end, (SELECT min(e.stated) FROM member_evidence e " \
	"WHERE e.member_id = m.id) AS first_stated, (SELECT e.stated FROM member_evidence e " \
	"WHERE e.member_id = m.id ORDER BY e.hi DESC, e.stated LIMIT 1) AS last_stated, " \
	"(SELECT max(e.hi) FROM member_evidence e WHERE e.member_id = m.id) AS last_hi " \
	"FROM member m " WHERE_C ") t) " \
	"SELECT m.id, m.council_id, coalesce(m.person_id, 0), m.name, coalesce(p.name, m.name), " \
	"m.role, m.represents, m.side, t.date_from, t.date_to FROM term t " \
	"JOIN member m ON m.id = t.id LEFT JOIN person p ON p.id = m.person_id " \
	"WHERE (t.date_from IS NULL OR t.date_from <= :range_hi) " \
	"AND (t.date_to IS NULL OR t.date_to || '~' >= :range_lo) " ORDER
/* (b) The view member_term joined as it stands: SQLite materialises its
 * compositions once, which beat (a)'s per-council ones in the first run. */
static const char limit_memberships_one_view[] =
	"SELECT m.id, m.council_id, coalesce(m.person_id, 0), m.name, coalesce(p.name, m.name), "
	"m.role, m.represents, m.side, t.date_from, t.date_to FROM member m "
	"JOIN member_term t ON t.member_id = m.id LEFT JOIN person p ON p.id = m.person_id "
	"WHERE m.council_id = :council AND (t.date_from IS NULL OR t.date_from <= :range_hi) "
	"AND (t.date_to IS NULL OR t.date_to || '~' >= :range_lo) "
	"ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'deputy' THEN 1 "
	"WHEN 'secretary' THEN 2 ELSE 3 END, coalesce(p.name, m.name) COLLATE lt, "
	"t.date_from, m.id";
/* `council query members --role R` (section 5): memberships of one office
 * in every council, terms from member_term joined as it stands (the faster
 * of the two forms for one council, above). */
static const char limit_memberships_role_all[] =
	"SELECT m.id, m.council_id, coalesce(m.person_id, 0), m.name, coalesce(p.name, m.name), "
	"m.role, m.represents, m.side, t.date_from, t.date_to FROM member m "
	"JOIN member_term t ON t.member_id = m.id LEFT JOIN person p ON p.id = m.person_id "
	"WHERE m.role = :role ORDER BY m.council_id, coalesce(p.name, m.name) COLLATE lt, "
	"t.date_from, m.id";
static const char limit_memberships_one[] =
	LIMIT_MEMBERSHIPS("WHERE m.council_id = :council", "AND council_id = :council",
	                  "ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'deputy' THEN 1 "
	                  "WHEN 'secretary' THEN 2 ELSE 3 END, coalesce(p.name, m.name) COLLATE lt, "
	                  "t.date_from, m.id");

/* `council check` and `council coverage` (section 5): no faster SQL is
 * written for them than the public views they read; the limit is the view
 * read by the shell in the library's order (the council's stored sort key
 * for findings; coverage's own statement, which lists a municipality or
 * council without dated rows once, sorting with the lt collation where the
 * library sorts by lt_key, which the shell's extension has not), so the
 * ratio is what the tool costs over the engine answering the same rows. */
static const char limit_findings_all[] =
	"SELECT v.council_id, v.council, v.year, v.kind, v.detail, v.record, v.documents "
	"FROM findings v JOIN council c ON c.id = v.council_id "
	"ORDER BY c.name_key, v.council_id, v.year, v.kind, v.record";
static const char limit_coverage_all[] =
	"WITH v AS MATERIALIZED (SELECT * FROM coverage), "
	"inside AS (SELECT * FROM v WHERE year IS NOT NULL) "
	"SELECT * FROM (SELECT * FROM inside UNION ALL "
	"SELECT municipality, council, kind, NULL, 0, 0, 0, 0, council_id FROM v "
	"WHERE NOT EXISTS (SELECT 1 FROM inside i WHERE i.municipality IS v.municipality "
	"AND i.council_id IS v.council_id) GROUP BY municipality, council_id) "
	"ORDER BY municipality IS NULL, municipality COLLATE lt, council COLLATE lt, council_id, year";

const char *bench_limit_sql(const char *question)
{
	static const struct { const char *name, *sql; } limits[] = {
		{ "meetings all", limit_meetings_all_union },
		{ "participants one", limit_per_event_one },
		{ "participants per year all", limit_per_year_all_grouped },
		{ "events range", limit_events_range },
		{ "memberships by role all", limit_memberships_role_all },
		{ "findings all", limit_findings_all },
		{ "coverage all", limit_coverage_all },
	};
	size_t i;

	for (i = 0; i < sizeof limits / sizeof limits[0]; i++)
		if (!strcmp(limits[i].name, question))
			return limits[i].sql;
	bench_die("no limit SQL named '%s'", question);
}

/* ---- the library's connection -------------------------------------------- */

static sqlite3 *last_opened;

/* Runs for every connection opened in this process while registered; the
 * last one is the library's, opened by the council_open that follows. */
static int note_connection(sqlite3 *db, char **err, const sqlite3_api_routines *api)
{
	(void)err;
	(void)api;
	last_opened = db;
	return SQLITE_OK;
}

#define MAX_STMTS 4

typedef struct capture {
	char *sql[MAX_STMTS]; /* distinct statements, in the order first run */
	int n;
} capture;

static int trace_stmt(unsigned type, void *ctx, void *p, void *x)
{
	capture *c = ctx;
	const char *sql = sqlite3_sql(p);
	int i;

	(void)x;
	if (type != SQLITE_TRACE_STMT || !sql)
		return 0;
	for (i = 0; i < c->n; i++)
		if (!strcmp(c->sql[i], sql))
			return 0;
	if (c->n < MAX_STMTS) {
		c->sql[c->n] = malloc(strlen(sql) + 1);
		if (!c->sql[c->n])
			bench_die("out of memory");
		strcpy(c->sql[c->n++], sql);
	}
	return 0;
}

/* ---- through the library ------------------------------------------------- */

/* What every callback does with a row: count it and read a field, so the
 * work is not optimised away and a result can be compared with raw. */
typedef struct sink {
	long rows;
	int64_t sum;
} sink;

static int on_meetings(void *c, const council_meetings_year *r)
{
	((sink *)c)->rows++, ((sink *)c)->sum += r->meetings;
	return 0;
}

static int on_total(void *c, const council_event_total *r)
{
	((sink *)c)->rows++, ((sink *)c)->sum += r->participants;
	return 0;
}

static int on_per_year(void *c, const council_participants_year *r)
{
	((sink *)c)->rows++, ((sink *)c)->sum += r->participants;
	return 0;
}

static int on_event(void *c, const council_event *r)
{
	((sink *)c)->rows++, ((sink *)c)->sum += r->date.start.day;
	return 0;
}

static int on_member(void *c, const council_member *r)
{
	((sink *)c)->rows++, ((sink *)c)->sum += (int64_t)strlen(r->name);
	return 0;
}

static int on_membership(void *c, const council_membership *r)
{
	((sink *)c)->rows++, ((sink *)c)->sum += (int64_t)strlen(r->person) + r->date_from.year;
	return 0;
}

/* Both runners return wall seconds and leave the CPU seconds in *cpu. */
static double run_lib(council_db *db, const query_def *q, sink *s, double *cpu)
{
	double c0 = bench_cpu(), t0 = bench_now();
	int rc = COUNCIL_OK;

	memset(s, 0, sizeof *s);
	switch (q->kind) {
	case Q_MEETINGS: rc = council_query_meetings_per_year(db, &q->f, on_meetings, s); break;
	case Q_PER_EVENT: rc = council_query_participants_per_event(db, &q->f, on_total, s); break;
	case Q_PER_YEAR: rc = council_query_participants_per_year(db, &q->f, on_per_year, s); break;
	case Q_EVENTS_RANGE: rc = council_query_events_in_range(db, &q->f, on_event, s); break;
	case Q_MEMBERS: rc = council_query_members_by_role(db, &q->f, on_member, s); break;
	case Q_MEMBER_LIST: rc = council_member_list(db, &q->f, on_member, s); break;
	case Q_MEMBERSHIPS: rc = council_query_memberships(db, &q->f, on_membership, s); break;
	}
	if (rc != COUNCIL_OK)
		bench_die("%s: %s", q->name, council_errmsg(db));
	*cpu = bench_cpu() - c0;
	return bench_now() - t0;
}

/* ---- raw ----------------------------------------------------------------- */

static int collate_lt(void *ctx, int na, const void *a, int nb, const void *b)
{
	/* The library registers the same collation on its connections; its
	 * ORDER BYs name it.  council_text_collate is the public face of the
	 * same comparison, and wants terminated strings. */
	char sa[256], sb[256], *pa = sa, *pb = sb;
	int r;

	(void)ctx;
	if ((size_t)na >= sizeof sa && !(pa = malloc((size_t)na + 1)))
		bench_die("out of memory");
	if ((size_t)nb >= sizeof sb && !(pb = malloc((size_t)nb + 1)))
		bench_die("out of memory");
	memcpy(pa, a, (size_t)na);
	pa[na] = '\0';
	memcpy(pb, b, (size_t)nb);
	pb[nb] = '\0';
	r = council_text_collate(pa, pb);
	if (pa != sa)
		free(pa);
	if (pb != sb)
		free(pb);
	return r;
}

static void bind_int(sqlite3_stmt *st, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

static void bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* The values a filter gives the named parameters, as lib/sqlbuf.c binds
 * them: a range runs from the first day its start can mean to its end's
 * text followed by '~', which sorts after every day that end covers. */
static void bind_filter(sqlite3_stmt *st, const council_filter *f)
{
	static const char *const roles[] = { "member", "chair", "deputy", "secretary" };
	char buf[COUNCIL_DATE_BUFSIZE + 1];

	bind_int(st, ":council", f->council_id);
	bind_int(st, ":parent", f->parent_id);
	bind_int(st, ":source", f->source_id);
	bind_int(st, ":year_from", f->year_from);
	bind_int(st, ":year_to", f->year_to);
	bind_int(st, ":limit", f->limit);
	if (f->role >= 0 && f->role < 4)
		bind_text(st, ":role", roles[f->role]);
	if (f->range.start.year) {
		council_date lo = f->range.start;
		const council_date *hi = f->range.end.year ? &f->range.end : &f->range.start;
		lo.month = lo.month ? lo.month : 1;
		lo.day = lo.day ? lo.day : 1;
		bind_text(st, ":range_lo", bench_date_text(buf, &lo));
		bench_date_text(buf, hi);
		strcat(buf, "~");
		bind_text(st, ":range_hi", buf);
	}
}

/* Reads every column as its type says, as a raw caller copying the row into
 * its own struct would. */
static int64_t read_row(sqlite3_stmt *st)
{
	int i, n = sqlite3_column_count(st);
	int64_t acc = 0;

	for (i = 0; i < n; i++) {
		switch (sqlite3_column_type(st, i)) {
		case SQLITE_INTEGER: acc += sqlite3_column_int64(st, i); break;
		case SQLITE_TEXT: acc += sqlite3_column_text(st, i)[0]; break;
		case SQLITE_FLOAT: acc += (int64_t)sqlite3_column_double(st, i); break;
		default: break;
		}
	}
	return acc;
}

/* The main statement prepared, bound and stepped; a second statement the
 * library runs once per row (an event's measure links) is run the same
 * way, with the row's first column as ?1. */
static double run_raw(sqlite3 *db, const capture *c, const council_filter *f, sink *s,
                      double *cpu)
{
	sqlite3_stmt *st, *child = NULL;
	double c0 = bench_cpu(), t0 = bench_now();
	int rc;

	memset(s, 0, sizeof *s);
	if (sqlite3_prepare_v2(db, c->sql[0], -1, &st, NULL) != SQLITE_OK)
		bench_die("raw: %s: %s", c->sql[0], sqlite3_errmsg(db));
	if (c->n > 1 && sqlite3_prepare_v3(db, c->sql[1], -1, SQLITE_PREPARE_PERSISTENT, &child,
	                                   NULL) != SQLITE_OK)
		bench_die("raw: %s: %s", c->sql[1], sqlite3_errmsg(db));
	bind_filter(st, f);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s->rows++;
		s->sum += read_row(st);
		if (child) {
			sqlite3_bind_int64(child, 1, sqlite3_column_int64(st, 0));
			while (sqlite3_step(child) == SQLITE_ROW)
				s->sum += sqlite3_column_int64(child, 0);
			sqlite3_reset(child);
		}
	}
	if (rc != SQLITE_DONE)
		bench_die("raw: %s: %s", c->sql[0], sqlite3_errmsg(db));
	sqlite3_finalize(st);
	sqlite3_finalize(child);
	*cpu = bench_cpu() - c0;
	return bench_now() - t0;
}

/* The limit: its one statement prepared, bound, stepped and read. */
static double run_limit(sqlite3 *db, const char *sql, const council_filter *f, sink *s,
                        double *cpu)
{
	capture c;

	c.sql[0] = (char *)sql;
	c.n = 1;
	return run_raw(db, &c, f, s, cpu);
}

/* lt_key on the raw connection: the library's SQL names it as the fallback
 * for a council without a stored key, which the benchmark's registry never
 * has, so it must exist to prepare and must never run. */
static void lt_key_unused(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	bench_die("raw: lt_key called: a council has no stored sort key");
}

/* ---- query plans --------------------------------------------------------- */

/* Whether a plan line reads rows of a table beyond a covering index: a
 * non-covering index, a full scan, or a rowid lookup into a table other
 * than council (one council row per group costs nothing).  Names are the
 * tables and the aliases the library's SQL and views give them; CTEs and
 * subqueries (y, l, s, v) are SQLite's own materialisations. */
static int line_not_covering(const char *d)
{
	static const char *const tables[] = {
		"meeting", "reported_figure", "event", "event_participants", "member", "council",
		"e", "p", "m", "f", "c",
	};
	char name[64];
	const char *obj;
	size_t i, n;

	if (strstr(d, "USING INDEX "))
		return 1;
	if (!strncmp(d, "SCAN ", 5))
		obj = d + 5;
	else if (!strncmp(d, "SEARCH ", 7))
		obj = d + 7;
	else
		return 0;
	if (strstr(d, "COVERING INDEX"))
		return 0;
	n = strcspn(obj, " ");
	if (n >= sizeof name)
		return 0;
	memcpy(name, obj, n);
	name[n] = '\0';
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (!strcmp(name, tables[i]))
			return !(name[0] == 'c' && strstr(d, "INTEGER PRIMARY KEY"));
	return 0;
}

/* Runs EXPLAIN QUERY PLAN on the main statement; returns whether every
 * table access is covered, and the plan as one line in plan. */
static int explain(sqlite3 *db, const char *sql, const council_filter *f, char *plan, size_t size,
                   char *bad, size_t bad_size)
{
	sqlite3_stmt *st;
	char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	int covered = 1;
	size_t used = 0;

	plan[0] = bad[0] = '\0';
	if (!q || sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
		bench_die("explain: %s", sqlite3_errmsg(db));
	sqlite3_free(q);
	bind_filter(st, f);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);
		if (!d)
			continue;
		if (used < size)
			used += (size_t)snprintf(plan + used, size - used, "%s%s", used ? "; " : "", d);
		if (line_not_covering(d)) {
			if (covered)
				snprintf(bad, bad_size, "%s", d);
			covered = 0;
		}
	}
	sqlite3_finalize(st);
	return covered;
}

/* ---- the section --------------------------------------------------------- */

static int median_runs(const bench_opts *o, double warm)
{
	/* Heavy queries (a second or more over all councils) get fewer runs so
	 * the section stays within minutes; always an odd number, at least 3. */
	int n = o->query_runs;

	if (warm > 0 && (double)n * warm * 2 > 40)
		n = (int)(40 / (warm * 2));
	if (n < 3)
		n = 3;
	return n | 1;
}

void bench_queries(const bench_opts *o, const registry *r, const char *path)
{
	council_id one = r->n_councils >= 17 ? 17 : 1;
	int mid = r->first_year + o->years / 2;
	query_def qs[12];
	council_db *db;
	sqlite3 *raw;
	size_t i, nq = 0;
	int all_met = 1;

	memset(qs, 0, sizeof qs);
	for (i = 0; i < sizeof qs / sizeof qs[0]; i++)
		council_filter_init(&qs[i].f);
	qs[nq].name = "meetings per year, all councils", qs[nq].kind = Q_MEETINGS;
	qs[nq].limit[0] = limit_meetings_all_view;
	qs[nq++].limit[1] = limit_meetings_all_union;
	qs[nq].name = "meetings per year, one council", qs[nq].kind = Q_MEETINGS;
	qs[nq].limit[0] = limit_meetings_one_view;
	qs[nq].limit[1] = limit_meetings_one_union;
	qs[nq].f.council_id = one, qs[nq++].per_council_group = 1;
	qs[nq].name = "participants per event, one council", qs[nq].kind = Q_PER_EVENT;
	qs[nq].limit[0] = limit_per_event_one;
	qs[nq++].f.council_id = one;
	qs[nq].name = "participants per year, all councils", qs[nq].kind = Q_PER_YEAR;
	qs[nq].limit[0] = limit_per_year_all;
	qs[nq++].limit[1] = limit_per_year_all_grouped;
	qs[nq].name = "participants per year, one council", qs[nq].kind = Q_PER_YEAR;
	qs[nq].limit[0] = limit_per_year_one;
	qs[nq].f.council_id = one, qs[nq++].per_council_group = 1;
	qs[nq].name = "events in a month, all councils", qs[nq].kind = Q_EVENTS_RANGE;
	qs[nq].limit[0] = limit_events_range;
	qs[nq].f.range.start.year = qs[nq].f.range.end.year = mid;
	qs[nq].f.range.start.month = qs[nq].f.range.end.month = 5;
	nq++;
	qs[nq].name = "members by role, one council", qs[nq].kind = Q_MEMBERS;
	qs[nq].limit[0] = limit_members_one;
	qs[nq].f.council_id = one, qs[nq++].f.role = COUNCIL_ROLE_MEMBER;
	qs[nq].name = "members by role (chairs), all councils", qs[nq].kind = Q_MEMBERS;
	qs[nq].limit[0] = limit_members_all;
	qs[nq++].f.role = COUNCIL_ROLE_CHAIR;
	qs[nq].name = "members, one council", qs[nq].kind = Q_MEMBER_LIST;
	qs[nq].limit[0] = limit_member_list_one;
	qs[nq++].f.council_id = one;
	qs[nq].name = "memberships on a date, one council", qs[nq].kind = Q_MEMBERSHIPS;
	qs[nq].limit[0] = limit_memberships_one;
	qs[nq].limit[1] = limit_memberships_one_view;
	qs[nq].f.council_id = one;
	qs[nq].f.range.start.year = mid, qs[nq].f.range.start.month = 6;
	qs[nq++].f.range.start.day = 1;

	/* void (*)(void) is the type sqlite3_auto_extension takes for any
	 * entry point; GCC accepts this cast from any function type. */
	sqlite3_auto_extension((void (*)(void))note_connection);
	last_opened = NULL;
	if (council_open(&db, path, 0) != COUNCIL_OK)
		bench_die("%s: %s", path, council_errmsg(db));
	sqlite3_cancel_auto_extension((void (*)(void))note_connection);
	if (!last_opened)
		bench_die("could not see the library's connection");
	raw = bench_raw_open(path, 0);
	if (sqlite3_create_collation(raw, "lt", SQLITE_UTF8, NULL, collate_lt) != SQLITE_OK ||
	    sqlite3_create_function(raw, "lt_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                            lt_key_unused, NULL, NULL) != SQLITE_OK)
		bench_die("raw: collation: %s", sqlite3_errmsg(raw));

	for (i = 0; i < nq; i++) {
		const query_def *q = &qs[i];
		capture cap = { { NULL }, 0 };
		sink ls, rs, xs;
		double tl[64], tr[64], tx[MAX_LIMITS][64], cl[64], cr[64], cx[MAX_LIMITS][64], warm,
		       ml, mr, mx = 0, mxc = 0, ratio, cpu_ratio, limit_ratio, limit_cpu_ratio, dummy;
		int nl, best = 0;
		char plan[2048], bad[512];
		int k, j, n, covered;

		/* The first call is both the warm-up and the capture. */
		sqlite3_trace_v2(last_opened, SQLITE_TRACE_STMT, trace_stmt, &cap);
		warm = run_lib(db, q, &ls, &dummy);
		sqlite3_trace_v2(last_opened, 0, NULL, NULL);
		/* run_raw repeats a main statement and one per-row statement; a
		 * library that starts running more must be measured anew here. */
		if (cap.n == 0 || cap.n > 2)
			bench_die("%s: the library ran %d distinct statements; the raw runner "
			          "repeats one, or one and a per-row one", q->name, cap.n);
		run_raw(raw, &cap, &q->f, &rs, &dummy);
		if (rs.rows != ls.rows)
			bench_die("%s: the library returned %ld rows, the same SQL raw %ld", q->name,
			          ls.rows, rs.rows);
		for (nl = 0; nl < MAX_LIMITS && q->limit[nl]; nl++) {
			run_limit(raw, q->limit[nl], &q->f, &xs, &dummy);
			if (xs.rows != ls.rows)
				bench_die("%s: the library returned %ld rows, limit candidate %d %ld",
				          q->name, ls.rows, nl + 1, xs.rows);
		}
		n = median_runs(o, warm);
		if (n > 64)
			n = 64;
		for (k = 0; k < n; k++) {
			/* Interleaved, so drift in the machine affects both alike. */
			tl[k] = run_lib(db, q, &ls, &cl[k]);
			tr[k] = run_raw(raw, &cap, &q->f, &rs, &cr[k]);
			for (j = 0; j < nl; j++)
				tx[j][k] = run_limit(raw, q->limit[j], &q->f, &xs, &cx[j][k]);
		}
		ml = bench_median(tl, n);
		mr = bench_median(tr, n);
		for (j = 0; j < nl; j++) {
			double c = bench_median(cx[j], n);
			if (j == 0 || c < mxc)
				best = j, mxc = c, mx = bench_median(tx[j], n);
		}
		ratio = ml / mr;
		limit_ratio = ml / mx;
		cpu_ratio = bench_median(cl, n) / bench_median(cr, n);
		limit_cpu_ratio = bench_median(cl, n) / mxc;
		covered = explain(raw, cap.sql[0], &q->f, plan, sizeof plan, bad, sizeof bad);
		bench_row_limit(bench_fmt("(2) %s (%ld rows), median of %d", q->name, ls.rows, n),
		                bench_fmt("%.2f ms", ml * 1e3), bench_fmt("%.2f ms", mr * 1e3),
		                bench_fmt("%.2f ms", mx * 1e3), bench_fmt("%.2f×", ratio),
		                bench_fmt("%.2f×", cpu_ratio),
		                bench_fmt("%.2f× (wall %.2f×)", limit_cpu_ratio, limit_ratio),
		                "≤ 1.10× raw, ≤ 1.50× limit (CPU)",
		                cpu_ratio <= 1.10 && limit_cpu_ratio <= 1.50);
		if (cpu_ratio > 1.10 || limit_cpu_ratio > 1.50)
			all_met = 0;
		if (q->per_council_group)
			bench_row(bench_fmt("(2) %s: covering indexes", q->name),
			          covered ? "yes" : bench_fmt("no: %s", bad), "", "", "", "covering",
			          covered);
		if (q->per_council_group || o->plans)
			bench_note("(2) plan of \"%s\": %s", q->name, plan);
		if (o->plans)
			bench_note("(2) SQL of \"%s\" (%d statement%s): %s", q->name, cap.n,
			           cap.n > 1 ? "s, the second once per row" : "", cap.sql[0]);
		if (nl > 1)
			bench_note("(2) limit of \"%s\": candidate %d of %d was fastest (CPU medians "
			           "in bench/queries.c order:%s)", q->name, best + 1, nl,
			           bench_fmt("%s%s%s", bench_fmt(" %.2f ms", bench_median(cx[0], n) * 1e3),
			                     nl > 1 ? bench_fmt(", %.2f ms", bench_median(cx[1], n) * 1e3) : "",
			                     nl > 2 ? bench_fmt(", %.2f ms", bench_median(cx[2], n) * 1e3) : ""));
		if (o->plans) {
			explain(raw, q->limit[best], &q->f, plan, sizeof plan, bad, sizeof bad);
			bench_note("(2) plan of the limit of \"%s\": %s", q->name, plan);
		}
		bench_log("query %s: library %.3f ms, raw %.3f ms, limit %.3f ms, %ld rows", q->name,
		          ml * 1e3, mr * 1e3, mx * 1e3, ls.rows);
		for (k = 0; k < cap.n; k++)
			free(cap.sql[k]);
	}
	bench_note("(2) raw runs prepare, bind, step and read every column of the statement the "
	           "library ran (recorded by a trace on its connection), on a second connection "
	           "with the same pragmas and the lt collation; events in a range also run the "
	           "library's per-row measure-link statement.  Ratios are library time over raw "
	           "time; the target is judged on thread CPU time, which other processes on the "
	           "machine do not stretch (wall time shown beside it).  The limit is the fastest SQL we "
	           "know for the same answer on the schema the library maintains (bench/queries.c, "
	           "\"the limits\"), run the same way in the same interleaved runs.%s",
	           all_met ? "" : "  A ratio above its target is explained in bench/README.md.");
	sqlite3_close(raw);
	council_close(db);
}
