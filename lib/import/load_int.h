/* SPDX-License-Identifier: MIT */
/*
 * load_int.h -- what the files of the load stage (load*.c) share: the
 * load's context, the record being merged, the notes kept, the event map
 * and the duplicates found, and the functions one file offers the others.
 * Not the public API.
 */
#ifndef COUNCIL_LOAD_INT_H
#define COUNCIL_LOAD_INT_H

#include <stdint.h>
#include <stdlib.h>

#include "internal.h"
#include "report.h"

/* ---- notes (load_review.c) ----------------------------------------------- */

/* The messages of one import, kept in db->import_notes after it. */
typedef struct notes {
	council_import_notes pub; /* what council_import_notes_last returns;
	                             its messages point at msgs once finished */
	char **msgs;            /* the messages, each malloc'd */
	size_t n, cap;          /* msgs in use, and allocated */
	int64_t dropped;        /* messages left out past MAX_MESSAGES */
	char *alias;            /* the path the same bytes were stored under,
	                           when recorded as another name of it, or NULL */
} notes;

/* ---- the event map (load_match.c) ---------------------------------------- */

/* Every event of the council on a start date is read once per load, its
 * title folded once; later lookups and this load's own inserts go through
 * the map.  A scan of the date's events per event would be quadratic in
 * a document listing thousands on one date. */
typedef struct evmap {
	char **keys;            /* open addressing: "date title-key" or NULL */
	council_id *ids;        /* the event of keys[i] */
	size_t cap, n;          /* slots (a power of two, or 0), and in use */
} evmap;

/* ---- the load ------------------------------------------------------------ */

typedef struct loadctx {
	council_db *db;         /* the database written, in a transaction */
	const council_extraction *x; /* what is stored */
	council_import_result *res;  /* the caller's summary, filled in */
	notes *n;               /* this import's notes */
	council_id src;         /* the document */
	council_id council;     /* the council the document is about */
	int replacing;          /* src stated records before: the removal pass runs */
	int review;             /* a reviewed extraction: what it adds and changes
	                           is a person's */
	int overwrite;          /* COUNCIL_IMPORT_OVERWRITE_REVIEWED */
	int any_reviewed;       /* the reviewed table has rows: look marks up */
	char *origin;           /* the reviewed marks' origin: 'import', or
	                           'review PATH SHA256' (schema.sql, person_origin) */
	evmap events;           /* the council's events by date and title key */
	int removals;           /* the database keeps removals: -1 not asked yet */
	int keys;               /* the database has record_key: -1 not asked yet */
} loadctx;

/* What is known of one stored record while the document's values are
 * merged into it. */
#define MAX_MARKS 16
typedef struct rec {
	loadctx *lc;            /* the load it belongs to */
	const char *table;      /* its table (a literal) */
	const cdb_record_table *t; /* that table's description (record.c) */
	const char *what;       /* its name in messages */
	council_id id;          /* its id */
	council_id primary;     /* its source_id: the first document stating it */
	int shared;             /* another document states it too */
	int person;             /* no document states it: a person made it */
	int whole;              /* a person's whole record: every value it holds */
	char marks[MAX_MARKS][24]; /* the fields a person set (reviewed) */
	size_t n_marks;         /* marks in use */
	int changed;            /* a value of the document replaced a stored one */
} rec;

/* take_int's enumeration when the value is a plain number. */
#define NO_ENUM ((council_enum)-1)

/* The first-of arrays of every kind of record in x: d->members[i] is the
 * index of the first member with member i's key (i when it is the first). */
typedef struct dups {
	size_t *members, *meetings, *figures, *events, *acts; /* first-of, per kind */
	char **event_keys;      /* "date title-key" of each event, folded once */
	size_t n_events;        /* entries of event_keys */
} dups;

/* ---- load.c: helpers and the reading order ------------------------------- */

/* One lookup returning an id (0 when no row); texts bound after the id. */
int load_lookup_id(council_id *out, council_db *db, const char *sql, council_id a,
                   const char *text, const char *text2);
/* Runs a cached statement binding ints and texts by position ("iits"). */
int load_run(council_db *db, const char *sql, const char *spec, ...);
/* Two texts equal, or both NULL. */
int load_text_eq(const char *a, const char *b);
/* A malloc'd printf; NULL when out of memory. */
char *load_str_printf(const char *fmt, ...) CDB_PRINTF(1, 2);

