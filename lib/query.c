/* SPDX-License-Identifier: MIT */
/*
 * query.c -- the questions people ask of the registry (meetings and
 * participants per year, participants per event, fulfilment of a plan,
 * memberships with their terms),
 * the filter every list takes, and council_sql for the user's own SELECTs.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "utf8.h"
#include "sqlbuf.h"

void council_filter_init(council_filter *f)
{
	memset(f, 0, sizeof *f);
	f->council_id = f->parent_id = f->source_id = COUNCIL_ALL;
	f->role = -1;
}

/* Orders rows by the name of council c as the lt collation would, by the
 * stored sort key (schema.sql, council.name_key): the collation walks both
 * names level by level for every comparison, n log n times for n rows of
 * one council (bench/README.md); the key compares as bytes.  A council
 * renamed in the sqlite3 shell has no key until the library writes it
 * again; lt_key computes it then, once per row rather than per
 * comparison. */
#define COUNCIL_ORDER "coalesce(c.name_key, lt_key(c.name))"

/* ---- meetings per year --------------------------------------------------- */

static void meetings_year_read(sqlite3_stmt *st, void *rec)
{
	council_meetings_year *r = rec;

	r->council_id = sqlite3_column_int64(st, 0);
	r->council = cdb_col_text(st, 1);
	r->year = sqlite3_column_int(st, 2);
	r->meetings = sqlite3_column_int64(st, 3);
	r->remote = sqlite3_column_int64(st, 4);
	r->listed = sqlite3_column_int64(st, 5);
	r->stated = cdb_col_opt_int(st, 6);
}

static int meetings_year_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_meetings_year_cb)cb)(ctx, rec);
}

static const cdb_entity meetings_year_row = {
	"meetings per year", sizeof(council_meetings_year), NULL, 0,
	meetings_year_read, meetings_year_emit, NULL, NULL, 0, NULL, NULL, NULL,
};

