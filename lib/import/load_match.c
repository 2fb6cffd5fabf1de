/* SPDX-License-Identifier: MIT */
/*
 * load_match.c -- matching the records a document states to stored ones by
 * their natural keys (the event map keeps that linear) and storing them:
 * councils, plans and measures, events, figures; the finding of any record
 * by its id or key.  Not here: members, meetings, acts and attendance
 * (load_keyed.c), the reading order and the transaction (load.c), reviewed
 * values, notes and duplicates (load_review.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_int.h"

/* ---- natural keys -------------------------------------------------------- */

/* An event title as matched: folded (case and diacritics, as
 * council_text_fold), every run of other characters than letters and
 * digits one space, trimmed.  "Seminaras „NVO ir savivalda“" and
 * "seminaras NVO ir savivalda." are one title.  NULL when out of memory. */
char *load_title_key(const char *title)
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

/* ---- finding the stored record ------------------------------------------- */

/* How each kind of record is found: by the id a reviewed extraction
 * gives (a record of the load's council, ?1 id, ?2 council) and by its
 * natural key (?1 council, ?2 key). */
typedef struct finder {
	const char *table;
	const char *by_id;
	const char *by_key;     /* NULL: the caller finds it by key itself */
} finder;

#define BY_ID(T) "SELECT id FROM " T " WHERE id = ?1 AND council_id = ?2"
static const finder finders[] = {
	{ "member", BY_ID("member"), NULL }, /* keyed_kind.find: find_member */
	{ "meeting", BY_ID("meeting"),
	  "SELECT min(id) FROM meeting WHERE council_id = ?1 AND date_start = ?2" },
	{ "legal_act", BY_ID("legal_act"),
	  "SELECT min(id) FROM legal_act WHERE council_id = ?1 AND number = ?2" },
	{ "event", BY_ID("event"), NULL },
	{ "reported_figure", BY_ID("reported_figure"), NULL },
	{ "measure", "SELECT m.id FROM measure m JOIN plan p ON p.id = m.plan_id "
	  "WHERE m.id = ?1 AND p.council_id = ?2", NULL },
};
#undef BY_ID

static const finder *finder_of(const char *table)
{
	size_t i;

	for (i = 0; i < sizeof finders / sizeof finders[0]; i++)
		if (strcmp(finders[i].table, table) == 0)
			return &finders[i];
	return NULL;
}

static int step_id(council_id *out, loadctx *lc, const char *sql, int64_t a, int64_t b,
                   const char *text)
{
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if ((rc = cdb_prepare(&st, lc->db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, a);
	if (text)
		cdb_bind_text(st, 2, text);
	else
		sqlite3_bind_int64(st, 2, b);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
	sqlite3_reset(st);
	return COUNCIL_OK;
}

/* The stored record of table a document's record is: by its "id" when it
 * has one (refused, naming the record with what, unless a record of the
 * load's council), else by key: its natural key (when the table's finder
 * has the query), then, in a raw import, a key a reviewer corrected away
 * from (record_key).  *by_id says which; *out 0 when none. */
int load_find_record(council_id *out, int *by_id, loadctx *lc, const char *table,
                       council_id id, const char *key, const char *what)
{
	const finder *f = finder_of(table);
	int rc;

	*out = 0;
	*by_id = id > 0;
	if (id > 0) {
		if ((rc = step_id(out, lc, f->by_id, id, lc->council, NULL)) != COUNCIL_OK)
			return rc;
		if (!*out)
			return cdb_error(lc->db, COUNCIL_EINVAL, "%s.id: no %s %lld of council \"%s\"",
			                 what, table, (long long)id, lc->x->council.name);
		return COUNCIL_OK;
	}
	if (f->by_key && (rc = step_id(out, lc, f->by_key, lc->council, 0, key)) != COUNCIL_OK)
		return rc;
	if (*out || lc->review || !key)
		return COUNCIL_OK;
	if (lc->keys < 0)
		lc->keys = sqlite3_table_column_metadata(lc->db->sql, "main", "record_key", "key", NULL,
		                                         NULL, NULL, NULL, NULL) == SQLITE_OK;
	if (lc->keys) {
		static const char alias[] =
			"SELECT record_id FROM record_key WHERE table_name = ?1 AND council_id = ?2 "
			"AND key = ?3";
		sqlite3_stmt *st;
		if ((rc = cdb_prepare(&st, lc->db, alias)) != COUNCIL_OK)
			return rc;
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, lc->council);
		cdb_bind_text(st, 3, key);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*out = sqlite3_column_int64(st, 0);
		else if (rc != SQLITE_DONE)
			return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
		sqlite3_reset(st);
	}
	return COUNCIL_OK;
}

/* A review that corrected the natural key of a record it named by id: the
 * key the document gives it (old_key, the stored one) still names the
 * record, so that the document's next import finds the corrected record
 * rather than storing it again under its old key. */
int load_keep_old_key(loadctx *lc, const char *table, const char *old_key, const char *new_key,
                        council_id id)
{
	if (!lc->review || !old_key || !new_key || strcmp(old_key, new_key) == 0)
		return COUNCIL_OK;
	if (lc->keys < 0)
		lc->keys = sqlite3_table_column_metadata(lc->db->sql, "main", "record_key", "key", NULL,
		                                         NULL, NULL, NULL, NULL) == SQLITE_OK;
	if (!lc->keys)
		return COUNCIL_OK;
	return load_run(lc->db, "INSERT OR REPLACE INTO record_key(table_name, council_id, key, "
	                "record_id) VALUES (?, ?, ?, ?)", "titi", table, (int64_t)lc->council, old_key,
	                (int64_t)id);
}

/* ---- a map from event keys to ids, so matching stays linear -------------- */

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

void load_evmap_free(evmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->ids);
}

