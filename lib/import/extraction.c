/*
 * extraction.c -- the extraction as a value: creating and freeing it, and
 * its reviewable JSON form (format "libcouncil-extraction/1", documented in
 * doc/extraction-format.md) in both directions.  jansson does the JSON
 * syntax; this file maps fields and names the one that is wrong.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "report.h"
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

int x_span_set(x_span *s, const lt_text *t, size_t start, size_t end)
{
	free(s->quote);
	s->start = lt_text_orig_offset(t, start);
	s->end = lt_text_orig_offset(t, end);
	s->line = lt_text_line(t, s->start);
	s->quote = lt_text_clean(t, start, end);
	return s->quote ? COUNCIL_OK : COUNCIL_ENOMEM;
}

const char *council_extraction_errmsg(const council_extraction *x)
{
	return x && x->errmsg ? x->errmsg : "out of memory";
}

/* The ranges are council_import_parse_json's (get_int below).  A value
 * the extractor read past them is a misreading, a year of an old act or a
 * phone number taken for a count: better unknown than unreadable. */
void x_fit_ranges(council_extraction *x)
{
	size_t i, j, n;

#define X_YEAR_OK(y) ((y) == -1 || ((y) >= 1990 && (y) <= 2100))
	if (!X_YEAR_OK(x->report_year))
		x->report_year = -1;
	if (!X_YEAR_OK(x->plan.year_from) || !X_YEAR_OK(x->plan.year_to))
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
			free(f->span.quote);
	}
	x->n_figures = n;
	for (i = 0; i < x->n_events; i++) {
		x_event *e = &x->events[i];
		for (j = n = 0; j < e->n_groups; j++) {
			if (e->groups[j].count >= 0 && e->groups[j].count <= 1000000)
				e->groups[n++] = e->groups[j];
			else
				free(e->groups[j].group_name);
		}
		e->n_groups = n;
	}
#undef X_YEAR_OK
}

void council_extraction_free(council_extraction *x)
{
	size_t i, j;

	if (!x)
		return;
	free(x->path);
	free(x->source_path);
	free(x->errmsg);
	free(x->doc_number);
	free(x->council.name);
	free(x->council.municipality);
	free(x->council.span.quote);
	free(x->plan.title);
	free(x->plan.span.quote);
	for (i = 0; i < x->n_members; i++) {
		free(x->members[i].name);
		free(x->members[i].represents);
		free(x->members[i].as_written);
		free(x->members[i].span.quote);
	}
	free(x->members);
	for (i = 0; i < x->n_meetings; i++) {
		free(x->meetings[i].platform);
		free(x->meetings[i].summary);
		free(x->meetings[i].span.quote);
	}
	free(x->meetings);
	for (i = 0; i < x->n_figures; i++)
		free(x->figures[i].span.quote);
	free(x->figures);
	for (i = 0; i < x->n_measures; i++) {
		x_measure *m = &x->measures[i];
		free(m->name);
		free(m->indicator);
		for (j = 0; j < m->n_responsible; j++)
			free(m->responsible[j]);
		free(m->responsible);
		free(m->fulfilment);
		free(m->span.quote);
	}
	free(x->measures);
	for (i = 0; i < x->n_events; i++) {
		x_event *e = &x->events[i];
		free(e->title);
		free(e->organiser);
		free(e->location);
		free(e->description);
		for (j = 0; j < e->n_groups; j++)
			free(e->groups[j].group_name);
		free(e->groups);
		free(e->measures);
		free(e->span.quote);
	}
	free(x->events);
	for (i = 0; i < x->n_acts; i++) {
		free(x->acts[i].number);
		free(x->acts[i].title);
		free(x->acts[i].span.quote);
	}
	free(x->acts);
	free(x);
}

/* ---- to JSON ------------------------------------------------------------- */

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *jint(int64_t v)
{
	return v >= 0 ? json_integer(v) : json_null();
}

static json_t *jdate(const council_date *d)
{
	char buf[COUNCIL_DATE_BUFSIZE];

	return d->year ? json_string(council_date_format(buf, d)) : json_null();
}

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

static json_t *jenum(council_enum e, int v)
{
	return jstr(council_enum_name(e, v));
}

static json_t *jspan(const x_span *s)
{
	if (!s->quote)
		return json_null();
	return json_pack("{s:i, s:I, s:I, s:s}", "line", s->line, "start", (json_int_t)s->start,
	                 "end", (json_int_t)s->end, "text", s->quote);
}

