/* SPDX-License-Identifier: MIT */
/*
 * extract_int.h -- what the files of the extraction stage (extract*.c)
 * share: the word type, the context every rule reads and writes, and the
 * functions one subject file offers the others.  Not the public API.
 */
#ifndef COUNCIL_EXTRACT_INT_H
#define COUNCIL_EXTRACT_INT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "lt.h"
#include "report.h"
#include "utf8.h"

/* ---- small text helpers -------------------------------------------------- */

typedef struct word {
	size_t start, end;
} word;

/* ---- the extraction context ---------------------------------------------- */

typedef struct excl {
	size_t start, end;
} excl;

/* context_year's walk through one block, kept between calls so that the
 * questions a reader asks at later and later offsets of a paragraph cost
 * the paragraph once, not once per question. */
typedef struct year_scan {
	size_t block;          /* the block walked; SIZE_MAX before the first walk */
	int year;              /* the report year the walk started from */
	size_t pos;            /* dates ending before pos have been read */
	size_t next;           /* where the next date search starts */
	size_t mark_at;        /* view[block, mark_at) scanned for parentheses
	                          and line breaks ... */
	char last_mark;        /* ... and the last of '(' ')' '\n' in it, or 0 */
	int settled;           /* the year that holds whatever comes later */
	int pending;           /* a year read inside a parenthesis still open,
	                          an aside if it closes before the question
	                          (context_year), else 0 */
	size_t pending_end;    /* the end of the first such date */
} year_scan;

/* The sentences of the paragraphs and cells read so far, split once: the
 * composition, the prose and the quorum passes read the same paragraphs
 * (ex_sentences). */
typedef struct sent_span {
	size_t s, e;
} sent_span;
typedef struct sent_range {
	size_t start, end;     /* the piece of the view split */
	size_t first, n;       /* its sentences: sents[first, first + n) */
} sent_range;
typedef struct sent_cache {
	sent_range *ranges;    /* by increasing start */
	size_t n_ranges;
	size_t at;             /* where the last look stopped */
	sent_span *sents;
	size_t n_sents;
} sent_cache;

/* A genre rule: its id (as tests/corpus/ and doc/importer.md name it),
 * what it recognises, and the function that reads it. */
typedef struct ctx ctx;
typedef struct ex_rule {
	const char *id;
	const char *what;
	void (*run)(ctx *c);
} ex_rule;

/* What carries from one block of the document to the next while they are
 * read (rule "blocks"). */
typedef struct blocks_state {
	int meeting_list;      /* the items that follow list the council's meetings */
	int list_event;        /* ... list events of this kind, or -1 */
	size_t agenda_indent;  /* items indented more than this belong to the
	                          meeting item above them ("1. 2021 01 28.
	                          Darbotvarkė:"); (size_t)-1 for none */
	int plans;             /* inside a section headed as plans */
	int news;              /* under a news page's related links */
} blocks_state;

/* The paragraph, list item or table cell being read: rule "blocks" (and
 * a table's rules, a cell at a time) set it before the paragraph's rules
 * run; what is not set again is reset where the paragraph starts. */
typedef struct para_state {
	size_t block_start;    /* where it starts; set by ex_read_text */
	int in_item;           /* it is a list item; set by read_block */
	int in_table;          /* it is a plan's table cell or measure line; set,
	                          and reset after it, by ex_table (table.plan)
	                          and ex_measure_record (plan.measure_line) */
	int measure;           /* seq of the measure whose cell it is, or 0; set
	                          and reset with in_table */
	int measure_about_meetings; /* that measure is about the council's
	                          meetings; set and reset with in_table */
	int in_meeting_list;   /* it is an item of a list of meetings; set by
	                          read_block, reset after the item */
	int list_event_kind;   /* it is an item of a list of events of this kind
	                          ("Mokymai:"), or -1; set and reset as
	                          in_meeting_list */
	int mentions_meetings; /* it speaks of meetings ("posėd-"); set by
	                          ex_read_text */
	long last_event;       /* its last event, open or not (-1: none); set by
	                          ex_new_event, reset by ex_read_text unless the
	                          event carries on (carry_event) */
	/* An event whose participants may be stated in a later sentence of the
	 * paragraph or cell: set by ex_new_event, closed (-1) by the readers
	 * of events and by ex_read_text as last_event is. */
	long open_event;       /* index into x->events, or -1 */
	char open_keys[160];   /* event stems seen in its sentences, ';'-joined */
	year_scan ys;          /* ex_context_year's walk through the paragraph;
	                          starts again when block_start changes */
} para_state;

