/* SPDX-License-Identifier: MIT */
/*
 * export_ical.c -- COUNCIL_EXPORT_ICAL: the councils' meetings and events as
 * an RFC 5545 calendar.  Here: the query, how a partial date becomes an
 * all-day event (the rule council.h and council(1) state), TEXT escaping,
 * and content lines folded at 75 octets between UTF-8 characters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export.h"

/* ---- content lines ------------------------------------------------------- */

/* A logical content line being built; written folded by line_end. */
typedef struct line {
	char *s;
	size_t len, cap;
	int oom;
} line;

static void line_add(line *l, const char *s, size_t n)
{
	if (l->oom)
		return;
	if (l->len + n + 1 > l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		char *p;
		while (cap < l->len + n + 1)
			cap *= 2;
		if (!(p = realloc(l->s, cap))) {
			l->oom = 1;
			return;
		}
		l->s = p;
		l->cap = cap;
	}
	memcpy(l->s + l->len, s, n);
	l->len += n;
}

static void line_str(line *l, const char *s)
{
	line_add(l, s, strlen(s));
}

/* TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped,
 * every line break (CRLF, LF or CR) as "\n"; other control characters,
 * which TEXT may not hold, become spaces. */
static void line_text(line *l, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\\' || c == ';' || c == ',') {
			char esc[2] = { '\\', (char)c };
			line_add(l, esc, 2);
		} else if (c == '\r' || c == '\n') {
			line_add(l, "\\n", 2);
			if (c == '\r' && s[1] == '\n')
				s++;
		} else if (c < 0x20 || c == 0x7F) {
			line_add(l, c == '\t' ? "\t" : " ", 1);
		} else {
			line_add(l, s, 1);
		}
	}
}

/* Writes the line folded (RFC 5545 3.1): at most 75 octets per physical
 * line, continuation lines starting with one space, and never a break
 * inside a UTF-8 sequence, which some readers would turn into two
 * replacement characters.  Resets l for the next line. */
static int line_end(line *l, exp_out *out)
{
	size_t pos = 0, limit = 75;

	if (l->oom)
		return COUNCIL_ENOMEM;
	while (l->len - pos > limit) {
		size_t cut = pos + limit;
		/* back to the start of the character that would be split */
		while (cut > pos && ((unsigned char)l->s[cut] & 0xC0) == 0x80)
			cut--;
		exp_put(out, l->s + pos, cut - pos);
		exp_put(out, "\r\n ", 3);
		pos = cut;
		limit = 74; /* the leading space counts */
	}
	exp_put(out, l->s + pos, l->len - pos);
	exp_put(out, "\r\n", 2);
	l->len = 0;
	return out->stopped;
}

/* ---- dates --------------------------------------------------------------- */

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

static void next_day(council_date *d)
{
	if (++d->day > days_in_month(d->year, d->month)) {
		d->day = 1;
		if (++d->month > 12) {
			d->month = 1;
			d->year++;
		}
	}
}

static void add_date(line *l, const char *name, const council_date *d)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%s;VALUE=DATE:%04d%02d%02d", name, d->year, d->month, d->day);
	line_str(l, buf);
}

/* ---- the calendar -------------------------------------------------------- */

/* Columns of the query below. */
enum {
	C_TABLE, C_ID, C_COUNCIL, C_START, C_END, C_TITLE, C_MODE, C_PLATFORM, C_LOCATION,
	C_TEXT, C_ORGANISER, C_KIND, C_PARTICIPANTS, C_QUALIFIER, C_PATH, C_SHA256
};

static void add_filters(sqlbuf *q, const council_filter *f, const char *alias)
{
	sqlbuf_add_filters(q, f, alias, SQLBUF_COUNCIL | SQLBUF_YEAR);
}

static const char *precision_name(const council_date *d)
{
	return !d->month ? "year" : !d->day ? "month" : "day";
}

/* DESCRIPTION: the council, what the record says, its participants, the
 * date's precision when it is not a day, and the document it came from. */
