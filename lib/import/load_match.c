/* SPDX-License-Identifier: MIT */
/*
 * load_match.c -- matching the records a document states to stored ones by
 * their natural keys (the event map keeps that linear) and storing them:
 * councils, plans and measures, events, members, meetings, figures, acts.
 * Not here: the reading order and the transaction (load.c), reviewed
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
	int rc;

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
	char seq[24];
	rec r;
	int rc;

	snprintf(seq, sizeof seq, "%d", xm->seq);
	if ((rc = load_lookup_id(mid, lc->db, "SELECT id FROM measure WHERE plan_id = ? AND seq = CAST(? AS INTEGER)",
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
		return load_inserted(lc, "measure", *mid);
	}
	if ((rc = load_rec_open(&r, lc, "measure", "measure", *mid)) != COUNCIL_OK ||
	    (rc = council_measure_get(&old, lc->db, *mid)) != COUNCIL_OK)
		return rc;
	m = *old;
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

/* The participant groups of event eid made the document's, unless a
 * person's groups are there.  Another document's groups stay: two
 * documents counting one event differently are both kept, and the event's
 * totals are those of the one counting the most (schema version 7). */
static int store_groups(rec *r, const x_event *xe, size_t i)
{
	static const char sel[] =
		"SELECT p.count, p.qualifier, p.group_name, p.source_id IS NULL OR EXISTS "
		"(SELECT 1 FROM reviewed v WHERE v.table_name = 'event_participants' AND v.record_id = p.id "
		"AND (?2 = 0 OR v.origin = 'hand')), p.source_id IS NOT NULL AND p.source_id <> ?3 "
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
	if ((rc = load_run(lc->db, "DELETE FROM event_participants WHERE event_id = ?1 AND "
	                   "coalesce(source_id, ?2) = ?2", "ii", (int64_t)r->id,
	                   (int64_t)lc->src)) != COUNCIL_OK)
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
		    (rc = load_run(lc->db, "INSERT OR REPLACE INTO reviewed(table_name, record_id, field, "
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
int load_store_event(loadctx *lc, size_t i, const council_id *measure_ids, const char *ekey,
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
			    (rc = load_run(lc->db, "INSERT OR REPLACE INTO reviewed(table_name, record_id, field, "
					   "value, origin) VALUES ('event_participants', ?, '*', NULL, ?)", "it",
					   (int64_t)pid, lc->origin)) != COUNCIL_OK)
				return rc;
		}
		return load_inserted(lc, "event", eid);
	}
	free(key);
	if ((rc = load_rec_open(&r, lc, "event", "event", eid)) != COUNCIL_OK ||
	    (rc = council_event_get(&old, lc->db, eid)) != COUNCIL_OK)
		return rc;
	e = *old;
	{
		council_date end = xe->date.end.year ? xe->date.end : xe->date.start;
		load_take_text(&r, "title", &e.title, xe->title);
		load_take_int(&r, "kind", (int *)&e.kind, (int)xe->kind, COUNCIL_EVENT_OTHER,
		              COUNCIL_ENUM_EVENT_KIND);
		load_take_text(&r, "organiser", &e.organiser, xe->organiser);
		load_take_date(&r, "date_end", &e.date.end, &end);
		load_take_text(&r, "location", &e.location, xe->location);
		load_take_int(&r, "remote", &e.remote, xe->remote, -1, NO_ENUM);
		load_take_text(&r, "description", &e.description, xe->description);
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
	return load_merged(&r);
}

/* ---- members, meetings, figures, acts ------------------------------------ */

int load_store_member(loadctx *lc, size_t i)
{
	const x_member *xm = &lc->x->members[i];
	council_member m, *old = NULL;
	council_id id;
	rec r;
	int rc;

	if ((rc = load_lookup_id(&id, lc->db, "SELECT min(id) FROM member WHERE council_id = ? AND name = ?",
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
		return load_inserted(lc, "member", id);
	}
	if ((rc = load_rec_open(&r, lc, "member", "member", id)) != COUNCIL_OK ||
	    (rc = council_member_get(&old, lc->db, id)) != COUNCIL_OK)
		return rc;
	m = *old;
	load_take_int(&r, "role", (int *)&m.role, (int)xm->role, -2, COUNCIL_ENUM_ROLE);
	load_take_text(&r, "represents", &m.represents, xm->represents);
	load_take_int(&r, "side", (int *)&m.side, (int)xm->side, COUNCIL_SIDE_UNKNOWN, COUNCIL_ENUM_SIDE);
	rc = r.changed ? council_member_update(lc->db, &m) : COUNCIL_OK;
	council_member_free(old);
	if (rc != COUNCIL_OK)
		return cdb_error_wrap(lc->db, rc, "members[%zu] \"%s\"", i, xm->name);
	return load_merged(&r);
}

int load_store_meeting(loadctx *lc, size_t i)
{
	const x_meeting *xm = &lc->x->meetings[i];
	council_meeting m, *old = NULL;
	council_date end = xm->date.end.year ? xm->date.end : xm->date.start;
	char date[COUNCIL_DATE_BUFSIZE];
	council_id id;
	rec r;
	int rc;

	council_date_format(date, &xm->date.start);
	if ((rc = load_lookup_id(&id, lc->db, "SELECT min(id) FROM meeting WHERE council_id = ? AND date_start = ?",
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
		return load_inserted(lc, "meeting", id);
	}
	if ((rc = load_rec_open(&r, lc, "meeting", "meeting", id)) != COUNCIL_OK ||
	    (rc = council_meeting_get(&old, lc->db, id)) != COUNCIL_OK)
		return rc;
	m = *old;
	load_take_date(&r, "date_end", &m.date.end, &end);
	load_take_int(&r, "format", (int *)&m.format, (int)xm->format, COUNCIL_FORMAT_UNKNOWN,
	              COUNCIL_ENUM_FORMAT);
	load_take_text(&r, "platform", &m.platform, xm->platform);
	load_take_text(&r, "summary", &m.summary, xm->summary);
	rc = r.changed ? council_meeting_update(lc->db, &m) : COUNCIL_OK;
	council_meeting_free(old);
	if (rc != COUNCIL_OK)
		return cdb_error_wrap(lc->db, rc, "meetings[%zu] %s", i, date);
	return load_merged(&r);
}

/* A figure is what one document states: documents that agree share the
 * row, documents that disagree keep a row each (figure_conflicts shows
 * them).  This document's earlier value, its alone, changes in place. */
int load_store_figure(loadctx *lc, size_t i)
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
		if ((rc = load_rec_open(&r, lc, "reported_figure", "figure", id)) != COUNCIL_OK ||
		    (rc = council_figure_get(&old, lc->db, id)) != COUNCIL_OK)
			return rc;
		f = *old;
		if (f.value == xf->value && f.qualifier == xf->qualifier) {
			council_figure_free(old);
			return load_merged(&r);
		}
		if (!r.shared || r.whole) {
			char a[32], b[32];
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
		/* Another document states the old value: it keeps it; this one
		 * moves to a row of its own value. */
		council_figure_free(old);
		rc = r.primary == lc->src
		     ? cdb_record_promote(lc->db, r.t, id)
		     : load_run(lc->db, "DELETE FROM record_source WHERE table_name = 'reported_figure' "
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
		if ((rc = load_rec_open(&r, lc, "reported_figure", "figure", id)) != COUNCIL_OK)
			return rc;
		rc = load_merged(&r);
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
		rc = load_inserted(lc, "reported_figure", id);
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
		load_note(lc->n, "figures[%zu]: %s %d is %lld here and %lld in %s: both kept (view "
		          "figure_conflicts)", i, metric, xf->year, (long long)xf->value,
		          (long long)sqlite3_column_int64(st, 0), p ? p : "a record entered by hand");
	} else if (rc != SQLITE_DONE) {
		return cdb_sqlite_error(lc->db, sqlite3_reset(st), "import");
	}
	sqlite3_reset(st);
	return COUNCIL_OK;
}

int load_store_act(loadctx *lc, size_t i)
{
	const x_act *xa = &lc->x->acts[i];
	council_act a, *old = NULL;
	council_id id;
	rec r;
	int rc;

	if ((rc = load_lookup_id(&id, lc->db, "SELECT min(id) FROM legal_act WHERE council_id = ? AND number = ?",
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
		return load_inserted(lc, "legal_act", id);
	}
	if ((rc = load_rec_open(&r, lc, "legal_act", "act", id)) != COUNCIL_OK ||
	    (rc = council_act_get(&old, lc->db, id)) != COUNCIL_OK)
		return rc;
	a = *old;
	load_take_date(&r, "date", &a.date, &xa->date);
	load_take_text(&r, "title", &a.title, xa->title);
	load_take_int(&r, "effect", (int *)&a.effect, (int)xa->effect, COUNCIL_ACT_OTHER,
	              COUNCIL_ENUM_ACT_EFFECT);
	rc = r.changed ? council_act_update(lc->db, &a) : COUNCIL_OK;
	council_act_free(old);
	if (rc != COUNCIL_OK)
		return cdb_error_wrap(lc->db, rc, "acts[%zu] %s", i, xa->number);
	return load_merged(&r);
}
