/*
 * load.c -- the last import stage: storing an extraction through the
 * library's own CRUD calls, in one transaction, with every row pointing at
 * its source document (files.c reads and extracts the files).  What was
 * already known (the council, a meeting on the same day, an
 * act with the same number) is reused rather than stored twice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#include "internal.h"
#include "report.h"

/* One lookup returning an id (0 when no row). */
static int lookup_id(council_id *out, council_db *db, const char *sql, council_id a,
                     const char *text, const char *text2)
{
	sqlite3_stmt *st;
	int rc;

	*out = 0;
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	if (a)
		sqlite3_bind_int64(st, 1, a);
	/* cdb_bind_text: in NFC, as every text was stored (stmt.c). */
	if (text)
		cdb_bind_text(st, a ? 2 : 1, text);
	if (text2)
		cdb_bind_text(st, a ? 3 : 2, text2);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		return cdb_sqlite_error(db, sqlite3_reset(st), "import");
	sqlite3_reset(st);
	return COUNCIL_OK;
}

static int64_t count_rows(council_db *db, const char *sql, council_id source)
{
	sqlite3_stmt *st;
	int64_t n = 0;

	if (cdb_prepare(&st, db, sql) != COUNCIL_OK)
		return 0;
	sqlite3_bind_int64(st, 1, source);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

/* Counts of what a source holds, for the summary of an unchanged import. */
static void source_counts(council_import_result *res, council_db *db, council_id source)
{
	res->meetings = count_rows(db, "SELECT count(*) FROM meeting WHERE source_id = ?", source);
	res->figures = count_rows(db, "SELECT count(*) FROM reported_figure WHERE source_id = ?", source);
	res->events = count_rows(db, "SELECT count(*) FROM event WHERE source_id = ?", source);
	res->members = count_rows(db, "SELECT count(*) FROM member WHERE source_id = ?", source);
	res->measures = count_rows(db, "SELECT count(*) FROM measure WHERE source_id = ?", source);
	res->acts = count_rows(db, "SELECT count(*) FROM legal_act WHERE source_id = ?", source);
}

static int store_council(council_id *out, council_db *db, const council_extraction *x,
                         council_id source)
{
	council_council rec, *old = NULL;
	int rc;

	if ((rc = lookup_id(out, db, "SELECT id FROM council WHERE name = ?", 0, x->council.name,
	                    NULL)) != COUNCIL_OK)
		return rc;
	if (!*out) {
		council_council_init(&rec);
		rec.name = x->council.name;
		rec.municipality = x->council.municipality;
		rec.kind = x->council.kind;
		rec.size = x->council.size;
		rec.seats_municipality = x->council.seats_municipality;
		rec.seats_community = x->council.seats_community;
		rec.source_id = source;
		return council_add(out, db, &rec);
	}
	/* A known council: fill in what earlier reports did not say. */
	if ((rc = council_get(&old, db, *out)) != COUNCIL_OK)
		return rc;
	rec = *old;
	if (!rec.municipality)
		rec.municipality = x->council.municipality;
	if (rec.size < 0)
		rec.size = x->council.size;
	if (rec.seats_municipality < 0)
		rec.seats_municipality = x->council.seats_municipality;
	if (rec.seats_community < 0)
		rec.seats_community = x->council.seats_community;
	rc = council_update(db, &rec);
	council_council_free(old);
	return rc;
}

static int store_plan(council_id *plan, council_db *db, const council_extraction *x,
                      council_id council, council_id source, council_import_result *res,
                      council_id **measure_ids)
{
	council_plan p;
	size_t i;
	int rc;

	*plan = 0;
	if (!x->plan.present)
		return COUNCIL_OK;
	if ((rc = lookup_id(plan, db, "SELECT id FROM plan WHERE council_id = ? AND title = ?",
	                    council, x->plan.title, NULL)) != COUNCIL_OK)
		return rc;
	if (!*plan) {
		council_plan_init(&p);
		p.council_id = council;
		p.title = x->plan.title;
		p.year_from = x->plan.year_from;
		p.year_to = x->plan.year_to;
		p.source_id = source;
		if ((rc = council_plan_add(plan, db, &p)) != COUNCIL_OK)
			return rc;
	}
	if (x->n_measures && !(*measure_ids = calloc(x->n_measures, sizeof **measure_ids)))
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	for (i = 0; i < x->n_measures; i++) {
		const x_measure *xm = &x->measures[i];
		council_id mid = 0;
		char seq[24];
		snprintf(seq, sizeof seq, "%d", xm->seq);
		if ((rc = lookup_id(&mid, db, "SELECT id FROM measure WHERE plan_id = ? AND seq = CAST(? AS INTEGER)",
		                    *plan, seq, NULL)) != COUNCIL_OK)
			return rc;
		if (!mid) {
			council_measure m;
			council_measure_init(&m);
			m.plan_id = *plan;
			m.seq = xm->seq;
			m.name = xm->name;
			m.indicator = xm->indicator;
			m.responsible = (const char **)xm->responsible;
			m.n_responsible = xm->n_responsible;
			m.source_id = source;
			if ((rc = council_measure_add(&mid, db, &m)) != COUNCIL_OK)
				return rc;
			res->measures++;
		}
		(*measure_ids)[i] = mid;
		if (xm->fulfilment && x->report_year > 0) {
			council_id fid = 0;
			council_fulfilment f;
			char year[24];
			snprintf(year, sizeof year, "%d", x->report_year);
			if ((rc = lookup_id(&fid, db, "SELECT id FROM measure_fulfilment WHERE measure_id = ? AND year = CAST(? AS INTEGER)",
			                    mid, year, NULL)) != COUNCIL_OK)
				return rc;
			council_fulfilment_init(&f);
			f.id = fid;
			f.measure_id = mid;
			f.year = x->report_year;
			f.text = xm->fulfilment;
			f.source_id = source;
			rc = fid ? council_fulfilment_update(db, &f) : council_fulfilment_add(NULL, db, &f);
			if (rc != COUNCIL_OK)
				return rc;
		}
	}
	return COUNCIL_OK;
}

static int store_events(council_db *db, const council_extraction *x, council_id council,
                        council_id source, const council_id *measure_ids,
                        council_import_result *res)
{
	size_t i, j, k;
	int rc;

	for (i = 0; i < x->n_events; i++) {
		const x_event *xe = &x->events[i];
		council_event e;
		council_id eid = 0, ids[64];
		char date[COUNCIL_DATE_BUFSIZE];
		size_t n = 0;

		council_date_format(date, &xe->date.start);
		/* +council_id: look the day up in event_by_date.  Without the
		 * '+' SQLite 3.40 prefers the narrower index on (council_id, year,
		 * participants) and reads every event of the council (schema
		 * version 4; bench/README.md). */
		if ((rc = lookup_id(&eid, db, "SELECT id FROM event WHERE +council_id = ? AND date_start = ? AND title = ?",
		                    council, date, xe->title)) != COUNCIL_OK)
			return rc;
		if (eid)
			continue; /* another report told of the same event */
		for (j = 0; j < xe->n_measures && n < 64; j++)
			for (k = 0; k < x->n_measures; k++)
				if (x->measures[k].seq == xe->measures[j] && measure_ids)
					ids[n++] = measure_ids[k];
		council_event_init(&e);
		e.council_id = council;
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
		e.source_id = source;
		if ((rc = council_event_add(&eid, db, &e)) != COUNCIL_OK)
			return cdb_error_wrap(db, rc, "events[%zu] \"%s\"", i, xe->title);
		for (j = 0; j < xe->n_groups; j++) {
			council_participants p;
			council_participants_init(&p);
			p.event_id = eid;
			p.count = xe->groups[j].count;
			p.qualifier = xe->groups[j].qualifier;
			p.group_name = xe->groups[j].group_name;
			p.source_id = source;
			if ((rc = council_participants_add(NULL, db, &p)) != COUNCIL_OK)
				return cdb_error_wrap(db, rc, "events[%zu].participants[%zu]", i, j);
		}
		res->events++;
	}
	return COUNCIL_OK;
}

static int store_rest(council_db *db, const council_extraction *x, council_id council,
                      council_id source, council_import_result *res)
{
	size_t i;
	int rc;

	for (i = 0; i < x->n_members; i++) {
		const x_member *xm = &x->members[i];
		council_member m;
		council_id id;
		const char *role = council_enum_name(COUNCIL_ENUM_ROLE, (int)xm->role);
		if ((rc = lookup_id(&id, db, "SELECT id FROM member WHERE council_id = ? AND name = ? AND role = ?",
		                    council, xm->name, role ? role : "member")) != COUNCIL_OK)
			return rc;
		if (id)
			continue;
		council_member_init(&m);
		m.council_id = council;
		m.name = xm->name;
		m.role = xm->role;
		m.represents = xm->represents;
		m.side = xm->side;
		m.source_id = source;
		if ((rc = council_member_add(NULL, db, &m)) != COUNCIL_OK)
			return cdb_error_wrap(db, rc, "members[%zu] \"%s\"", i, xm->name);
		res->members++;
	}
	for (i = 0; i < x->n_meetings; i++) {
		const x_meeting *xm = &x->meetings[i];
		council_meeting m;
		council_id id;
		char date[COUNCIL_DATE_BUFSIZE];
		council_date_format(date, &xm->date.start);
		if ((rc = lookup_id(&id, db, "SELECT id FROM meeting WHERE council_id = ?1 AND year = CAST(substr(?2, 1, 4) AS INTEGER) AND date_start = ?2",
		                    council, date, NULL)) != COUNCIL_OK)
			return rc;
		if (id)
			continue;
		council_meeting_init(&m);
		m.council_id = council;
		m.date = xm->date;
		if (!m.date.end.year)
			m.date.end = m.date.start;
		m.format = xm->format;
		m.platform = xm->platform;
		m.summary = xm->summary;
		m.source_id = source;
		if ((rc = council_meeting_add(NULL, db, &m)) != COUNCIL_OK)
			return cdb_error_wrap(db, rc, "meetings[%zu] %s", i, date);
		res->meetings++;
	}
	for (i = 0; i < x->n_figures; i++) {
		const x_figure *xf = &x->figures[i];
		council_figure f;
		council_figure_init(&f);
		f.council_id = council;
		f.year = xf->year;
		f.metric = xf->metric;
		f.value = xf->value;
		f.qualifier = xf->qualifier;
		f.source_id = source;
		if ((rc = council_figure_add(NULL, db, &f)) != COUNCIL_OK)
			return cdb_error_wrap(db, rc, "figures[%zu]", i);
		res->figures++;
	}
	for (i = 0; i < x->n_acts; i++) {
		const x_act *xa = &x->acts[i];
		council_act a;
		council_id id;
		if ((rc = lookup_id(&id, db, "SELECT id FROM legal_act WHERE council_id = ? AND number = ?",
		                    council, xa->number, NULL)) != COUNCIL_OK)
			return rc;
		if (id)
			continue;
		council_act_init(&a);
		a.council_id = council;
		a.number = xa->number;
		a.date = xa->date;
		a.title = xa->title;
		a.effect = xa->effect;
		a.source_id = source;
		if ((rc = council_act_add(NULL, db, &a)) != COUNCIL_OK)
			return cdb_error_wrap(db, rc, "acts[%zu] %s", i, xa->number);
		res->acts++;
	}
	return COUNCIL_OK;
}

static int load(council_import_result *res, council_db *db, const council_extraction *x,
                const char *sha256)
{
	council_id old = 0, same = 0, council = 0, plan = 0, *measure_ids = NULL;
	council_source src;
	const char *path = x->source_path ? x->source_path : x->path;
	int rc;

	if ((rc = lookup_id(&same, db, "SELECT id FROM source_document WHERE sha256 = ?", 0, sha256,
	                    NULL)) != COUNCIL_OK)
		return rc;
	if (same) {
		res->status = COUNCIL_IMPORT_UNCHANGED;
		res->source_id = same;
		source_counts(res, db, same);
		lookup_id(&res->council_id, db, "SELECT id FROM council WHERE name = ?", 0,
		          x->council.name, NULL);
		return COUNCIL_OK;
	}
	if ((rc = lookup_id(&old, db, "SELECT id FROM source_document WHERE path = ?", 0, path,
	                    NULL)) != COUNCIL_OK)
		return rc;
	if (old) {
		/* A new version of a known document replaces everything the old
		 * one brought. */
		if ((rc = council_source_delete(db, old)) != COUNCIL_OK)
			return rc;
		res->status = COUNCIL_IMPORT_REPLACED;
	}
	council_source_init(&src);
	src.path = (char *)path;
	src.sha256 = (char *)sha256;
	src.kind = x->kind;
	src.report_year = x->report_year;
	src.doc_number = x->doc_number;
	src.doc_date = x->doc_date;
	if ((rc = council_source_add(&res->source_id, db, &src)) != COUNCIL_OK)
		return rc;
	if ((rc = store_council(&council, db, x, res->source_id)) != COUNCIL_OK)
		return rc;
	res->council_id = council;
	if ((rc = store_plan(&plan, db, x, council, res->source_id, res, &measure_ids)) == COUNCIL_OK &&
	    (rc = store_events(db, x, council, res->source_id, measure_ids, res)) == COUNCIL_OK)
		rc = store_rest(db, x, council, res->source_id, res);
	free(measure_ids);
	return rc;
}

int council_import_load(council_import_result *res, council_db *db, const council_extraction *x,
                        const char *sha256)
{
	int rc, own;
	size_t i;

	memset(res, 0, sizeof *res);
	res->year = -1;
	if ((rc = cdb_enter_write(db)) != COUNCIL_OK)
		return rc;
	if (!x || !sha256)
		return cdb_error(db, COUNCIL_EMISUSE, "import: no extraction or no sha256");
	if (strlen(sha256) != 64 || strspn(sha256, "0123456789abcdef") != 64)
		return cdb_error(db, COUNCIL_EINVAL, "import: sha256 must be 64 lowercase hex digits");
	if (!x->council.name || !*x->council.name)
		return cdb_error(db, COUNCIL_EINVAL, "%s: council.name: required", x->path);
	for (i = 0; i < x->n_measures; i++)
		if (!x->plan.present)
			return cdb_error(db, COUNCIL_EINVAL, "%s: measures without a plan", x->path);
	snprintf(res->council, sizeof res->council, "%s", x->council.name);
	res->year = x->report_year;

	/* The caller's transaction holds the whole batch; otherwise this file
	 * is its own.  IMMEDIATE takes the write lock before reading, so a
	 * concurrent writer cannot turn this into a failed upgrade. */
	own = !db->in_txn && sqlite3_get_autocommit(db->sql);
	rc = own ? cdb_exec(db, "BEGIN IMMEDIATE", x->path) : cdb_atomic_begin(db);
	if (rc != COUNCIL_OK)
		return rc;
	rc = load(res, db, x, sha256);
	if (rc != COUNCIL_OK && strncmp(council_errmsg(db), x->path, strlen(x->path)) != 0)
		cdb_error_wrap(db, rc, "%s", x->path);
	if (own) {
		if (rc == COUNCIL_OK) {
			rc = cdb_exec(db, "COMMIT", x->path);
		}
		if (rc != COUNCIL_OK) {
			int code = db->errcode;
			char msg[sizeof db->errmsg];
			memcpy(msg, db->errmsg, sizeof msg);
			sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
			db->errcode = code;
			memcpy(db->errmsg, msg, sizeof msg);
		}
		return rc;
	}
	return cdb_atomic_end(db, rc);
}