static void description(line *l, sqlite3_stmt *st, const char *start_text,
                        const char *end_text, const char *precision)
{
	const char *v;
	char buf[96];

	line_str(l, "DESCRIPTION:");
	line_text(l, cdb_col_text(st, C_COUNCIL));
	if ((v = cdb_col_text(st, C_TEXT)) && *v) {
		line_text(l, "\n");
		line_text(l, v);
	}
	if ((v = cdb_col_text(st, C_ORGANISER)) && *v) {
		line_text(l, "\nOrganiser: ");
		line_text(l, v);
	}
	if (sqlite3_column_type(st, C_PARTICIPANTS) != SQLITE_NULL) {
		const char *q = cdb_col_text(st, C_QUALIFIER);
		snprintf(buf, sizeof buf, "\nParticipants: %s%lld",
		         !q || strcmp(q, "exact") == 0 ? "" :
		         strcmp(q, "more_than") == 0 ? "more than " :
		         strcmp(q, "about") == 0 ? "about " : "at least ",
		         (long long)sqlite3_column_int64(st, C_PARTICIPANTS));
		line_text(l, buf);
	}
	if (strcmp(precision, "day") != 0) {
		snprintf(buf, sizeof buf, "\nDate known to the %s: ", precision);
		line_text(l, buf);
		line_text(l, start_text);
		if (strcmp(start_text, end_text) != 0) {
			line_text(l, "..");
			line_text(l, end_text);
		}
	}
	if ((v = cdb_col_text(st, C_PATH))) {
		line_text(l, "\nSource: ");
		line_text(l, v);
		line_text(l, " (SHA-256 ");
		line_text(l, cdb_col_text(st, C_SHA256));
		line_text(l, ")");
	}
}

static int vevent(line *l, exp_out *out, sqlite3_stmt *st, const char *domain, const char *stamp)
{
	const char *table = cdb_col_text(st, C_TABLE), *v;
	const char *start_text = cdb_col_text(st, C_START), *end_text = cdb_col_text(st, C_END);
	council_date start, end, dtend;
	const char *precision;
	char buf[192];
	int day_exact;

	if (council_date_parse(&start, start_text) != COUNCIL_OK ||
	    council_date_parse(&end, end_text) != COUNCIL_OK)
		return COUNCIL_ECORRUPT; /* the schema's checks keep these valid */
	day_exact = start.day && end.day;
	/* the coarser of the two ends */
	precision = !start.month || !end.month ? "year" : precision_name(start.day ? &end : &start);

	line_str(l, "BEGIN:VEVENT");
	line_end(l, out);
	snprintf(buf, sizeof buf, "UID:%s-%lld@%s", table,
	         (long long)sqlite3_column_int64(st, C_ID), domain);
	line_str(l, buf);
	line_end(l, out);
	line_str(l, "DTSTAMP:");
	line_str(l, stamp);
	line_end(l, out);
	/* The rule (council.h, council(1)): a partial date is an all-day event
	 * on the first day it can mean, one day long, its precision stated in
	 * DESCRIPTION and X-LIBCOUNCIL-DATE-PRECISION; only a span known to the
	 * day at both ends lasts to the day after its end (DTEND is exclusive). */
	if (!start.month)
		start.month = 1;
	if (!start.day)
		start.day = 1;
	add_date(l, "DTSTART", &start);
	line_end(l, out);
	dtend = day_exact ? end : start;
	next_day(&dtend);
	add_date(l, "DTEND", &dtend);
	line_end(l, out);
	if (!day_exact) {
		snprintf(buf, sizeof buf, "X-LIBCOUNCIL-DATE-PRECISION:%s",
		         !strcmp(precision, "year") ? "YEAR" : !strcmp(precision, "month") ? "MONTH" : "DAY");
		line_str(l, buf);
		line_end(l, out);
	}
	line_str(l, "SUMMARY:");
	if (strcmp(table, "meeting") == 0) {
		line_text(l, cdb_col_text(st, C_COUNCIL));
		line_text(l, ": posėdis");
	} else {
		line_text(l, cdb_col_text(st, C_TITLE));
	}
	line_end(l, out);
	description(l, st, start_text, end_text, precision);
	line_end(l, out);
	if (((v = cdb_col_text(st, C_LOCATION)) && *v) || ((v = cdb_col_text(st, C_PLATFORM)) && *v)) {
		line_str(l, "LOCATION:");
		line_text(l, v);
		line_end(l, out);
	}
	line_str(l, "CATEGORIES:");
	line_text(l, strcmp(table, "meeting") == 0 ? "meeting" : cdb_col_text(st, C_KIND));
	if ((v = cdb_col_text(st, C_MODE)) && strcmp(v, "unknown") != 0) {
		line_str(l, ",");
		line_text(l, v);
	}
	line_end(l, out);
	line_str(l, "END:VEVENT");
	return line_end(l, out);
}

