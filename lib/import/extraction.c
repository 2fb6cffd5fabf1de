/* SPDX-License-Identifier: MIT */
/*
 * extraction.c -- the extraction as a value: creating and freeing it, its
 * spans' quotes, the tables of its reviewable JSON form (format
 * "libcouncil-extraction/1", documented in doc/extraction-format.md), its
 * values fitted to what the reader accepts, and the JSON written.  Reading
 * the JSON back, with every member checked, is extraction_read.c.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extraction_format.h"
#include "utf8.h"

council_extraction *x_new(const char *path)
{
	council_extraction *x = calloc(1, sizeof *x);

	if (!x)
		return NULL;
	x->path = cdb_strdup(path ? path : "");
	x->errmsg = cdb_strdup("");
	if (!x->path || !x->errmsg) {
		council_extraction_free(x);
		return NULL;
	}
	x->report_year = -1;
	x->council.kind = COUNCIL_KIND_BO;
	x->council.size = x->council.seats_municipality = x->council.seats_community = -1;
	x->plan.year_from = x->plan.year_to = -1;
	return x;
}

int x_fail(council_extraction *x, int code, int line, const char *fmt, ...)
{
	char msg[768], *full;
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	n = strlen(x->path) + strlen(msg) + 32;
	full = malloc(n);
	if (!full)
		return code;
	if (line > 0)
		snprintf(full, n, "%s:%d: %s", x->path, line, msg);
	else
		snprintf(full, n, "%s: %s", x->path, msg);
	free(x->errmsg);
	x->errmsg = full;
	return code;
}

void *x_push(void **array, size_t *n, size_t size)
{
	/* Capacity doubles at powers of two, so it need not be stored. */
	size_t count = *n;
	char *p = *array;

	if (count == 0 || (count & (count - 1)) == 0) {
		size_t cap = count ? count * 2 : 4;
		p = realloc(p, cap * size);
		if (!p)
			return NULL;
		*array = p;
	}
	memset(p + count * size, 0, size);
	(*n)++;
	return p + count * size;
}

/* ---- quotes -------------------------------------------------------------- */

/* Cuts the NFC text q (malloc'd, taken over) to a quote of at most
 * X_QUOTE_MAX characters, "…" included when cut; NULL on OOM. */
static char *quote_cut(char *q)
{
	size_t len, keep;
	char *cut;

	if (!q)
		return NULL;
	len = strlen(q);
	if (utf8_length(q, len) <= X_QUOTE_MAX)
		return q;
	/* X_QUOTE_MAX characters with the ellipsis, so that a quote already
	 * cut is not cut again when a reviewed JSON is read back. */
	keep = utf8_prefix(q, len, X_QUOTE_MAX - 1);
	if (!(cut = realloc(q, keep + sizeof "…"))) {
		free(q);
		return NULL;
	}
	memcpy(cut + keep, "…", sizeof "…");
	return cut;
}

char *x_quote(const char *s, size_t n)
{
	return quote_cut(utf8_nfc_dup(s, n));
}

int x_span_set(x_span *s, const lt_text *t, size_t start, size_t end)
{
	size_t window = 1024, stop;
	char *clean;

	free(s->quote);
	s->quote = NULL;
	if (end < start)
		end = start; /* the reader refuses a span that ends before it starts */
	s->start = lt_text_orig_offset(t, start);
	s->end = lt_text_orig_offset(t, end);
	s->line = lt_text_line(t, s->start);
	/* A record inside a long paragraph spans the paragraph, but its quote
	 * keeps X_QUOTE_MAX characters: clean a window of the text that grows
	 * until it holds more than that or reaches the end, so that a record
	 * costs its quote and not its paragraph, in time and in the JSON. */
	for (;;) {
		stop = end - start > window ? start + window : end;
		while (stop < end && ((unsigned char)t->norm[stop] & 0xC0) == 0x80)
			stop++; /* a whole character */
		if (!(clean = lt_text_clean(t, start, stop)))
			return COUNCIL_ENOMEM;
		if (stop == end || utf8_length(clean, strlen(clean)) > X_QUOTE_MAX)
			break;
		free(clean);
		window *= 2;
	}
	/* The text was checked NFC-stable once (lt_text_init): a piece of it
	 * is quoted as it is, else normalised here. */
	if (t->nfc) {
		s->quote = quote_cut(clean);
	} else {
		s->quote = x_quote(clean, strlen(clean));
		free(clean);
	}
	return s->quote ? COUNCIL_OK : COUNCIL_ENOMEM;
}