int council_query_meetings_per_year(council_db *db, const council_filter *f,
                                    council_meetings_year_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	/* The view meetings_per_year's rows (schema.sql, "one answer"; the
	 * tests compare the two), computed in one scan of the covering index
	 * meeting_by_council_year grouped in its own order: that gives each
	 * year's listed meetings, those entered by hand and each document's
	 * own at once; the documents' other meetings (record_source) are added
	 * per document, the stated figures grouped apart, and all grouped once
	 * more as one stream, with no join back.  Reading the view instead
	 * took 6x as long over 100,000 meetings (bench/README.md), as it joins
	 * every meeting back for its documents; a filter on the view comes too
	 * late for one council, as SQLite materialises its CTEs for every
	 * council first.  A figure of these metrics always has a value, so no
	 * year is made of NULLs alone. */
	int one = f && f->council_id > 0;

	sqlbuf_init(&q, "WITH own AS MATERIALIZED (SELECT council_id, year, format, source_id, "
	                "count(*) AS n FROM meeting");
	sqlbuf_add(&q, one ? " WHERE council_id = :council" : "");
	sqlbuf_add(&q, " GROUP BY council_id, year, format, source_id), "
	               "docs AS (SELECT council_id, year, max(n) AS n, max(r) AS r FROM (SELECT "
	               "council_id, year, source_id, sum(n) AS n, sum(r) AS r FROM (SELECT council_id, "
	               "year, source_id, n, CASE WHEN format = 'remote' THEN n ELSE 0 END AS r FROM own "
	               "WHERE source_id IS NOT NULL UNION ALL SELECT m.council_id, m.year, s.source_id, 1, "
	               "m.format = 'remote' FROM ");
	/* One council: its meetings from the covering index, each looked up
	 * in record_source; all: record_source's meeting rows, each meeting
	 * looked up by id. */
	sqlbuf_add(&q, one ? "meeting m CROSS JOIN record_source s ON s.table_name = 'meeting' "
	                     "AND s.record_id = m.id WHERE m.council_id = :council"
	                   : "record_source s JOIN meeting m ON m.id = s.record_id "
	                     "WHERE s.table_name = 'meeting'");
	sqlbuf_add(&q, ") GROUP BY council_id, year, source_id) GROUP BY council_id, year) "
	               "SELECT t.council_id, c.name, t.year, CASE WHEN max(t.sn) IS NULL THEN "
	               "coalesce(sum(t.ln), 0) ELSE max(max(t.sn), coalesce(max(t.dn), 0) + "
	               "coalesce(sum(t.hn), 0)) END, CASE WHEN max(t.sr) IS NULL THEN "
	               "coalesce(sum(t.lr), 0) ELSE max(max(t.sr), coalesce(max(t.dr), 0) + "
	               "coalesce(sum(t.hr), 0)) END, coalesce(sum(t.ln), 0), max(t.sn) FROM ("
	               "SELECT council_id, year, sum(n) AS ln, "
	               "sum(CASE WHEN format = 'remote' THEN n END) AS lr, "
	               "sum(CASE WHEN source_id IS NULL THEN n END) AS hn, "
	               "sum(CASE WHEN source_id IS NULL AND format = 'remote' THEN n END) AS hr, "
	               "NULL AS dn, NULL AS dr, NULL AS sn, NULL AS sr FROM own GROUP BY council_id, year "
	               "UNION ALL SELECT council_id, year, NULL, NULL, NULL, NULL, n, r, NULL, NULL "
	               "FROM docs UNION ALL SELECT council_id, year, NULL, NULL, NULL, NULL, NULL, NULL, "
	               "max(CASE WHEN metric = 'meetings' THEN value END), "
	               "max(CASE WHEN metric = 'meetings_remote' THEN value END) FROM reported_figure "
	               "WHERE metric IN ('meetings', 'meetings_remote')");
	sqlbuf_add(&q, one ? " AND council_id = :council" : "");
	sqlbuf_add(&q, " GROUP BY council_id, year) t JOIN council c ON c.id = t.council_id WHERE 1");
	sqlbuf_add_filters(&q, f, "t.", SQLBUF_YEAR);
	/* One council: its name is the same on every row, left out of the
	 * order; else the council's stored sort key (COUNCIL_ORDER). */
	sqlbuf_add(&q, one ? " GROUP BY t.council_id, t.year ORDER BY t.year"
	                   : " GROUP BY t.council_id, t.year ORDER BY " COUNCIL_ORDER
	                     ", t.council_id, t.year");
	return sqlbuf_stream(db, &q, f, &meetings_year_row, (cdb_fn)cb, ctx);
}

/* ---- participants per event ---------------------------------------------- */

static void event_total_read(sqlite3_stmt *st, void *rec)
{
	council_event_total *r = rec;

	r->event_id = sqlite3_column_int64(st, 0);
	r->council_id = sqlite3_column_int64(st, 1);
	r->council = cdb_col_text(st, 2);
	r->title = cdb_col_text(st, 3);
	cdb_col_date(st, 4, &r->date.start);
	cdb_col_date(st, 5, &r->date.end);
	r->location = cdb_col_text(st, 6);
	r->participants = cdb_col_opt_int(st, 7);
	r->qualifier = (council_qualifier)cdb_col_enum(st, 8, COUNCIL_ENUM_QUALIFIER);
	r->groups = sqlite3_column_int64(st, 9);
}

static int event_total_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_event_total_cb)cb)(ctx, rec);
}

static const cdb_entity event_total_row = {
	"participants per event", sizeof(council_event_total), NULL, 0,
	event_total_read, event_total_emit, NULL, NULL, 0, NULL, NULL, NULL,
};