/* The sentence being read, and what the one before it asked: set by
 * sentence_one (extract_sentence.c) for every sentence of prose, and by
 * the composition reader for the sentences it reads. */
typedef struct sentence_state {
	int question;          /* the last sentence asked about meetings (Q_*);
	                          set for each sentence, read by the next */
	int refers_to_meetings; /* this sentence tells of the meetings a count
	                          named; set by the meeting readers, reset before
	                          and after each sentence */
	int answering_dates;   /* this sentence answers "Nurodykite posėdžių
	                          datas"; set for each sentence */
	int member_question;   /* the last sentence the composition reader read
	                          asked how many members; set for each one */
} sentence_state;

/* The extraction context: the document's state (in the struct itself),
 * the paragraph's (para) and the sentence's (sent). */
struct ctx {
	/* ---- the run: set by x_extract ---- */
	council_extraction *x; /* what is extracted */
	const lt_text *t;      /* the document's text */
	seg_doc doc;           /* its blocks (seg_document) */
	const char *rule;      /* the id of the rule reading now: every record
	                          made carries it (x_span.rule), for the corpus;
	                          set by x_extract, read_block, the sentence and
	                          table rules */
	int rc;                /* COUNCIL_OK, or the failure that stops the rules */

	/* ---- the document: set once by the rule that finds it ---- */
	size_t title_start, title_end; /* the title's bytes (ex_title_range) */
	int year;              /* report year, or 0 (year.title) */
	int pub_year;          /* the year the text was written, when known
	                          (year.title, doc.number) */
	int no_diacritics;     /* typed without Lithuanian letters ("posedziai"):
	                          set by x_extract */
	int several_councils;  /* the page is about several councils, none its
	                          subject (council.others): no member stored */
	excl *others;          /* parts under a heading naming another council
	                          (council.others), in document order */
	size_t n_others;
	char *side_body[3];    /* the body a composition says delegates each
	                          side's members, by council_side (owned; the
	                          composition reader) */
	excl *excl;            /* spans whose dates are not happenings, sorted by
	                          start and merged once the document pass has
	                          found them all (excl_sorted; act.cited and the
	                          protocol's agenda add them) */
	size_t n_excl;
	int excl_sorted;       /* excl is sorted and merged: excluded() bisects */
	sent_cache split;      /* the sentences of the pieces split so far
	                          (ex_sentences); grows, never reset */
	/* One sitting's protocol (extract_protocol.c, ex_is_protocol): */
	int protocol;          /* 1 a protocol, 0 not, -1 not asked yet */
	size_t head_end;       /* where its agenda or first item starts: the
	                          part before it says who attended */
	council_date sitting;  /* the sitting's day; year 0 while unknown */
	size_t agenda_end;     /* its agenda is [head_end, agenda_end); 0: none */

	/* ---- carried from paragraph to paragraph (rule "blocks"): set by the
	 * paragraph that opens it, reset by the one that ends it ---- */
	int label_meetings;    /* the last "label: N" line counted meetings
	                          (meeting.label); a paragraph not starting
	                          with a digit ends it */
	int heading_month;     /* "### Kovas": the month the items under it are
	                          in; another heading ends it */
	int composition_list;  /* items that follow list the council's parts;
	                          a paragraph not ending with a colon ends it */
	council_side side_heading; /* the side a heading gave the members listed
	                          under it, or COUNCIL_SIDE_UNKNOWN (member.roster,
	                          table.members) */
	int listing;           /* the reader adding members reads a list of the
	                          composition (member.roster, member.list,
	                          member.inline, table.members): ex_add_member
	                          marks them x_member.listed; set and reset
	                          around the list */
	int carry_event;       /* the open event goes on into the next blocks:
	                          set by a paragraph ending with a colon while
	                          an event is open, reset by the next paragraph
	                          that is no list item */
	/* A sentence stating a meeting count without its remote part, whose
	 * remote part a later sentence of the same paragraph may give
	 * (meeting.count sets it, meeting.remote_later reads it): */
	size_t count_sentence_end; /* its end, 0 when the last count had its
	                              remote part or was read */
	int count_year;
	int64_t count_total;
	size_t count_block;    /* the paragraph of that sentence (its block_start) */