int council_extraction_to_json(char **out, const council_extraction *x)
{
	json_t *root, *arr;
	size_t i, j;

	*out = NULL;
	if (!x)
		return COUNCIL_EMISUSE;
	root = json_object();
	if (!root)
		return COUNCIL_ENOMEM;
	json_object_set_new(root, "format", json_string(COUNCIL_EXTRACTION_FORMAT));
	json_object_set_new(root, "source", json_pack("{s:s, s:o, s:o, s:o, s:o}",
		"path", x->source_path ? x->source_path : x->path,
		"kind", jenum(COUNCIL_ENUM_SOURCE_KIND, (int)x->kind),
		"report_year", jint(x->report_year),
		"doc_number", jstr(x->doc_number),
		"doc_date", jdate(&x->doc_date)));
	json_object_set_new(root, "council", json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
		"name", jstr(x->council.name),
		"municipality", jstr(x->council.municipality),
		"kind", jenum(COUNCIL_ENUM_KIND, (int)x->council.kind),
		"size", jint(x->council.size),
		"seats_municipality", jint(x->council.seats_municipality),
		"seats_community", jint(x->council.seats_community),
		"span", jspan(&x->council.span)));
	if (x->plan.present)
		json_object_set_new(root, "plan", json_pack("{s:o, s:o, s:o, s:o}",
			"title", jstr(x->plan.title),
			"year_from", jint(x->plan.year_from),
			"year_to", jint(x->plan.year_to),
			"span", jspan(&x->plan.span)));
	else
		json_object_set_new(root, "plan", json_null());

	arr = json_array();
	for (i = 0; i < x->n_members; i++) {
		const x_member *m = &x->members[i];
		json_array_append_new(arr, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}",
			"name", jstr(m->name), "role", jenum(COUNCIL_ENUM_ROLE, (int)m->role),
			"represents", jstr(m->represents), "side", jenum(COUNCIL_ENUM_SIDE, (int)m->side),
			"as_written", jstr(m->as_written), "span", jspan(&m->span)));
	}
	json_object_set_new(root, "members", arr);

	arr = json_array();
	for (i = 0; i < x->n_meetings; i++) {
		const x_meeting *m = &x->meetings[i];
		json_array_append_new(arr, json_pack("{s:o, s:o, s:o, s:o, s:o}",
			"date", jperiod(&m->date), "format", jenum(COUNCIL_ENUM_FORMAT, (int)m->format),
			"platform", jstr(m->platform), "summary", jstr(m->summary),
			"span", jspan(&m->span)));
	}
	json_object_set_new(root, "meetings", arr);

	arr = json_array();
	for (i = 0; i < x->n_figures; i++) {
		const x_figure *f = &x->figures[i];
		json_array_append_new(arr, json_pack("{s:i, s:o, s:I, s:o, s:o}",
			"year", f->year, "metric", jenum(COUNCIL_ENUM_METRIC, (int)f->metric),
			"value", (json_int_t)f->value,
			"qualifier", jenum(COUNCIL_ENUM_QUALIFIER, (int)f->qualifier),
			"span", jspan(&f->span)));
	}
	json_object_set_new(root, "figures", arr);

	arr = json_array();
	for (i = 0; i < x->n_measures; i++) {
		const x_measure *m = &x->measures[i];
		json_t *resp = json_array();
		for (j = 0; j < m->n_responsible; j++)
			json_array_append_new(resp, json_string(m->responsible[j]));
		json_array_append_new(arr, json_pack("{s:i, s:o, s:o, s:o, s:o, s:o}",
			"seq", m->seq, "name", jstr(m->name), "indicator", jstr(m->indicator),
			"responsible", resp, "fulfilment", jstr(m->fulfilment),
			"span", jspan(&m->span)));
	}
	json_object_set_new(root, "measures", arr);

	arr = json_array();
	for (i = 0; i < x->n_events; i++) {
		const x_event *e = &x->events[i];
		json_t *groups = json_array(), *measures = json_array();
		for (j = 0; j < e->n_groups; j++)
			json_array_append_new(groups, json_pack("{s:I, s:o, s:o}",
				"count", (json_int_t)e->groups[j].count,
				"qualifier", jenum(COUNCIL_ENUM_QUALIFIER, (int)e->groups[j].qualifier),
				"group", jstr(e->groups[j].group_name)));
		for (j = 0; j < e->n_measures; j++)
			json_array_append_new(measures, json_integer(e->measures[j]));
		json_array_append_new(arr, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:b, s:o}",
			"title", jstr(e->title), "kind", jenum(COUNCIL_ENUM_EVENT_KIND, (int)e->kind),
			"date", jperiod(&e->date), "organiser", jstr(e->organiser),
			"location", jstr(e->location),
			"remote", e->remote < 0 ? json_null() : json_boolean(e->remote),
			"description", jstr(e->description), "participants", groups,
			"measures", measures, "year_inferred", e->year_inferred,
			"span", jspan(&e->span)));
	}
	json_object_set_new(root, "events", arr);

	arr = json_array();
	for (i = 0; i < x->n_acts; i++) {
		const x_act *a = &x->acts[i];
		json_array_append_new(arr, json_pack("{s:o, s:o, s:o, s:o, s:o}",
			"number", jstr(a->number), "date", jdate(&a->date), "title", jstr(a->title),
			"effect", jenum(COUNCIL_ENUM_ACT_EFFECT, (int)a->effect),
			"span", jspan(&a->span)));
	}
	json_object_set_new(root, "acts", arr);

	*out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	return *out ? COUNCIL_OK : COUNCIL_ENOMEM;
}