int council_query_participants_per_event(council_db *db, const council_filter *f,
                                         council_event_total_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK || (rc = sqlbuf_check_range(db, f)) != COUNCIL_OK)
		return rc;
	/* The totals the triggers keep on the event row (schema.sql), which
	 * the view events_overview also reads: no subquery per event.  One
	 * council's rows share one name, so they need no name in the order. */
	sqlbuf_init(&q, "SELECT e.id, e.council_id, c.name, e.title, e.date_start, e.date_end, "
	                "e.location, e.participants, e.participants_qualifier, e.participant_groups "
	                "FROM event e JOIN council c ON c.id = e.council_id WHERE 1");
	sqlbuf_add_filters(&q, f, "e.", SQLBUF_COUNCIL | SQLBUF_YEAR | SQLBUF_RANGE);
	if (f && f->council_id > 0)
		sqlbuf_add_order(&q, f, " ORDER BY e.date_start, e.date_end, e.id");
	else
		sqlbuf_add_order(&q, f, " ORDER BY " COUNCIL_ORDER ", e.council_id, e.date_start, "
		                        "e.date_end, e.id");
	return sqlbuf_stream(db, &q, f, &event_total_row, (cdb_fn)cb, ctx);
}

/* ---- participants per year ----------------------------------------------- */

static void participants_year_read(sqlite3_stmt *st, void *rec)
{
	council_participants_year *r = rec;

	r->council_id = sqlite3_column_int64(st, 0);
	r->council = cdb_col_text(st, 1);
	r->year = sqlite3_column_int(st, 2);
	r->events = sqlite3_column_int64(st, 3);
	r->counted = sqlite3_column_int64(st, 4);
	r->participants = sqlite3_column_int64(st, 5);
}

static int participants_year_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_participants_year_cb)cb)(ctx, rec);
}

static const cdb_entity participants_year_row = {
	"participants per year", sizeof(council_participants_year), NULL, 0,
	participants_year_read, participants_year_emit, NULL, NULL, 0, NULL, NULL, NULL,
};

int council_query_participants_per_year(council_db *db, const council_filter *f,
                                        council_participants_year_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	/* Each event's total as the triggers keep it on the event row, so the
	 * index event_by_council_year_participants answers alone: no seek into
	 * the groups per event (bench/README.md).  Over all councils the sums
	 * are made before the council is joined, once per council and year
	 * rather than once per event (10% less CPU, measured); for one council
	 * the plain join, which the index returns in year order, is faster
	 * than materialising the sums (the benchmark's limits). */
	if (f && f->council_id > 0) {
		sqlbuf_init(&q, "SELECT e.council_id, c.name, e.year, count(*), count(e.participants), "
		                "coalesce(sum(e.participants), 0) FROM event e "
		                "JOIN council c ON c.id = e.council_id WHERE 1");
		sqlbuf_add_filters(&q, f, "e.", SQLBUF_COUNCIL | SQLBUF_YEAR);
		sqlbuf_add(&q, " GROUP BY e.year ORDER BY e.year");
	} else {
		sqlbuf_init(&q, "SELECT t.council_id, c.name, t.year, t.n, t.k, t.s FROM "
		                "(SELECT council_id, year, count(*) AS n, count(participants) AS k, "
		                "coalesce(sum(participants), 0) AS s FROM event WHERE 1");
		sqlbuf_add_filters(&q, f, "", SQLBUF_YEAR);
		sqlbuf_add(&q, " GROUP BY council_id, year) t JOIN council c ON c.id = t.council_id "
		               "ORDER BY " COUNCIL_ORDER ", t.council_id, t.year");
	}
	return sqlbuf_stream(db, &q, f, &participants_year_row, (cdb_fn)cb, ctx);
}

/* ---- lists under the names people ask for -------------------------------- */

int council_query_events_in_range(council_db *db, const council_filter *f,
                                  council_event_cb cb, void *ctx)
{
	int rc = cdb_enter(db);

	if (rc != COUNCIL_OK)
		return rc;
	if (!f || !f->range.start.year)
		return cdb_error(db, COUNCIL_EINVAL, "filter.range: required");
	return council_event_list(db, f, cb, ctx);
}