	para_state para;       /* the paragraph being read */
	sentence_state sent;   /* the sentence being read */
};

/* Whether offsets lie inside a „…“ or "…" quotation opened at or after
 * from.  Callers walking forward word by word ask about later and later
 * offsets: the scan goes on from where the last question left it instead
 * of starting again at from (which made such walks quadratic). */
typedef struct quotes {
	size_t from, at;       /* view[from, at) scanned */
	int depth, ascii;      /* „ opened and not closed; inside "..." */
} quotes;

/* extract_text.c */
/* Next word at or after pos in view[..end); 0 when none.  The rules call
 * this at every word they pass: the look-up in the document's words
 * (lt_words, in force on this thread) is inline, where no character of
 * the text is a letter to lt_word.c and none here (!wide); the scan of
 * the view is ex_next_word_scan. */
int ex_next_word_scan(const lt_text *t, size_t pos, size_t end, word *w);
static inline int ex_next_word(const lt_text *t, size_t pos, size_t end, word *w)
{
	const lt_words *d = lt_doc_words;
	size_t i;

	if (d && d->s == t->view && !d->wide && pos <= end && end <= d->len &&
	    (d->boundary[pos] & 1) && (d->boundary[end] & 1)) {
		i = d->end[pos] > pos ? pos : d->next[pos];
		if (i >= end)
			return 0;
		w->start = i;
		w->end = d->end[i] < end ? d->end[i] : end;
		return 1;
	}
	return ex_next_word_scan(t, pos, end, w);
}
/* Where the line of v at i ends: its '\n', or end.  Rules walk the
 * document line by line; memchr passes over a line many bytes at a time. */
size_t ex_eol(const char *v, size_t i, size_t end);
int ex_prev_word(const lt_text *t, size_t lo, size_t pos, word *w);
char *ex_fold(const lt_text *t, size_t start, size_t end);
/* ex_fold, with an index on the fold opened for the stem look-ups
 * (ex_find_stem, ex_has_any_stem) in it: fi_close(ix) before freeing it.
 * When it returns NULL nothing was opened. */
char *ex_fold_open(const lt_text *t, size_t start, size_t end, fi_index *ix);
size_t ex_fold_into(const lt_text *t, char *buf, size_t start, size_t end);
void ex_free_folded(char *f, const char *buf);
int ex_word_has_stem(const lt_text *t, const word *w, const char *const *stems);
int ex_is_capitalised(const lt_text *t, const word *w);
int ex_org_acronym(const lt_text *t, const word *w);
const char *ex_find_stem(const char *folded, const char *stem);
int ex_has_any_stem(const char *folded, const char *const *stems);
int ex_oom(ctx *c);
char *ex_clean(ctx *c, size_t start, size_t end);
char *ex_clean_capped(ctx *c, size_t start, size_t end, size_t max);
void ex_exclude(ctx *c, size_t start, size_t end);
void ex_excl_finish(ctx *c);
int ex_excluded(const ctx *c, size_t start, size_t end);
/* seg_sentences over view[start,end), each piece split once a document:
 * the same calls of fn in the same order, from the sentences kept when
 * the piece was split before. */
int ex_sentences(ctx *c, size_t start, size_t end, seg_sentence_fn fn, void *arg);
void ex_sentences_free(ctx *c);
void ex_quotes_init(quotes *q, size_t from);
int ex_quoted_at(const lt_text *t, quotes *q, size_t pos);
int ex_inside_quote(const lt_text *t, size_t from, size_t pos);

/* The rule trace: fn(arg, id) is called, on the thread that set it, each
 * time rule id makes a record (ex_made, which also stamps the record's
 * span with the id) or changes one (ex_fired).  For tests only. */
typedef void (*ex_trace_fn)(void *arg, const char *rule);
void ex_set_trace(ex_trace_fn fn, void *arg);
void ex_fired(const ctx *c);
void ex_made(const ctx *c, x_span *span);
void *ex_push(ctx *c, void **arr, size_t *n, size_t size);