const char *council_extraction_errmsg(const council_extraction *x)
{
	return x && x->errmsg ? x->errmsg : "out of memory";
}

/* ---- the format as data ---------------------------------------------------
 * One table per object of the format (extraction_format.h says what a row
 * holds); reading (extraction_read.c), writing, fitting and freeing walk
 * them all. */

#define TEXT(T, M, N, REQ) { .name = N, .kind = J_TEXT, .required = REQ, .off = offsetof(T, M) }
#define INT(T, M, N, REQ, LO, HI) \
	{ .name = N, .kind = J_INT, .required = REQ, .off = offsetof(T, M), .lo = LO, .hi = HI, .dflt = -1 }
#define ENUM(T, M, N, REQ, E, D) \
	{ .name = N, .kind = J_ENUM, .required = REQ, .off = offsetof(T, M), .e = E, .dflt = D }
#define SPAN(T, M) { .name = "span", .kind = J_SPAN, .off = offsetof(T, M), .sub = &span_table }
#define ARRAY(N, M, ET, SUB) { .name = N, .kind = J_ARRAY, .off = offsetof(council_extraction, M), \
	.off2 = offsetof(council_extraction, n_##M), .elem = sizeof(ET), .sub = &SUB }
#define TABLE(F, CHECK) { F, sizeof F / sizeof F[0], CHECK }
/* The stored record's id (0 when unknown: absent), so that a reviewed
 * extraction is matched by id before natural keys, even where the
 * reviewer corrected a key (an event's date). */
#define ID(T) { .name = "id", .kind = J_I64, .off = offsetof(T, id), .lo = 1, .hi = INT64_MAX, \
	.dflt = 0, .omit = 1 }

/* The enumerations are read and written through an int. */
_Static_assert(sizeof(council_role) == sizeof(int) && sizeof(council_kind) == sizeof(int) &&
               sizeof(council_metric) == sizeof(int) && sizeof(council_act_effect) == sizeof(int),
               "enumerations are int-sized");

static const jfield span_fields[] = {
	{ .name = "line", .kind = J_INT, .off = offsetof(x_span, line), .lo = 0, .hi = 1000000000 },
	{ .name = "start", .kind = J_SIZE, .off = offsetof(x_span, start), .lo = 0, .hi = INT64_MAX },
	{ .name = "end", .kind = J_SIZE, .off = offsetof(x_span, end), .lo = 0, .hi = INT64_MAX },
	{ .name = "text", .kind = J_QUOTE, .off = offsetof(x_span, quote) },
};
static const jtable span_table = TABLE(span_fields, x_check_span);

static const jfield source_fields[] = {
	{ .name = "path", .kind = J_DOCPATH, .off = offsetof(council_extraction, source_path) },
	ENUM(council_extraction, kind, "kind", 0, COUNCIL_ENUM_SOURCE_KIND, COUNCIL_SOURCE_OTHER),
	INT(council_extraction, report_year, "report_year", 0, 1990, 2100),
	TEXT(council_extraction, doc_number, "doc_number", 0),
	{ .name = "doc_date", .kind = J_DAY, .off = offsetof(council_extraction, doc_date) },
};
static const jtable source_table = TABLE(source_fields, NULL);

static const jfield council_fields[] = {
	TEXT(council_extraction, council.name, "name", 1),
	TEXT(council_extraction, council.municipality, "municipality", 0),
	ENUM(council_extraction, council.kind, "kind", 0, COUNCIL_ENUM_KIND, COUNCIL_KIND_BO),
	INT(council_extraction, council.size, "size", 0, 0, 1000),
	INT(council_extraction, council.seats_municipality, "seats_municipality", 0, 0, 1000),
	INT(council_extraction, council.seats_community, "seats_community", 0, 0, 1000),
	{ .name = "several_councils", .kind = J_FLAG, .off = offsetof(council_extraction, council.several) },
	SPAN(council_extraction, council.span),
};
static const jtable council_table = TABLE(council_fields, NULL);