int council_query_members_by_role(council_db *db, const council_filter *f,
                                  council_member_cb cb, void *ctx)
{
	int rc = cdb_enter(db);

	if (rc != COUNCIL_OK)
		return rc;
	if (!f || f->role == -1)
		return cdb_error(db, COUNCIL_EINVAL, "filter.role: required");
	return council_member_list(db, f, cb, ctx);
}

/* ---- fulfilment by plan and year ----------------------------------------- */

static void fulfilment_row_read(sqlite3_stmt *st, void *rec)
{
	council_fulfilment_row *r = rec;

	r->plan_id = sqlite3_column_int64(st, 0);
	r->measure_id = sqlite3_column_int64(st, 1);
	r->seq = sqlite3_column_int(st, 2);
	r->measure = cdb_col_text(st, 3);
	r->year = sqlite3_column_int(st, 4);
	r->text = cdb_col_text(st, 5);
}

static int fulfilment_row_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_fulfilment_row_cb)cb)(ctx, rec);
}

static const cdb_entity fulfilment_row = {
	"fulfilment", sizeof(council_fulfilment_row), NULL, 0,
	fulfilment_row_read, fulfilment_row_emit, NULL, NULL, 0, NULL, NULL, NULL,
};

int council_query_fulfilment(council_db *db, const council_filter *f,
                             council_fulfilment_row_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if (!f || f->parent_id <= 0)
		return cdb_error(db, COUNCIL_EINVAL, "filter.parent_id: required (the plan)");
	if ((rc = cdb_require_row(db, "plan", "filter.parent_id", f->parent_id)) != COUNCIL_OK)
		return rc;
	/* A grid: every measure against every year the plan has any fulfilment
	 * for, so a measure with nothing recorded in a year shows as a gap. */
	sqlbuf_init(&q, "WITH years AS (SELECT DISTINCT f.year FROM measure_fulfilment f "
	                "JOIN measure m ON m.id = f.measure_id WHERE m.plan_id = :parent");
	sqlbuf_add_filters(&q, f, "f.", SQLBUF_YEAR);
	sqlbuf_add(&q, ") SELECT m.plan_id, m.id, m.seq, m.name, y.year, f.text "
	               "FROM measure m JOIN plan p ON p.id = m.plan_id CROSS JOIN years y "
	               "LEFT JOIN measure_fulfilment f ON f.measure_id = m.id AND f.year = y.year "
	               "WHERE m.plan_id = :parent");
	sqlbuf_add_filters(&q, f, "p.", SQLBUF_COUNCIL);
	sqlbuf_add(&q, " ORDER BY m.seq, y.year");
	return sqlbuf_stream(db, &q, f, &fulfilment_row, (cdb_fn)cb, ctx);
}

/* ---- the user's own SQL -------------------------------------------------- */

/* Skips what may follow a statement without being one: blanks, comments,
 * and the empty statements stray semicolons make. */
static const char *skip_blank(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
		    *s == '\v' || *s == ';') {
			s++;
		} else if (s[0] == '-' && s[1] == '-') {
			s += strcspn(s, "\n");
		} else if (s[0] == '/' && s[1] == '*') {
			const char *end = strstr(s + 2, "*/");
			s = end ? end + 2 : s + strlen(s);
		} else {
			return s;
		}
	}
}

/* sqlite3_stmt_readonly() calls BEGIN, SAVEPOINT, ATTACH and most PRAGMAs
 * read-only, since they leave the file alone; but they change the
 * connection the library relies on (transaction state, foreign keys), so
 * council_sql refuses them too.  PRAGMAs that only report something with
 * an argument (table_info(member)) stay allowed. */
struct sql_guard {
	const char *refused; /* what the authorizer refused, for the message */
};

