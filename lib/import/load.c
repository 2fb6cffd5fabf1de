/* SPDX-License-Identifier: MIT */
/*
 * load.c -- the last import stage: storing an extraction in one
 * transaction.  Records keep their ids for life: each record the document
 * states is matched by its natural key and updated in place, or inserted
 * when new, and recorded as stated by the document (record_source); what
 * the document's earlier version stated and this one no longer does is
 * removed unless another document states it.  Values a person set (the
 * reviewed table) are kept and each disagreement noted.  Duplicates and
 * contradictions inside the input are merged and warned about, or refused.
 * files.c reads and extracts the files; source.c removes documents.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#include "internal.h"
#include "report.h"

/* ---- notes --------------------------------------------------------------- */

/* Messages kept per import: a document contradicting a thousand reviewed
 * values needs the count, not a thousand lines. */
#define MAX_MESSAGES 100

typedef struct notes {
	council_import_notes pub;
	char **msgs;
	size_t n, cap;
	int64_t dropped;
	char *alias;
} notes;

void cdb_import_notes_free(void *p)
{
	notes *n = p;
	size_t i;

	if (!n)
		return;
	for (i = 0; i < n->n; i++)
		free(n->msgs[i]);
	free(n->msgs);
	free(n->alias);
	free(n);
}

static const council_import_notes no_notes;

const council_import_notes *council_import_notes_last(const council_db *db)
{
	const notes *n = db ? db->import_notes : NULL;

	return n ? &n->pub : &no_notes;
}

static void note(notes *n, const char *fmt, ...) CDB_PRINTF(2, 3);
static void note(notes *n, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	char *m;

	if (n->n >= MAX_MESSAGES) {
		n->dropped++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n->n == n->cap) {
		size_t cap = n->cap ? n->cap * 2 : 8;
		char **more = realloc(n->msgs, cap * sizeof *more);
		if (!more)
			return; /* a lost note is no reason to fail the import */
		n->msgs = more;
		n->cap = cap;
	}
	if ((m = cdb_strdup(buf)))
		n->msgs[n->n++] = m;
}

/* Makes pub point at the messages, saying how many were left out. */
static void notes_finish(notes *n)
{
	if (n->dropped) {
		int64_t d = n->dropped;
		n->dropped = 0;
		n->n--; /* room for the last line: one more message is dropped */
		free(n->msgs[n->n]);
		note(n, "... and %lld more", (long long)d + 1);
	}
	n->pub.messages = (const char *const *)n->msgs;
	n->pub.n_messages = n->n;
	n->pub.alias_of = n->alias;
}

/* ---- small helpers ------------------------------------------------------- */

/* One lookup returning an id (0 when no row); texts bound after the id. */
static int lookup_id(council_id *out, council_db *db, const char *sql, council_id a,
                     const char *text, const char *text2)
{
	sqlite3_stmt *st;
	int rc, i = 1;

	*out = 0;
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	if (a)
		sqlite3_bind_int64(st, i++, a);
	/* cdb_bind_text: in NFC, as every text was stored (stmt.c). */
	if (text)
		cdb_bind_text(st, i++, text);
	if (text2)
		cdb_bind_text(st, i, text2);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		return cdb_sqlite_error(db, sqlite3_reset(st), "import");
	sqlite3_reset(st);
	return COUNCIL_OK;
}

/* Runs a cached statement binding ints (0 = NULL is not used here) and
 * texts by position: spec "iits" says int, int, text, text. */
static int run(council_db *db, const char *sql, const char *spec, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc, i;

	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	va_start(ap, spec);
	for (i = 0; spec[i]; i++) {
		if (spec[i] == 'i')
			sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
		else
			cdb_bind_text(st, i + 1, va_arg(ap, const char *));
	}
	va_end(ap);
	return cdb_exec_stmt(db, st, "import");
}

static int text_eq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* An event title as matched: folded (case and diacritics, as
 * council_text_fold), every run of other characters than letters and
 * digits one space, trimmed.  "Seminaras „NVO ir savivalda“" and
 * "seminaras NVO ir savivalda." are one title.  NULL when out of memory. */
static char *title_key(const char *title)
{
	char *f = NULL, *w, *r;
	int space = 0;

	if (council_text_fold(&f, title) != COUNCIL_OK || !f)
		return f ? f : cdb_strdup(title);
	for (w = r = f; *r; r++) {
		unsigned char c = (unsigned char)*r;
		int word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
		/* Typographic quotes and dashes are punctuation too: skip the
		 * three bytes of U+2013/2014 and U+201C..201E. */
		if (c == 0xE2 && (unsigned char)r[1] == 0x80 && r[2]) {
			r += 2;
			word = 0;
		}
		if (!word) {
			space = w != f;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = (char)c;
	}
	*w = '\0';
	return f;
}

/* ---- a map from event keys to ids, so matching stays linear ------------- */

/* Every event of the council on a start date is read once per load, its
 * title folded once; later lookups and this load's own inserts go through
 * the map.  A scan of the date's events per event would be quadratic in
 * a document listing thousands on one date. */
typedef struct evmap {
	char **keys;
	council_id *ids;
	size_t cap, n;
} evmap;

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static size_t evmap_slot(const evmap *m, const char *key)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);

	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Adds key (taken over) -> id; a key already there keeps its first id. */
static int evmap_put(evmap *m, char *key, council_id id)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap) {
		evmap g = { NULL, NULL, m->cap ? m->cap * 2 : 64, 0 };
		size_t k;
		if (!(g.keys = calloc(g.cap, sizeof *g.keys)) || !(g.ids = calloc(g.cap, sizeof *g.ids))) {
			free(g.keys);
			free(key);
			return COUNCIL_ENOMEM;
		}
		for (k = 0; k < m->cap; k++)
			if (m->keys[k]) {
				size_t j = evmap_slot(&g, m->keys[k]);
				g.keys[j] = m->keys[k];
				g.ids[j] = m->ids[k];
				g.n++;
			}
		free(m->keys);
		free(m->ids);
		*m = g;
	}
	i = evmap_slot(m, key);
	if (m->keys[i]) {
		free(key);
		return COUNCIL_OK;
	}
	m->keys[i] = key;
	m->ids[i] = id;
	m->n++;
	return COUNCIL_OK;
}

static council_id evmap_get(const evmap *m, const char *key)
{
	size_t i;

	if (!m->cap)
		return 0;
	i = evmap_slot(m, key);
	return m->keys[i] ? m->ids[i] : 0;
}

static void evmap_free(evmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->ids);
}

static char *str_printf(const char *fmt, ...) CDB_PRINTF(1, 2);
static char *str_printf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* ---- the load ------------------------------------------------------------ */

typedef struct loadctx {
	council_db *db;
	const council_extraction *x;
	council_import_result *res;
	notes *n;
	council_id src;         /* the document */
	council_id council;
	int replacing;          /* src stated records before: the removal pass runs */
	int review;             /* a reviewed extraction: what it adds and changes
	                           is a person's */
	int overwrite;          /* COUNCIL_IMPORT_OVERWRITE_REVIEWED */
	int any_reviewed;       /* the reviewed table has rows: look marks up */
	char *origin;           /* write_origin's row and the marks' origin */
	evmap events;
} loadctx;

/* What is known of one stored record while the document's values are
 * merged into it. */
#define MAX_MARKS 16
typedef struct rec {
	loadctx *lc;
	const char *table;      /* its table (a literal) */
	const cdb_record_table *t;
	const char *what;       /* its name in messages */
	council_id id;
	council_id primary;     /* its source_id: the first document stating it */
	int shared;             /* another document states it too */
	int person;             /* no document states it: a person made it */
	int whole;              /* a person's whole record: every value it holds */
	char marks[MAX_MARKS][24];
	size_t n_marks;
	int changed;
} rec;

