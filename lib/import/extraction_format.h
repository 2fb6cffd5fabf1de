/* SPDX-License-Identifier: MIT */
/*
 * extraction_format.h -- the extraction's JSON format as data, shared by
 * extraction.c (the tables, freeing, fitting and writing) and
 * extraction_read.c (reading and checking).  Not the public API.
 */
#ifndef COUNCIL_EXTRACTION_FORMAT_H
#define COUNCIL_EXTRACTION_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "report.h"

/* Every member of the format is one row of a table (extraction.c): its
 * name, its kind, where it lives in the structs of report.h, whether it is
 * required and its range.  Reading, writing, normalising and freeing walk
 * the same tables, so a member cannot be read one way and written
 * another, and one checked accessor per kind reads them all. */

typedef enum jkind {
	J_FORMAT,  /* the "format" member: checked first, written as the constant */
	J_DOCPATH, /* source.path: char *, a file name kept as given; written as
	              the extraction's own path when NULL */
	J_TEXT,    /* char *, in NFC */
	J_QUOTE,   /* char *, in NFC, at most X_QUOTE_MAX characters */
	J_INT,     /* int in lo..hi; dflt when absent; written null when < 0 */
	J_I64,     /* int64_t, the same */
	J_SIZE,    /* size_t in lo..hi; dflt when absent */
	J_ENUM,    /* an enumeration (e) by its text form; dflt when absent */
	J_DATE,    /* council_date */
	J_DAY,     /* council_date known to the day */
	J_PERIOD,  /* council_period: a date or "FROM..TO" */
	J_BOOL3,   /* int: true 1, false 0, null or absent -1 */
	J_FLAG,    /* int: true 1, false or absent 0 */
	J_TEXTS,   /* char ** in NFC, its count (size_t) at off2 */
	J_SEQS,    /* int * of measure numbers in lo..hi, its count at off2 */
	J_OBJECT,  /* sub's members at base + off; off2: an int set to 1 when
	              the object is there (NO_FLAG: none) */
	J_SPAN,    /* an x_span at off; there when it has a quote */
	J_ARRAY    /* objects of sub: an array at off of elem-byte elements, its
	              count (size_t) at off2 */
} jkind;

#define NO_FLAG ((size_t)-1)

typedef struct jreader jreader;
typedef struct jtable jtable;

typedef struct jfield {
	const char *name;
	jkind kind;
	int required;          /* absent and null are refused */
	size_t off, off2;
	int64_t lo, hi, dflt;
	council_enum e;
	const jtable *sub;
	size_t elem;
	int omit;              /* left out when unknown: J_I64 not above 0, J_OBJECT
	                          not present, J_TEXTS empty */
} jfield;

struct jtable {
	const jfield *fields;
	size_t n;
	/* What involves more than one member (year_from <= year_to, measure
	 * numbers resolved); NULL when nothing does. */
	void (*check)(jreader *r, char *rec);
};

/* The format's top level: council_extraction's members. */
extern const jtable x_root_table;

/* What the reader checks across members (the tables' check hooks,
 * extraction_read.c): a span's end after its start, a plan's years in
 * order, a membership's change, measure numbers and the events' links. */
void x_check_span(jreader *r, char *rec);
void x_check_plan(jreader *r, char *rec);
void x_check_member(jreader *r, char *rec);
void x_check_references(jreader *r, char *rec);

/* Measure numbers sorted, with where each stands, so that duplicates and
 * references are found in n log n however long the lists. */
typedef struct seq_at {
	int seq;
	size_t at;
} seq_at;

/* x's measure numbers sorted, with where each stands (heap, free it);
 * NULL when there are no measures or no memory. */
seq_at *x_seq_index(const council_extraction *x);

/* The position in ix (n entries) of the first entry for seq, or n. */
size_t x_seq_find(const seq_at *ix, size_t n, int seq);

#endif /* COUNCIL_EXTRACTION_FORMAT_H */
