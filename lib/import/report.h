/* SPDX-License-Identifier: MIT */
/*
 * report.h -- the in-memory form of one extracted report (the opaque
 * council_extraction of council.h), the text it was read from, and the
 * stages that fill it: normalise -> segment -> extract -> (JSON) -> load.
 * Every record keeps the span of source text it came from, so a person can
 * review the extraction against the document.
 */
#ifndef COUNCIL_REPORT_H
#define COUNCIL_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include "council.h"
#include "fold_index.h"

/* ---- normalised text ----------------------------------------------------- */

/* A report's text in two aligned forms.  norm is the document with what
 * carries no meaning removed (BOM, CR, docx bookmarks, zero-width marks,
 * markdown emphasis); view is norm with the same length where NBSP became
 * spaces and every dash variant became " - " (three bytes, like the dash it
 * replaces), so the Lithuanian parsers see one form and offsets into view
 * are offsets into norm.  anchors map norm offsets back to the original
 * bytes for provenance. */
typedef struct lt_text {
	const char *orig;      /* the caller's bytes (not owned) */
	size_t orig_len;
	char *norm;            /* owned, NUL-terminated */
	char *view;            /* owned, NUL-terminated, same length as norm */
	size_t len;
	size_t *anchor_norm;   /* owned: at norm offset anchor_norm[i] ... */
	size_t *anchor_orig;   /* ... the original offset is anchor_orig[i] */
	size_t n_anchors;
	size_t *newlines;      /* owned: original offsets of every '\n', so that
	                          lt_text_line bisects instead of counting */
	size_t n_newlines;
	char *fold;            /* owned: view folded once (utf8_fold), for every
	                          piece of it the rules fold (ex_fold) */
	uint32_t *fold_at;     /* owned, len + 1 entries: view offset -> fold
	                          offset (utf8_fold_offsets) */
	fi_words fold_words;   /* owned: where the fold's words start, by first
	                          letter (the rules' stem look-ups, fold_index.h) */
	int nfc;               /* norm holds NFC-stable characters only
	                          (utf8_nfc_stable): every piece of it, and every
	                          quote cut from it, is NFC without normalising */
} lt_text;

/* Builds t from data.  COUNCIL_EPARSE with *bad_offset set when data is
 * not UTF-8 or holds NUL bytes; COUNCIL_ENOMEM.  */
int lt_text_init(lt_text *t, const char *data, size_t len, size_t *bad_offset);
void lt_text_free(lt_text *t);

/* The original byte offset of norm offset off. */
size_t lt_text_orig_offset(const lt_text *t, size_t off);
/* The norm offset of original offset off: the inverse of
 * lt_text_orig_offset, for a record's span read back into the text (bytes
 * removed by normalising map to where they were). */
size_t lt_text_norm_offset(const lt_text *t, size_t off);

/* 1-based line number in the original of original byte offset off. */
int lt_text_line(const lt_text *t, size_t orig_off);

/* A malloc'd copy of norm[start,end) with runs of white space (including
 * NBSP and newlines) collapsed to one space and trimmed; NULL on OOM. */
char *lt_text_clean(const lt_text *t, size_t start, size_t end);

/* ---- segmentation -------------------------------------------------------- */

typedef enum seg_layout {
	SEG_PROSE = 0,     /* paragraphs, headings, bullet lists */
	SEG_DOCX_TABLE,    /* tab-indented cells one per line, rows split by blank lines */
	SEG_PIPE_TABLE     /* markdown | a | b | rows */
} seg_layout;