/* ---- from JSON ----------------------------------------------------------- */

/* Reading state: the field path being read, for messages. */
typedef struct jreader {
	council_extraction *x;
	char where[128];
	int rc;
} jreader;

static int jfail(jreader *r, const char *field, const char *why)
{
	if (r->rc == COUNCIL_OK)
		r->rc = x_fail(r->x, COUNCIL_EPARSE, 0, "%s%s%s: %s", r->where,
		               r->where[0] && field[0] ? "." : "", field, why);
	return r->rc;
}

/* Copies an optional string member; NULL when absent or null. */
static char *get_str(jreader *r, json_t *obj, const char *field, int required)
{
	json_t *v = json_object_get(obj, field);
	const char *s;
	char *copy;

	if (!v || json_is_null(v)) {
		if (required)
			jfail(r, field, "required");
		return NULL;
	}
	if (!json_is_string(v)) {
		jfail(r, field, "must be a string");
		return NULL;
	}
	s = json_string_value(v);
	if (required && !*s) {
		jfail(r, field, "must not be empty");
		return NULL;
	}
	copy = cdb_strdup(s);
	if (!copy && r->rc == COUNCIL_OK)
		r->rc = x_fail(r->x, COUNCIL_ENOMEM, 0, "out of memory");
	return copy;
}

/* An optional integer member: -1 when absent or null. */
static int64_t get_int(jreader *r, json_t *obj, const char *field, int64_t lo, int64_t hi,
                       int required)
{
	json_t *v = json_object_get(obj, field);
	int64_t n;

	if (!v || json_is_null(v)) {
		if (required)
			jfail(r, field, "required");
		return -1;
	}
	if (!json_is_integer(v)) {
		jfail(r, field, "must be an integer");
		return -1;
	}
	n = json_integer_value(v);
	if (n < lo || n > hi) {
		char why[96];
		snprintf(why, sizeof why, "%lld is out of range %lld..%lld", (long long)n,
		         (long long)lo, (long long)hi);
		jfail(r, field, why);
		return -1;
	}
	return n;
}

static int get_enum(jreader *r, json_t *obj, const char *field, council_enum e, int dflt)
{
	json_t *v = json_object_get(obj, field);
	int out = dflt;

	if (!v || json_is_null(v))
		return dflt;
	if (!json_is_string(v) || council_enum_parse(&out, e, json_string_value(v)) != COUNCIL_OK) {
		char why[160];
		snprintf(why, sizeof why, "\"%s\" is not a valid value",
		         json_is_string(v) ? json_string_value(v) : "(not a string)");
		jfail(r, field, why);
		return dflt;
	}
	return out;
}

static void get_date(jreader *r, json_t *obj, const char *field, council_date *d)
{
	json_t *v = json_object_get(obj, field);

	memset(d, 0, sizeof *d);
	if (!v || json_is_null(v))
		return;
	if (!json_is_string(v) || council_date_parse(d, json_string_value(v)) != COUNCIL_OK) {
		char why[160];
		snprintf(why, sizeof why, "\"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
		         json_is_string(v) ? json_string_value(v) : "(not a string)");
		jfail(r, field, why);
	}
}

