/* SPDX-License-Identifier: MIT */
/*
 * load_review.c -- what a person said and what the load says back: values
 * and records a person reviewed, kept or replaced; the record_source links
 * a merge ends with; duplicates inside a document; removing what a
 * document no longer states; the import's notes and warnings.  Not here:
 * matching records (load_match.c), the transaction (load.c).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_int.h"

/* ---- notes --------------------------------------------------------------- */

/* Messages kept per import: a document contradicting a thousand reviewed
 * values needs the count, not a thousand lines. */
#define MAX_MESSAGES 100

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

int cdb_import_begin(council_import_result *res, council_db *db)
{
	int rc;

	memset(res, 0, sizeof *res);
	res->year = -1;
	if ((rc = cdb_enter_write(db)) != COUNCIL_OK)
		return rc;
	cdb_import_notes_free(db->import_notes);
	db->import_notes = NULL;
	return COUNCIL_OK;
}

static const council_import_notes no_notes;

const council_import_notes *council_import_notes_last(const council_db *db)
{
	const notes *n = db ? db->import_notes : NULL;

	return n ? &n->pub : &no_notes;
}

void load_note(notes *n, const char *fmt, ...)
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
void load_notes_finish(notes *n)
{
	if (n->dropped) {
		int64_t d = n->dropped;
		n->dropped = 0;
		n->n--; /* room for the last line: one more message is dropped */
		free(n->msgs[n->n]);
		load_note(n, "... and %lld more", (long long)d + 1);
	}
	n->pub.messages = (const char *const *)n->msgs;
	n->pub.n_messages = n->n;
	n->pub.alias_of = n->alias;
}

/* ---- merging a document's values into a stored record -------------------- */

int load_rec_open(rec *r, loadctx *lc, const char *table, const char *what, council_id id)
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
int load_take(rec *r, const char *field, int cur_known, int doc_known, const char *cur,
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
		load_run(lc->db, "DELETE FROM reviewed WHERE table_name = ? AND record_id = ? AND field = ?",
		         "tit", r->table, (int64_t)r->id, field);
		return 1;
	}
	lc->n->pub.kept_reviewed++;
	load_note(lc->n, "kept reviewed value (%s %lld %s: %s, the document says %s)", r->what,
	          (long long)r->id, field, cur, doc);
	return 0;
}

void load_take_text(rec *r, const char *field, const char **cur, const char *doc)
{
	char a[300], b[300];

	if (load_text_eq(*cur, doc))
		return;
	snprintf(a, sizeof a, *cur ? "\"%.280s\"" : "unknown", *cur);
	snprintf(b, sizeof b, doc ? "\"%.280s\"" : "unknown", doc);
	if (load_take(r, field, *cur != NULL, doc != NULL, a, b)) {
		*cur = doc;
		r->changed = 1;
	}
}

/* unknown is the value meaning "not known" (-1, or an enumeration's
 * default); names, when given, spell an enumeration's values. */
void load_take_int(rec *r, const char *field, int *cur, int doc, int unknown, council_enum e)
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
	if (load_take(r, field, *cur != unknown, doc != unknown, a, b)) {
		*cur = doc;
		r->changed = 1;
	}
}

void load_take_date(rec *r, const char *field, council_date *cur, const council_date *doc)
{
	char a[COUNCIL_DATE_BUFSIZE], b[COUNCIL_DATE_BUFSIZE];

	council_date_format(a, cur);
	council_date_format(b, doc);
	if (strcmp(a, b) == 0)
		return;
	if (load_take(r, field, cur->year != 0, doc->year != 0, cur->year ? a : "unknown",
	              doc->year ? b : "unknown")) {
		*cur = *doc;
		r->changed = 1;
	}
}

/* The row among those this load touched, for the removal pass. */
int load_touched(loadctx *lc, const char *table, council_id id)
{
	if (!lc->replacing)
		return COUNCIL_OK;
	return load_run(lc->db, "INSERT OR IGNORE INTO temp.load_touched(table_name, record_id) "
			"VALUES (?, ?)", "ti", table, (int64_t)id);
}

/* A record this load inserted (its source_id is the document's); a
 * reviewed extraction's new record is a person's whole record. */
int load_inserted(loadctx *lc, const char *table, council_id id)
{
	int rc = load_touched(lc, table, id);

	lc->n->pub.stored++;
	if (rc == COUNCIL_OK && lc->review)
		rc = load_run(lc->db, "INSERT OR REPLACE INTO reviewed(table_name, record_id, field, value, "
		              "origin) VALUES (?, ?, '*', NULL, ?)", "tit", table, (int64_t)id, lc->origin);
	return rc;
}

/* Ends the merge of r: counts it and records that the document states it:
 * as its primary source when it had none (a person's record gets a mark
 * keeping their values), else in record_source. */