/* Calls fn(arg, id, what) for every genre rule, in the order they run:
 * the document's rules, the tables', the paragraphs' and the sentences'
 * (extract.c, extract_sentence.c). */
typedef void (*ex_rule_fn)(void *arg, const char *id, const char *what);
void ex_rules_each(ex_rule_fn fn, void *arg);
void ex_sentence_rules_each(ex_rule_fn fn, void *arg);

/* extract_council.c */
int ex_municipality_and_council(ctx *c, size_t start, size_t end);
int ex_other_municipality_before(ctx *c, size_t s, size_t pos);
void ex_other_councils(ctx *c);
int ex_municipality_word(ctx *c, const word *w);
int ex_in_other_council(const ctx *c, size_t pos);
void ex_event_councils(ctx *c);
int ex_member_council(ctx *c, size_t name_start, size_t name_end, x_council_ref *ref);
void ex_member_councils(ctx *c);
void ex_title_range(const ctx *c, size_t *start, size_t *end);
int ex_has_lithuanian_letters(const lt_text *t);
void ex_report_year_and_plan(ctx *c, size_t ts, size_t te);
void ex_guess_year(ctx *c);
void ex_document_number(ctx *c);
void ex_legal_acts(ctx *c);
void ex_own_act(ctx *c);

/* extract_members.c */
extern const char *const ex_office_stems[];
int ex_same_person(const char *a, const char *b);
void ex_former_names(ctx *c);
int ex_role_in(ctx *c, size_t s, size_t e);
/* Adds the member (or completes the one of that name already read) and
 * returns it, or NULL when memory ran out; takes represents. */
x_member *ex_add_member(ctx *c, const char *name_in, council_role role, char *represents, size_t name_start, size_t name_end, size_t span_start, size_t span_end);
void ex_roles(ctx *c);
void ex_member_lists(ctx *c);
void ex_member_changes(ctx *c, size_t s, size_t e, const char *f);
void ex_member_elected(ctx *c, size_t s, size_t e, const char *f);
void ex_member_terms(ctx *c, size_t s, size_t e, const char *f);
void ex_struck_members(ctx *c);
void ex_inline_members(ctx *c, size_t s, size_t e, const char *f);
int ex_composition_sentence(void *vc, size_t start, size_t end);
int ex_bare_role(const char *f);
/* Whether the document is a yearly report (its title names an "ataskaita"),
 * whose officers are listed as the year had them. */
int ex_yearly_report(ctx *c);
council_side ex_side_heading(ctx *c, size_t s, size_t e);
/* The side an organisation's or a heading's folded words name
 * (extract_members.c). */
council_side ex_side_of(const char *f);
char *ex_organisation(ctx *c, size_t start, size_t end);
/* "Name (Upninkų bendruomenė)": the organisation in parentheses right after
 * the name at name_end, before limit; NULL when none (or a remark). */
char *ex_parenthesised_org(ctx *c, size_t name_end, size_t limit);
char *ex_delegating_body(ctx *c, size_t s, size_t e);
/* The side a delegating body's name (not folded) says its members are of:
 * the community organisations' assembly or union, or the municipality's
 * council, mayor or administration (extract_org.c). */
council_side ex_side_of_body(const char *body);

/* extract_roster.c */
void ex_roster(ctx *c);
char *ex_description(ctx *c, size_t s, size_t e, int *role);
void ex_count_listed(ctx *c);
void ex_side_delegated(ctx *c);
int ex_delegated_groups(ctx *c);
/* s (owned) with its head noun, the word head of the text, made
 * nominative ("Savivaldybės administracijos" -> "... administracija"). */
char *ex_head_nominative(ctx *c, char *s, word head);

/* extract_events.c */
int ex_verb_stem(const char *stem);
int ex_event_keyword(const lt_text *t, const word *w, council_event_kind *kind, const char **stem);
char *ex_organiser_after(ctx *c, size_t from, size_t s_end);
int ex_mentions_any(const char *f, const char *const *forms);
extern const char *const ex_remote_words[];
extern const char *const ex_in_person_words[];
extern const char *const ex_hybrid_words[];
int ex_sentence_remote(const char *f);
/* Did the happening near [lo,hi) in sentence [s,e) not (or not yet) take
 * place?  (extract_planned.c) */