/* What a table column holds, from its heading. */
typedef enum seg_col {
	COL_OTHER = 0, COL_SEQ, COL_NAME, COL_INDICATOR, COL_RESPONSIBLE,
	COL_FULFILMENT, COL_DEADLINE, COL_VALUE, COL_NOTES,
	COL_TASK,          /* "Uždavinys": the goal a measure serves */
	COL_DATE,          /* "Data": when (an events or meetings table) */
	COL_EVENT,         /* "Renginys", "Renginio pavadinimas" */
	COL_PLACE,         /* "Vieta" */
	COL_PARTICIPANTS,  /* "Dalyvių sk." */
	COL_PERSON,        /* "Vardas, pavardė" */
	COL_ROLE,          /* "Pareigos Taryboje" */
	COL_ORG,           /* "Atstovaujama organizacija" */
	COL_DELEGATED,     /* "Deleguojanti institucija", "Deleguota": who
	                      delegated the member */
	COL_AGENDA,        /* "Darbotvarkė", "Svarstyti klausimai" */
	COL_MUNICIPALITY,  /* "Savivaldybė" alone: a row per municipality */
	COL_COUNCIL        /* "Taryba" alone: a row per council (a
	                      municipality's advisory bodies) */
} seg_col;

/* What a table lists, from its columns. */
typedef enum seg_table_kind {
	TABLE_PLAN = 0, TABLE_EVENTS, TABLE_MEMBERS, TABLE_MEETINGS,
	TABLE_COUNCILS     /* a row per municipality's council (a summary of
	                      several councils): no rule reads it as this
	                      council's */
} seg_table_kind;

typedef struct seg_span {
	size_t start, end;     /* norm offsets */
} seg_span;

#define SEG_MAX_COLS 12

typedef struct seg_row {
	seg_span cells[SEG_MAX_COLS];
	int n_cells;
} seg_row;

typedef struct seg_block {
	int is_table;
	int is_item;           /* a list item: "- ...", "• ...", "1. ...", "4.1. ..." */
	size_t indent;         /* blanks before the first line's text: a nested
	                          list's items are indented under their parent */
	seg_span span;         /* the paragraph, or the whole table */
	seg_row *rows;         /* tables: body rows (owned) */
	size_t n_rows;
	seg_col cols[SEG_MAX_COLS]; /* tables: the role of each column */
	int n_cols;
	seg_table_kind kind;   /* tables: what the rows are */
} seg_block;

typedef struct seg_doc {
	seg_layout layout;     /* the dominant layout */
	seg_block *blocks;     /* in document order (owned) */
	size_t n_blocks;
} seg_doc;

/* Splits t into paragraphs and tables; recognises table headings.
 * COUNCIL_ENOMEM only. */
int seg_document(seg_doc *d, const lt_text *t);
void seg_free(seg_doc *d);

/* The column role a heading names ("Eil. Nr." -> COL_SEQ, "Atsakingi
 * vykdytojai" -> COL_RESPONSIBLE, "Pasiekta reikšmė" -> COL_VALUE ...). */
seg_col seg_column_role(const char *heading, size_t n);

/* Calls fn for each sentence of view[start,end): a sentence ends at ". ",
 * "! ", "? " or a newline followed by a capital or a list marker, but not
 * after abbreviations ("m.", "d.", "Nr.", "mėn.", "r.", "sav.", initials). */
/* A longer "sentence" is passed on in parts of at most SEG_SENTENCE_MAX
 * bytes, cut after a clause mark or a space, so that the work a reader
 * does per phrase of a sentence stays bounded whatever the input. */
#define SEG_SENTENCE_MAX 2048
typedef int (*seg_sentence_fn)(void *ctx, size_t start, size_t end);
int seg_sentences(const lt_text *t, size_t start, size_t end, seg_sentence_fn fn, void *ctx);

/* ---- the extraction ------------------------------------------------------ */

/* Where a record came from: norm offsets while extracting; the original
 * line and byte offsets, and the quoted text, for review. */
typedef struct x_span {
	int line;              /* 1-based line in the original, 0 = unknown */
	size_t start, end;     /* original byte offsets */
	char *quote;           /* the text, cleaned, NFC, at most X_QUOTE_MAX
	                          characters (owned) */
	const char *rule;      /* the id of the genre rule that made the record
	                          (a static string); NULL when read from JSON.
	                          Not part of the JSON: the rule corpus reads it */
} x_span;

/* The longest quote a span keeps, in characters, "…" included: enough to
 * find the place in the document, so that the JSON grows with the report
 * and not with its records times their paragraphs. */
#define X_QUOTE_MAX 200