static int rec_open(rec *r, loadctx *lc, const char *table, const char *what, council_id id)
{
	static const char links[] =
		"SELECT count(*), coalesce(sum(source_id <> ?3), 0) FROM record_source "
		"WHERE table_name = ?1 AND record_id = ?2";
	/* A reviewed extraction is a person's word: it sets values an import
	 * or another review set, and keeps only those set by hand (origin
	 * 'hand'), which it was not made from. */
	static const char marks[] =
		"SELECT field FROM reviewed WHERE table_name = ?1 AND record_id = ?2 "
		"AND (?3 = 0 OR origin = 'hand')";
	sqlite3_stmt *st;
	int rc, others = 0, any = 0;

	memset(r, 0, sizeof *r);
	r->lc = lc;
	r->table = table;
	r->t = cdb_record_table_of(table);
	r->what = what;
	r->id = id;
	if ((rc = cdb_prepare(&st, lc->db, r->t->get_source)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		r->primary = sqlite3_column_int64(st, 0);
	if ((rc = sqlite3_reset(st)) != SQLITE_OK)
		return cdb_sqlite_error(lc->db, rc, "import");
	if ((rc = cdb_prepare(&st, lc->db, links)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, lc->src);
	if (sqlite3_step(st) == SQLITE_ROW) {
		any = sqlite3_column_int64(st, 0) > 0;
		others = sqlite3_column_int64(st, 1) > 0;
	}
	if ((rc = sqlite3_reset(st)) != SQLITE_OK)
		return cdb_sqlite_error(lc->db, rc, "import");
	r->shared = others || (r->primary && r->primary != lc->src);
	/* A record no document states was entered by a person: what it holds
	 * is theirs, and it is shared in that a person states it. */
	r->person = !r->primary && !any;
	if (r->person)
		r->whole = r->shared = 1;
	if (!lc->any_reviewed)
		return COUNCIL_OK;
	if ((rc = cdb_prepare(&st, lc->db, marks)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int(st, 3, lc->review);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *f = cdb_col_text(st, 0);
		if (!f)
			continue;
		if (strcmp(f, "*") == 0)
			r->whole = 1;
		else if (r->n_marks < MAX_MARKS)
			snprintf(r->marks[r->n_marks++], sizeof r->marks[0], "%s", f);
	}
	if (rc != SQLITE_DONE)
		return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
	sqlite3_reset(st);
	return COUNCIL_OK;
}

static int marked(const rec *r, const char *field)
{
	size_t i;

	for (i = 0; i < r->n_marks; i++)
		if (strcmp(r->marks[i], field) == 0)
			return 1;
	return 0;
}

/* Whether the document's value of field replaces the stored one; they
 * differ.  cur and doc are their text for messages ("unknown" when not
 * known).  A value a person set is kept, and the disagreement noted,
 * unless told to overwrite; a value the document leaves unknown stays
 * unless this document alone stated the record (its new version no longer
 * says it). */
static int take(rec *r, const char *field, int cur_known, int doc_known, const char *cur,
                const char *doc)
{
	loadctx *lc = r->lc;
	int mine = marked(r, field) || (r->whole && cur_known);

	if (!doc_known)
		return !r->shared && !mine;
	if (!mine)
		return 1;
	if (lc->overwrite) {
		lc->n->pub.overwritten_reviewed++;
		/* The person's mark goes with their value; a whole-record mark
		 * stays for the fields this document does not state. */
		run(lc->db, "DELETE FROM reviewed WHERE table_name = ? AND record_id = ? AND field = ?",
		    "tit", r->table, (int64_t)r->id, field);
		return 1;
	}
	lc->n->pub.kept_reviewed++;
	note(lc->n, "kept reviewed value (%s %lld %s: %s, the document says %s)", r->what,
	     (long long)r->id, field, cur, doc);
	return 0;
}

static void take_text(rec *r, const char *field, const char **cur, const char *doc)
{
	char a[300], b[300];

	if (text_eq(*cur, doc))
		return;
	snprintf(a, sizeof a, *cur ? "\"%.280s\"" : "unknown", *cur);
	snprintf(b, sizeof b, doc ? "\"%.280s\"" : "unknown", doc);
	if (take(r, field, *cur != NULL, doc != NULL, a, b)) {
		*cur = doc;
		r->changed = 1;
	}
}

/* unknown is the value meaning "not known" (-1, or an enumeration's
 * default); names, when given, spell an enumeration's values. */
static void take_int(rec *r, const char *field, int *cur, int doc, int unknown, council_enum e)
{
	char a[64], b[64];
	const char *na = e != (council_enum)-1 ? council_enum_name(e, *cur) : NULL;
	const char *nb = e != (council_enum)-1 ? council_enum_name(e, doc) : NULL;

	if (*cur == doc)
		return;
	if (*cur == unknown)
		snprintf(a, sizeof a, "unknown");
	else if (na)
		snprintf(a, sizeof a, "%s", na);
	else
		snprintf(a, sizeof a, "%d", *cur);
	if (doc == unknown)
		snprintf(b, sizeof b, "unknown");
	else if (nb)
		snprintf(b, sizeof b, "%s", nb);
	else
		snprintf(b, sizeof b, "%d", doc);
	if (take(r, field, *cur != unknown, doc != unknown, a, b)) {
		*cur = doc;
		r->changed = 1;
	}
}

#define NO_ENUM ((council_enum)-1)

static void take_date(rec *r, const char *field, council_date *cur, const council_date *doc)
{
	char a[COUNCIL_DATE_BUFSIZE], b[COUNCIL_DATE_BUFSIZE];

	council_date_format(a, cur);
	council_date_format(b, doc);
	if (strcmp(a, b) == 0)
		return;
	if (take(r, field, cur->year != 0, doc->year != 0, cur->year ? a : "unknown",
	         doc->year ? b : "unknown")) {
		*cur = *doc;
		r->changed = 1;
	}
}

/* The row among those this load touched, for the removal pass. */
static int touched(loadctx *lc, const char *table, council_id id)
{
	if (!lc->replacing)
		return COUNCIL_OK;
	return run(lc->db, "INSERT OR IGNORE INTO temp.load_touched(table_name, record_id) "
	           "VALUES (?, ?)", "ti", table, (int64_t)id);
}

/* A record this load inserted (its source_id is the document's); a
 * reviewed extraction's new record is a person's whole record. */
static int inserted(loadctx *lc, const char *table, council_id id)
{
	int rc = touched(lc, table, id);

	lc->n->pub.stored++;
	if (rc == COUNCIL_OK && lc->review)
		rc = run(lc->db, "INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, "
		         "origin) VALUES (?, ?, '*', NULL, ?)", "tit", table, (int64_t)id, lc->origin);
	return rc;
}

/* Ends the merge of r: counts it and records that the document states it:
 * as its primary source when it had none (a person's record gets a mark
 * keeping their values), else in record_source. */
static int merged(rec *r)
{
	loadctx *lc = r->lc;
	int rc;

	if (r->changed)
		lc->n->pub.updated++;
	else
		lc->n->pub.unchanged++;
	if (r->primary == lc->src)
		rc = COUNCIL_OK;
	else if (r->primary)
		rc = run(lc->db, "INSERT OR IGNORE INTO record_source(table_name, record_id, source_id) "
		         "VALUES (?, ?, ?)", "tii", r->table, (int64_t)r->id, (int64_t)lc->src);
	else if ((rc = cdb_record_set_source(lc->db, r->t, r->id, lc->src)) == COUNCIL_OK && r->person)
		rc = run(lc->db, "INSERT OR IGNORE INTO reviewed(table_name, record_id, field, value, "
		         "origin) VALUES (?, ?, '*', NULL, 'hand')", "ti", r->table, (int64_t)r->id);
	return rc != COUNCIL_OK ? rc : touched(lc, r->table, r->id);
}

/* ---- duplicates inside one document -------------------------------------- */

typedef struct keyed {
	const char *key;
	size_t i;
} keyed;

static int keyed_cmp(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* first[i] = the index of the first item with the same key as item i (i
 * itself when it is the first).  keys[i] NULL: never a duplicate.  In
 * O(n log n): documents of thousands of records stay fast. */
static int find_dups(size_t **first, char **keys, size_t n)
{
	keyed *k;
	size_t i, m = 0;

	*first = NULL;
	if (!n)
		return COUNCIL_OK;
	if (!(*first = malloc(n * sizeof **first)) || !(k = malloc(n * sizeof *k))) {
		free(*first);
		*first = NULL;
		return COUNCIL_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		(*first)[i] = i;
		if (keys[i])
			k[m++] = (keyed){ keys[i], i };
	}
	qsort(k, m, sizeof *k, keyed_cmp);
	for (i = 1; i < m; i++)
		if (strcmp(k[i].key, k[i - 1].key) == 0)
			(*first)[k[i].i] = (*first)[k[i - 1].i];
	free(k);
	return COUNCIL_OK;
}

static void free_keys(char **keys, size_t n)
{
	size_t i;

	if (!keys)
		return;
	for (i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

/* The first-of arrays of every kind of record in x. */
typedef struct dups {
	size_t *members, *meetings, *figures, *events, *acts;
	char **event_keys;      /* "date title-key" of each event, folded once */
	size_t n_events;
} dups;

static void dups_free(dups *d)
{
	free_keys(d->event_keys, d->n_events);
	free(d->members);
	free(d->meetings);
	free(d->figures);
	free(d->events);
	free(d->acts);
}

static int find_all_dups(dups *d, loadctx *lc)
{
	const council_extraction *x = lc->x;
	size_t i, most = x->n_members;
	char **keys;
	int rc = COUNCIL_OK;

	memset(d, 0, sizeof *d);
	if (x->n_meetings > most) most = x->n_meetings;
	if (x->n_figures > most) most = x->n_figures;
	if (x->n_events > most) most = x->n_events;
	if (x->n_acts > most) most = x->n_acts;
	if (!most)
		return COUNCIL_OK;
	if (!(keys = calloc(most, sizeof *keys)))
		return COUNCIL_ENOMEM;
#define KEYS(arr, count, fmt, ...)                                                      \
	do {                                                                            \
		for (i = 0; i < (count); i++)                                           \
			if (!(keys[i] = str_printf(fmt, __VA_ARGS__)))                  \
				rc = COUNCIL_ENOMEM;                                    \
		if (rc == COUNCIL_OK)                                                   \
			rc = find_dups(&d->arr, keys, (count));                         \
		for (i = 0; i < (count); i++)                                           \
			free(keys[i]), keys[i] = NULL;                                  \
	} while (0)
	KEYS(members, x->n_members, "%s", x->members[i].name);
	KEYS(meetings, x->n_meetings, "%04d-%02d-%02d", x->meetings[i].date.start.year,
	     x->meetings[i].date.start.month, x->meetings[i].date.start.day);
	KEYS(figures, x->n_figures, "%d %d", x->figures[i].year, (int)x->figures[i].metric);
	KEYS(acts, x->n_acts, "%s", x->acts[i].number);
#undef KEYS
	free_keys(keys, most);
	if (rc == COUNCIL_OK && x->n_events && !(d->event_keys = calloc(x->n_events, sizeof *keys)))
		rc = COUNCIL_ENOMEM;
	d->n_events = d->event_keys ? x->n_events : 0;
	for (i = 0; rc == COUNCIL_OK && i < x->n_events; i++) {
		char *t = title_key(x->events[i].title), d8[COUNCIL_DATE_BUFSIZE];
		council_date_format(d8, &x->events[i].date.start);
		if (!t || !(d->event_keys[i] = str_printf("%s %s", d8, t)))
			rc = COUNCIL_ENOMEM;
		free(t);
	}
	if (rc == COUNCIL_OK)
		rc = find_dups(&d->events, d->event_keys, x->n_events);
	if (rc != COUNCIL_OK) {
		dups_free(d);
		return cdb_error(lc->db, rc, "out of memory");
	}
	/* What is worth a word: a person named twice in different roles, a
	 * date twice, a figure stated twice with different values, an act
	 * twice.  A repeated event (a list and a table telling of it) is
	 * merged silently. */
	for (i = 0; i < x->n_members; i++) {
		const x_member *a = &x->members[d->members[i]], *b = &x->members[i];
		if (d->members[i] == i)
			continue;
		lc->n->pub.warnings++;
		if (a->role != b->role)
			note(lc->n, "members[%zu] \"%s\": named twice, as %s and as %s: one record (%s)", i,
			     b->name, council_enum_name(COUNCIL_ENUM_ROLE, (int)a->role),
			     council_enum_name(COUNCIL_ENUM_ROLE, (int)b->role),
			     council_enum_name(COUNCIL_ENUM_ROLE, (int)a->role));
		else
			note(lc->n, "members[%zu] \"%s\": named twice: one record", i, b->name);
	}
	for (i = 0; i < x->n_meetings; i++) {
		char date[COUNCIL_DATE_BUFSIZE];
		if (d->meetings[i] == i)
			continue;
		lc->n->pub.warnings++;
		note(lc->n, "meetings[%zu]: %s stated twice: one meeting", i,
		     council_date_format(date, &x->meetings[i].date.start));
	}
	for (i = 0; i < x->n_figures; i++) {
		const x_figure *a = &x->figures[d->figures[i]], *b = &x->figures[i];
		if (d->figures[i] == i || (a->value == b->value && a->qualifier == b->qualifier))
			continue;
		lc->n->pub.warnings++;
		note(lc->n, "figures[%zu]: %s %d stated twice, %lld and %lld: the first kept", i,
		     council_enum_name(COUNCIL_ENUM_METRIC, (int)b->metric), b->year,
		     (long long)a->value, (long long)b->value);
	}
	for (i = 0; i < x->n_acts; i++) {
		if (d->acts[i] == i)
			continue;
		lc->n->pub.warnings++;
		note(lc->n, "acts[%zu] %s: stated twice: one act", i, x->acts[i].number);
	}
	return COUNCIL_OK;
}

/* ---- councils ------------------------------------------------------------ */

static int store_council(loadctx *lc)
{
	const council_extraction *x = lc->x;
	council_council rec_, *old = NULL;
	rec r;
	int rc;

	if (x->council.size >= 0 && x->council.seats_municipality >= 0 &&
	    x->council.seats_community >= 0 &&
	    x->council.size != x->council.seats_municipality + x->council.seats_community) {
		lc->n->pub.warnings++;
		note(lc->n, "council.size: %d differs from its seats, %d + %d = %d", x->council.size,
		     x->council.seats_municipality, x->council.seats_community,
		     x->council.seats_municipality + x->council.seats_community);
	}
	if ((rc = lookup_id(&lc->council, lc->db, "SELECT id FROM council WHERE name = ?", 0,
	                    x->council.name, NULL)) != COUNCIL_OK)
		return rc;
	if (!lc->council) {
		council_council_init(&rec_);
		rec_.name = x->council.name;
		rec_.municipality = x->council.municipality;
		rec_.kind = x->council.kind;
		rec_.size = x->council.size;
		rec_.seats_municipality = x->council.seats_municipality;
		rec_.seats_community = x->council.seats_community;
		rec_.source_id = lc->src;
		if ((rc = council_add(&lc->council, lc->db, &rec_)) != COUNCIL_OK)
			return rc;
		return inserted(lc, "council", lc->council);
	}
	if ((rc = rec_open(&r, lc, "council", "council", lc->council)) != COUNCIL_OK ||
	    (rc = council_get(&old, lc->db, lc->council)) != COUNCIL_OK)
		return rc;
	/* Many documents describe a council, each a part: what one leaves
	 * out, another said. */
	r.shared = 1;
	rec_ = *old;
	take_text(&r, "municipality", &rec_.municipality, x->council.municipality);
	take_int(&r, "size", &rec_.size, x->council.size, -1, NO_ENUM);
	take_int(&r, "seats_municipality", &rec_.seats_municipality,
	         x->council.seats_municipality, -1, NO_ENUM);
	take_int(&r, "seats_community", &rec_.seats_community, x->council.seats_community, -1,
	         NO_ENUM);
	rc = r.changed ? council_update(lc->db, &rec_) : COUNCIL_OK;
	council_council_free(old);
	return rc != COUNCIL_OK ? rc : merged(&r);
}

/* ---- plans, measures, fulfilment ----------------------------------------- */

/* The plan of the council the document states: by title (folded), else by
 * its years when both are known. */
static int find_plan(council_id *out, loadctx *lc)
{
	static const char sql[] =
		"SELECT id, title, year_from, year_to FROM plan WHERE council_id = ? ORDER BY id";
	sqlite3_stmt *st;
	council_id by_years = 0;
	char *want = title_key(lc->x->plan.title);
	int rc;

	*out = 0;
	if (!want)
		return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	if ((rc = cdb_prepare(&st, lc->db, sql)) != COUNCIL_OK) {
		free(want);
		return rc;
	}
	sqlite3_bind_int64(st, 1, lc->council);
	while (!*out && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *t = title_key(cdb_col_text(st, 1));
		if (t && strcmp(t, want) == 0)
			*out = sqlite3_column_int64(st, 0);
		else if (!by_years && lc->x->plan.year_from > 0 && lc->x->plan.year_to > 0 &&
		         sqlite3_column_int(st, 2) == lc->x->plan.year_from &&
		         sqlite3_column_int(st, 3) == lc->x->plan.year_to)
			by_years = sqlite3_column_int64(st, 0);
		free(t);
	}
	rc = sqlite3_reset(st);
	free(want);
	if (rc != SQLITE_OK)
		return cdb_sqlite_error(lc->db, rc, "import");
	if (!*out)
		*out = by_years;
	return COUNCIL_OK;
}

static int store_plan_row(council_id *plan, council_plan *stored, loadctx *lc)
{
	const council_extraction *x = lc->x;
	council_plan p, *old = NULL;
	rec r;
	int rc;

	if ((rc = find_plan(plan, lc)) != COUNCIL_OK)
		return rc;
	if (!*plan) {
		council_plan_init(&p);
		p.council_id = lc->council;
		p.title = x->plan.title;
		p.year_from = x->plan.year_from;
		p.year_to = x->plan.year_to;
		p.source_id = lc->src;
		if ((rc = council_plan_add(plan, lc->db, &p)) != COUNCIL_OK)
			return rc;
		stored->year_from = p.year_from;
		stored->year_to = p.year_to;
		return inserted(lc, "plan", *plan);
	}
	if ((rc = rec_open(&r, lc, "plan", "plan", *plan)) != COUNCIL_OK ||
	    (rc = council_plan_get(&old, lc->db, *plan)) != COUNCIL_OK)
		return rc;
	p = *old;
	take_text(&r, "title", &p.title, x->plan.title);
	take_int(&r, "year_from", &p.year_from, x->plan.year_from, -1, NO_ENUM);
	take_int(&r, "year_to", &p.year_to, x->plan.year_to, -1, NO_ENUM);
	if (p.year_from >= 0 && p.year_to >= 0 && p.year_to < p.year_from) {
		/* Half the person's years and half the document's: keep theirs. */
		p.year_from = old->year_from;
		p.year_to = old->year_to;
	}
	stored->year_from = p.year_from;
	stored->year_to = p.year_to;
	rc = r.changed ? council_plan_update(lc->db, &p) : COUNCIL_OK;
	council_plan_free(old);
	return rc != COUNCIL_OK ? rc : merged(&r);
}

static int same_units(const char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (!text_eq(a[i], b[i]))
			return 0;
	return 1;
}

static int store_measure(council_id *mid, loadctx *lc, council_id plan, size_t i)
{
	const x_measure *xm = &lc->x->measures[i];
	council_measure m, *old = NULL;
	char seq[24];
	rec r;
	int rc;

	snprintf(seq, sizeof seq, "%d", xm->seq);
	if ((rc = lookup_id(mid, lc->db, "SELECT id FROM measure WHERE plan_id = ? AND seq = CAST(? AS INTEGER)",
	                    plan, seq, NULL)) != COUNCIL_OK)
		return rc;
	if (!*mid) {
		council_measure_init(&m);
		m.plan_id = plan;
		m.seq = xm->seq;
		m.name = xm->name;
		m.indicator = xm->indicator;
		m.responsible = (const char **)xm->responsible;
		m.n_responsible = xm->n_responsible;
		m.source_id = lc->src;
		if ((rc = council_measure_add(mid, lc->db, &m)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "measures[%zu]", i);
		return inserted(lc, "measure", *mid);
	}
	if ((rc = rec_open(&r, lc, "measure", "measure", *mid)) != COUNCIL_OK ||
	    (rc = council_measure_get(&old, lc->db, *mid)) != COUNCIL_OK)
		return rc;
	m = *old;
	take_text(&r, "name", &m.name, xm->name);
	take_text(&r, "indicator", &m.indicator, xm->indicator);
	/* The units are a list in a table of their own, not marked when a
	 * person edits them: the document's list, when it gives one. */
	if (xm->n_responsible && !same_units(m.responsible, m.n_responsible, xm->responsible,
	                                     xm->n_responsible) && !r.whole) {
		m.responsible = (const char **)xm->responsible;
		m.n_responsible = xm->n_responsible;
		r.changed = 1;
	}
	rc = r.changed ? council_measure_update(lc->db, &m) : COUNCIL_OK;
	council_measure_free(old);
	if (rc != COUNCIL_OK)
		return cdb_error_wrap(lc->db, rc, "measures[%zu]", i);
	return merged(&r);
}

static int store_fulfilment(loadctx *lc, council_id mid, size_t i, const council_plan *years)
{
	const x_measure *xm = &lc->x->measures[i];
	council_fulfilment f, *old = NULL;
	council_id fid = 0;
	char year[24];
	rec r;
	int rc, y = lc->x->report_year;

	if ((years->year_from >= 0 && y < years->year_from) ||
	    (years->year_to >= 0 && y > years->year_to))
		return cdb_error(lc->db, COUNCIL_EINVAL,
		                 "measures[%zu].fulfilment: year %d is outside the plan's years %d..%d",
		                 i, y, years->year_from, years->year_to);
	snprintf(year, sizeof year, "%d", y);
	if ((rc = lookup_id(&fid, lc->db, "SELECT id FROM measure_fulfilment WHERE measure_id = ? AND year = CAST(? AS INTEGER)",
	                    mid, year, NULL)) != COUNCIL_OK)
		return rc;
	if (!fid) {
		council_fulfilment_init(&f);
		f.measure_id = mid;
		f.year = y;
		f.text = xm->fulfilment;
		f.source_id = lc->src;
		if ((rc = council_fulfilment_add(&fid, lc->db, &f)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "measures[%zu].fulfilment", i);
		return inserted(lc, "measure_fulfilment", fid);
	}
	if ((rc = rec_open(&r, lc, "measure_fulfilment", "fulfilment", fid)) != COUNCIL_OK ||
	    (rc = council_fulfilment_get(&old, lc->db, fid)) != COUNCIL_OK)
		return rc;
	f = *old;
	take_text(&r, "text", &f.text, xm->fulfilment);
	if (!f.text) /* required: an emptied fulfilment stays as it was */
		f.text = old->text, r.changed = 0;
	rc = r.changed ? council_fulfilment_update(lc->db, &f) : COUNCIL_OK;
	council_fulfilment_free(old);
	return rc != COUNCIL_OK ? rc : merged(&r);
}

static int store_plan(loadctx *lc, council_id **measure_ids)
{
	const council_extraction *x = lc->x;
	council_plan years;
	council_id plan = 0;
	size_t i;
	int rc;

	if (!x->plan.present)
		return COUNCIL_OK;
	council_plan_init(&years);
	if ((rc = store_plan_row(&plan, &years, lc)) != COUNCIL_OK)
		return rc;
	if (x->n_measures && !(*measure_ids = calloc(x->n_measures, sizeof **measure_ids)))
		return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	for (i = 0; i < x->n_measures; i++) {
		if ((rc = store_measure(&(*measure_ids)[i], lc, plan, i)) != COUNCIL_OK)
			return rc;
		lc->res->measures++;
		if (x->measures[i].fulfilment && x->report_year > 0 &&
		    (rc = store_fulfilment(lc, (*measure_ids)[i], i, &years)) != COUNCIL_OK)
			return rc;
	}
	return COUNCIL_OK;
}

/* ---- events -------------------------------------------------------------- */

/* The id of the council's event of key ("date title-key"; 0 when none),
 * reading the date's events into the map the first time. */
static int find_event(council_id *out, loadctx *lc, const char *date, const char *key)
{
	static const char sql[] =
		"SELECT id, title FROM event WHERE council_id = ?1 AND year = CAST(substr(?2, 1, 4) AS INTEGER) "
		"AND date_start = ?2 ORDER BY id";
	char *seen = str_printf("%s\x1f", date), *k;
	sqlite3_stmt *st;
	int rc = COUNCIL_OK;

	*out = 0;
	if (!seen)
		return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	if (!evmap_get(&lc->events, seen)) {
		if ((rc = cdb_prepare(&st, lc->db, sql)) != COUNCIL_OK) {
			free(seen);
			return rc;
		}
		sqlite3_bind_int64(st, 1, lc->council);
		sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
		for (;;) {
			char *t;
			if ((rc = sqlite3_step(st)) != SQLITE_ROW)
				break;
			t = title_key(cdb_col_text(st, 1));
			k = t ? str_printf("%s %s", date, t) : NULL;
			free(t);
			if (!k || evmap_put(&lc->events, k, sqlite3_column_int64(st, 0)) != COUNCIL_OK) {
				rc = COUNCIL_ENOMEM;
				break;
			}
		}
		if (rc == COUNCIL_ENOMEM) {
			sqlite3_reset(st);
			free(seen);
			return cdb_error(lc->db, rc, "out of memory");
		}
		if (rc != SQLITE_DONE) {
			free(seen);
			return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
		}
		sqlite3_reset(st);
		/* The date is read: its marker maps to a non-zero id. */
		if (evmap_put(&lc->events, seen, -1) != COUNCIL_OK)
			return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	} else {
		free(seen);
	}
	*out = evmap_get(&lc->events, key);
	return COUNCIL_OK;
}

/* The participant groups of event eid made the document's, unless a
 * person's groups are there. */
static int store_groups(rec *r, const x_event *xe, size_t i)
{
	static const char sel[] =
		"SELECT p.count, p.qualifier, p.group_name, p.source_id IS NULL OR EXISTS "
		"(SELECT 1 FROM reviewed v WHERE v.table_name = 'event_participants' AND v.record_id = p.id "
		"AND (?2 = 0 OR v.origin = 'hand')) "
		"FROM event_participants p WHERE p.event_id = ?1 ORDER BY p.id";
	loadctx *lc = r->lc;
	sqlite3_stmt *st;
	int64_t sum_db = 0, sum_doc = 0;
	size_t n = 0, j;
	int rc, same = 1, mine = r->whole;

	if ((rc = cdb_prepare(&st, lc->db, sel)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int(st, 2, lc->review);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		council_qualifier q = (council_qualifier)cdb_col_enum(st, 1, COUNCIL_ENUM_QUALIFIER);
		sum_db += sqlite3_column_int64(st, 0);
		if (sqlite3_column_int(st, 3))
			mine = 1;
		if (n >= xe->n_groups || xe->groups[n].count != sqlite3_column_int64(st, 0) ||
		    xe->groups[n].qualifier != q ||
		    !text_eq(xe->groups[n].group_name, cdb_col_text(st, 2)))
			same = 0;
		n++;
	}
	if (rc != SQLITE_DONE)
		return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
	sqlite3_reset(st);
	if (same && n == xe->n_groups)
		return COUNCIL_OK;
	for (j = 0; j < xe->n_groups; j++)
		sum_doc += xe->groups[j].count;
	if (!xe->n_groups && (r->shared || mine))
		return COUNCIL_OK;
	if (n && mine && xe->n_groups) {
		if (!lc->overwrite) {
			lc->n->pub.kept_reviewed++;
			note(lc->n, "kept reviewed value (event %lld participants: %lld, the document "
			     "says %lld)", (long long)r->id, (long long)sum_db, (long long)sum_doc);
			return COUNCIL_OK;
		}
		lc->n->pub.overwritten_reviewed++;
	}
	r->changed = 1;
	if ((rc = run(lc->db, "DELETE FROM event_participants WHERE event_id = ?", "i",
	              (int64_t)r->id)) != COUNCIL_OK)
		return rc;
	for (j = 0; j < xe->n_groups; j++) {
		council_participants p;
		council_id pid;
		council_participants_init(&p);
		p.event_id = r->id;
		p.count = xe->groups[j].count;
		p.qualifier = xe->groups[j].qualifier;
		p.group_name = xe->groups[j].group_name;
		p.source_id = lc->src;
		if ((rc = council_participants_add(&pid, lc->db, &p)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "events[%zu].participants[%zu]", i, j);
		if (lc->review &&
		    (rc = run(lc->db, "INSERT OR REPLACE INTO reviewed(table_name, record_id, field, "
		              "value, origin) VALUES ('event_participants', ?, '*', NULL, ?)", "it",
		              (int64_t)pid, lc->origin)) != COUNCIL_OK)
			return rc;
	}
	return COUNCIL_OK;
}

/* The measures event e serves: the document's, plus those already linked
 * when another document or a person links them too.  ids: room for
 * e->n_measures + doc's. */
static void merge_links(rec *r, council_event *e, council_id *ids, const council_id *doc,
                        size_t n_doc)
{
	size_t n = 0, j, k;

	if (r->shared || r->whole)
		for (j = 0; j < e->n_measures; j++)
			ids[n++] = e->measure_ids[j];
	for (j = 0; j < n_doc; j++) {
		for (k = 0; k < n && ids[k] != doc[j]; k++)
			;
		if (k == n)
			ids[n++] = doc[j];
	}
	if (n != e->n_measures) {
		r->changed = 1;
	} else {
		for (j = 0; j < n; j++) {
			for (k = 0; k < n && e->measure_ids[k] != ids[j]; k++)
				;
			if (k == n)
				r->changed = 1;
		}
	}
	e->measure_ids = ids;
	e->n_measures = n;
}

/* In a review, the one event of the document on the same date that no
 * record of the review matched by its key: the same event, its title
 * corrected.  0 when there is none, or more than one (then which is
 * meant cannot be told, and the corrected event is new). */
static int renamed_event(council_id *out, loadctx *lc, const char *date)
{
	static const char sql[] =
		"SELECT e.id FROM event e WHERE e.council_id = ?1 AND e.year = CAST(substr(?2, 1, 4) AS INTEGER) "
		"AND e.date_start = ?2 AND (e.source_id = ?3 OR EXISTS (SELECT 1 FROM record_source r "
		"WHERE r.table_name = 'event' AND r.record_id = e.id AND r.source_id = ?3)) "
		"AND NOT EXISTS (SELECT 1 FROM temp.load_touched t WHERE t.table_name = 'event' "
		"AND t.record_id = e.id) LIMIT 2";
	sqlite3_stmt *st;
	int rc, n = 0;

	*out = 0;
	if ((rc = cdb_prepare(&st, lc->db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, lc->council);
	cdb_bind_text(st, 2, date);
	sqlite3_bind_int64(st, 3, lc->src);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = n++ ? 0 : sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE)
		return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
	sqlite3_reset(st);
	if (n != 1)
		*out = 0;
	return COUNCIL_OK;
}

/* Stores event i.  In a review, pass 0 stores only the events found by
 * their key (*skipped set for the others) and pass 1 the others, so that
 * an event whose title the reviewer corrected is found as the one event
 * of its date left unmatched. */
static int store_event(loadctx *lc, size_t i, const council_id *measure_ids, const char *ekey,
                       int pass, int *skipped)
{
	const council_extraction *x = lc->x;
	const x_event *xe = &x->events[i];
	council_event e, *old = NULL;
	council_id eid = 0, doc_ids[64], *ids = NULL;
	char date[COUNCIL_DATE_BUFSIZE], *key;
	size_t n = 0, j, m;
	rec r;
	int rc;

	council_date_format(date, &xe->date.start);
	for (j = 0; j < xe->n_measures && n < 64; j++)
		for (m = 0; m < x->n_measures; m++)
			if (x->measures[m].seq == xe->measures[j] && measure_ids) {
				size_t d;
				for (d = 0; d < n && doc_ids[d] != measure_ids[m]; d++)
					;
				if (d == n)
					doc_ids[n++] = measure_ids[m];
				break;
			}
	if (!(key = cdb_strdup(ekey)))
		return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	if ((rc = find_event(&eid, lc, date, key)) != COUNCIL_OK) {
		free(key);
		return rc;
	}
	if (!eid && lc->review && lc->replacing) {
		if (pass == 0) {
			*skipped = 1;
			free(key);
			return COUNCIL_OK;
		}
		if ((rc = renamed_event(&eid, lc, date)) != COUNCIL_OK) {
			free(key);
			return rc;
		}
	}
	if (!eid) {
		council_event_init(&e);
		e.council_id = lc->council;
		e.title = xe->title;
		e.kind = xe->kind;
		e.organiser = xe->organiser;
		e.date = xe->date;
		if (!e.date.end.year)
			e.date.end = e.date.start;
		e.location = xe->location;
		e.remote = xe->remote;
		e.description = xe->description;
		e.measure_ids = n ? doc_ids : NULL;
		e.n_measures = n;
		e.source_id = lc->src;
		if ((rc = council_event_add(&eid, lc->db, &e)) != COUNCIL_OK) {
			free(key);
			return cdb_error_wrap(lc->db, rc, "events[%zu] \"%s\"", i, xe->title);
		}
		if (evmap_put(&lc->events, key, eid) != COUNCIL_OK)
			return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
		for (j = 0; j < xe->n_groups; j++) {
			council_participants p;
			council_id pid;
			council_participants_init(&p);
			p.event_id = eid;
			p.count = xe->groups[j].count;
			p.qualifier = xe->groups[j].qualifier;
			p.group_name = xe->groups[j].group_name;
			p.source_id = lc->src;
			if ((rc = council_participants_add(&pid, lc->db, &p)) != COUNCIL_OK)
				return cdb_error_wrap(lc->db, rc, "events[%zu].participants[%zu]", i, j);
			if (lc->review &&
			    (rc = run(lc->db, "INSERT OR REPLACE INTO reviewed(table_name, record_id, field, "
			              "value, origin) VALUES ('event_participants', ?, '*', NULL, ?)", "it",
			              (int64_t)pid, lc->origin)) != COUNCIL_OK)
				return rc;
		}
		return inserted(lc, "event", eid);
	}
	free(key);
	if ((rc = rec_open(&r, lc, "event", "event", eid)) != COUNCIL_OK ||
	    (rc = council_event_get(&old, lc->db, eid)) != COUNCIL_OK)
		return rc;
	e = *old;
	{
		council_date end = xe->date.end.year ? xe->date.end : xe->date.start;
		take_text(&r, "title", &e.title, xe->title);
		take_int(&r, "kind", (int *)&e.kind, (int)xe->kind, COUNCIL_EVENT_OTHER,
		         COUNCIL_ENUM_EVENT_KIND);
		take_text(&r, "organiser", &e.organiser, xe->organiser);
		take_date(&r, "date_end", &e.date.end, &end);
		take_text(&r, "location", &e.location, xe->location);
		take_int(&r, "remote", &e.remote, xe->remote, -1, NO_ENUM);
		take_text(&r, "description", &e.description, xe->description);
	}
	if (!(ids = malloc((e.n_measures + n + 1) * sizeof *ids))) {
		council_event_free(old);
		return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	}
	merge_links(&r, &e, ids, doc_ids, n);
	rc = r.changed ? council_event_update(lc->db, &e) : COUNCIL_OK;
	free(ids);
	council_event_free(old);
	if (rc == COUNCIL_OK)
		rc = store_groups(&r, xe, i);
	if (rc != COUNCIL_OK)
		return rc == COUNCIL_ENOMEM ? rc : cdb_error_wrap(lc->db, rc, "events[%zu] \"%s\"", i,
		                                                  xe->title);
	return merged(&r);
}

/* ---- members, meetings, figures, acts ------------------------------------ */

static int store_member(loadctx *lc, size_t i)
{
	const x_member *xm = &lc->x->members[i];
	council_member m, *old = NULL;
	council_id id;
	rec r;
	int rc;

	if ((rc = lookup_id(&id, lc->db, "SELECT min(id) FROM member WHERE council_id = ? AND name = ?",
	                    lc->council, xm->name, NULL)) != COUNCIL_OK)
		return rc;
	if (!id) {
		council_member_init(&m);
		m.council_id = lc->council;
		m.name = xm->name;
		m.role = xm->role;
		m.represents = xm->represents;
		m.side = xm->side;
		m.source_id = lc->src;
		if ((rc = council_member_add(&id, lc->db, &m)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "members[%zu] \"%s\"", i, xm->name);
		return inserted(lc, "member", id);
	}
	if ((rc = rec_open(&r, lc, "member", "member", id)) != COUNCIL_OK ||
	    (rc = council_member_get(&old, lc->db, id)) != COUNCIL_OK)
		return rc;
	m = *old;
	take_int(&r, "role", (int *)&m.role, (int)xm->role, -2, COUNCIL_ENUM_ROLE);
	take_text(&r, "represents", &m.represents, xm->represents);
	take_int(&r, "side", (int *)&m.side, (int)xm->side, COUNCIL_SIDE_UNKNOWN, COUNCIL_ENUM_SIDE);
	rc = r.changed ? council_member_update(lc->db, &m) : COUNCIL_OK;
	council_member_free(old);
	if (rc != COUNCIL_OK)
		return cdb_error_wrap(lc->db, rc, "members[%zu] \"%s\"", i, xm->name);
	return merged(&r);
}

static int store_meeting(loadctx *lc, size_t i)
{
	const x_meeting *xm = &lc->x->meetings[i];
	council_meeting m, *old = NULL;
	council_date end = xm->date.end.year ? xm->date.end : xm->date.start;
	char date[COUNCIL_DATE_BUFSIZE];
	council_id id;
	rec r;
	int rc;

	council_date_format(date, &xm->date.start);
	if ((rc = lookup_id(&id, lc->db, "SELECT min(id) FROM meeting WHERE council_id = ? AND date_start = ?",
	                    lc->council, date, NULL)) != COUNCIL_OK)
		return rc;
	if (!id) {
		council_meeting_init(&m);
		m.council_id = lc->council;
		m.date.start = xm->date.start;
		m.date.end = end;
		m.format = xm->format;
		m.platform = xm->platform;
		m.summary = xm->summary;
		m.source_id = lc->src;
		if ((rc = council_meeting_add(&id, lc->db, &m)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "meetings[%zu] %s", i, date);
		return inserted(lc, "meeting", id);
	}
	if ((rc = rec_open(&r, lc, "meeting", "meeting", id)) != COUNCIL_OK ||
	    (rc = council_meeting_get(&old, lc->db, id)) != COUNCIL_OK)
		return rc;
	m = *old;
	take_date(&r, "date_end", &m.date.end, &end);
	take_int(&r, "format", (int *)&m.format, (int)xm->format, COUNCIL_FORMAT_UNKNOWN,
	         COUNCIL_ENUM_FORMAT);
	take_text(&r, "platform", &m.platform, xm->platform);
	take_text(&r, "summary", &m.summary, xm->summary);
	rc = r.changed ? council_meeting_update(lc->db, &m) : COUNCIL_OK;
	council_meeting_free(old);
	if (rc != COUNCIL_OK)
		return cdb_error_wrap(lc->db, rc, "meetings[%zu] %s", i, date);
	return merged(&r);
}

/* A figure is what one document states: documents that agree share the
 * row, documents that disagree keep a row each (figure_conflicts shows
 * them).  This document's earlier value, its alone, changes in place. */
static int store_figure(loadctx *lc, size_t i)
{
	static const char mine[] =
		"SELECT f.id FROM reported_figure f WHERE f.council_id = ?1 AND f.year = ?2 "
		"AND f.metric = ?3 AND (f.source_id = ?4 OR EXISTS (SELECT 1 FROM record_source r "
		"WHERE r.table_name = 'reported_figure' AND r.record_id = f.id AND r.source_id = ?4)) "
		"ORDER BY f.id";
	static const char same[] =
		"SELECT id FROM reported_figure WHERE council_id = ?1 AND year = ?2 AND metric = ?3 "
		"AND value = ?4 AND qualifier = ?5 ORDER BY id";
	static const char other[] =
		"SELECT f.value, s.path FROM reported_figure f LEFT JOIN source_document s "
		"ON s.id = f.source_id WHERE f.council_id = ?1 AND f.year = ?2 AND f.metric = ?3 "
		"AND f.value <> ?4 ORDER BY f.id";
	const x_figure *xf = &lc->x->figures[i];
	const char *metric = council_enum_name(COUNCIL_ENUM_METRIC, (int)xf->metric);
	const char *qual = council_enum_name(COUNCIL_ENUM_QUALIFIER, (int)xf->qualifier);
	council_figure *old = NULL;
	council_id id = 0;
	sqlite3_stmt *st;
	rec r;
	int rc;

	/* Stated by this document's earlier version: unchanged, or changed in
	 * place when no one else states it.  A new document has none. */
	if (lc->replacing) {
		if ((rc = cdb_prepare(&st, lc->db, mine)) != COUNCIL_OK)
			return rc;
		sqlite3_bind_int64(st, 1, lc->council);
		sqlite3_bind_int(st, 2, xf->year);
		sqlite3_bind_text(st, 3, metric, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, lc->src);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		else if (rc != SQLITE_DONE)
			return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
		sqlite3_reset(st);
	}
	if (id) {
		council_figure f;
		if ((rc = rec_open(&r, lc, "reported_figure", "figure", id)) != COUNCIL_OK ||
		    (rc = council_figure_get(&old, lc->db, id)) != COUNCIL_OK)
			return rc;
		f = *old;
		if (f.value == xf->value && f.qualifier == xf->qualifier) {
			council_figure_free(old);
			return merged(&r);
		}
		if (!r.shared || r.whole) {
			char a[32], b[32];
			snprintf(a, sizeof a, "%lld", (long long)f.value);
			snprintf(b, sizeof b, "%lld", (long long)xf->value);
			if (f.value != xf->value && take(&r, "value", 1, 1, a, b))
				f.value = xf->value, r.changed = 1;
			take_int(&r, "qualifier", (int *)&f.qualifier, (int)xf->qualifier, -2,
			         COUNCIL_ENUM_QUALIFIER);
			rc = r.changed ? council_figure_update(lc->db, &f) : COUNCIL_OK;
			council_figure_free(old);
			if (rc != COUNCIL_OK)
				return cdb_error_wrap(lc->db, rc, "figures[%zu]", i);
			return merged(&r);
		}
		/* Another document states the old value: it keeps it; this one
		 * moves to a row of its own value. */
		council_figure_free(old);
		rc = r.primary == lc->src
		     ? cdb_record_promote(lc->db, r.t, id)
		     : run(lc->db, "DELETE FROM record_source WHERE table_name = 'reported_figure' "
		           "AND record_id = ? AND source_id = ?", "ii", (int64_t)id, (int64_t)lc->src);
		if (rc != COUNCIL_OK)
			return rc;
		id = 0;
	}
	if ((rc = cdb_prepare(&st, lc->db, same)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, lc->council);
	sqlite3_bind_int(st, 2, xf->year);
	sqlite3_bind_text(st, 3, metric, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, xf->value);
	sqlite3_bind_text(st, 5, qual, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
	sqlite3_reset(st);
	if (id) {
		if ((rc = rec_open(&r, lc, "reported_figure", "figure", id)) != COUNCIL_OK)
			return rc;
		rc = merged(&r);
	} else {
		council_figure f;
		council_figure_init(&f);
		f.council_id = lc->council;
		f.year = xf->year;
		f.metric = xf->metric;
		f.value = xf->value;
		f.qualifier = xf->qualifier;
		f.source_id = lc->src;
		if ((rc = council_figure_add(&id, lc->db, &f)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "figures[%zu]", i);
		rc = inserted(lc, "reported_figure", id);
	}
	if (rc != COUNCIL_OK)
		return rc;
	/* Another value for the same council, year and metric: both stay,
	 * and the person hears of it. */
	if ((rc = cdb_prepare(&st, lc->db, other)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, lc->council);
	sqlite3_bind_int(st, 2, xf->year);
	sqlite3_bind_text(st, 3, metric, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, xf->value);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = cdb_col_text(st, 1);
		lc->n->pub.warnings++;
		note(lc->n, "figures[%zu]: %s %d is %lld here and %lld in %s: both kept (view "
		     "figure_conflicts)", i, metric, xf->year, (long long)xf->value,
		     (long long)sqlite3_column_int64(st, 0), p ? p : "a record entered by hand");
	} else if (rc != SQLITE_DONE) {
		return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
	}
	sqlite3_reset(st);
	return COUNCIL_OK;
}

static int store_act(loadctx *lc, size_t i)
{
	const x_act *xa = &lc->x->acts[i];
	council_act a, *old = NULL;
	council_id id;
	rec r;
	int rc;

	if ((rc = lookup_id(&id, lc->db, "SELECT min(id) FROM legal_act WHERE council_id = ? AND number = ?",
	                    lc->council, xa->number, NULL)) != COUNCIL_OK)
		return rc;
	if (!id) {
		council_act_init(&a);
		a.council_id = lc->council;
		a.number = xa->number;
		a.date = xa->date;
		a.title = xa->title;
		a.effect = xa->effect;
		a.source_id = lc->src;
		if ((rc = council_act_add(&id, lc->db, &a)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "acts[%zu] %s", i, xa->number);
		return inserted(lc, "legal_act", id);
	}
	if ((rc = rec_open(&r, lc, "legal_act", "act", id)) != COUNCIL_OK ||
	    (rc = council_act_get(&old, lc->db, id)) != COUNCIL_OK)
		return rc;
	a = *old;
	take_date(&r, "date", &a.date, &xa->date);
	take_text(&r, "title", &a.title, xa->title);
	take_int(&r, "effect", (int *)&a.effect, (int)xa->effect, COUNCIL_ACT_OTHER,
	         COUNCIL_ENUM_ACT_EFFECT);
	rc = r.changed ? council_act_update(lc->db, &a) : COUNCIL_OK;
	council_act_free(old);
	if (rc != COUNCIL_OK)
		return cdb_error_wrap(lc->db, rc, "acts[%zu] %s", i, xa->number);
	return merged(&r);
}

static int store_records(loadctx *lc)
{
	const council_extraction *x = lc->x;
	council_id *measure_ids = NULL;
	dups d;
	size_t i;
	int rc, pass;

	if ((rc = find_all_dups(&d, lc)) != COUNCIL_OK)
		return rc;
	if ((rc = store_council(lc)) != COUNCIL_OK)
		goto out;
	lc->res->council_id = lc->council;
	if ((rc = store_plan(lc, &measure_ids)) != COUNCIL_OK)
		goto out;
	for (pass = 0; pass < 2; pass++) {
		int later = 0;
		for (i = 0; i < x->n_events; i++) {
			int skipped = 0;
			/* The second pass takes the events the first skipped,
			 * marked by d.events[i] == n_events. */
			if (pass == 0 ? d.events[i] != i : d.events[i] != x->n_events)
				continue;
			if ((rc = store_event(lc, i, measure_ids, d.event_keys[i], pass,
			                      &skipped)) != COUNCIL_OK)
				goto out;
			if (skipped) {
				d.events[i] = x->n_events;
				later = 1;
				continue;
			}
			lc->res->events++;
		}
		if (!later)
			break;
	}
	for (i = 0; i < x->n_members; i++) {
		if (d.members[i] != i)
			continue;
		if ((rc = store_member(lc, i)) != COUNCIL_OK)
			goto out;
		lc->res->members++;
	}
	for (i = 0; i < x->n_meetings; i++) {
		if (d.meetings[i] != i)
			continue;
		if ((rc = store_meeting(lc, i)) != COUNCIL_OK)
			goto out;
		lc->res->meetings++;
	}
	for (i = 0; i < x->n_figures; i++) {
		if (d.figures[i] != i)
			continue;
		if ((rc = store_figure(lc, i)) != COUNCIL_OK)
			goto out;
		lc->res->figures++;
	}
	for (i = 0; i < x->n_acts; i++) {
		if (d.acts[i] != i)
			continue;
		if ((rc = store_act(lc, i)) != COUNCIL_OK)
			goto out;
		lc->res->acts++;
	}
out:
	free(measure_ids);
	dups_free(&d);
	return rc;
}

/* ---- what the earlier version stated and this one does not --------------- */

typedef struct gone {
	const cdb_record_table *t;
	council_id id;
	int primary;     /* the document is its primary source */
	int others;      /* other documents stating it */
	int marks;       /* values a person set in it */
} gone;

/* What the document stated before this load and no longer does: the rows
 * it is the primary source of, then its entries in record_source, that
 * this load did not touch. */
#define GONE(T) "SELECT '" T "', id, 1, (SELECT count(*) FROM record_source o WHERE" \
	" o.table_name = '" T "' AND o.record_id = " T ".id), EXISTS (SELECT 1 FROM reviewed v" \
	" WHERE v.table_name = '" T "' AND v.record_id = " T ".id) FROM " T " WHERE source_id = ?1" \
	" AND NOT EXISTS (SELECT 1 FROM temp.load_touched t WHERE t.table_name = '" T "'" \
	" AND t.record_id = " T ".id) UNION ALL "

static int remove_unstated(loadctx *lc)
{
	static const char sql[] =
		GONE("council") GONE("member") GONE("meeting") GONE("reported_figure") GONE("plan")
		GONE("measure") GONE("measure_fulfilment") GONE("event") GONE("legal_act")
		"SELECT r.table_name, r.record_id, 0, 1, 0 FROM record_source r WHERE r.source_id = ?1"
		" AND NOT EXISTS (SELECT 1 FROM temp.load_touched t WHERE t.table_name = r.table_name"
		" AND t.record_id = r.record_id)";
	sqlite3_stmt *st;
	gone *g = NULL;
	size_t n = 0, cap = 0, i;
	int rc;

	/* Collected first: the changes below change what the query reads. */
	if ((rc = cdb_prepare(&st, lc->db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, lc->src);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			gone *more = realloc(g, (cap = cap ? cap * 2 : 16) * sizeof *g);
			if (!more) {
				sqlite3_reset(st);
				free(g);
				return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
			}
			g = more;
		}
		g[n].t = cdb_record_table_of(cdb_col_text(st, 0));
		g[n].id = sqlite3_column_int64(st, 1);
		g[n].primary = sqlite3_column_int(st, 2);
		g[n].others = sqlite3_column_int(st, 3);
		g[n].marks = sqlite3_column_int(st, 4);
		if (g[n].t)
			n++;
	}
	if (rc != SQLITE_DONE) {
		free(g);
		return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
	}
	sqlite3_reset(st);
	for (i = 0, rc = COUNCIL_OK; i < n && rc == COUNCIL_OK; i++) {
		const cdb_record_table *t = g[i].t;
		if (!g[i].primary) {
			rc = run(lc->db, "DELETE FROM record_source WHERE table_name = ? AND record_id = ? "
			         "AND source_id = ?", "tii", t->name, (int64_t)g[i].id, (int64_t)lc->src);
		} else if (g[i].others) {
			rc = cdb_record_promote(lc->db, t, g[i].id);
		} else if (t == &cdb_record_tables[0]) {
			/* Councils are kept: people and other documents describe them. */
			rc = cdb_record_set_source(lc->db, t, g[i].id, 0);
		} else if (g[i].marks && !lc->overwrite && !lc->review) {
			/* A person corrected it: it stays theirs, no document's. */
			lc->n->pub.kept_reviewed++;
			note(lc->n, "kept reviewed record (%s %lld: the document no longer states it)",
			     t->name, (long long)g[i].id);
			rc = cdb_record_set_source(lc->db, t, g[i].id, 0);
		} else {
			rc = run(lc->db, t->delete_row, "i", (int64_t)g[i].id);
			lc->n->pub.removed++;
		}
	}
	free(g);
	return rc;
}

/* ---- the document ---------------------------------------------------------- */

/* Counts of what a source states, for the summary of an unchanged import:
 * the rows it is the primary source of and its entries in record_source. */
static int64_t count_links(council_db *db, council_id source, const char *sql, const char *table)
{
	sqlite3_stmt *st;
	int64_t n = 0;

	if (cdb_prepare(&st, db, sql) != COUNCIL_OK)
		return 0;
	sqlite3_bind_int64(st, 1, source);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (cdb_prepare(&st, db, "SELECT count(*) FROM record_source WHERE source_id = ? "
	                "AND table_name = ?") != COUNCIL_OK)
		return n;
	sqlite3_bind_int64(st, 1, source);
	sqlite3_bind_text(st, 2, table, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n += sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

static void source_counts(council_import_result *res, council_db *db, council_id source)
{
#define COUNT(T) "SELECT count(*) FROM " T " WHERE source_id = ?", T
	res->meetings = count_links(db, source, COUNT("meeting"));
	res->figures = count_links(db, source, COUNT("reported_figure"));
	res->events = count_links(db, source, COUNT("event"));
	res->members = count_links(db, source, COUNT("member"));
	res->measures = count_links(db, source, COUNT("measure"));
	res->acts = count_links(db, source, COUNT("legal_act"));
#undef COUNT
}

/* The same bytes again: nothing changes, but a new path for them is
 * recorded as another name of the document. */
static int unchanged(loadctx *lc, council_id same, const char *path)
{
	council_source *s = NULL;
	int rc;

	lc->res->status = COUNCIL_IMPORT_UNCHANGED;
	lc->res->source_id = same;
	source_counts(lc->res, lc->db, same);
	lookup_id(&lc->res->council_id, lc->db, "SELECT id FROM council WHERE name = ?", 0,
	          lc->x->council.name, NULL);
	if (lc->review || (rc = council_source_get(&s, lc->db, same)) != COUNCIL_OK)
		return COUNCIL_OK;
	if (s->path[0] != '/') {
		/* Stored before paths were canonical: when its spelling names
		 * this very file from here, it is spelled canonical now rather
		 * than given another name. */
		char *canon = cdb_canonical_path(s->path);
		if (canon && strcmp(canon, path) == 0) {
			rc = run(lc->db, "UPDATE source_document SET path = ? WHERE id = ?", "ti", path,
			         (int64_t)same);
			free(canon);
			council_source_free(s);
			return rc;
		}
		free(canon);
	}
	if (strcmp(s->path, path) != 0) {
		council_id known = 0;
		if ((rc = lookup_id(&known, lc->db, "SELECT source_id FROM source_alias WHERE path = ?",
		                    0, path, NULL)) == COUNCIL_OK && !known)
			rc = run(lc->db, "INSERT INTO source_alias(path, source_id) VALUES (?, ?)", "ti",
			         path, (int64_t)same);
		if (rc == COUNCIL_OK) {
			lc->n->alias = cdb_strdup(s->path);
			note(lc->n, "the same bytes as %s: recorded as another name of it", s->path);
		}
	} else {
		rc = COUNCIL_OK;
	}
	council_source_free(s);
	return rc;
}

/* The known document at path: by its canonical path, another name of it,
 * or the spelling a database before version 4 stored (then made
 * canonical). */
static int find_source(council_id *out, loadctx *lc, const char *path, const char *typed)
{
	int rc;

	if ((rc = lookup_id(out, lc->db, "SELECT id FROM source_document WHERE path = ?", 0, path,
	                    NULL)) != COUNCIL_OK || *out)
		return rc;
	if ((rc = lookup_id(out, lc->db, "SELECT source_id FROM source_alias WHERE path = ?", 0,
	                    path, NULL)) != COUNCIL_OK || *out)
		return rc;
	if (strcmp(typed, path) == 0 ||
	    (rc = lookup_id(out, lc->db, "SELECT id FROM source_document WHERE path = ?", 0, typed,
	                    NULL)) != COUNCIL_OK || !*out)
		return rc;
	return run(lc->db, "UPDATE source_document SET path = ? WHERE id = ?", "ti", path,
	           (int64_t)*out);
}

static int load(loadctx *lc, const char *sha256)
{
	const council_extraction *x = lc->x;
	const char *typed = x->source_path ? x->source_path : x->path;
	council_id same = 0, known = 0;
	char *path = cdb_canonical_path(typed), *json = NULL;
	int rc;

	if (!path)
		return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	/* The history records what follows as this document's import (under
	 * its path as stored), or as a review when it is a reviewed
	 * extraction naming its document (under the extraction's own path). */
	if ((rc = cdb_origin_set(lc->db, x->source_path ? "review" : "import",
	                         x->source_path ? x->path : path, sha256)) != COUNCIL_OK)
		goto out;
	/* A reviewed extraction names the document it reviews.  When that is
	 * not known yet (reviewed before it was ever imported), the extraction
	 * stands for it, and what it says is still a person's: a later import
	 * of the document keeps it. */
	lc->review = x->source_path != NULL;
	if ((rc = lookup_id(&same, lc->db, "SELECT id FROM source_document WHERE sha256 = ?", 0,
	                    sha256, NULL)) != COUNCIL_OK)
		goto out;
	if (!same && lc->review &&
	    (rc = lookup_id(&same, lc->db, "SELECT source_id FROM source_review WHERE sha256 = ?",
	                    0, sha256, NULL)) != COUNCIL_OK)
		goto out;
	if (same) {
		rc = unchanged(lc, same, path);
		goto out;
	}
	if ((rc = find_source(&known, lc, path, typed)) != COUNCIL_OK)
		goto out;
	if (lc->review) {
		if (!(json = cdb_canonical_path(x->path)) ||
		    !(lc->origin = str_printf("review %s %s", json, sha256))) {
			rc = cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
			goto out;
		}
	} else if (!(lc->origin = cdb_strdup("import"))) {
		rc = cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
		goto out;
	}
	if (known) {
		lc->src = known;
		lc->replacing = 1;
		lc->res->status = lc->review ? COUNCIL_IMPORT_REVIEWED : COUNCIL_IMPORT_REPLACED;
		/* The document keeps its id; a review keeps its bytes' hash too
		 * (the review's own is in source_review). */
		if (lc->review)
			rc = run(lc->db, "INSERT INTO source_review(source_id, path, sha256) VALUES (?, ?, ?)",
			         "itt", (int64_t)known, json, sha256);
		else
			rc = run(lc->db, "UPDATE source_document SET sha256 = ?, "
			         "imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?", "ti",
			         sha256, (int64_t)known);
		if (rc == COUNCIL_OK) {
			council_source *s = NULL;
			if ((rc = council_source_get(&s, lc->db, known)) == COUNCIL_OK) {
				council_source u = *s;
				u.kind = x->kind;
				if (x->report_year > 0)
					u.report_year = x->report_year;
				if (x->doc_number)
					u.doc_number = x->doc_number;
				if (x->doc_date.year)
					u.doc_date = x->doc_date;
				rc = council_source_update(lc->db, &u);
				council_source_free(s);
			}
		}
		if (rc == COUNCIL_OK)
			rc = cdb_exec(lc->db, "CREATE TEMP TABLE IF NOT EXISTS load_touched ("
			              "table_name TEXT NOT NULL, record_id INTEGER NOT NULL,"
			              " PRIMARY KEY (table_name, record_id)) WITHOUT ROWID", "import");
		if (rc == COUNCIL_OK)
			rc = run(lc->db, "DELETE FROM temp.load_touched", "");
	} else {
		council_source src;
		council_source_init(&src);
		src.path = path;
		src.sha256 = (char *)sha256;
		src.kind = x->kind;
		src.report_year = x->report_year;
		src.doc_number = x->doc_number;
		src.doc_date = x->doc_date;
		rc = council_source_add(&lc->src, lc->db, &src);
	}
	if (rc != COUNCIL_OK)
		goto out;
	lc->res->source_id = lc->src;
	{
		sqlite3_stmt *st;
		if ((rc = cdb_prepare(&st, lc->db, "SELECT EXISTS (SELECT 1 FROM reviewed)")) != COUNCIL_OK)
			goto out;
		if (sqlite3_step(st) == SQLITE_ROW)
			lc->any_reviewed = sqlite3_column_int(st, 0);
		sqlite3_reset(st);
	}
	if ((rc = run(lc->db, "INSERT INTO write_origin(origin) VALUES (?)", "t", lc->origin)) != COUNCIL_OK)
		goto out;
	rc = store_records(lc);
	if (rc == COUNCIL_OK && lc->replacing)
		rc = remove_unstated(lc);
	if (rc == COUNCIL_OK)
		rc = run(lc->db, "DELETE FROM write_origin", "");
out:
	free(path);
	free(json);
	return rc;
}

int council_import_load_flags(council_import_result *res, council_db *db,
                              const council_extraction *x, const char *sha256, unsigned flags)
{
	loadctx lc;
	notes *n;
	int rc, own;
	size_t i;

	memset(res, 0, sizeof *res);
	res->year = -1;
	if ((rc = cdb_enter_write(db)) != COUNCIL_OK)
		return rc;
	cdb_import_notes_free(db->import_notes);
	db->import_notes = NULL;
	if (!x || !sha256)
		return cdb_error(db, COUNCIL_EMISUSE, "import: no extraction or no sha256");
	if (strlen(sha256) != 64 || strspn(sha256, "0123456789abcdef") != 64)
		return cdb_error(db, COUNCIL_EINVAL, "import: sha256 must be 64 lowercase hex digits");
	if (flags & ~(unsigned)COUNCIL_IMPORT_OVERWRITE_REVIEWED)
		return cdb_error(db, COUNCIL_EINVAL, "import: unknown flags 0x%x", flags);
	if (!x->council.name || !*x->council.name)
		return cdb_error(db, COUNCIL_EINVAL, "%s: council.name: required", x->path);
	for (i = 0; i < x->n_measures; i++)
		if (!x->plan.present)
			return cdb_error(db, COUNCIL_EINVAL, "%s: measures without a plan", x->path);
	if (!(n = calloc(1, sizeof *n)))
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	snprintf(res->council, sizeof res->council, "%s", x->council.name);
	res->year = x->report_year;
	memset(&lc, 0, sizeof lc);
	lc.db = db;
	lc.x = x;
	lc.res = res;
	lc.n = n;
	lc.overwrite = (flags & COUNCIL_IMPORT_OVERWRITE_REVIEWED) != 0;

	/* The caller's transaction holds the whole batch; otherwise this file
	 * is its own.  IMMEDIATE takes the write lock before reading, so a
	 * concurrent writer cannot turn this into a failed upgrade. */
	own = !db->in_txn && sqlite3_get_autocommit(db->sql);
	rc = own ? cdb_exec(db, "BEGIN IMMEDIATE", x->path) : cdb_atomic_begin(db);
	if (rc == COUNCIL_OK) {
		rc = load(&lc, sha256);
		{
			/* The history records the import's inserts; hand edits again. */
			int end = cdb_origin_set(db, NULL, NULL, NULL);
			rc = rc != COUNCIL_OK ? rc : end;
		}
		if (rc != COUNCIL_OK && strncmp(council_errmsg(db), x->path, strlen(x->path)) != 0)
			cdb_error_wrap(db, rc, "%s", x->path);
		if (own) {
			if (rc == COUNCIL_OK)
				rc = cdb_exec(db, "COMMIT", x->path);
			if (rc != COUNCIL_OK) {
				int code = db->errcode;
				char msg[sizeof db->errmsg];
				memcpy(msg, db->errmsg, sizeof msg);
				sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
				db->errcode = code;
				memcpy(db->errmsg, msg, sizeof msg);
			}
		} else {
			rc = cdb_atomic_end(db, rc);
		}
	}
	evmap_free(&lc.events);
	free(lc.origin);
	if (rc != COUNCIL_OK) {
		cdb_import_notes_free(n);
		return rc;
	}
	notes_finish(n);
	db->import_notes = n;
	return COUNCIL_OK;
}

int council_import_load(council_import_result *res, council_db *db, const council_extraction *x,
                        const char *sha256)
{
	return council_import_load_flags(res, db, x, sha256, 0);
}