static const char *calendar_name(council_db *db, const council_filter *f, char **owned)
{
	sqlite3_stmt *st;

	*owned = NULL;
	if (f->council_id > 0 &&
	    sqlite3_prepare_v2(db->sql, "SELECT name FROM council WHERE id = ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, f->council_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			*owned = cdb_strdup(cdb_col_text(st, 0));
		sqlite3_finalize(st);
	}
	return *owned ? *owned : "Lithuanian municipal community-organisation councils";
}

int exp_ical(council_db *db, const council_export_options *opt, exp_out *out)
{
	const council_filter *f = &opt->filter;
	const char *domain = opt->uid_domain ? opt->uid_domain : "libcouncil.invalid";
	line l = { NULL, 0, 0, 0 };
	sqlite3_stmt *st;
	char stamp[24], *name_owned;
	time_t now = time(NULL);
	struct tm tm;
	sqlbuf q;
	int rc;

	sqlbuf_init(&q, "SELECT 'meeting', m.id, c.name, m.date_start, m.date_end, NULL, m.format, "
	            "m.platform, m.location, m.summary, NULL, NULL, NULL, NULL, s.path, s.sha256 "
	            "FROM meeting m JOIN council c ON c.id = m.council_id "
	            "LEFT JOIN source_document s ON s.id = m.source_id WHERE 1");
	add_filters(&q, f, "m.");
	sqlbuf_add(&q, " UNION ALL "
	           "SELECT 'event', e.id, c.name, e.date_start, e.date_end, e.title, "
	           "CASE e.remote WHEN 1 THEN 'remote' WHEN 0 THEN 'in_person' END, "
	           "NULL, e.location, e.description, e.organiser, e.kind, "
	           "v.participants, v.qualifier, s.path, s.sha256 "
	           "FROM event e JOIN council c ON c.id = e.council_id "
	           "JOIN events_overview v ON v.event_id = e.id "
	           "LEFT JOIN source_document s ON s.id = e.source_id WHERE 1");
	add_filters(&q, f, "e.");
	/* councils in Lithuanian order, then date; a meeting before an event
	 * of the same day ('meeting' > 'event') */
	sqlbuf_add(&q, " ORDER BY 3 COLLATE lt, 4, 1 DESC, 2");
	if ((rc = sqlbuf_prepare(&st, db, &q)) != COUNCIL_OK)
		return rc;
	sqlbuf_bind_filter(st, f);

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	line_str(&l, "BEGIN:VCALENDAR");
	line_end(&l, out);
	line_str(&l, "VERSION:2.0");
	line_end(&l, out);
	line_str(&l, "PRODID:-//libcouncil//council export " COUNCIL_VERSION_STRING "//EN");
	line_end(&l, out);
	line_str(&l, "CALSCALE:GREGORIAN");
	line_end(&l, out);
	line_str(&l, "X-WR-CALNAME:");
	line_text(&l, calendar_name(db, f, &name_owned));
	free(name_owned);
	line_end(&l, out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int r = vevent(&l, out, st, domain, stamp);
		if (r != COUNCIL_OK) {
			sqlite3_finalize(st);
			free(l.s);
			if (r == COUNCIL_ENOMEM)
				return cdb_error(db, r, "out of memory");
			if (r == COUNCIL_ECORRUPT)
				return cdb_error(db, r, "a stored date is not a partial date");
			return r; /* the writer's own value */
		}
	}
	rc = sqlbuf_finish(db, st, rc, "calendar");
	if (rc == COUNCIL_OK) {
		line_str(&l, "END:VCALENDAR");
		rc = line_end(&l, out);
		if (rc == COUNCIL_ENOMEM)
			rc = cdb_error(db, rc, "out of memory");
	}
	free(l.s);
	return rc;
}