/* ---- councils ------------------------------------------------------------ */

int load_store_council(loadctx *lc)
{
	const council_extraction *x = lc->x;
	council_council rec_, *old = NULL;
	rec r;
	size_t i;
	int rc;

	/* say so: the council stored is only the first the text names */
	if (x->council.several) {
		lc->n->pub.warnings++;
		load_note(lc->n, "council: the text is about several councils, none its subject; "
		          "stored as \"%s\", the first it names, its members only where "
		          "the text names their council", x->council.name);
	}
	/* what the importer left out, said again where the import is read */
	for (i = 0; i < x->n_notes; i++) {
		lc->n->pub.warnings++;
		load_note(lc->n, "%s", x->notes[i]);
	}
	if (x->council.size >= 0 && x->council.seats_municipality >= 0 &&
	    x->council.seats_community >= 0 &&
	    x->council.size != x->council.seats_municipality + x->council.seats_community) {
		lc->n->pub.warnings++;
		load_note(lc->n, "council.size: %d differs from its seats, %d + %d = %d", x->council.size,
		          x->council.seats_municipality, x->council.seats_community,
		          x->council.seats_municipality + x->council.seats_community);
	}
	if ((rc = load_lookup_id(&lc->council, lc->db, "SELECT id FROM council WHERE name = ?", 0,
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
		return load_inserted(lc, "council", lc->council);
	}
	if ((rc = load_rec_open(&r, lc, "council", "council", lc->council)) != COUNCIL_OK ||
	    (rc = council_get(&old, lc->db, lc->council)) != COUNCIL_OK)
		return rc;
	/* Many documents describe a council, each a part: what one leaves
	 * out, another said. */
	r.shared = 1;
	rec_ = *old;
	load_take_text(&r, "municipality", &rec_.municipality, x->council.municipality);
	load_take_int(&r, "size", &rec_.size, x->council.size, -1, NO_ENUM);
	load_take_int(&r, "seats_municipality", &rec_.seats_municipality,
	              x->council.seats_municipality, -1, NO_ENUM);
	load_take_int(&r, "seats_community", &rec_.seats_community, x->council.seats_community, -1,
	              NO_ENUM);
	rc = r.changed ? council_update(lc->db, &rec_) : COUNCIL_OK;
	council_council_free(old);
	return rc != COUNCIL_OK ? rc : load_merged(&r);
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
	char *want = load_title_key(lc->x->plan.title);
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
		char *t = load_title_key(cdb_col_text(st, 1));
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
		return load_inserted(lc, "plan", *plan);
	}
	if ((rc = load_rec_open(&r, lc, "plan", "plan", *plan)) != COUNCIL_OK ||
	    (rc = council_plan_get(&old, lc->db, *plan)) != COUNCIL_OK)
		return rc;
	p = *old;
	load_take_text(&r, "title", &p.title, x->plan.title);
	load_take_int(&r, "year_from", &p.year_from, x->plan.year_from, -1, NO_ENUM);
	load_take_int(&r, "year_to", &p.year_to, x->plan.year_to, -1, NO_ENUM);
	if (p.year_from >= 0 && p.year_to >= 0 && p.year_to < p.year_from) {
		/* Half the person's years and half the document's: keep theirs. */
		p.year_from = old->year_from;
		p.year_to = old->year_to;
	}
	stored->year_from = p.year_from;
	stored->year_to = p.year_to;
	rc = r.changed ? council_plan_update(lc->db, &p) : COUNCIL_OK;
	council_plan_free(old);
	return rc != COUNCIL_OK ? rc : load_merged(&r);
}

static int same_units(const char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (!load_text_eq(a[i], b[i]))
			return 0;
	return 1;
}

static int store_measure(council_id *mid, loadctx *lc, council_id plan, size_t i)
{
	const x_measure *xm = &lc->x->measures[i];
	council_measure m, *old = NULL;
	char seq[32];
	rec r;
	int rc, by_id;

	snprintf(seq, sizeof seq, "measures[%zu]", i);
	if ((rc = load_find_record(mid, &by_id, lc, "measure", xm->id, NULL, seq)) != COUNCIL_OK)
		return rc;
	snprintf(seq, sizeof seq, "%d", xm->seq);
	if (!*mid &&
	    (rc = load_lookup_id(mid, lc->db, "SELECT id FROM measure WHERE plan_id = ? AND seq = CAST(? AS INTEGER)",
	                         plan, seq, NULL)) != COUNCIL_OK)
		return rc;
	if (!*mid) {
		char key[48];
		snprintf(key, sizeof key, "%lld %d", (long long)plan, xm->seq);
		if ((rc = load_kept_out(lc, "measure", key, "measures[%zu] %d", i, xm->seq)) != COUNCIL_OK)
			return rc;
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
		return load_inserted(lc, "measure", *mid);
	}
	if ((rc = load_rec_open(&r, lc, "measure", "measure", *mid)) != COUNCIL_OK ||
	    (rc = council_measure_get(&old, lc->db, *mid)) != COUNCIL_OK)
		return rc;
	m = *old;
	if (by_id)
		load_take_int(&r, "seq", &m.seq, xm->seq, -1, NO_ENUM);
	load_take_text(&r, "name", &m.name, xm->name);
	load_take_text(&r, "indicator", &m.indicator, xm->indicator);
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
	return load_merged(&r);
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
	if ((rc = load_lookup_id(&fid, lc->db, "SELECT id FROM measure_fulfilment WHERE measure_id = ? AND year = CAST(? AS INTEGER)",
	                         mid, year, NULL)) != COUNCIL_OK)
		return rc;
	if (!fid) {
		char key[48];
		snprintf(key, sizeof key, "%lld %d", (long long)mid, y);
		if ((rc = load_kept_out(lc, "measure_fulfilment", key, "measures[%zu].fulfilment %d", i,
		                        y)) != COUNCIL_OK)
			return rc;
		council_fulfilment_init(&f);
		f.measure_id = mid;
		f.year = y;
		f.text = xm->fulfilment;
		f.source_id = lc->src;
		if ((rc = council_fulfilment_add(&fid, lc->db, &f)) != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "measures[%zu].fulfilment", i);
		return load_inserted(lc, "measure_fulfilment", fid);
	}
	if ((rc = load_rec_open(&r, lc, "measure_fulfilment", "fulfilment", fid)) != COUNCIL_OK ||
	    (rc = council_fulfilment_get(&old, lc->db, fid)) != COUNCIL_OK)
		return rc;
	f = *old;
	load_take_text(&r, "text", &f.text, xm->fulfilment);
	if (!f.text) /* required: an emptied fulfilment stays as it was */
		f.text = old->text, r.changed = 0;
	rc = r.changed ? council_fulfilment_update(lc->db, &f) : COUNCIL_OK;
	council_fulfilment_free(old);
	return rc != COUNCIL_OK ? rc : load_merged(&r);
}

int load_store_plan(loadctx *lc, council_id **measure_ids)
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
		if ((rc = store_measure(&(*measure_ids)[i], lc, plan, i)) == LOAD_KEPT_OUT) {
			(*measure_ids)[i] = 0; /* its events link to nothing */
			continue;
		}
		if (rc != COUNCIL_OK)
			return rc;
		lc->res->measures++;
		if (x->measures[i].fulfilment && x->report_year > 0 &&
		    (rc = store_fulfilment(lc, (*measure_ids)[i], i, &years)) != COUNCIL_OK &&
		    rc != LOAD_KEPT_OUT)
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
	char *seen = load_str_printf("%s\x1f", date), *k;
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
			t = load_title_key(cdb_col_text(st, 1));
			k = t ? load_str_printf("%s %s", date, t) : NULL;
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

/* Groups rewritten in place, when as many as the document's: one write
 * per changed group rather than a delete and an insert (each of which
 * runs the totals' and the history's triggers; a new version of a JSON
 * of 20,000 events changing every count spent most of its time there). */
#define MAX_GROUPS_IN_PLACE 32

/* The stored groups ids[0..n) made the document's n groups, in order. */
static int update_groups(rec *r, const x_event *xe, const council_id *ids, size_t n)
{
	static const char upd[] =
		"UPDATE event_participants SET count = ?, qualifier = ?, group_name = ?, source_id = ? "
		"WHERE id = ? AND (count, qualifier, group_name, source_id) IS NOT (?1, ?2, ?3, ?4)";
	loadctx *lc = r->lc;
	size_t j;
	int rc;

	for (j = 0; j < n; j++) {
		const x_group *g = &xe->groups[j];
		/* In a review, the trigger event_participants_review marks the
		 * values it changes as the reviewer's. */
		if ((rc = load_run(lc->db, upd, "ittii", (int64_t)g->count,
		                   council_enum_name(COUNCIL_ENUM_QUALIFIER, (int)g->qualifier),
		                   g->group_name, (int64_t)lc->src, (int64_t)ids[j])) != COUNCIL_OK)
			return rc;
	}
	return COUNCIL_OK;
}

/* The document's participant groups of its event i added to event eid,
 * each the document's; in a review, each marked as the reviewer's. */
static int add_groups(loadctx *lc, council_id eid, const x_event *xe, size_t i)
{
	size_t j;
	int rc;

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
		    (rc = load_run(lc->db, "INSERT OR REPLACE INTO reviewed(table_name, record_id, field, "
		                   "value, origin) VALUES ('event_participants', ?, '*', NULL, ?)", "it",
		                   (int64_t)pid, lc->origin)) != COUNCIL_OK)
			return rc;
	}
	return COUNCIL_OK;
}