int ex_did_not_happen(ctx *c, size_t s, size_t e, size_t lo, size_t hi);
int ex_set_groups(ctx *c, x_event *e, const lt_participants *p);
void ex_later_participants(ctx *c, size_t s, size_t e);
void ex_new_event(ctx *c, size_t s, size_t e, const lt_date_match *m, const char *f, const word *kw, council_event_kind kind, const char *stem);
void ex_new_list_event(ctx *c, size_t s, size_t e, const lt_date_match *m, const char *f, council_event_kind kind);
extern const char *const ex_meeting_stems[];
extern const char *const ex_other_bodies[];
extern const char *const ex_not_happened[];
/* The stems of a change of composition ex_member_changes looks for. */
extern const char *const ex_member_change_stems[];

/* extract_meetings.c */
void ex_add_figure(ctx *c, int year, council_metric metric, int64_t value, council_qualifier q, size_t s, size_t e);
void ex_add_meeting(ctx *c, council_period date, const char *f, size_t s, size_t e, const char *own);
int ex_meeting_word(ctx *c, const word *w, size_t e);
int ex_other_council(ctx *c, size_t s, const word *t);
int ex_other_body_subject(ctx *c, size_t s, size_t cs);
int ex_meeting_date(ctx *c, size_t s, size_t e, size_t ds, size_t de);
void ex_held_of_convened(ctx *c, size_t s, size_t e, size_t cs, size_t ce, int64_t *total);
int ex_in_parentheses(const char *v, size_t s, size_t i);
int ex_earlier_year_count(const char *v, size_t p, size_t e, int ex_this_year, int *year, int64_t *n);
void ex_elided_year_count(ctx *c, size_t p, size_t e, int first_year);
void ex_remote_of_previous(ctx *c, size_t s, size_t e);
void ex_of_which_remote(ctx *c, size_t s, size_t e, const char *f);
int ex_label_remote(ctx *c, size_t from, size_t e, int64_t total, int64_t *remote);
void ex_label_counts(ctx *c, size_t s, size_t e, const char *f);
int ex_field_qualifier(ctx *c, size_t *i, size_t e, council_qualifier *q);
int ex_field_participants(ctx *c, size_t s, size_t e, lt_participants *p);

/* extract_sentence.c */
int ex_context_year(ctx *c, size_t block_start, size_t pos);
void ex_this_year(ctx *c, size_t s, lt_date_match *m);
int ex_form_field(ctx *c, size_t s, size_t e, const char *const *labels, size_t *vs, size_t *ve);
int ex_form_event(ctx *c, size_t s, size_t e);
int ex_month_heading(ctx *c, const seg_block *b);
void ex_read_text(ctx *c, size_t start, size_t end);

/* extract_tables.c */
int ex_enumerated_genitive(ctx *c, size_t s, size_t i, size_t end);
void ex_members_table(ctx *c, const seg_block *b);
void ex_events_table(ctx *c, const seg_block *b);
void ex_meetings_table(ctx *c, const seg_block *b);
void ex_table(ctx *c, const seg_block *b);
int ex_measure_record(ctx *c, const seg_block *b);
void ex_merge_events(ctx *c);

/* extract_protocol.c */
int ex_is_protocol(ctx *c);
void ex_protocol_agenda(ctx *c);
void ex_protocol_officers(ctx *c);
void ex_protocol_meeting(ctx *c);
void ex_protocol_attendance(ctx *c);
void ex_quorum(ctx *c);

/* extract_news.c */
void ex_council_named(ctx *c);
void ex_running_members(ctx *c);
void ex_represent_members(ctx *c);

/* extract_forms.c: rule forms.dictionary, and a person's name to its
 * dictionary form: *name (the rule's nominative of as_written, owned) is
 * replaced when lt_lemma_name, reading the original text around
 * [start, end) (original byte offsets, as in x_span), says otherwise. */
void ex_dictionary_forms(ctx *c);
void ex_form_name(ctx *c, char **name, const char *as_written, size_t start, size_t end);

/* extract.c */
int ex_heading_like(const lt_text *t, size_t s, size_t e);

#endif /* COUNCIL_EXTRACT_INT_H */