int load_merged(rec *r)
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
		rc = load_run(lc->db, "INSERT OR IGNORE INTO record_source(table_name, record_id, source_id) "
		              "VALUES (?, ?, ?)", "tii", r->table, (int64_t)r->id, (int64_t)lc->src);
	else if ((rc = cdb_record_set_source(lc->db, r->t, r->id, lc->src)) == COUNCIL_OK && r->person)
		rc = load_run(lc->db, "INSERT OR IGNORE INTO reviewed(table_name, record_id, field, value, "
		              "origin) VALUES (?, ?, '*', NULL, 'hand')", "ti", r->table, (int64_t)r->id);
	return rc != COUNCIL_OK ? rc : load_touched(lc, r->table, r->id);
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

void load_dups_free(dups *d)
{
	free_keys(d->event_keys, d->n_events);
	free(d->members);
	free(d->meetings);
	free(d->figures);
	free(d->events);
	free(d->acts);
}

int load_find_all_dups(dups *d, loadctx *lc)
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
			if (!(keys[i] = load_str_printf(fmt, __VA_ARGS__)))                  \
				rc = COUNCIL_ENOMEM;                                    \
		if (rc == COUNCIL_OK)                                                   \
			rc = find_dups(&d->arr, keys, (count));                         \
		for (i = 0; i < (count); i++)                                           \
			free(keys[i]), keys[i] = NULL;                                  \
	} while (0)
	/* one person on two councils of a page about several is two members */
	KEYS(members, x->n_members, "%s\x1f%s", x->members[i].name,
	     x->members[i].council.present && x->members[i].council.name ? x->members[i].council.name : "");
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
		const x_event *e = &x->events[i];
		char *t = load_title_key(e->title), d8[COUNCIL_DATE_BUFSIZE];
		council_date_format(d8, &e->date.start);
		/* another council's event (events[].council) is not the same as
		 * the document's council's of that date and title */
		if (!t || !(d->event_keys[i] = e->council.present && e->council.name
		                                  ? load_str_printf("%s %s\x1f%s", d8, t, e->council.name)
		                                  : load_str_printf("%s %s", d8, t)))
			rc = COUNCIL_ENOMEM;
		free(t);
	}
	if (rc == COUNCIL_OK)
		rc = find_dups(&d->events, d->event_keys, x->n_events);
	if (rc != COUNCIL_OK) {
		load_dups_free(d);
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
			load_note(lc->n, "members[%zu] \"%s\": named twice, as %s and as %s: one record (%s)", i,
			          b->name, council_enum_name(COUNCIL_ENUM_ROLE, (int)a->role),
			          council_enum_name(COUNCIL_ENUM_ROLE, (int)b->role),
			          council_enum_name(COUNCIL_ENUM_ROLE, (int)a->role));
		else
			load_note(lc->n, "members[%zu] \"%s\": named twice: one record", i, b->name);
	}
	for (i = 0; i < x->n_meetings; i++) {
		char date[COUNCIL_DATE_BUFSIZE];
		if (d->meetings[i] == i)
			continue;
		lc->n->pub.warnings++;
		load_note(lc->n, "meetings[%zu]: %s stated twice: one meeting", i,
		          council_date_format(date, &x->meetings[i].date.start));
	}
	for (i = 0; i < x->n_figures; i++) {
		const x_figure *a = &x->figures[d->figures[i]], *b = &x->figures[i];
		if (d->figures[i] == i || (a->value == b->value && a->qualifier == b->qualifier))
			continue;
		lc->n->pub.warnings++;
		load_note(lc->n, "figures[%zu]: %s %d stated twice, %lld and %lld: the first kept", i,
		          council_enum_name(COUNCIL_ENUM_METRIC, (int)b->metric), b->year,
		          (long long)a->value, (long long)b->value);
	}
	for (i = 0; i < x->n_acts; i++) {
		if (d->acts[i] == i)
			continue;
		lc->n->pub.warnings++;
		load_note(lc->n, "acts[%zu] %s: stated twice: one act", i, x->acts[i].number);
	}
	return COUNCIL_OK;
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

int load_remove_unstated(loadctx *lc)
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
			rc = load_run(lc->db, "DELETE FROM record_source WHERE table_name = ? AND record_id = ? "
			              "AND source_id = ?", "tii", t->name, (int64_t)g[i].id, (int64_t)lc->src);
		} else if (g[i].others) {
			rc = cdb_record_promote(lc->db, t, g[i].id);
		} else if (t == &cdb_record_tables[0]) {
			/* Councils are kept: people and other documents describe them. */
			rc = cdb_record_set_source(lc->db, t, g[i].id, 0);
		} else if (g[i].marks && !lc->overwrite && !lc->review) {
			/* A person corrected it: it stays theirs, no document's. */
			lc->n->pub.kept_reviewed++;
			load_note(lc->n, "kept reviewed record (%s %lld: the document no longer states it)",
			          t->name, (long long)g[i].id);
			rc = cdb_record_set_source(lc->db, t, g[i].id, 0);
		} else {
			/* A reviewer who leaves a record out removes it: the
			 * document's next import keeps it out. */
			if (lc->review)
				rc = cdb_removed_note(lc->db, t->name, g[i].id, lc->origin);
			if (rc == COUNCIL_OK)
				rc = load_run(lc->db, t->delete_row, "i", (int64_t)g[i].id);
			lc->n->pub.removed++;
		}
	}
	free(g);
	return rc;
}