/* A malloc'd NFC copy of s[0..n) of at most X_QUOTE_MAX characters: cut at
 * a character boundary (never between a letter and its marks) and ended
 * with "…" when cut.  A quote already made this way is returned as it is.
 * NULL on OOM. */
char *x_quote(const char *s, size_t n);

/* The council a record of a page about several councils belongs to when
 * it is not the extraction's own (rules event.council, member.council):
 * found or stored by name on loading, as the extraction's own council is. */
typedef struct x_council_ref {
	int present;           /* 0: the extraction's own council */
	char *name;
	char *municipality;
	council_kind kind;
} x_council_ref;

/* Frees a council reference's strings and zeroes it; NULL-safe fields. */
void x_council_ref_clear(x_council_ref *r);

typedef struct x_member {
	char *name;
	council_role role;
	char *represents;
	council_side side;
	char *delegated_by;    /* the body that delegated the member, nominative
	                          ("Molėtų krašto bendruomenių sąjunga"), or NULL */
	char *as_written;      /* the name as the text has it, before nominative */
	char *former_name;     /* the name before, as the text states it ("Indrė
	                          Valančiūtė" of "(buvusi Valančiūtė)"), or NULL */
	int listed;            /* named in a list of the composition (extraction
	                          only, not in the JSON: member.count's evidence) */
	x_span span;
	char *change;          /* "left" or "joined" when the sentence says the
	                          membership ended or began (member.term), else NULL */
	council_date since;    /* when, as that sentence dates it; year 0 unknown */
	council_id id;          /* the stored record it is, when known (a dry run
	                           against a registry, a reviewed JSON); else 0 */
	x_council_ref council; /* on a page about several councils, the council
	                          its heading or sentence names (member.council) */
} x_member;

typedef struct x_meeting {
	council_period date;
	council_format format;
	char *platform;
	char *location;        /* where it sat, as the protocol names the place */
	char *summary;
	int participants;      /* members present ("dalyvavo 9 iš 12 narių"),
	                          -1 unknown */
	x_span span;
	council_id id;          /* the stored record it is, when known (a dry run
	                           against a registry, a reviewed JSON); else 0 */
} x_meeting;

/* One member's attendance at one meeting, from a protocol's "Dalyvavo:" and
 * "Nedalyvavo:" lists. */
typedef struct x_attendance {
	council_date date;     /* the meeting's day */
	char *name;            /* the member's name, nominative */
	int present;           /* 1: listed under "Dalyvavo", 0: "Nedalyvavo" */
	char *reason;          /* why absent ("dėl ligos"), or NULL */
	x_span span;
} x_attendance;

typedef struct x_figure {
	int year;
	council_metric metric;
	int64_t value;
	council_qualifier qualifier;
	x_span span;
	council_id id;          /* the stored record it is, when known (a dry run
	                           against a registry, a reviewed JSON); else 0 */
} x_figure;

typedef struct x_measure {
	int seq;
	char *name;
	char *indicator;
	char **responsible;
	size_t n_responsible;
	char *fulfilment;      /* for the report year */
	x_span span;
	council_id id;          /* the stored record it is, when known (a dry run
	                           against a registry, a reviewed JSON); else 0 */
} x_measure;

typedef struct x_group {
	int64_t count;
	council_qualifier qualifier;
	char *group_name;
} x_group;

typedef struct x_event {
	char *title;
	council_event_kind kind;
	char *organiser;
	council_period date;
	char *location;
	int remote;            /* 1, 0, -1 unknown */
	char *description;
	x_group *groups;
	size_t n_groups;
	int *measures;         /* measure seq numbers */
	size_t n_measures;
	int year_inferred;     /* the date's year came from context */
	x_span span;
	council_id id;          /* the stored record it is, when known (a dry run
	                           against a registry, a reviewed JSON); else 0 */
	x_council_ref council; /* another council's event, named by its text */
} x_event;

typedef struct x_act {
	char *number;
	council_date date;
	char *title;
	council_act_effect effect;
	x_span span;
	council_id id;          /* the stored record it is, when known (a dry run
	                           against a registry, a reviewed JSON); else 0 */
} x_act;

