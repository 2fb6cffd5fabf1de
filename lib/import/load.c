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
 * This file holds the load's reading order, the document and the
 * transaction; load_match.c matches and stores each kind of record,
 * load_review.c keeps reviewed values and writes notes and warnings,
 * load_removed.c keeps out what a person removed (load_int.h is what
 * they share).  files.c reads and extracts the files;
 * source.c removes documents.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

#include "load_int.h"

/* ---- small helpers ------------------------------------------------------- */

/* One lookup returning an id (0 when no row); texts bound after the id. */
int load_lookup_id(council_id *out, council_db *db, const char *sql, council_id a,
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
int load_run(council_db *db, const char *sql, const char *spec, ...)
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

/* Two texts equal, or both NULL. */
int load_text_eq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

char *load_str_printf(const char *fmt, ...)
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

/* ---- the reading order --------------------------------------------------- */

/* The council a record of a page about several councils names (ref, an
 * x_event's or x_member's council; what the record is, for messages):
 * found by name, else stored as the document's own council is, and the
 * document recorded as stating it.  *out 0: the document's own council. */
static int named_council(council_id *out, loadctx *lc, const x_council_ref *ref, const char *what)
{
	council_council c;
	rec r;
	int rc;

	*out = 0;
	if (!ref->present || !ref->name)
		return COUNCIL_OK;
	if ((rc = load_lookup_id(out, lc->db, "SELECT id FROM council WHERE name = ?", 0, ref->name,
	                         NULL)) != COUNCIL_OK)
		return rc;
	if (*out == lc->council) {
		*out = 0;
		return COUNCIL_OK;
	}
	if (*out) {
		if ((rc = load_rec_open(&r, lc, "council", "council", *out)) != COUNCIL_OK)
			return rc;
		return load_merged(&r);
	}
	council_council_init(&c);
	c.name = ref->name;
	c.municipality = ref->municipality;
	c.kind = ref->kind;
	c.source_id = lc->src;
	if ((rc = council_add(out, lc->db, &c)) != COUNCIL_OK)
		return cdb_error_wrap(lc->db, rc, "%s.council", what);
	return load_inserted(lc, "council", *out);
}

/* Stores event i under the council it names, when another than the
 * document's: the load's council and event map are that council's while
 * it is stored (*other, *other_events: the last other council's, kept for
 * the next event of it). */
static int store_event(loadctx *lc, size_t i, const council_id *measure_ids, const char *key,
                       int pass, int *skipped, council_id *other, evmap *other_events)
{
	council_id own = lc->council, to;
	evmap own_events;
	char what[32];
	int rc;

	snprintf(what, sizeof what, "events[%zu]", i);
	if ((rc = named_council(&to, lc, &lc->x->events[i].council, what)) != COUNCIL_OK)
		return rc;
	if (!to)
		return load_store_event(lc, i, measure_ids, key, pass, skipped);
	if (to != *other) {
		load_evmap_free(other_events);
		memset(other_events, 0, sizeof *other_events);
		*other = to;
	}
	own_events = lc->events;
	lc->events = *other_events;
	lc->council = to;
	/* its measures are the document's council's plan's: none here */
	rc = load_store_event(lc, i, NULL, key, pass, skipped);
	*other_events = lc->events;
	lc->events = own_events;
	lc->council = own;
	return rc;
}

/* Stores member i under the council its heading or sentence names
 * (member.council), when another than the document's: the load's council
 * is that one while it is stored, so that the member is found among its
 * members and its person among its people. */
static int store_member(loadctx *lc, size_t i)
{
	council_id own = lc->council, to;
	char what[32];
	int rc;

	snprintf(what, sizeof what, "members[%zu]", i);
	if ((rc = named_council(&to, lc, &lc->x->members[i].council, what)) != COUNCIL_OK)
		return rc;
	if (!to)
		return load_store_member(lc, i);
	lc->council = to;
	rc = load_store_member(lc, i);
	lc->council = own;
	return rc;
}

static int store_records(loadctx *lc)
{
	const council_extraction *x = lc->x;
	council_id *measure_ids = NULL, other = 0;
	evmap other_events = { NULL, NULL, 0, 0 };
	dups d;
	size_t i;
	int rc, pass;

	if ((rc = load_find_all_dups(&d, lc)) != COUNCIL_OK)
		return rc;
	/* the changes of members a new version states are its own */
	if (lc->replacing && (rc = load_run(lc->db, "DELETE FROM member_change WHERE source_id = ?",
	                                    "i", (int64_t)lc->src)) != COUNCIL_OK)
		goto out;
	if ((rc = load_store_council(lc)) != COUNCIL_OK)
		goto out;
	lc->res->council_id = lc->council;
	/* The document knows the council it is about (schema version 7). */
	if ((rc = load_run(lc->db, "UPDATE source_document SET council_id = ?1 "
	                   "WHERE id = ?2 AND council_id IS NOT ?1", "ii", (int64_t)lc->council,
	                   (int64_t)lc->src)) != COUNCIL_OK)
		goto out;
	if ((rc = load_store_plan(lc, &measure_ids)) != COUNCIL_OK)
		goto out;
	for (pass = 0; pass < 2; pass++) {
		int later = 0;
		for (i = 0; i < x->n_events; i++) {
			int skipped = 0;
			/* The second pass takes the events the first skipped,
			 * marked by d.events[i] == n_events. */
			if (pass == 0 ? d.events[i] != i : d.events[i] != x->n_events)
				continue;
			if ((rc = store_event(lc, i, measure_ids, d.event_keys[i], pass, &skipped,
			                      &other, &other_events)) == LOAD_KEPT_OUT)
				continue;
			if (rc != COUNCIL_OK)
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
		if ((rc = store_member(lc, i)) == LOAD_KEPT_OUT)
			continue;
		if (rc != COUNCIL_OK)
			goto out;
		lc->res->members++;
	}
	for (i = 0; i < x->n_meetings; i++) {
		if (d.meetings[i] != i)
			continue;
		if ((rc = load_store_meeting(lc, i)) == LOAD_KEPT_OUT)
			continue;
		if (rc != COUNCIL_OK)
			goto out;
		lc->res->meetings++;
	}
	if ((rc = load_store_attendance(lc)) != COUNCIL_OK)
		goto out;
	for (i = 0; i < x->n_figures; i++) {
		if (d.figures[i] != i)
			continue;
		if ((rc = load_store_figure(lc, i)) == LOAD_KEPT_OUT)
			continue;
		if (rc != COUNCIL_OK)
			goto out;
		lc->res->figures++;
	}
	for (i = 0; i < x->n_acts; i++) {
		if (d.acts[i] != i)
			continue;
		if ((rc = load_store_act(lc, i)) == LOAD_KEPT_OUT)
			continue;
		if (rc != COUNCIL_OK)
			goto out;
		lc->res->acts++;
	}
out:
	free(measure_ids);
	load_evmap_free(&other_events);
	load_dups_free(&d);
	return rc == LOAD_KEPT_OUT ? COUNCIL_OK : rc;
}

/* ---- the document -------------------------------------------------------- */

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
	load_lookup_id(&lc->res->council_id, lc->db, "SELECT id FROM council WHERE name = ?", 0,
	               lc->x->council.name, NULL);
	if (lc->review || (rc = council_source_get(&s, lc->db, same)) != COUNCIL_OK)
		return COUNCIL_OK;
	if (s->path[0] != '/') {
		/* Stored before paths were canonical: when its spelling names
		 * this very file from here, it is spelled canonical now rather
		 * than given another name. */
		char *canon = cdb_canonical_path(s->path);
		if (canon && strcmp(canon, path) == 0) {
			rc = load_run(lc->db, "UPDATE source_document SET path = ? WHERE id = ?", "ti", path,
			              (int64_t)same);
			free(canon);
			council_source_free(s);
			return rc;
		}
		free(canon);
	}
	if (strcmp(s->path, path) != 0) {
		council_id known = 0;
		if ((rc = load_lookup_id(&known, lc->db, "SELECT source_id FROM source_alias WHERE path = ?",
		                         0, path, NULL)) == COUNCIL_OK && !known)
			rc = load_run(lc->db, "INSERT INTO source_alias(path, source_id) VALUES (?, ?)", "ti",
			              path, (int64_t)same);
		if (rc == COUNCIL_OK) {
			lc->n->alias = cdb_strdup(s->path);
			load_note(lc->n, "the same bytes as %s: recorded as another name of it", s->path);
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

	if ((rc = load_lookup_id(out, lc->db, "SELECT id FROM source_document WHERE path = ?", 0, path,
	                         NULL)) != COUNCIL_OK || *out)
		return rc;
	if ((rc = load_lookup_id(out, lc->db, "SELECT source_id FROM source_alias WHERE path = ?", 0,
	                         path, NULL)) != COUNCIL_OK || *out)
		return rc;
	if (strcmp(typed, path) == 0 ||
	    (rc = load_lookup_id(out, lc->db, "SELECT id FROM source_document WHERE path = ?", 0, typed,
	                         NULL)) != COUNCIL_OK || !*out)
		return rc;
	return load_run(lc->db, "UPDATE source_document SET path = ? WHERE id = ?", "ti", path,
			(int64_t)*out);
}

/* A new version of the known document src, or a review of it (json the
 * review's canonical path): the document keeps its id; a review keeps its
 * bytes' hash too (the review's own is in source_review).  The removal
 * pass will need the rows this load touches: temp.load_touched. */
static int replace_source(loadctx *lc, council_id src, const char *json, const char *sha256)
{
	const council_extraction *x = lc->x;
	council_source *s = NULL;
	int rc;

	lc->src = src;
	lc->replacing = 1;
	lc->res->status = lc->review ? COUNCIL_IMPORT_REVIEWED : COUNCIL_IMPORT_REPLACED;
	if (lc->review)
		rc = load_run(lc->db, "INSERT INTO source_review(source_id, path, sha256) VALUES (?, ?, ?)",
		              "itt", (int64_t)src, json, sha256);
	else
		rc = load_run(lc->db, "UPDATE source_document SET sha256 = ?, "
		              "imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?", "ti",
		              sha256, (int64_t)src);
	if (rc == COUNCIL_OK && (rc = council_source_get(&s, lc->db, src)) == COUNCIL_OK) {
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
	if (rc == COUNCIL_OK)
		rc = cdb_exec(lc->db, "CREATE TEMP TABLE IF NOT EXISTS load_touched ("
		              "table_name TEXT NOT NULL, record_id INTEGER NOT NULL,"
		              " PRIMARY KEY (table_name, record_id)) WITHOUT ROWID", "import");
	return rc == COUNCIL_OK ? load_run(lc->db, "DELETE FROM temp.load_touched", "") : rc;
}

/* A document not known before, at its canonical path. */
static int add_source(loadctx *lc, const char *path, const char *sha256)
{
	const council_extraction *x = lc->x;
	council_source src;

	council_source_init(&src);
	src.path = path;
	src.sha256 = (char *)sha256;
	src.kind = x->kind;
	src.report_year = x->report_year;
	src.doc_number = x->doc_number;
	src.doc_date = x->doc_date;
	return council_source_add(&lc->src, lc->db, &src);
}

static int load(loadctx *lc, const char *sha256)
{
	const council_extraction *x = lc->x;
	const char *typed = x->source_path ? x->source_path : x->path;
	council_id same = 0, known = 0;
	char *path = cdb_canonical_path(typed), *json = NULL;
	sqlite3_stmt *st;
	int rc;

	if (!path)
		return cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
	/* A reviewed extraction names the document it reviews.  When that is
	 * not known yet (reviewed before it was ever imported), the extraction
	 * stands for it, and what it says is still a person's: a later import
	 * of the document keeps it. */
	lc->review = x->source_path != NULL;
	if (lc->review && !(json = cdb_canonical_path(x->path))) {
		rc = cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
		goto out;
	}
	/* The history records what follows as this document's import (under
	 * its path as stored), or as a review when it is a reviewed
	 * extraction naming its document (under the extraction's own path);
	 * the review triggers read the same origin (schema.sql, section
	 * "origin"): a review's changes are marked 'review JSON SHA256'. */
	if ((rc = cdb_origin_set(lc->db, lc->review ? "review" : "import", lc->review ? json : path,
	                         sha256)) != COUNCIL_OK)
		goto out;
	if ((rc = load_lookup_id(&same, lc->db, "SELECT id FROM source_document WHERE sha256 = ?", 0,
	                         sha256, NULL)) != COUNCIL_OK)
		goto out;
	if (!same && lc->review &&
	    (rc = load_lookup_id(&same, lc->db, "SELECT source_id FROM source_review WHERE sha256 = ?",
	                         0, sha256, NULL)) != COUNCIL_OK)
		goto out;
	if (same) {
		rc = unchanged(lc, same, path);
		goto out;
	}
	if ((rc = find_source(&known, lc, path, typed)) != COUNCIL_OK)
		goto out;
	if (!(lc->origin = lc->review ? load_str_printf("review %s %s", json, sha256)
	                              : cdb_strdup("import"))) {
		rc = cdb_error(lc->db, COUNCIL_ENOMEM, "out of memory");
		goto out;
	}
	if ((rc = known ? replace_source(lc, known, json, sha256) : add_source(lc, path, sha256)) !=
	    COUNCIL_OK)
		goto out;
	lc->res->source_id = lc->src;
	if ((rc = cdb_prepare(&st, lc->db, "SELECT EXISTS (SELECT 1 FROM reviewed)")) != COUNCIL_OK)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW)
		lc->any_reviewed = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	rc = store_records(lc);
	if (rc == COUNCIL_OK && lc->replacing)
		rc = load_remove_unstated(lc);
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

	if ((rc = cdb_import_begin(res, db)) != COUNCIL_OK)
		return rc;
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
	lc.removals = lc.keys = -1;

	/* The caller's transaction holds the whole batch; otherwise this file
	 * is its own.  IMMEDIATE takes the write lock before reading, so a
	 * concurrent writer cannot turn this into a failed upgrade. */
	own = !db->in_txn && sqlite3_get_autocommit(db->sql);
	rc = own ? cdb_exec(db, "BEGIN IMMEDIATE", x->path) : cdb_atomic_begin(db);
	if (rc == COUNCIL_OK) {
		/* who is who: the council's rows read once for the file */
		if ((rc = cdb_people_begin(db)) == COUNCIL_OK) {
			rc = load(&lc, sha256);
			rc = cdb_people_end(db, lc.council, rc);
		}
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
	load_evmap_free(&lc.events);
	free(lc.origin);
	if (rc != COUNCIL_OK) {
		cdb_import_notes_free(n);
		return rc;
	}
	load_notes_finish(n);
	db->import_notes = n;
	return COUNCIL_OK;
}

int council_import_load(council_import_result *res, council_db *db, const council_extraction *x,
                        const char *sha256)
{
	return council_import_load_flags(res, db, x, sha256, 0);
}