static void get_period(jreader *r, json_t *obj, const char *field, council_period *p)
{
	json_t *v = json_object_get(obj, field);

	memset(p, 0, sizeof *p);
	if (!v || json_is_null(v)) {
		jfail(r, field, "required");
		return;
	}
	if (!json_is_string(v) || council_period_parse(p, json_string_value(v)) != COUNCIL_OK) {
		char why[200];
		snprintf(why, sizeof why, "\"%s\" is not a date or range (2024-05-16..2024-05-17)",
		         json_is_string(v) ? json_string_value(v) : "(not a string)");
		jfail(r, field, why);
	}
}

static void get_span(jreader *r, json_t *obj, x_span *s)
{
	json_t *v = json_object_get(obj, "span");

	if (!v || !json_is_object(v))
		return;
	int64_t n;

	/* Spans are provenance for a reader: absent or null parts are fine. */
	n = get_int(r, v, "line", 0, 1000000000, 0);
	s->line = n < 0 ? 0 : (int)n;
	n = get_int(r, v, "start", 0, INT64_MAX, 0);
	s->start = n < 0 ? 0 : (size_t)n;
	n = get_int(r, v, "end", 0, INT64_MAX, 0);
	s->end = n < 0 ? 0 : (size_t)n;
	s->quote = get_str(r, v, "text", 0);
}

/* Iterates over the array member name of root, calling fn for each object
 * element with r->where set to "name[i]". */
typedef void (*elem_fn)(jreader *r, json_t *elem, void *dst);

static void each(jreader *r, json_t *root, const char *name, void **array, size_t *n,
                 size_t size, elem_fn fn)
{
	json_t *arr = json_object_get(root, name), *elem;
	size_t i;

	if (!arr || json_is_null(arr))
		return;
	if (!json_is_array(arr)) {
		jfail(r, name, "must be an array");
		return;
	}
	json_array_foreach(arr, i, elem) {
		void *dst;
		if (r->rc != COUNCIL_OK)
			return;
		snprintf(r->where, sizeof r->where, "%s[%zu]", name, i);
		if (!json_is_object(elem)) {
			jfail(r, "", "must be an object");
			return;
		}
		if (!(dst = x_push(array, n, size))) {
			r->rc = x_fail(r->x, COUNCIL_ENOMEM, 0, "out of memory");
			return;
		}
		fn(r, elem, dst);
	}
	r->where[0] = '\0';
}

static void read_member(jreader *r, json_t *o, void *dst)
{
	x_member *m = dst;

	m->name = get_str(r, o, "name", 1);
	m->role = (council_role)get_enum(r, o, "role", COUNCIL_ENUM_ROLE, COUNCIL_ROLE_MEMBER);
	m->represents = get_str(r, o, "represents", 0);
	m->side = (council_side)get_enum(r, o, "side", COUNCIL_ENUM_SIDE, COUNCIL_SIDE_UNKNOWN);
	m->as_written = get_str(r, o, "as_written", 0);
	get_span(r, o, &m->span);
}

static void read_meeting(jreader *r, json_t *o, void *dst)
{
	x_meeting *m = dst;

	get_period(r, o, "date", &m->date);
	m->format = (council_format)get_enum(r, o, "format", COUNCIL_ENUM_FORMAT, COUNCIL_FORMAT_UNKNOWN);
	m->platform = get_str(r, o, "platform", 0);
	m->summary = get_str(r, o, "summary", 0);
	get_span(r, o, &m->span);
}

static void read_figure(jreader *r, json_t *o, void *dst)
{
	x_figure *f = dst;
	json_t *m = json_object_get(o, "metric");

	f->year = (int)get_int(r, o, "year", 1990, 2100, 1);
	if (!m || json_is_null(m))
		jfail(r, "metric", "required");
	f->metric = (council_metric)get_enum(r, o, "metric", COUNCIL_ENUM_METRIC, 0);
	f->value = get_int(r, o, "value", 0, 10000000, 1);
	f->qualifier = (council_qualifier)get_enum(r, o, "qualifier", COUNCIL_ENUM_QUALIFIER, 0);
	get_span(r, o, &f->span);
}