/* ---- load_match.c: natural keys, matching and storing records ------------ */

/* An event title folded to its key ("seminaras nvo ir savivalda"); NULL
 * when out of memory. */
char *load_title_key(const char *title);
/* Frees the map's keys and arrays. */
void load_evmap_free(evmap *m);
/* Matches or inserts the council by name, merging the document's values. */
int load_store_council(loadctx *lc);
/* Stores the plan, its measures and fulfilment; *measure_ids (malloc'd) by
 * measure index. */
int load_store_plan(loadctx *lc, council_id **measure_ids);
/* Stores event i under key ekey; *skipped when it must wait for pass 1. */
int load_store_event(loadctx *lc, size_t i, const council_id *measure_ids, const char *ekey,
                     int pass, int *skipped);
/* Matches or inserts member i by name. */
/* The stored record of table a document's record is, by its id (a
 * review's) or its natural key (load_match.c); *by_id says which. */
int load_find_record(council_id *out, int *by_id, loadctx *lc, const char *table,
                     council_id id, const char *key, const char *what);
/* A review that corrected a record's natural key: the old key still names
 * it (table record_key). */
int load_keep_old_key(loadctx *lc, const char *table, const char *old_key, const char *new_key,
                      council_id id);
/* The member row a document's member is: same name and office, else same
 * person and office, else in a new version of the document the same name
 * (load_keyed.c). */
int load_find_member(council_id *id, loadctx *lc, const x_member *xm);
int load_store_member(loadctx *lc, size_t i);
/* Matches or inserts meeting i by date. */
int load_store_meeting(loadctx *lc, size_t i);
int load_store_attendance(loadctx *lc);
/* Matches or inserts figure i by year and metric. */
int load_store_figure(loadctx *lc, size_t i);
/* Matches or inserts act i by number. */
int load_store_act(loadctx *lc, size_t i);

/* ---- load_removed.c: records a person removed ---------------------------- */

/* What load_kept_out and the load_store_* functions return for a record
 * kept out: not stored, not counted; not an error. */
#define LOAD_KEPT_OUT 1
/* Whether the record of table with natural key (as the removed table
 * keeps it) in the load's council was removed by a person: LOAD_KEPT_OUT,
 * noted with the printf-style description of the record, unless a review
 * lists it again or overwriting (then the mark goes, COUNCIL_OK). */
int load_kept_out(loadctx *lc, const char *table, const char *key, const char *fmt, ...)
	CDB_PRINTF(4, 5);

/* ---- load_review.c: reviewed values, notes and warnings ------------------ */

/* Adds a message to n (up to MAX_MESSAGES, then counts those dropped). */
void load_note(notes *n, const char *fmt, ...) CDB_PRINTF(2, 3);
/* Makes n->pub point at the messages, saying how many were left out. */
void load_notes_finish(notes *n);
/* Reads what is known of record id of table: sources and a person's marks. */
int load_rec_open(rec *r, loadctx *lc, const char *table, const char *what, council_id id);
/* Whether the document's value of field replaces the stored one (they
 * differ): a person's value is kept and noted unless overwriting. */
int load_take(rec *r, const char *field, int cur_known, int doc_known, const char *cur,
              const char *doc);
/* Merge the document's text, number or date into *cur, keeping reviewed ones. */
void load_take_text(rec *r, const char *field, const char **cur, const char *doc);
void load_take_int(rec *r, const char *field, int *cur, int doc, int unknown, council_enum e);
void load_take_date(rec *r, const char *field, council_date *cur, const council_date *doc);
/* Records the row among those this load touched, for the removal pass. */
int load_touched(loadctx *lc, const char *table, council_id id);
/* Counts a record this load inserted (a review's is a person's whole record). */
int load_inserted(loadctx *lc, const char *table, council_id id);
/* Ends the merge of r: counts it and records that the document states it. */
int load_merged(rec *r);
/* Finds the duplicates inside x, warning of those worth a word. */
int load_find_all_dups(dups *d, loadctx *lc);
/* Frees what load_find_all_dups allocated. */
void load_dups_free(dups *d);
/* Removes what the document's earlier version stated and this one does not. */
int load_remove_unstated(loadctx *lc);

#endif