static int sql_authorize(void *ctx, int action, const char *a, const char *b, const char *c,
                         const char *d)
{
	static const char *const reporting[] = {
		"table_info", "table_xinfo", "index_info", "index_xinfo", "index_list",
		"foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
		"table_list",
	};
	struct sql_guard *g = ctx;
	size_t i;

	(void)c;
	(void)d;
	switch (action) {
	case SQLITE_TRANSACTION: g->refused = "transaction control"; return SQLITE_DENY;
	case SQLITE_SAVEPOINT: g->refused = "SAVEPOINT"; return SQLITE_DENY;
	case SQLITE_ATTACH: g->refused = "ATTACH"; return SQLITE_DENY;
	case SQLITE_DETACH: g->refused = "DETACH"; return SQLITE_DENY;
	case SQLITE_REINDEX: g->refused = "REINDEX"; return SQLITE_DENY;
	case SQLITE_PRAGMA:
		if (!b)
			return SQLITE_OK;
		for (i = 0; i < sizeof reporting / sizeof reporting[0]; i++)
			if (sqlite3_stricmp(a, reporting[i]) == 0)
				return SQLITE_OK;
		g->refused = "a PRAGMA that sets a value";
		return SQLITE_DENY;
	default:
		return SQLITE_OK;
	}
}

static int sql_prepare(sqlite3_stmt **out, council_db *db, const char *sql)
{
	struct sql_guard guard = { NULL };
	const char *tail = NULL;
	char *nfc = NULL;
	int rc;

	/* In NFC, like every stored text, so that a literal typed in another
	 * form ('Klaipe' U+0307 'dos') still equals the stored name. */
	if (utf8_nfc(&nfc, sql, strlen(sql)) != 0)
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	if (nfc)
		sql = nfc;
	sqlite3_set_authorizer(db->sql, sql_authorize, &guard);
	rc = sqlite3_prepare_v2(db->sql, sql, -1, out, &tail);
	sqlite3_set_authorizer(db->sql, NULL, NULL);
	/* Only whether anything follows the statement is asked of tail. */
	if (nfc) {
		int more = tail && *skip_blank(tail) != '\0';
		free(nfc);
		tail = more ? "x" : "";
	}
	if (guard.refused)
		return cdb_error(db, COUNCIL_EREADONLY, "sql: %s is not allowed here", guard.refused);
	if (rc != SQLITE_OK)
		return cdb_error(db, COUNCIL_EINVAL, "sql: %s", sqlite3_errmsg(db->sql));
	if (!*out)
		return cdb_error(db, COUNCIL_EINVAL, "sql: no statement");
	if (*skip_blank(tail)) {
		sqlite3_finalize(*out);
		*out = NULL;
		return cdb_error(db, COUNCIL_EINVAL, "sql: only one statement at a time");
	}
	if (!sqlite3_stmt_readonly(*out)) {
		sqlite3_finalize(*out);
		*out = NULL;
		return cdb_error(db, COUNCIL_EREADONLY, "sql: the statement would change the "
		                 "database; council_sql runs read-only statements");
	}
	return COUNCIL_OK;
}

int council_sql(council_db *db, const char *sql, council_sql_cb cb, void *ctx)
{
	sqlite3_stmt *st = NULL;
	const char **names = NULL, **values;
	int *types, ncol, i, rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if (!sql || !cb)
		return cdb_error(db, COUNCIL_EINVAL, "sql: %s", sql ? "no callback" : "no statement");
	if ((rc = sql_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	ncol = sqlite3_column_count(st);
	/* One block for the three arrays; at least one slot so an empty
	 * result shape still gets valid pointers. */
	names = malloc((size_t)(ncol ? ncol : 1) * (2 * sizeof(char *) + sizeof(int)));
	if (!names) {
		sqlite3_finalize(st);
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	}
	values = names + (ncol ? ncol : 1);
	types = (int *)(values + (ncol ? ncol : 1));
	for (i = 0; i < ncol; i++)
		names[i] = sqlite3_column_name(st, i);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < ncol; i++) {
			/* The type first: asking for text converts the value. */
			types[i] = sqlite3_column_type(st, i);
			values[i] = (const char *)sqlite3_column_text(st, i);
		}
		if ((rc = cb(ctx, ncol, names, values, types)) != 0) {
			sqlite3_finalize(st);
			free(names);
			return rc;
		}
	}
	free(names);
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(st);
		return COUNCIL_OK;
	}
	rc = sqlite3_finalize(st);
	return cdb_sqlite_error(db, rc, "sql");
}