static const jfield plan_fields[] = {
	TEXT(council_extraction, plan.title, "title", 1),
	INT(council_extraction, plan.year_from, "year_from", 0, 1990, 2100),
	INT(council_extraction, plan.year_to, "year_to", 0, 1990, 2100),
	SPAN(council_extraction, plan.span),
};
static const jtable plan_table = TABLE(plan_fields, x_check_plan);

/* The council a member or event of a page about several councils is
 * another's or, for a member, the one its heading or sentence names. */
static const jfield council_ref_fields[] = {
	TEXT(x_council_ref, name, "name", 1),
	TEXT(x_council_ref, municipality, "municipality", 0),
	ENUM(x_council_ref, kind, "kind", 0, COUNCIL_ENUM_KIND, COUNCIL_KIND_BO),
};
static const jtable council_ref_table = TABLE(council_ref_fields, NULL);

static const jfield member_fields[] = {
	ID(x_member),
	TEXT(x_member, name, "name", 1),
	ENUM(x_member, role, "role", 0, COUNCIL_ENUM_ROLE, COUNCIL_ROLE_MEMBER),
	TEXT(x_member, represents, "represents", 0),
	ENUM(x_member, side, "side", 0, COUNCIL_ENUM_SIDE, COUNCIL_SIDE_UNKNOWN),
	TEXT(x_member, delegated_by, "delegated_by", 0),
	TEXT(x_member, as_written, "as_written", 0),
	SPAN(x_member, span),
	TEXT(x_member, change, "change", 0),
	{ .name = "since", .kind = J_DATE, .off = offsetof(x_member, since) },
	TEXT(x_member, former_name, "former_name", 0),
	{ .name = "council", .kind = J_OBJECT, .off = offsetof(x_member, council),
	  .off2 = offsetof(x_member, council.present), .sub = &council_ref_table, .omit = 1 },
};
static const jtable member_table = TABLE(member_fields, x_check_member);

static const jfield meeting_fields[] = {
	ID(x_meeting),
	{ .name = "date", .kind = J_PERIOD, .required = 1, .off = offsetof(x_meeting, date) },
	ENUM(x_meeting, format, "format", 0, COUNCIL_ENUM_FORMAT, COUNCIL_FORMAT_UNKNOWN),
	TEXT(x_meeting, platform, "platform", 0),
	TEXT(x_meeting, location, "location", 0),
	TEXT(x_meeting, summary, "summary", 0),
	INT(x_meeting, participants, "participants", 0, 0, 1000),
	SPAN(x_meeting, span),
};
static const jtable meeting_table = TABLE(meeting_fields, NULL);

static const jfield figure_fields[] = {
	ID(x_figure),
	INT(x_figure, year, "year", 1, 1990, 2100),
	ENUM(x_figure, metric, "metric", 1, COUNCIL_ENUM_METRIC, 0),
	{ .name = "value", .kind = J_I64, .required = 1, .off = offsetof(x_figure, value),
	  .lo = 0, .hi = 10000000, .dflt = -1 },
	ENUM(x_figure, qualifier, "qualifier", 0, COUNCIL_ENUM_QUALIFIER, COUNCIL_QUAL_EXACT),
	SPAN(x_figure, span),
};
static const jtable figure_table = TABLE(figure_fields, NULL);

static const jfield measure_fields[] = {
	ID(x_measure),
	INT(x_measure, seq, "seq", 1, 1, 100000),
	TEXT(x_measure, name, "name", 1),
	TEXT(x_measure, indicator, "indicator", 0),
	{ .name = "responsible", .kind = J_TEXTS, .off = offsetof(x_measure, responsible),
	  .off2 = offsetof(x_measure, n_responsible) },
	TEXT(x_measure, fulfilment, "fulfilment", 0),
	SPAN(x_measure, span),
};
static const jtable measure_table = TABLE(measure_fields, NULL);