static void read_measure(jreader *r, json_t *o, void *dst)
{
	x_measure *m = dst;
	json_t *resp = json_object_get(o, "responsible"), *v;
	size_t i;

	m->seq = (int)get_int(r, o, "seq", 1, 100000, 1);
	m->name = get_str(r, o, "name", 1);
	m->indicator = get_str(r, o, "indicator", 0);
	m->fulfilment = get_str(r, o, "fulfilment", 0);
	get_span(r, o, &m->span);
	if (!resp || json_is_null(resp))
		return;
	if (!json_is_array(resp)) {
		jfail(r, "responsible", "must be an array of strings");
		return;
	}
	json_array_foreach(resp, i, v) {
		char **slot;
		if (!json_is_string(v) || !*json_string_value(v)) {
			jfail(r, "responsible", "must be an array of non-empty strings");
			return;
		}
		slot = x_push((void **)&m->responsible, &m->n_responsible, sizeof *slot);
		if (!slot || !(*slot = cdb_strdup(json_string_value(v)))) {
			r->rc = x_fail(r->x, COUNCIL_ENOMEM, 0, "out of memory");
			return;
		}
	}
}

static void read_event(jreader *r, json_t *o, void *dst)
{
	x_event *e = dst;
	json_t *groups = json_object_get(o, "participants"), *ms = json_object_get(o, "measures");
	json_t *remote = json_object_get(o, "remote"), *v;
	size_t i;

	e->title = get_str(r, o, "title", 1);
	e->kind = (council_event_kind)get_enum(r, o, "kind", COUNCIL_ENUM_EVENT_KIND, 0);
	get_period(r, o, "date", &e->date);
	e->organiser = get_str(r, o, "organiser", 0);
	e->location = get_str(r, o, "location", 0);
	e->description = get_str(r, o, "description", 0);
	e->remote = !remote || json_is_null(remote) ? -1 : json_is_true(remote);
	if (remote && !json_is_null(remote) && !json_is_boolean(remote))
		jfail(r, "remote", "must be true, false or null");
	e->year_inferred = json_is_true(json_object_get(o, "year_inferred"));
	get_span(r, o, &e->span);
	if (groups && !json_is_null(groups)) {
		if (!json_is_array(groups)) {
			jfail(r, "participants", "must be an array");
			return;
		}
		json_array_foreach(groups, i, v) {
			x_group *g;
			char where[128];
			if (!json_is_object(v)) {
				jfail(r, "participants", "must hold objects");
				return;
			}
			if (!(g = x_push((void **)&e->groups, &e->n_groups, sizeof *g))) {
				r->rc = x_fail(r->x, COUNCIL_ENOMEM, 0, "out of memory");
				return;
			}
			memcpy(where, r->where, sizeof where);
			snprintf(r->where + strlen(r->where), sizeof r->where - strlen(r->where),
			         ".participants[%zu]", i);
			g->count = get_int(r, v, "count", 0, 1000000, 1);
			g->qualifier = (council_qualifier)get_enum(r, v, "qualifier", COUNCIL_ENUM_QUALIFIER, 0);
			g->group_name = get_str(r, v, "group", 0);
			memcpy(r->where, where, sizeof where);
		}
	}
	if (ms && !json_is_null(ms)) {
		if (!json_is_array(ms)) {
			jfail(r, "measures", "must be an array of measure numbers");
			return;
		}
		json_array_foreach(ms, i, v) {
			int *slot;
			if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 100000) {
				jfail(r, "measures", "must be an array of measure numbers");
				return;
			}
			if (!(slot = x_push((void **)&e->measures, &e->n_measures, sizeof *slot))) {
				r->rc = x_fail(r->x, COUNCIL_ENOMEM, 0, "out of memory");
				return;
			}
			*slot = (int)json_integer_value(v);
		}
	}
}

static void read_act(jreader *r, json_t *o, void *dst)
{
	x_act *a = dst;

	a->number = get_str(r, o, "number", 1);
	get_date(r, o, "date", &a->date);
	a->title = get_str(r, o, "title", 0);
	a->effect = (council_act_effect)get_enum(r, o, "effect", COUNCIL_ENUM_ACT_EFFECT, 0);
	get_span(r, o, &a->span);
}