struct council_extraction {
	char *path;            /* the file read, for messages */
	char *source_path;     /* the document it describes (a reviewed JSON's
	                          "source.path"); NULL when that is path */
	char *errmsg;          /* "" or the last failure, "path:line: why" */
	council_source_kind kind;
	int report_year;       /* -1 unknown */
	char *doc_number;
	council_date doc_date;

	struct {
		char *name;
		char *municipality;
		council_kind kind;
		int size, seats_municipality, seats_community; /* -1 unknown */
		int several;   /* the text is about several councils, none its
		                  subject: this one is the first it names, and
		                  no members were read */
		x_span span;
	} council;

	struct {
		int present;
		char *title;
		int year_from, year_to; /* -1 unknown */
		x_span span;
	} plan;

	x_member *members;   size_t n_members;
	x_meeting *meetings; size_t n_meetings;
	x_figure *figures;   size_t n_figures;
	x_measure *measures; size_t n_measures;
	x_event *events;     size_t n_events;
	x_act *acts;         size_t n_acts;
	x_attendance *attendance; size_t n_attendance;
	char **notes;        size_t n_notes; /* what the importer left out and
	                                        why, for the reviewer */

	/* What the person importing says the document is about (x_target),
	 * for the rules council.title and year.title: a document naming no
	 * council is then no failure, and the year given stands where the
	 * title names none.  Borrowed for the parse only; NULL and 0 when not
	 * given. */
	const char *given_council;
	int given_year;
};

/* The council and year a document is imported for (council import
 * --council, --year; council_import_target resolved against the
 * registry): council NULL and year 0 when not given. */
typedef struct x_target {
	const char *council;      /* the council's name as stored */
	const char *municipality; /* its municipality, or NULL */
	council_kind kind;
	int year;
} x_target;

/* council_import_parse and council_import_parse_document with a target
 * (t may be NULL): the parse reads the document knowing t, then
 * x_apply_target holds what it found against t. */
int x_parse(council_extraction **out, const char *path, const char *data, size_t len,
            const x_target *t);
int x_parse_document(council_extraction **out, const char *path, const char *data, size_t len,
                     const x_target *t);

/* Holds extraction x against t (target.c): a document naming another
 * council than t's, or another report year, is refused (COUNCIL_EINVAL,
 * "path: the document names ..., not ... (--council)"); one naming none
 * takes t's.  The same council is the same name, or the same
 * municipality and kind (a council entered by hand under another
 * spelling), and is stored under t's name.  t NULL: nothing to do. */
int x_apply_target(council_extraction *x, const x_target *t);

/* A new empty extraction for path (NULL on OOM). */
council_extraction *x_new(const char *path);

/* Records a failure message on x ("path:line: why"); returns code. */
int x_fail(council_extraction *x, int code, int line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/* Frees what member m owns (not m itself), whatever members the format
 * gives it: for a rule that drops a member it made. */
void x_member_clear(x_member *m);
/* The same for an event (a rule that leaves one out). */
void x_event_clear(x_event *e);

/* Grows one of x's arrays by one zeroed element; NULL on OOM. */
void *x_push(void **array, size_t *n, size_t size);

/* Fills a span from norm offsets [start,end) of t, its quote bounded by
 * x_quote (reading only as much of the text as the quote needs).  ENOMEM
 * on failure. */
int x_span_set(x_span *s, const lt_text *t, size_t start, size_t end);

/* Drops from an extracted report what the JSON reader (and the registry)
 * would refuse, so that its reviewable JSON always reads back: years
 * outside 1990..2100 become unknown, council sizes past 1000 unknown,
 * figures and participant counts out of range go, a plan's years out of
 * order become unknown, a measure number used again goes (the first
 * stands), an event's links to measures not listed or listed twice go.
 * Then every text becomes NFC: the report's bytes are not normalised,
 * because the spans' offsets point into them; what was read from them is. */
void x_fit_ranges(council_extraction *x);

/* Runs the extraction stages on t into x.  COUNCIL_EPARSE when the text is
 * not a council report at all (no council named, nothing extracted). */
int x_extract(council_extraction *x, const lt_text *t);

#endif /* COUNCIL_REPORT_H */