static const jfield group_fields[] = {
	{ .name = "count", .kind = J_I64, .required = 1, .off = offsetof(x_group, count),
	  .lo = 0, .hi = 1000000, .dflt = -1 },
	ENUM(x_group, qualifier, "qualifier", 0, COUNCIL_ENUM_QUALIFIER, COUNCIL_QUAL_EXACT),
	TEXT(x_group, group_name, "group", 0),
};
static const jtable group_table = TABLE(group_fields, NULL);

static const jfield event_fields[] = {
	ID(x_event),
	TEXT(x_event, title, "title", 1),
	ENUM(x_event, kind, "kind", 0, COUNCIL_ENUM_EVENT_KIND, COUNCIL_EVENT_OTHER),
	{ .name = "date", .kind = J_PERIOD, .required = 1, .off = offsetof(x_event, date) },
	TEXT(x_event, organiser, "organiser", 0),
	TEXT(x_event, location, "location", 0),
	{ .name = "remote", .kind = J_BOOL3, .off = offsetof(x_event, remote) },
	TEXT(x_event, description, "description", 0),
	{ .name = "participants", .kind = J_ARRAY, .off = offsetof(x_event, groups),
	  .off2 = offsetof(x_event, n_groups), .elem = sizeof(x_group), .sub = &group_table },
	{ .name = "measures", .kind = J_SEQS, .off = offsetof(x_event, measures),
	  .off2 = offsetof(x_event, n_measures), .lo = 1, .hi = 100000 },
	{ .name = "year_inferred", .kind = J_FLAG, .off = offsetof(x_event, year_inferred) },
	SPAN(x_event, span),
	{ .name = "council", .kind = J_OBJECT, .off = offsetof(x_event, council),
	  .off2 = offsetof(x_event, council.present), .sub = &council_ref_table, .omit = 1 },
};
static const jtable event_table = TABLE(event_fields, NULL);

static const jfield act_fields[] = {
	ID(x_act),
	TEXT(x_act, number, "number", 1),
	{ .name = "date", .kind = J_DATE, .off = offsetof(x_act, date) },
	TEXT(x_act, title, "title", 0),
	ENUM(x_act, effect, "effect", 0, COUNCIL_ENUM_ACT_EFFECT, COUNCIL_ACT_OTHER),
	SPAN(x_act, span),
};
static const jtable act_table = TABLE(act_fields, NULL);

static const jfield attendance_fields[] = {
	{ .name = "date", .kind = J_DAY, .required = 1, .off = offsetof(x_attendance, date) },
	TEXT(x_attendance, name, "name", 1),
	{ .name = "present", .kind = J_BOOL3, .required = 1, .off = offsetof(x_attendance, present) },
	TEXT(x_attendance, reason, "reason", 0),
	SPAN(x_attendance, span),
};
static const jtable attendance_table = TABLE(attendance_fields, NULL);

/* The top level: source, council and plan keep their members in the
 * extraction itself, hence offset 0. */
static const jfield root_fields[] = {
	{ .name = "format", .kind = J_FORMAT, .required = 1 },
	{ .name = "source", .kind = J_OBJECT, .off2 = NO_FLAG, .sub = &source_table },
	{ .name = "council", .kind = J_OBJECT, .required = 1, .off2 = NO_FLAG, .sub = &council_table },
	{ .name = "plan", .kind = J_OBJECT, .off2 = offsetof(council_extraction, plan.present),
	  .sub = &plan_table },
	ARRAY("members", members, x_member, member_table),
	ARRAY("meetings", meetings, x_meeting, meeting_table),
	ARRAY("figures", figures, x_figure, figure_table),
	ARRAY("measures", measures, x_measure, measure_table),
	ARRAY("events", events, x_event, event_table),
	ARRAY("acts", acts, x_act, act_table),
	ARRAY("attendance", attendance, x_attendance, attendance_table),
	{ .name = "notes", .kind = J_TEXTS, .off = offsetof(council_extraction, notes),
	  .off2 = offsetof(council_extraction, n_notes), .omit = 1 },
};
const jtable x_root_table = TABLE(root_fields, x_check_references);