/* ---- memberships ---------------------------------------------------------- */

/* Each member row (a membership) with its person (people.c decides who is
 * who) and its term, which schema.sql's view member_term reads from the
 * documents. */

static void membership_read(sqlite3_stmt *st, void *rec)
{
	council_membership *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	r->council_id = sqlite3_column_int64(st, 1);
	r->person_id = sqlite3_column_int64(st, 2);
	r->name = cdb_col_text(st, 3);
	r->person = cdb_col_text(st, 4);
	r->role = (council_role)cdb_col_enum(st, 5, COUNCIL_ENUM_ROLE);
	r->represents = cdb_col_text(st, 6);
	r->side = (council_side)cdb_col_enum(st, 7, COUNCIL_ENUM_SIDE);
	cdb_col_date(st, 8, &r->date_from);
	cdb_col_date(st, 9, &r->date_to);
}

static int membership_emit(council_db *db, cdb_fn cb, void *ctx, void *rec)
{
	(void)db;
	return ((council_membership_cb)cb)(ctx, rec);
}

static const cdb_entity membership_row = {
	"membership", sizeof(council_membership), NULL, 0,
	membership_read, membership_emit, NULL, NULL, 0, NULL, NULL, NULL,
};

int council_query_memberships(council_db *db, const council_filter *f,
                              council_membership_cb cb, void *ctx)
{
	sqlbuf q;
	int rc;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if (f && f->role != -1 &&
	    (rc = cdb_check_enum(db, "filter.role", COUNCIL_ENUM_ROLE, f->role)) != COUNCIL_OK)
		return rc;
	if ((rc = sqlbuf_check_range(db, f)) != COUNCIL_OK)
		return rc;
	sqlbuf_init(&q, "SELECT m.id, m.council_id, coalesce(m.person_id, 0), m.name, "
	                "coalesce(p.name, m.name), m.role, m.represents, m.side, t.date_from, t.date_to "
	                "FROM member m JOIN member_term t ON t.member_id = m.id "
	                "LEFT JOIN person p ON p.id = m.person_id WHERE 1");
	sqlbuf_add_filters(&q, f, "m.", SQLBUF_COUNCIL);
	if (f && f->role != -1)
		sqlbuf_add(&q, " AND m.role = :role");
	/* Partial dates compare as text: a start '2024' is at or before any
	 * day of 2024, an end '2024' || '~' at or after any (as sqlbuf's
	 * range clause does). */
	if (f && f->year_to > 0)
		sqlbuf_add(&q, " AND (t.date_from IS NULL OR "
		               "CAST(substr(t.date_from, 1, 4) AS INTEGER) <= :year_to)");
	if (f && f->year_from > 0)
		sqlbuf_add(&q, " AND (t.date_to IS NULL OR "
		               "CAST(substr(t.date_to, 1, 4) AS INTEGER) >= :year_from)");
	if (f && f->range.start.year)
		sqlbuf_add(&q, " AND (t.date_from IS NULL OR t.date_from <= :range_hi) "
		               "AND (t.date_to IS NULL OR t.date_to || '~' >= :range_lo)");
	sqlbuf_add_order(&q, f, " ORDER BY m.council_id, CASE m.role WHEN 'chair' THEN 0 "
	                        "WHEN 'deputy' THEN 1 WHEN 'secretary' THEN 2 ELSE 3 END, "
	                        "coalesce(p.name, m.name) COLLATE lt, t.date_from, m.id");
	return sqlbuf_stream(db, &q, f, &membership_row, (cdb_fn)cb, ctx);
}