/* The participant groups of event eid made the document's, unless a
 * person's groups are there.  Another document's groups stay: two
 * documents counting one event differently are both kept, and the event's
 * totals are those of the one counting the most (schema version 7). */
static int store_groups(rec *r, const x_event *xe, size_t i)
{
	static const char sel[] =
		"SELECT p.count, p.qualifier, p.group_name, p.source_id IS NULL OR EXISTS "
		"(SELECT 1 FROM reviewed v WHERE v.table_name = 'event_participants' AND v.record_id = p.id "
		"AND (?2 = 0 OR v.origin = 'hand')), p.source_id IS NOT NULL AND p.source_id <> ?3, p.id "
		"FROM event_participants p WHERE p.event_id = ?1 ORDER BY p.id";
	loadctx *lc = r->lc;
	sqlite3_stmt *st;
	int64_t sum_db = 0, sum_doc = 0;
	council_id ids[MAX_GROUPS_IN_PLACE];
	size_t n = 0, j;
	int rc, same = 1, mine = r->whole;

	if ((rc = cdb_prepare(&st, lc->db, sel)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int(st, 2, lc->review);
	sqlite3_bind_int64(st, 3, lc->src);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		council_qualifier q = (council_qualifier)cdb_col_enum(st, 1, COUNCIL_ENUM_QUALIFIER);
		if (sqlite3_column_int(st, 4) && !sqlite3_column_int(st, 3))
			continue; /* another document's count */
		sum_db += sqlite3_column_int64(st, 0);
		if (sqlite3_column_int(st, 3))
			mine = 1;
		if (n >= xe->n_groups || xe->groups[n].count != sqlite3_column_int64(st, 0) ||
		    xe->groups[n].qualifier != q ||
		    !load_text_eq(xe->groups[n].group_name, cdb_col_text(st, 2)))
			same = 0;
		if (n < MAX_GROUPS_IN_PLACE)
			ids[n] = sqlite3_column_int64(st, 5);
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
			load_note(lc->n, "kept reviewed value (event %lld participants: %lld, the document "
			          "says %lld)", (long long)r->id, (long long)sum_db, (long long)sum_doc);
			return COUNCIL_OK;
		}
		lc->n->pub.overwritten_reviewed++;
	}
	r->changed = 1;
	if (n == xe->n_groups && n <= MAX_GROUPS_IN_PLACE)
		return update_groups(r, xe, ids, n);
	if ((rc = load_run(lc->db, "DELETE FROM event_participants WHERE event_id = ?1 AND "
	                   "coalesce(source_id, ?2) = ?2", "ii", (int64_t)r->id,
	                   (int64_t)lc->src)) != COUNCIL_OK)
		return rc;
	return add_groups(lc, r->id, xe, i);
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

/* The stored ids of the measures event i serves (the document's seq
 * numbers resolved through measure_ids; at most max), without repeats. */
static size_t event_measure_ids(council_id *out, size_t max, const council_extraction *x,
                                size_t i, const council_id *measure_ids)
{
	const x_event *xe = &x->events[i];
	size_t n = 0, j, m, d;

	for (j = 0; j < xe->n_measures && n < max; j++)
		for (m = 0; m < x->n_measures; m++)
			if (x->measures[m].seq == xe->measures[j] && measure_ids && measure_ids[m]) {
				for (d = 0; d < n && out[d] != measure_ids[m]; d++)
					;
				if (d == n)
					out[n++] = measure_ids[m];
				break;
			}
	return n;
}

/* Inserts the document's event i, linked to measures ids[0..n), with its
 * participant groups (a review's are a person's); key (taken over) goes
 * into the event map. */
static int event_insert(loadctx *lc, size_t i, const council_id *ids, size_t n, char *key)
{
	const x_event *xe = &lc->x->events[i];
	council_event e;
	council_id eid;
	int rc;

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
	e.measure_ids = n ? ids : NULL;
	e.n_measures = n;
	e.source_id = lc->src;
	if ((rc = council_event_add(&eid, lc->db, &e)) != COUNCIL_OK) {
		free(key);
		return cdb_error_wrap(lc->db, rc, "events[%zu] \"%s\"", i, xe->title);
	}
	if (evmap_put(&lc->events, key, eid) != COUNCIL_OK)
		return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	if ((rc = add_groups(lc, eid, xe, i)) != COUNCIL_OK)
		return rc;
	return load_inserted(lc, "event", eid);
}

/* Merges the document's event i (its key: key) into the stored event of
 * r, linked to measures doc_ids[0..n); by_id: found by the id a review
 * gives, whose date the reviewer may have corrected. */
static int event_merge(rec *r, size_t i, const council_id *doc_ids, size_t n, const char *key,
                       int by_id)
{
	loadctx *lc = r->lc;
	const x_event *xe = &lc->x->events[i];
	council_date end = xe->date.end.year ? xe->date.end : xe->date.start;
	council_event e, *old = NULL;
	council_id *ids;
	int rc;

	if ((rc = council_event_get(&old, lc->db, r->id)) != COUNCIL_OK)
		return rc;
	e = *old;
	if (by_id) {
		char was[COUNCIL_DATE_BUFSIZE], *t = load_title_key(old->title), *old_key;
		council_date_format(was, &old->date.start);
		old_key = t ? load_str_printf("%s %s", was, t) : NULL;
		free(t);
		load_take_date(r, "date_start", &e.date.start, &xe->date.start);
		rc = old_key ? load_keep_old_key(lc, "event", old_key, key, r->id)
		             : cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
		free(old_key);
		if (rc != COUNCIL_OK) {
			council_event_free(old);
			return rc;
		}
	}
	load_take_text(r, "title", &e.title, xe->title);
	load_take_int(r, "kind", (int *)&e.kind, (int)xe->kind, COUNCIL_EVENT_OTHER,
	              COUNCIL_ENUM_EVENT_KIND);
	load_take_text(r, "organiser", &e.organiser, xe->organiser);
	load_take_date(r, "date_end", &e.date.end, &end);
	load_take_text(r, "location", &e.location, xe->location);
	load_take_int(r, "remote", &e.remote, xe->remote, -1, NO_ENUM);
	load_take_text(r, "description", &e.description, xe->description);
	if (!(ids = malloc((e.n_measures + n + 1) * sizeof *ids))) {
		council_event_free(old);
		return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	}
	merge_links(r, &e, ids, doc_ids, n);
	rc = r->changed ? council_event_update(lc->db, &e) : COUNCIL_OK;
	free(ids);
	council_event_free(old);
	if (rc == COUNCIL_OK)
		rc = store_groups(r, xe, i);
	if (rc != COUNCIL_OK)
		return rc == COUNCIL_ENOMEM ? rc : cdb_error_wrap(lc->db, rc, "events[%zu] \"%s\"", i,
		                                                  xe->title);
	return load_merged(r);
}

/* Stores event i: found by its id (a review's), its key (date and folded
 * title), or a key a review corrected away from; else, in a review, pass
 * 0 leaves it (*skipped) for pass 1, where an event whose title the
 * reviewer corrected is found as the one event of its date left
 * unmatched; else inserted, unless a person removed it. */
int load_store_event(loadctx *lc, size_t i, const council_id *measure_ids, const char *ekey,
                     int pass, int *skipped)
{
	const x_event *xe = &lc->x->events[i];
	council_id eid = 0, doc_ids[64];
	char date[COUNCIL_DATE_BUFSIZE], *key, what[32];
	size_t n = event_measure_ids(doc_ids, 64, lc->x, i, measure_ids);
	rec r;
	int rc, by_id = 0;

	council_date_format(date, &xe->date.start);
	if (!(key = cdb_strdup(ekey)))
		return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	snprintf(what, sizeof what, "events[%zu]", i);
	if ((rc = xe->id > 0 ? load_find_record(&eid, &by_id, lc, "event", xe->id, NULL, what)
	                     : find_event(&eid, lc, date, key)) == COUNCIL_OK && !eid)
		rc = load_find_record(&eid, &by_id, lc, "event", 0, key, what);
	if (rc == COUNCIL_OK && !eid && lc->review && lc->replacing) {
		if (pass == 0) {
			*skipped = 1;
			free(key);
			return COUNCIL_OK;
		}
		rc = renamed_event(&eid, lc, date);
	}
	if (rc == COUNCIL_OK && !eid)
		rc = load_kept_out(lc, "event", key, "events[%zu] \"%s\" %s", i, xe->title, date);
	if (rc != COUNCIL_OK) {
		free(key);
		return rc;
	}
	if (!eid)
		return event_insert(lc, i, doc_ids, n, key);
	if ((rc = load_rec_open(&r, lc, "event", "event", eid)) == COUNCIL_OK)
		rc = event_merge(&r, i, doc_ids, n, key, by_id);
	free(key);
	return rc;
}

/* ---- figures ------------------------------------------------------------- */

/* A figure is what one document states: documents that agree share the
 * row, documents that disagree keep a row each (figure_conflicts shows
 * them).  This document's earlier value, its alone, changes in place.
 * load_store_figure's steps follow. */

/* The figure's column values as bound: its metric and qualifier by name. */
#define FIGURE_METRIC(xf) council_enum_name(COUNCIL_ENUM_METRIC, (int)(xf)->metric)
#define FIGURE_QUAL(xf) council_enum_name(COUNCIL_ENUM_QUALIFIER, (int)(xf)->qualifier)

/* Runs sql (?1 council, ?2 year, ?3 metric, then ?4 an int, ?5 a text
 * when given) for the document's figure xf; its first column's id, or 0. */
static int figure_query(council_id *out, loadctx *lc, const char *sql, const x_figure *xf,
                        int64_t arg4, const char *arg5)
{
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if ((rc = cdb_prepare(&st, lc->db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, lc->council);
	sqlite3_bind_int(st, 2, xf->year);
	sqlite3_bind_text(st, 3, FIGURE_METRIC(xf), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, arg4);
	if (arg5)
		sqlite3_bind_text(st, 5, arg5, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
	sqlite3_reset(st);
	return COUNCIL_OK;
}

/* Step 1: the stored figure this document's figure i is its own: named
 * by its id (a review), or this document's earlier figure for the same
 * year and metric.  A new document has none. */
static int figure_own(council_id *id, int *by_id, loadctx *lc, size_t i)
{
	static const char mine[] =
		"SELECT f.id FROM reported_figure f WHERE f.council_id = ?1 AND f.year = ?2 "
		"AND f.metric = ?3 AND (f.source_id = ?4 OR EXISTS (SELECT 1 FROM record_source r "
		"WHERE r.table_name = 'reported_figure' AND r.record_id = f.id AND r.source_id = ?4)) "
		"ORDER BY f.id";
	const x_figure *xf = &lc->x->figures[i];
	char path[32];
	int rc;

	snprintf(path, sizeof path, "figures[%zu]", i);
	if ((rc = load_find_record(id, by_id, lc, "reported_figure", xf->id, NULL, path)) != COUNCIL_OK)
		return rc;
	if (*id || !lc->replacing)
		return COUNCIL_OK;
	return figure_query(id, lc, mine, xf, lc->src, NULL);
}

/* Step 2: the document's figure i merged into its own stored figure id:
 * unchanged, or changed in place when the document (or the review naming
 * it) alone states it; *id 0 when another document states the old value,
 * which keeps it, and this one moves to a row of its own value. */
static int figure_merge_own(council_id *id, loadctx *lc, size_t i, int by_id)
{
	const x_figure *xf = &lc->x->figures[i];
	council_figure *old = NULL, f;
	rec r;
	int rc;

	if ((rc = load_rec_open(&r, lc, "reported_figure", "figure", *id)) != COUNCIL_OK ||
	    (rc = council_figure_get(&old, lc->db, *id)) != COUNCIL_OK)
		return rc;
	f = *old;
	if (f.value == xf->value && f.qualifier == xf->qualifier &&
	    (!by_id || (f.year == xf->year && f.metric == xf->metric))) {
		council_figure_free(old);
		return load_merged(&r);
	}
	if (by_id || !r.shared || r.whole) {
		char a[32], b[32];
		if (by_id) {
			load_take_int(&r, "year", &f.year, xf->year, -1, NO_ENUM);
			load_take_int(&r, "metric", (int *)&f.metric, (int)xf->metric, -1,
			              COUNCIL_ENUM_METRIC);
		}
		snprintf(a, sizeof a, "%lld", (long long)f.value);
		snprintf(b, sizeof b, "%lld", (long long)xf->value);
		if (f.value != xf->value && load_take(&r, "value", 1, 1, a, b))
			f.value = xf->value, r.changed = 1;
		load_take_int(&r, "qualifier", (int *)&f.qualifier, (int)xf->qualifier, -2,
		              COUNCIL_ENUM_QUALIFIER);
		rc = r.changed ? council_figure_update(lc->db, &f) : COUNCIL_OK;
		council_figure_free(old);
		if (rc != COUNCIL_OK)
			return cdb_error_wrap(lc->db, rc, "figures[%zu]", i);
		return load_merged(&r);
	}
	council_figure_free(old);
	*id = 0;
	return r.primary == lc->src
	       ? cdb_record_promote(lc->db, r.t, r.id)
	       : load_run(lc->db, "DELETE FROM record_source WHERE table_name = 'reported_figure' "
	                  "AND record_id = ? AND source_id = ?", "ii", (int64_t)r.id, (int64_t)lc->src);
}

/* Step 3: the document's figure i as a row of its value: the row another
 * document states with the same value, else a new one (unless a person
 * removed it: LOAD_KEPT_OUT). */
static int figure_store_value(loadctx *lc, size_t i)
{
	static const char same[] =
		"SELECT id FROM reported_figure WHERE council_id = ?1 AND year = ?2 AND metric = ?3 "
		"AND value = ?4 AND qualifier = ?5 ORDER BY id";
	const x_figure *xf = &lc->x->figures[i];
	council_figure f;
	council_id id;
	char key[96];
	rec r;
	int rc;

	if ((rc = figure_query(&id, lc, same, xf, xf->value, FIGURE_QUAL(xf))) != COUNCIL_OK)
		return rc;
	if (id)
		return (rc = load_rec_open(&r, lc, "reported_figure", "figure", id)) != COUNCIL_OK
		       ? rc : load_merged(&r);
	snprintf(key, sizeof key, "%d %s %lld", xf->year, FIGURE_METRIC(xf), (long long)xf->value);
	if ((rc = load_kept_out(lc, "reported_figure", key, "figures[%zu] %s %d = %lld", i,
	                        FIGURE_METRIC(xf), xf->year, (long long)xf->value)) != COUNCIL_OK)
		return rc;
	council_figure_init(&f);
	f.council_id = lc->council;
	f.year = xf->year;
	f.metric = xf->metric;
	f.value = xf->value;
	f.qualifier = xf->qualifier;
	f.source_id = lc->src;
	if ((rc = council_figure_add(&id, lc->db, &f)) != COUNCIL_OK)
		return cdb_error_wrap(lc->db, rc, "figures[%zu]", i);
	return load_inserted(lc, "reported_figure", id);
}

/* Step 4: another value for the same council, year and metric: both
 * stay, and the person hears of it. */
static int figure_warn_conflict(loadctx *lc, size_t i)
{
	static const char other[] =
		"SELECT f.value, s.path FROM reported_figure f LEFT JOIN source_document s "
		"ON s.id = f.source_id WHERE f.council_id = ?1 AND f.year = ?2 AND f.metric = ?3 "
		"AND f.value <> ?4 ORDER BY f.id";
	const x_figure *xf = &lc->x->figures[i];
	sqlite3_stmt *st;
	int rc;

	if ((rc = cdb_prepare(&st, lc->db, other)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, lc->council);
	sqlite3_bind_int(st, 2, xf->year);
	sqlite3_bind_text(st, 3, FIGURE_METRIC(xf), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, xf->value);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = cdb_col_text(st, 1);
		lc->n->pub.warnings++;
		load_note(lc->n, "figures[%zu]: %s %d is %lld here and %lld in %s: both kept (view "
		          "figure_conflicts)", i, FIGURE_METRIC(xf), xf->year, (long long)xf->value,
		          (long long)sqlite3_column_int64(st, 0), p ? p : "a record entered by hand");
	} else if (rc != SQLITE_DONE) {
		return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
	}
	sqlite3_reset(st);
	return COUNCIL_OK;
}

int load_store_figure(loadctx *lc, size_t i)
{
	council_id id;
	int rc, by_id;

	if ((rc = figure_own(&id, &by_id, lc, i)) != COUNCIL_OK)
		return rc;
	if (id && ((rc = figure_merge_own(&id, lc, i, by_id)) != COUNCIL_OK || id))
		return rc;
	if ((rc = figure_store_value(lc, i)) != COUNCIL_OK)
		return rc;
	return figure_warn_conflict(lc, i);
}

/* ---- ids for a review ---------------------------------------------------- */

/* The id each record of x would be matched to, found as a load finds it;
 * reads only. */
int council_extraction_match_ids(council_extraction *x, council_db *db)
{
	static const char figure[] =
		"SELECT min(id) FROM reported_figure WHERE council_id = ?1 AND year = ?2 AND metric = ?3 "
		"AND value = ?4";
	loadctx lc;
	council_id plan = 0;
	char date[COUNCIL_DATE_BUFSIZE], *key;
	size_t i;
	int rc, by_id;

	if ((rc = cdb_enter(db)) != COUNCIL_OK)
		return rc;
	if (!x || !x->council.name)
		return cdb_error(db, COUNCIL_EMISUSE, "matching ids: no extraction");
	memset(&lc, 0, sizeof lc);
	lc.db = db;
	lc.x = x;
	lc.removals = lc.keys = -1;
	if ((rc = load_lookup_id(&lc.council, db, "SELECT id FROM council WHERE name = ?", 0,
	                         x->council.name, NULL)) != COUNCIL_OK || !lc.council)
		return rc;
	for (i = 0; rc == COUNCIL_OK && i < x->n_members; i++)
		/* another council's member (member.council): on loading */
		if (!x->members[i].id && !x->members[i].council.present &&
		    (rc = load_find_member(&x->members[i].id, &lc, &x->members[i])) ==
		                             COUNCIL_OK && !x->members[i].id)
			rc = load_find_record(&x->members[i].id, &by_id, &lc, "member", 0, x->members[i].name, NULL);
	for (i = 0; rc == COUNCIL_OK && i < x->n_meetings; i++)
		if (!x->meetings[i].id) {
			council_date_format(date, &x->meetings[i].date.start);
			rc = load_find_record(&x->meetings[i].id, &by_id, &lc, "meeting", 0, date, NULL);
		}
	for (i = 0; rc == COUNCIL_OK && i < x->n_acts; i++)
		if (!x->acts[i].id)
			rc = load_find_record(&x->acts[i].id, &by_id, &lc, "legal_act", 0, x->acts[i].number, NULL);
	for (i = 0; rc == COUNCIL_OK && i < x->n_events; i++) {
		char *t;
		/* another council's event (event.council) is matched on loading,
		 * by its natural key under that council */
		if (x->events[i].id || x->events[i].council.present)
			continue;
		council_date_format(date, &x->events[i].date.start);
		t = load_title_key(x->events[i].title);
		if (!t || !(key = load_str_printf("%s %s", date, t))) {
			free(t);
			rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
			break;
		}
		free(t);
		if ((rc = find_event(&x->events[i].id, &lc, date, key)) == COUNCIL_OK && !x->events[i].id)
			rc = load_find_record(&x->events[i].id, &by_id, &lc, "event", 0, key, NULL);
		free(key);
	}
	for (i = 0; rc == COUNCIL_OK && i < x->n_figures; i++) {
		sqlite3_stmt *st;
		const x_figure *f = &x->figures[i];
		if (f->id || (rc = cdb_prepare(&st, db, figure)) != COUNCIL_OK)
			continue;
		sqlite3_bind_int64(st, 1, lc.council);
		sqlite3_bind_int(st, 2, f->year);
		sqlite3_bind_text(st, 3, council_enum_name(COUNCIL_ENUM_METRIC, (int)f->metric), -1,
		                  SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, f->value);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			x->figures[i].id = sqlite3_column_int64(st, 0);
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? COUNCIL_OK
		     : cdb_sqlite_error(db, rc, "matching ids");
		sqlite3_reset(st);
	}
	if (rc == COUNCIL_OK && x->plan.present && (rc = find_plan(&plan, &lc)) == COUNCIL_OK && plan)
		for (i = 0; rc == COUNCIL_OK && i < x->n_measures; i++) {
			char seq[24];
			if (x->measures[i].id)
				continue;
			snprintf(seq, sizeof seq, "%d", x->measures[i].seq);
			rc = load_lookup_id(&x->measures[i].id, db, "SELECT id FROM measure WHERE plan_id = ? "
			                    "AND seq = CAST(? AS INTEGER)", plan, seq, NULL);
		}
	load_evmap_free(&lc.events);
	return rc;
}