/* ---- walking the structs ------------------------------------------------- */

/* Calls fn on every text member of the object at base (a list's items as
 * required texts), then, with release, frees its lists and arrays: freeing
 * and fitting walk the structs the one way. */
static void walk_texts(const jtable *t, char *base, void (*fn)(char **p, const jfield *f), int release)
{
	static const jfield item = { .name = "", .kind = J_TEXT, .required = 1 };
	size_t i, k;

	for (i = 0; i < t->n; i++) {
		const jfield *f = &t->fields[i];
		char *p = base + f->off;
		switch (f->kind) {
		case J_DOCPATH: case J_TEXT: case J_QUOTE:
			fn((char **)p, f);
			break;
		case J_TEXTS:
			for (k = 0; k < *(size_t *)(base + f->off2); k++)
				fn(&(*(char ***)p)[k], &item);
			if (release)
				free(*(char ***)p);
			break;
		case J_SEQS:
			if (release)
				free(*(int **)p);
			break;
		case J_OBJECT: case J_SPAN:
			walk_texts(f->sub, p, fn, release);
			break;
		case J_ARRAY:
			for (k = 0; k < *(size_t *)(base + f->off2); k++)
				walk_texts(f->sub, *(char **)p + k * f->elem, fn, release);
			if (release)
				free(*(char **)p);
			break;
		default:
			break;
		}
	}
}

static void free_text(char **p, const jfield *f)
{
	(void)f;
	free(*p);
}

static void free_object(const jtable *t, char *base)
{
	walk_texts(t, base, free_text, 1);
}

void council_extraction_free(council_extraction *x)
{
	if (!x)
		return;
	free(x->path);
	free(x->errmsg);
	free_object(&x_root_table, (char *)x);
	free(x);
}

/* Makes the text at *p what the reader accepts for field f: NFC (a quote
 * bounded too), NULL when empty and optional.
 * Out of memory, the text stays as it is: valid, only not normalised. */
static void fit_text(char **p, const jfield *f)
{
	char *n = NULL;
	size_t len;

	if (!*p || f->kind == J_DOCPATH)  /* a file name, kept as given */
		return;
	if (utf8_nfc(&n, *p, strlen(*p)) != 0)
		return;
	if (f->kind == J_QUOTE) {
		/* Cut only when too long: most quotes are NFC and short, and
		 * stay as they are without a copy. */
		const char *q = n ? n : *p;
		if (utf8_length(q, strlen(q)) > X_QUOTE_MAX) {
			char *cut = x_quote(q, strlen(q));
			free(n);
			if (!(n = cut))
				return;
		}
	}
	if (n) {
		free(*p);
		*p = n;
	}
	len = strlen(*p);
	if (len == 0 && f->kind == J_TEXT && !f->required) {
		free(*p);
		*p = NULL;
	}
}

static void fit_object(const jtable *t, char *base)
{
	walk_texts(t, base, fit_text, 0);
}

static int seq_at_cmp(const void *a, const void *b)
{
	const seq_at *p = a, *q = b;

	if (p->seq != q->seq)
		return p->seq < q->seq ? -1 : 1;
	return (p->at > q->at) - (p->at < q->at);
}

seq_at *x_seq_index(const council_extraction *x)
{
	seq_at *ix;
	size_t i;

	if (!x->n_measures || !(ix = malloc(x->n_measures * sizeof *ix)))
		return NULL;
	for (i = 0; i < x->n_measures; i++) {
		ix[i].seq = x->measures[i].seq;
		ix[i].at = i;
	}
	qsort(ix, x->n_measures, sizeof *ix, seq_at_cmp);
	return ix;
}

size_t x_seq_find(const seq_at *ix, size_t n, int seq)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix[mid].seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && ix[lo].seq == seq ? lo : n;
}

/* The ranges are the reader's (the tables above).  A value the extractor
 * read past them is a misreading, a year of an old act or a phone number
 * taken for a count: better unknown than unreadable.  The same goes for
 * what the reader checks across members: a plan's years in order, measure
 * numbers used once (the first stands, as the loader always kept it), an
 * event's links to measures listed, once each.  Last, every text becomes
 * NFC, as the reader makes it, and an empty optional text unknown, so the
 * JSON reads back to the same JSON.  (Lengths are the registry's to check,
 * on load: a name of 350 characters reads, and fails to store.) */