int council_import_parse_json(council_extraction **out, const char *path, const char *data,
                              size_t len)
{
	council_extraction *x = x_new(path);
	json_error_t err;
	json_t *root, *v;
	jreader r;

	*out = x;
	if (!x)
		return COUNCIL_ENOMEM;
	if (!data)
		return x_fail(x, COUNCIL_EMISUSE, 0, "no data");
	if (len > COUNCIL_IMPORT_MAX_BYTES)
		return x_fail(x, COUNCIL_EINVAL, 0, "%zu bytes: larger than an extraction may be (%u)",
		              len, COUNCIL_IMPORT_MAX_BYTES);
	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);
	if (!root)
		return x_fail(x, COUNCIL_EPARSE, err.line, "invalid JSON: %s", err.text);
	memset(&r, 0, sizeof r);
	r.x = x;
	if (!json_is_object(root)) {
		json_decref(root);
		return x_fail(x, COUNCIL_EPARSE, 1, "not an extraction: the top level must be an object");
	}
	v = json_object_get(root, "format");
	if (!v || !json_is_string(v)) {
		json_decref(root);
		return x_fail(x, COUNCIL_EPARSE, 0, "format: required (\"%s\")", COUNCIL_EXTRACTION_FORMAT);
	}
	if (strcmp(json_string_value(v), COUNCIL_EXTRACTION_FORMAT) != 0) {
		int rc = x_fail(x, COUNCIL_EPARSE, 0, "format: \"%s\" is not supported (this libcouncil reads \"%s\")",
		                json_string_value(v), COUNCIL_EXTRACTION_FORMAT);
		json_decref(root);
		return rc;
	}

	v = json_object_get(root, "source");
	if (v && json_is_object(v)) {
		snprintf(r.where, sizeof r.where, "source");
		x->source_path = get_str(&r, v, "path", 0);
		x->kind = (council_source_kind)get_enum(&r, v, "kind", COUNCIL_ENUM_SOURCE_KIND, 0);
		x->report_year = (int)get_int(&r, v, "report_year", 1990, 2100, 0);
		x->doc_number = get_str(&r, v, "doc_number", 0);
		get_date(&r, v, "doc_date", &x->doc_date);
		if (x->doc_date.year && x->doc_date.day == 0)
			jfail(&r, "doc_date", "must be a full date");
	}
	v = json_object_get(root, "council");
	snprintf(r.where, sizeof r.where, "council");
	if (!v || !json_is_object(v)) {
		r.where[0] = '\0';
		jfail(&r, "council", "required");
	} else {
		x->council.name = get_str(&r, v, "name", 1);
		x->council.municipality = get_str(&r, v, "municipality", 0);
		x->council.kind = (council_kind)get_enum(&r, v, "kind", COUNCIL_ENUM_KIND, 0);
		x->council.size = (int)get_int(&r, v, "size", 0, 1000, 0);
		x->council.seats_municipality = (int)get_int(&r, v, "seats_municipality", 0, 1000, 0);
		x->council.seats_community = (int)get_int(&r, v, "seats_community", 0, 1000, 0);
		get_span(&r, v, &x->council.span);
	}
	v = json_object_get(root, "plan");
	if (v && json_is_object(v)) {
		snprintf(r.where, sizeof r.where, "plan");
		x->plan.present = 1;
		x->plan.title = get_str(&r, v, "title", 1);
		x->plan.year_from = (int)get_int(&r, v, "year_from", 1990, 2100, 0);
		x->plan.year_to = (int)get_int(&r, v, "year_to", 1990, 2100, 0);
		get_span(&r, v, &x->plan.span);
	}
	r.where[0] = '\0';
	each(&r, root, "members", (void **)&x->members, &x->n_members, sizeof *x->members, read_member);
	each(&r, root, "meetings", (void **)&x->meetings, &x->n_meetings, sizeof *x->meetings, read_meeting);
	each(&r, root, "figures", (void **)&x->figures, &x->n_figures, sizeof *x->figures, read_figure);
	each(&r, root, "measures", (void **)&x->measures, &x->n_measures, sizeof *x->measures, read_measure);
	each(&r, root, "events", (void **)&x->events, &x->n_events, sizeof *x->events, read_event);
	each(&r, root, "acts", (void **)&x->acts, &x->n_acts, sizeof *x->acts, read_act);
	json_decref(root);
	if (r.rc == COUNCIL_OK && x->n_measures && !x->plan.present)
		r.rc = x_fail(x, COUNCIL_EPARSE, 0, "measures: listed without a plan");
	return r.rc;
}
