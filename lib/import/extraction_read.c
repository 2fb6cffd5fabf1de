/* SPDX-License-Identifier: MIT */
/*
 * extraction_read.c -- a reviewed extraction read back from its JSON form
 * (council_import_parse_json): every member's type, range and references
 * checked against the format's tables (extraction_format.h), the one that
 * is wrong named by its JSON path.  Writing the JSON is extraction.c's.
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

/* ---- from JSON ----------------------------------------------------------- */

/* Reading state: the JSON path of the value being read, for messages
 * ("events[3].measures[0]"), and the first failure. */
struct jreader {
	council_extraction *x;
	char path[256];
	size_t len;
	int rc;
};

static size_t path_push(jreader *r, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Appends to the path; returns its length before, for path_pop. */
static size_t path_push(jreader *r, const char *fmt, ...)
{
	size_t old = r->len;
	va_list ap;
	int w;

	va_start(ap, fmt);
	w = vsnprintf(r->path + r->len, sizeof r->path - r->len, fmt, ap);
	va_end(ap);
	if (w > 0)
		r->len += (size_t)w < sizeof r->path - r->len ? (size_t)w : sizeof r->path - 1 - r->len;
	return old;
}

static size_t path_key(jreader *r, const char *key)
{
	return path_push(r, "%s%s", r->len ? "." : "", key);
}

static void path_pop(jreader *r, size_t old)
{
	r->len = old;
	r->path[old] = '\0';
}

static int jfail(jreader *r, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Refuses the value at the current path: "path: why". */
static int jfail(jreader *r, const char *fmt, ...)
{
	char why[640];
	va_list ap;

	if (r->rc != COUNCIL_OK)
		return r->rc;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	r->rc = r->len ? x_fail(r->x, COUNCIL_EPARSE, 0, "%s: %s", r->path, why)
	               : x_fail(r->x, COUNCIL_EPARSE, 0, "%s", why);
	return r->rc;
}

static void joom(jreader *r)
{
	if (r->rc == COUNCIL_OK)
		r->rc = x_fail(r->x, COUNCIL_ENOMEM, 0, "out of memory");
}

/* What a JSON value is, for "expected ..., got a number". */
static const char *jtype(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: case JSON_REAL: return "a number";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

/* "a, b or c": the text forms of enumeration e. */
static void enum_names(char *buf, size_t size, council_enum e)
{
	const char *names[64];
	size_t n = 0, used = 0, i;
	int v;

	for (v = 0; v < 64; v++)
		if ((names[n] = council_enum_name(e, v)) != NULL)
			n++;
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		int w = snprintf(buf + used, size - used, "%s%s",
		                 i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
}

static void read_object(jreader *r, json_t *obj, const jtable *t, char *base);

static void read_text(jreader *r, const jfield *f, json_t *v, char **dst)
{
	const char *s;
	size_t n;

	if (!json_is_string(v)) {
		jfail(r, "expected a string, got %s", jtype(v));
		return;
	}
	s = json_string_value(v);
	n = json_string_length(v);
	/* "" is no value: an unknown one is null (the registry refuses ""). */
	if (n == 0 && f->kind != J_QUOTE) {
		jfail(r, f->required ? "must not be empty" : "must not be empty (null when unknown)");
		return;
	}
	/* A document path names a file: its bytes are kept as given. */
	*dst = f->kind == J_DOCPATH ? cdb_strdup(s) : f->kind == J_QUOTE ? x_quote(s, n)
	     : utf8_nfc_dup(s, n);
	if (!*dst)
		joom(r);
}

static int read_int(jreader *r, const jfield *f, json_t *v, int64_t *out)
{
	int64_t n;

	if (!json_is_integer(v))
		return jfail(r, "expected an integer, got %s", jtype(v));
	n = json_integer_value(v);
	if (n < f->lo || n > f->hi)
		return jfail(r, "%lld is out of range %lld..%lld", (long long)n, (long long)f->lo,
		             (long long)f->hi);
	*out = n;
	return COUNCIL_OK;
}

static void read_enum(jreader *r, const jfield *f, json_t *v, int *dst)
{
	char names[200];

	if (json_is_string(v) && council_enum_parse(dst, f->e, json_string_value(v)) == COUNCIL_OK)
		return;
	enum_names(names, sizeof names, f->e);
	if (json_is_string(v))
		jfail(r, "\"%.80s\" is not a valid value (expected %s)", json_string_value(v), names);
	else
		jfail(r, "expected %s, got %s", names, jtype(v));
}

static void read_date(jreader *r, const jfield *f, json_t *v, char *dst)
{
	const char *s = json_is_string(v) ? json_string_value(v) : NULL;

	if (f->kind == J_PERIOD) {
		if (!s)
			jfail(r, "expected a date or range (2024-05-16..2024-05-17), got %s", jtype(v));
		else if (council_period_parse((council_period *)dst, s) != COUNCIL_OK)
			jfail(r, "\"%.80s\" is not a date or range (2024-05-16..2024-05-17)", s);
		return;
	}
	if (!s)
		jfail(r, "expected a date (YYYY, YYYY-MM or YYYY-MM-DD), got %s", jtype(v));
	else if (council_date_parse((council_date *)dst, s) != COUNCIL_OK)
		jfail(r, "\"%.80s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", s);
	else if (f->kind == J_DAY && ((council_date *)dst)->day == 0)
		jfail(r, "must be a full date (YYYY-MM-DD)");
}

/* An array of strings or measure numbers, into an array and its count. */
static void read_list(jreader *r, const jfield *f, json_t *v, char *base)
{
	void **arr = (void **)(base + f->off);
	size_t *n = (size_t *)(base + f->off2), i, old;
	json_t *item;
	int64_t num;

	if (!json_is_array(v)) {
		jfail(r, "expected an array of %s, got %s",
		      f->kind == J_TEXTS ? "strings" : "measure numbers", jtype(v));
		return;
	}
	json_array_foreach(v, i, item) {
		old = path_push(r, "[%zu]", i);
		if (f->kind == J_TEXTS) {
			char **slot = x_push(arr, n, sizeof *slot);
			jfield text = { .name = f->name, .kind = J_TEXT, .required = 1 };
			if (!slot)
				joom(r);
			else
				read_text(r, &text, item, slot);
		} else if (read_int(r, f, item, &num) == COUNCIL_OK) {
			int *slot = x_push(arr, n, sizeof *slot);
			if (!slot)
				joom(r);
			else
				*slot = (int)num;
		}
		path_pop(r, old);
		if (r->rc != COUNCIL_OK)
			return;
	}
}

static void read_array(jreader *r, const jfield *f, json_t *v, char *base)
{
	size_t i, old;
	json_t *item;

	if (!json_is_array(v)) {
		jfail(r, "expected an array, got %s", jtype(v));
		return;
	}
	json_array_foreach(v, i, item) {
		char *elem;
		old = path_push(r, "[%zu]", i);
		if (!json_is_object(item))
			jfail(r, "expected an object, got %s", jtype(item));
		else if (!(elem = x_push((void **)(base + f->off), (size_t *)(base + f->off2), f->elem)))
			joom(r);
		else
			read_object(r, item, f->sub, elem);
		path_pop(r, old);
		if (r->rc != COUNCIL_OK)
			return;
	}
}

/* The one checked accessor: reads member f of an object (v NULL when the
 * member is absent) into the record at base. */
static void read_value(jreader *r, const jfield *f, json_t *v, char *base)
{
	char *p = base + f->off;
	int64_t n;

	if (!v || json_is_null(v)) {
		if (f->required) {
			jfail(r, "required");
			return;
		}
		switch (f->kind) {
		case J_INT: case J_ENUM: *(int *)p = (int)f->dflt; break;
		case J_I64: *(int64_t *)p = f->dflt; break;
		case J_SIZE: *(size_t *)p = (size_t)f->dflt; break;
		case J_BOOL3: *(int *)p = -1; break;
		default: break; /* texts NULL, dates and lists empty, as made */
		}
		return;
	}
	switch (f->kind) {
	case J_FORMAT:
		break; /* checked before anything else */
	case J_DOCPATH: case J_TEXT: case J_QUOTE:
		read_text(r, f, v, (char **)p);
		break;
	case J_INT: case J_I64: case J_SIZE:
		if (read_int(r, f, v, &n) != COUNCIL_OK)
			break;
		if (f->kind == J_INT)
			*(int *)p = (int)n;
		else if (f->kind == J_I64)
			*(int64_t *)p = n;
		else
			*(size_t *)p = (size_t)n;
		break;
	case J_ENUM:
		read_enum(r, f, v, (int *)p);
		break;
	case J_DATE: case J_DAY: case J_PERIOD:
		read_date(r, f, v, p);
		break;
	case J_BOOL3: case J_FLAG:
		if (!json_is_boolean(v))
			jfail(r, "expected true, false or null, got %s", jtype(v));
		else
			*(int *)p = json_is_true(v);
		break;
	case J_TEXTS: case J_SEQS:
		read_list(r, f, v, base);
		break;
	case J_OBJECT: case J_SPAN:
		if (!json_is_object(v)) {
			jfail(r, "expected an object, got %s", jtype(v));
			break;
		}
		if (f->kind == J_OBJECT && f->off2 != NO_FLAG)
			*(int *)(base + f->off2) = 1;
		read_object(r, v, f->sub, p);
		break;
	case J_ARRAY:
		read_array(r, f, v, base);
		break;
	}
}

static void read_object(jreader *r, json_t *obj, const jtable *t, char *base)
{
	const char *key;
	json_t *v;
	size_t i, old;

	/* A member this format does not have is refused rather than skipped:
	 * a reviewer's misspelt "participnats" would otherwise be a
	 * correction silently lost. */
	json_object_foreach(obj, key, v) {
		char names[300];
		size_t used = 0;
		for (i = 0; i < t->n && strcmp(t->fields[i].name, key) != 0; i++)
			;
		if (i < t->n)
			continue;
		for (i = 0; i < t->n; i++) {
			int w = snprintf(names + used, sizeof names - used, "%s%s", i ? ", " : "",
			                 t->fields[i].name);
			used += w > 0 && (size_t)w < sizeof names - used ? (size_t)w : 0;
		}
		old = path_key(r, key);
		jfail(r, "unknown member (this object has: %s)", names);
		path_pop(r, old);
		return;
	}
	for (i = 0; i < t->n && r->rc == COUNCIL_OK; i++) {
		old = path_key(r, t->fields[i].name);
		read_value(r, &t->fields[i], json_object_get(obj, t->fields[i].name), base);
		path_pop(r, old);
	}
	if (r->rc == COUNCIL_OK && t->check)
		t->check(r, base);
}

void x_check_span(jreader *r, char *rec)
{
	const x_span *s = (const x_span *)rec;

	if (s->end < s->start) {
		size_t old = path_key(r, "end");
		jfail(r, "%zu is before start %zu", s->end, s->start);
		path_pop(r, old);
	}
}

void x_check_plan(jreader *r, char *rec)
{
	const council_extraction *x = (const council_extraction *)rec;

	if (x->plan.year_from >= 0 && x->plan.year_to >= 0 && x->plan.year_to < x->plan.year_from) {
		size_t old = path_key(r, "year_to");
		jfail(r, "%d is before year_from %d", x->plan.year_to, x->plan.year_from);
		path_pop(r, old);
	}
}

/* A membership's change is one of two words. */
void x_check_member(jreader *r, char *rec)
{
	const x_member *m = (const x_member *)rec;

	if (m->change && strcmp(m->change, "left") != 0 && strcmp(m->change, "joined") != 0) {
		size_t old = path_key(r, "change");
		jfail(r, "\"%s\": expected left, joined or null", m->change);
		path_pop(r, old);
	}
}

/* Measure numbers are used once, and every event's link names a measure
 * listed, once: a link the loader cannot resolve would be dropped. */
void x_check_references(jreader *r, char *rec)
{
	const council_extraction *x = (const council_extraction *)rec;
	size_t i, j, k, first = SIZE_MAX, *seen;
	seq_at *ix;

	if (x->n_measures && !x->plan.present) {
		jfail(r, "measures: listed without a plan");
		return;
	}
	if (!x->n_measures) {
		for (i = 0; i < x->n_events; i++)
			if (x->events[i].n_measures) {
				path_push(r, "events[%zu].measures[0]", i);
				jfail(r, "no measure with seq %d", x->events[i].measures[0]);
				return;
			}
		return;
	}
	if (!(ix = x_seq_index(x)) || !(seen = calloc(x->n_measures, sizeof *seen))) {
		free(ix);
		joom(r);
		return;
	}
	/* The first repeated number in document order, named with where it
	 * was first used. */
	for (k = 1; k < x->n_measures; k++)
		if (ix[k].seq == ix[k - 1].seq && (first == SIZE_MAX || ix[k].at < ix[first].at))
			first = k;
	if (first != SIZE_MAX) {
		k = x_seq_find(ix, x->n_measures, ix[first].seq);
		path_push(r, "measures[%zu].seq", ix[first].at);
		jfail(r, "%d is used twice (measures[%zu])", ix[first].seq, ix[k].at);
	}
	for (i = 0; i < x->n_events && r->rc == COUNCIL_OK; i++) {
		const x_event *e = &x->events[i];
		for (j = 0; j < e->n_measures && r->rc == COUNCIL_OK; j++) {
			k = x_seq_find(ix, x->n_measures, e->measures[j]);
			if (k < x->n_measures && seen[k] != i + 1) {
				seen[k] = i + 1;
				continue;
			}
			path_push(r, "events[%zu].measures[%zu]", i, j);
			if (k == x->n_measures)
				jfail(r, "no measure with seq %d", e->measures[j]);
			else
				jfail(r, "%d is listed twice", e->measures[j]);
		}
	}
	free(seen);
	free(ix);
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
	if (len > COUNCIL_EXTRACTION_MAX_BYTES)
		return x_fail(x, COUNCIL_EINVAL, 0, "%zu bytes: larger than an extraction may be (%u)",
		              len, COUNCIL_EXTRACTION_MAX_BYTES);
	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);
	if (!root)
		return x_fail(x, COUNCIL_EPARSE, err.line, "invalid JSON: %s", err.text);
	if (!json_is_object(root)) {
		json_decref(root);
		return x_fail(x, COUNCIL_EPARSE, 1, "not an extraction: the top level must be an object");
	}
	/* The version first: a file of another version is named as such,
	 * not by the first member this version does not know. */
	v = json_object_get(root, "format");
	if (!v || !json_is_string(v)) {
		json_decref(root);
		return x_fail(x, COUNCIL_EPARSE, 0, "format: required (\"%s\")", COUNCIL_EXTRACTION_FORMAT);
	}
	if (strcmp(json_string_value(v), COUNCIL_EXTRACTION_FORMAT) != 0) {
		int rc = x_fail(x, COUNCIL_EPARSE, 0, "format: \"%.80s\" is not supported (this libcouncil reads \"%s\")",
		                json_string_value(v), COUNCIL_EXTRACTION_FORMAT);
		json_decref(root);
		return rc;
	}
	memset(&r, 0, sizeof r);
	r.x = x;
	read_object(&r, root, &x_root_table, (char *)x);
	json_decref(root);
	return r.rc;
}