void x_member_clear(x_member *m)
{
	free_object(&member_table, (char *)m);
	memset(m, 0, sizeof *m);
}

void x_council_ref_clear(x_council_ref *r)
{
	free(r->name);
	free(r->municipality);
	memset(r, 0, sizeof *r);
}

void x_event_clear(x_event *e)
{
	free_object(&event_table, (char *)e);
	memset(e, 0, sizeof *e);
}

void x_fit_ranges(council_extraction *x)
{
	size_t i, j, n, *seen;
	seq_at *ix;

#define X_YEAR_OK(y) ((y) == -1 || ((y) >= 1990 && (y) <= 2100))
	if (!X_YEAR_OK(x->report_year))
		x->report_year = -1;
	if (!X_YEAR_OK(x->plan.year_from) || !X_YEAR_OK(x->plan.year_to) ||
	    (x->plan.year_from >= 0 && x->plan.year_to >= 0 && x->plan.year_from > x->plan.year_to))
		x->plan.year_from = x->plan.year_to = -1;
	if (x->council.size > 1000)
		x->council.size = -1;
	if (x->council.seats_municipality > 1000)
		x->council.seats_municipality = -1;
	if (x->council.seats_community > 1000)
		x->council.seats_community = -1;
	for (i = n = 0; i < x->n_figures; i++) {
		x_figure *f = &x->figures[i];
		if (f->year >= 1990 && f->year <= 2100 && f->value >= 0 && f->value <= 10000000)
			x->figures[n++] = *f;
		else
			free_object(&figure_table, (char *)f);
	}
	x->n_figures = n;
	for (i = 0; i < x->n_meetings; i++)
		if (x->meetings[i].participants > 1000)
			x->meetings[i].participants = -1;
	for (i = 0; i < x->n_events; i++) {
		x_event *e = &x->events[i];
		for (j = n = 0; j < e->n_groups; j++) {
			if (e->groups[j].count >= 0 && e->groups[j].count <= 1000000)
				e->groups[n++] = e->groups[j];
			else
				free_object(&group_table, (char *)&e->groups[j]);
		}
		e->n_groups = n;
	}
#undef X_YEAR_OK
	if ((ix = x_seq_index(x)) != NULL) {
		unsigned char *drop = calloc(x->n_measures, 1);
		if (drop) {
			for (i = 1; i < x->n_measures; i++)
				if (ix[i].seq == ix[i - 1].seq)
					drop[ix[i].at] = 1;
			for (i = n = 0; i < x->n_measures; i++) {
				if (drop[i])
					free_object(&measure_table, (char *)&x->measures[i]);
				else
					x->measures[n++] = x->measures[i];
			}
			x->n_measures = n;
			free(drop);
		}
		free(ix);
	}
	ix = x_seq_index(x);
	seen = ix ? calloc(x->n_measures, sizeof *seen) : NULL;
	for (i = 0; i < x->n_events; i++) {
		x_event *e = &x->events[i];
		if (!x->n_measures) {
			e->n_measures = 0;
			continue;
		}
		if (!seen)
			continue; /* out of memory: left as read */
		for (j = n = 0; j < e->n_measures; j++) {
			size_t k = x_seq_find(ix, x->n_measures, e->measures[j]);
			if (k == x->n_measures || seen[k] == i + 1)
				continue;
			seen[k] = i + 1;
			e->measures[n++] = e->measures[j];
		}
		e->n_measures = n;
	}
	free(seen);
	free(ix);
	fit_object(&x_root_table, (char *)x);
}

/* ---- to JSON ------------------------------------------------------------- */

static json_t *write_object(const jtable *t, const char *base, const council_extraction *x);

/* A period as "2024-05-16" or "2024-05-16..2024-05-17". */
static json_t *jperiod(const council_period *p)
{
	char a[COUNCIL_DATE_BUFSIZE], b[COUNCIL_DATE_BUFSIZE], both[2 * COUNCIL_DATE_BUFSIZE + 2];

	council_date_format(a, &p->start);
	council_date_format(b, &p->end);
	if (!p->end.year || strcmp(a, b) == 0)
		return json_string(a);
	snprintf(both, sizeof both, "%s..%s", a, b);
	return json_string(both);
}

static json_t *jtext(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *write_value(const jfield *f, const char *base, const council_extraction *x)
{
	const char *p = base + f->off;
	char buf[COUNCIL_DATE_BUFSIZE];
	json_t *arr;
	size_t k, n;

	switch (f->kind) {
	case J_FORMAT:
		return json_string(COUNCIL_EXTRACTION_FORMAT);
	case J_DOCPATH:
		return jtext(*(char *const *)p ? *(char *const *)p : x->path);
	case J_TEXT:
		return jtext(*(char *const *)p);
	case J_QUOTE: {
		/* Bounded here too: the writer never prints a paragraph, whoever
		 * made the span. */
		const char *q = *(char *const *)p;
		char *b = q ? x_quote(q, strlen(q)) : NULL;
		json_t *v = b ? json_string(b) : q ? NULL : json_null();
		free(b);
		return v;
	}
	case J_INT:
		return *(const int *)p < 0 ? json_null() : json_integer(*(const int *)p);
	case J_I64:
		return *(const int64_t *)p < 0 ? json_null() : json_integer(*(const int64_t *)p);
	case J_SIZE:
		return json_integer((json_int_t)*(const size_t *)p);
	case J_ENUM:
		return jtext(council_enum_name(f->e, *(const int *)p));
	case J_DATE: case J_DAY:
		return ((const council_date *)p)->year
			? json_string(council_date_format(buf, (const council_date *)p)) : json_null();
	case J_PERIOD:
		return jperiod((const council_period *)p);
	case J_BOOL3:
		return *(const int *)p < 0 ? json_null() : json_boolean(*(const int *)p);
	case J_FLAG:
		return json_boolean(*(const int *)p);
	case J_TEXTS: case J_SEQS: case J_ARRAY:
		if (!(arr = json_array()))
			return NULL;
		n = *(const size_t *)(base + f->off2);
		for (k = 0; k < n; k++) {
			json_t *v = f->kind == J_TEXTS ? json_string((*(char *const *const *)p)[k])
			          : f->kind == J_SEQS ? json_integer((*(int *const *)p)[k])
			          : write_object(f->sub, *(char *const *)p + k * f->elem, x);
			if (json_array_append_new(arr, v) != 0) {
				json_decref(arr);
				return NULL;
			}
		}
		return arr;
	case J_OBJECT:
		if (f->off2 != NO_FLAG && !*(const int *)(base + f->off2))
			return json_null();
		return write_object(f->sub, p, x);
	case J_SPAN:
		if (!((const x_span *)p)->quote)
			return json_null();
		return write_object(f->sub, p, x);
	}
	return NULL;
}

/* Whether a member written only when known (jfield.omit) is. */
static int given(const jfield *f, const char *base)
{
	switch (f->kind) {
	case J_OBJECT: return *(const int *)(base + f->off2) != 0;
	case J_TEXTS: return *(const size_t *)(base + f->off2) != 0;
	default: return *(const int64_t *)(base + f->off) > 0;
	}
}

/* NULL when memory ran out. */
static json_t *write_object(const jtable *t, const char *base, const council_extraction *x)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; o && i < t->n; i++) {
		json_t *v;
		if (t->fields[i].omit && !given(&t->fields[i], base))
			continue;
		v = write_value(&t->fields[i], base, x);
		if (!v || json_object_set_new(o, t->fields[i].name, v) != 0) {
			json_decref(o);
			o = NULL;
		}
	}
	return o;
}

int council_extraction_to_json(char **out, const council_extraction *x)
{
	json_t *root;

	*out = NULL;
	if (!x)
		return COUNCIL_EMISUSE;
	if (!(root = write_object(&x_root_table, (const char *)x, x)))
		return COUNCIL_ENOMEM;
	*out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	return *out ? COUNCIL_OK : COUNCIL_ENOMEM;
}
