/* SPDX-License-Identifier: MIT */
/*
 * people.c -- who is who: the person each member row (a membership) is of.
 * Name variants of one person within a council are one person; across
 * councils only the same full name with nothing against it.  What cannot
 * be decided stays apart and is listed in person_ambiguity.  The
 * memberships a person has are listed by council_query_memberships
 * (query.c).
 *
 * The rule, on names read through the importer's nominative reader
 * (lt_name_nominative) and folded (lower case, no diacritics), word by word
 * in order and with the same number of words:
 *   same     every word equal: "Karolio Urbono" and "Karolis Urbonas" are
 *            one name, "Ruta Zemaitiene" and "Rūta Žemaitienė" too;
 *   initial  some words are initials of the other's ("K. Urbonas");
 *   married  first names equal, one surname a part of the other's
 *            double surname ("Rasa Vilimienė", "Rasa Stankevičiūtė-Vilimienė").
 * A former name a document states ("Indrė Balčiūnienė (buvusi
 * Valančiūtė)": member.former_name "Indrė Valančiūtė") makes the name
 * with it the same person, named by the current name.
 * A name typed without Lithuanian letters is also read as an accusative
 * that lost its ogonek ("Saruna Zilinska" for "Šarūną Žilinską", a word
 * ending in a, i or u): a word equal in that reading is equal.
 * A name joins the council's person with a same name; else the one person
 * all of whose names it fits by initial or married surname (two such: the
 * name stays a person of its own, listed); else, with no initial, the one
 * person of other councils with the same full name (two: listed); else a
 * new person.  Two different nominatives ("Jonas", "Jonė") never meet.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "utf8.h"
#include "import/lt.h"
#include "sqlbuf.h"

#define MAX_WORDS 8
/* Word i of pname p. */
#define WORD(p, i) ((p)->buf + (p)->w[i])

/* The longest name read, in bytes (longer ones are cut). */
#define NAME_MAX_BYTES 640

/* A name read for comparison: its folded nominative words.  The words are
 * in one buffer on the heap sized to the name (pname_free): an import
 * holds a council's rows, some hundreds, while it stores a file, and two
 * fixed buffers of NAME_MAX_BYTES a row made most of what grew with the
 * registry. */
typedef struct pname {
	char *buf;                  /* the folded nominative, words NUL-separated,
	                               then alt's words; NULL when n == 0 */
	char *alt;                  /* a name typed without Lithuanian letters
	                               read as an accusative without its ogonek
	                               (a, i, u for ą, į, ų), folded nominative
	                               words as in buf, in buf's block; an == 0
	                               (and alt NULL) when not read */
	unsigned short w[MAX_WORDS]; /* where each word starts in buf, an
	                               initial without its dot */
	unsigned short aw[MAX_WORDS]; /* likewise in alt */
	unsigned short len;         /* bytes of buf's block (buf's words, then
	                               alt's) */
	unsigned char initial[MAX_WORDS]; /* w[i] is an initial */
	unsigned char n;            /* words */
	unsigned char an;           /* words in alt (n or 0) */
	unsigned char any_initial;  /* some word is an initial */
} pname;

/* One member row as resolution sees it. */
typedef struct prow {
	council_id id, council, person;
	pname nm;
	pname *former;              /* the name with the former surname the
	                               document states ("Indrė Valančiūtė" of
	                               "Indrė Balčiūnienė (buvusi Valančiūtė)"),
	                               on the heap (rows_free): few rows have
	                               one, and a council's rows are held
	                               while an import stores a file; NULL:
	                               none */
	int has_former;             /* former != NULL */
	size_t next;                /* the next row of the same person (NONE:
	                               none), when the rows are chained */
	int first;                  /* the first row of its person, likewise */
} prow;

#define NONE ((size_t)-1)

enum rel { REL_NONE, REL_INITIAL, REL_MARRIED, REL_SAME };

/* Reads name's folded nominative into buf, its words into w[] (and
 * initial[] when given); returns the number of words. */
static size_t words_read(char *buf, size_t bufsz, unsigned short *w, unsigned char *initial,
                         const char *name, size_t n)
{
	char nom[NAME_MAX_BYTES];
	size_t k, i, start, words = 0;

	if (n >= sizeof nom)
		n = sizeof nom - 1;
	k = lt_name_nominative(nom, sizeof nom, name, n);
	if (!k) {
		memcpy(nom, name, n);
		k = n;
	}
	nom[k] = '\0';
	if (k >= bufsz)
		k = bufsz - 1;
	k = utf8_fold_into(buf, nom, k);
	buf[k] = '\0';
	/* words end at a space or after an initial's dot ("R.Stankevičiūtė") */
	for (i = 0, start = 0; i <= k && words < MAX_WORDS; i++) {
		int end = i == k || buf[i] == ' ' || buf[i] == '.';
		if (!end)
			continue;
		if (i > start) {
			if (initial)
				initial[words] = buf[i] == '.' || i - start == 1;
			w[words++] = (unsigned short)start;
		}
		if (i < k)
			buf[i] = '\0';
		start = i + 1;
	}
	return words;
}

/* The accusative reading of a name typed without Lithuanian letters: each
 * word of three letters or more ending in a, i or u given the ogonek the
 * keyboard lost (ą, į, ų), so the nominative reader sees "Šarūną"'s
 * ending in "Saruna".  Returns 0 when the name has Lithuanian letters or
 * no such word. */
static size_t accusative_spelling(char *out, size_t outsz, const char *name)
{
	size_t i, k = 0, len = strlen(name);
	int changed = 0;

	for (i = 0; i < len; i++)
		if ((unsigned char)name[i] >= 0x80)
			return 0;
	for (i = 0; i < len && k + 3 < outsz; i++) {
		char c = name[i];
		int word_end = i + 1 == len || name[i + 1] == ' ' || name[i + 1] == '-';
		size_t wlen = 0;
		while (wlen < i + 1 && i - wlen < len && name[i - wlen] != ' ' && name[i - wlen] != '-')
			wlen++;
		if (word_end && wlen >= 3 && (c == 'a' || c == 'i' || c == 'u')) {
			/* UTF-8 of ą (c4 85), į (c4 af), ų (c5 b3) */
			out[k++] = c == 'u' ? (char)0xc5 : (char)0xc4;
			out[k++] = c == 'a' ? (char)0x85 : c == 'i' ? (char)0xaf : (char)0xb3;
			changed = 1;
		} else {
			out[k++] = c;
		}
	}
	out[k] = '\0';
	return changed ? k : 0;
}

/* Bytes of buf up to the end of word n - 1 and its NUL. */
static size_t words_used(const char *buf, const unsigned short *w, size_t n)
{
	return n ? w[n - 1] + strlen(buf + w[n - 1]) + 1 : 0;
}

static void pname_free(pname *p)
{
	free(p->buf);
	memset(p, 0, sizeof *p);
}

/* Reads name into p (pname_free); -1 when out of memory (p then reads
 * as a name of no words). */
static int pname_read(pname *p, const char *name)
{
	char buf[NAME_MAX_BYTES], alt[NAME_MAX_BYTES], acc[NAME_MAX_BYTES];
	size_t i, n, buflen, altlen = 0;

	memset(p, 0, sizeof *p);
	p->n = (unsigned char)words_read(buf, sizeof buf, p->w, p->initial, name, strlen(name));
	for (i = 0; i < p->n; i++)
		p->any_initial |= p->initial[i];
	if ((n = accusative_spelling(acc, sizeof acc, name)) > 0) {
		p->an = (unsigned char)words_read(alt, sizeof alt, p->aw, NULL, acc, n);
		if (p->an != p->n)
			p->an = 0;
	}
	if (!p->n)
		return 0;
	buflen = words_used(buf, p->w, p->n);
	if (p->an)
		altlen = words_used(alt, p->aw, p->an);
	if (!(p->buf = malloc(buflen + altlen))) {
		memset(p, 0, sizeof *p);
		return -1;
	}
	memcpy(p->buf, buf, buflen);
	if (altlen) {
		p->alt = p->buf + buflen;
		memcpy(p->alt, alt, altlen);
	}
	p->len = (unsigned short)(buflen + altlen);
	return 0;
}

/* Whether word i of a and b are equal, either read as an accusative typed
 * without Lithuanian letters. */
static int word_equal(const pname *a, const pname *b, size_t i)
{
	if (strcmp(WORD(a, i), WORD(b, i)) == 0)
		return 1;
	if (a->an && !b->an && strcmp(a->alt + a->aw[i], WORD(b, i)) == 0)
		return 1;
	return b->an && !a->an && strcmp(WORD(a, i), b->alt + b->aw[i]) == 0;
}

/* Whether s is one of the hyphen parts of d ("vilimiene" of
 * "stankeviciute-vilimiene"). */
static int hyphen_part(const char *s, const char *d)
{
	size_t n = strlen(s);
	const char *p = d;

	if (!strchr(d, '-'))
		return 0;
	while (p) {
		const char *e = strchr(p, '-');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && memcmp(p, s, n) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

static enum rel relate(const pname *a, const pname *b)
{
	int init = 0, married = 0;
	size_t i;

	if (a->n != b->n || a->n == 0)
		return REL_NONE;
	for (i = 0; i < a->n; i++) {
		if (word_equal(a, b, i))
			continue;
		if (a->initial[i] != b->initial[i]) {
			if (WORD(a, i)[0] != WORD(b, i)[0])
				return REL_NONE;
			init = 1;
		} else if (i + 1 == a->n && a->n > 1 && !a->initial[i] &&
		           (hyphen_part(WORD(a, i), WORD(b, i)) || hyphen_part(WORD(b, i), WORD(a, i)))) {
			married = 1;
		} else {
			return REL_NONE;
		}
	}
	/* an initial and a second surname at once is too little to go on */
	if (init && married)
		return REL_NONE;
	return married ? REL_MARRIED : init ? REL_INITIAL : REL_SAME;
}

/* The former name a member row states (member.former_name, schema
 * version 14: "Indrė Valančiūtė" of "Indrė Balčiūnienė (buvusi
 * Valančiūtė)"), read into r->former, on the heap as few rows have one.
 * -1 when out of memory. */
static int former_read(prow *r, const char *former)
{
	pname f;

	r->has_former = 0;
	r->former = NULL;
	if (!former)
		return 0;
	if (pname_read(&f, former) != 0)
		return -1;
	if (f.n != r->nm.n || r->nm.any_initial) {
		pname_free(&f);
		return 0;
	}
	if (!(r->former = malloc(sizeof f))) {
		pname_free(&f);
		return -1;
	}
	*r->former = f;
	r->has_former = 1;
	return 0;
}

/* Whether name (or its former spelling, when given) and row o are one
 * person by a former surname stated by either. */
static int same_by_former(const pname *name, const pname *former, const prow *o)
{
	return (o->has_former && relate(name, o->former) == REL_SAME) ||
	       (former && relate(former, &o->nm) == REL_SAME);
}

/* ---- reading the rows ---------------------------------------------------- */

typedef struct prows {
	prow *r;
	size_t n, cap;
	int chained;                /* next and first hold for every row: a
	                               person's rows are visited without
	                               reading the others (chains_build) */
} prows;

/* ---- names read before --------------------------------------------------- */

/* What a name reads as (pname_read) is kept for the names read last, in a
 * table of fixed size on the handle (two slots per hash of the name, the
 * newest two names taking them): an import reads its council's rows once
 * per file, and reading each name (its nominative, folded) was most of
 * that.  Exact, as the reading depends on the name alone; the memory is
 * bounded, about a hundred bytes a name kept.  With one slot per hash, a
 * fifth of the benchmark corpus's 528 names shared a slot with another
 * and were read again and again.  (A former name is read each time: it
 * is rare.) */
#define NAME_MEMO 4096

struct cdb_name_memo {
	char *slot[NAME_MEMO];      /* the name, NUL, then its packed reading;
	                               NULL: empty */
};

/* Reads name into p through the handle's table m of names read before
 * (NULL: without); -1 when out of memory.  A slot holds the name, its NUL,
 * the pname and its words. */
static int pname_read_memo(pname *p, struct cdb_name_memo *m, const char *name)
{
	size_t n = strlen(name), h = 2166136261u, i;
	char *blob;

	if (!m)
		return pname_read(p, name);
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	h %= NAME_MEMO;
	if (m->slot[h ^ 1] && strcmp(m->slot[h ^ 1], name) == 0)
		h ^= 1;
	if (m->slot[h] && strcmp(m->slot[h], name) == 0) {
		const char *words = m->slot[h] + n + 1 + sizeof *p;
		memcpy(p, m->slot[h] + n + 1, sizeof *p);
		if (!p->n)
			return 0;
		if (!(p->buf = malloc(p->len))) {
			memset(p, 0, sizeof *p);
			return -1;
		}
		memcpy(p->buf, words, p->len);
		p->alt = p->an ? p->buf + words_used(p->buf, p->w, p->n) : NULL;
		return 0;
	}
	if (pname_read(p, name) != 0)
		return -1;
	/* without memory for the slot the name is just not kept */
	if (!(blob = malloc(n + 1 + sizeof *p + p->len)))
		return 0;
	memcpy(blob, name, n + 1);
	{
		pname head = *p;
		head.buf = head.alt = NULL;
		memcpy(blob + n + 1, &head, sizeof head);
	}
	memcpy(blob + n + 1 + sizeof *p, p->buf, p->len);
	/* an empty slot of the pair takes it; else the older name of the
	 * pair goes (the newer moves to the other slot) */
	if (m->slot[h] && !m->slot[h ^ 1]) {
		m->slot[h ^ 1] = blob;
		return 0;
	}
	if (m->slot[h]) {
		free(m->slot[h ^ 1]);
		m->slot[h ^ 1] = m->slot[h];
	}
	m->slot[h] = blob;
	return 0;
}

void cdb_people_close(council_db *db)
{
	size_t i;

	if (!db->names)
		return;
	for (i = 0; i < NAME_MEMO; i++)
		free(db->names->slot[i]);
	free(db->names);
	db->names = NULL;
}

/* The columns a row is read from: "SELECT id, council_id, name, person_id,
 * former_name" (former_name may be left out).  -1 when out of memory. */
static int prow_read(prow *r, sqlite3_stmt *st, struct cdb_name_memo *m)
{
	r->id = sqlite3_column_int64(st, 0);
	r->council = sqlite3_column_int64(st, 1);
	r->person = sqlite3_column_int64(st, 3);
	r->has_former = 0;
	r->former = NULL;
	if (pname_read_memo(&r->nm, m, (const char *)sqlite3_column_text(st, 2)) != 0)
		return -1;
	if (sqlite3_column_count(st) > 4)
		return former_read(r, (const char *)sqlite3_column_text(st, 4));
	return 0;
}

/* Frees what row r holds (not r). */
static void prow_free(prow *r)
{
	pname_free(&r->nm);
	if (r->former) {
		pname_free(r->former);
		free(r->former);
		r->former = NULL;
	}
	r->has_former = 0;
}

static void rows_free(prows *rows)
{
	size_t i;

	for (i = 0; rows->r && i < rows->n; i++)
		prow_free(&rows->r[i]);
	free(rows->r);
	rows->r = NULL;
	rows->n = rows->cap = 0;
}

/* Room for one more row at the end of rows; NULL when out of memory. */
static prow *rows_grow(prows *rows)
{
	if (rows->n == rows->cap) {
		prow *more = realloc(rows->r, (rows->cap ? rows->cap * 2 : 16) * sizeof *more);
		if (!more)
			return NULL;
		rows->r = more;
		rows->cap = rows->cap ? rows->cap * 2 : 16;
	}
	rows->chained = 0;
	return &rows->r[rows->n++];
}

static int row_by_id(const void *a, const void *b)
{
	council_id x = ((const prow *)a)->id, y = ((const prow *)b)->id;

	return (x > y) - (x < y);
}

/* Reads the rows sql selects (the columns prow_read names; ?1: a) into
 * out, in id order.  The rows come in the order of the index sql finds
 * them by (a council's, from member_people: in id order already) and are
 * sorted here when they are not: an ORDER BY id made SQLite sort them in
 * a temporary b-tree on databases without that index. */
static int rows_load(prows *out, council_db *db, const char *sql, council_id a)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	if (a)
		sqlite3_bind_int64(st, 1, a);
	/* a table of names read before (in an import: the next file of the
	 * council reads them again); none without memory */
	if (!db->names)
		db->names = calloc(1, sizeof *db->names);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		prow *r = rows_grow(out);
		if (!r || prow_read(r, st, db->names) != 0) {
			sqlite3_reset(st);
			rows_free(out);
			return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		}
	}
	if (rc != SQLITE_DONE) {
		rc = cdb_sqlite_error(db, sqlite3_reset(st), "people");
		rows_free(out);
		return rc;
	}
	sqlite3_reset(st);
	for (i = 1; i < out->n && out->r[i - 1].id < out->r[i].id; i++)
		;
	if (i < out->n)
		qsort(out->r, out->n, sizeof *out->r, row_by_id);
	return COUNCIL_OK;
}

/* Links each person's rows in id order (prow.next, prow.first), so that
 * a lookup reads each row a few times rather than once per row of the
 * council: with a few hundred rows a council, the scans below were most
 * of an import's storing.  Without memory the rows stay unchained and the
 * helpers below scan. */
static void chains_build(prows *rows)
{
	struct slot {
		council_id person;
		size_t last;
	} *t;
	size_t cap = 16, i;

	while (cap < 2 * rows->n)
		cap *= 2;
	if (!(t = calloc(cap, sizeof *t)))
		return;
	for (i = 0; i < rows->n; i++) {
		prow *r = &rows->r[i];
		size_t h;
		r->next = NONE;
		r->first = 0;
		if (!r->person)
			continue;
		for (h = ((size_t)r->person * 2654435761u) & (cap - 1);
		     t[h].person && t[h].person != r->person; h = (h + 1) & (cap - 1))
			;
		if (t[h].person)
			rows->r[t[h].last].next = i;
		else
			r->first = 1;
		t[h].person = r->person;
		t[h].last = i;
	}
	free(t);
	rows->chained = 1;
}

/* The next row after i of row i's person; NONE when none. */
static size_t next_of(const prows *rows, size_t i)
{
	size_t j;

	if (rows->chained)
		return rows->r[i].next;
	for (j = i + 1; j < rows->n; j++)
		if (rows->r[j].person == rows->r[i].person)
			return j;
	return NONE;
}

/* Whether row i is its person's first. */
static int first_of(const prows *rows, size_t i)
{
	size_t j;

	if (rows->chained)
		return rows->r[i].first;
	for (j = 0; j < i; j++)
		if (rows->r[j].person == rows->r[i].person)
			return 0;
	return 1;
}

/* Whether row o's name is a former name another row of the person whose
 * first row is from states: "I. Balčiūnienė" need not fit the maiden
 * "Indrė Valančiūtė". */
static int is_former_name(const prows *rows, size_t from, const prow *o)
{
	size_t j;

	for (j = from; j != NONE; j = next_of(rows, j))
		if (rows->r[j].has_former && relate(&o->nm, rows->r[j].former) == REL_SAME)
			return 1;
	return 0;
}

/* How name fits the person whose first row is from, among rows (other
 * than the row skip): REL_SAME when one of the person's names is the same,
 * else the weakest relation over all of them (REL_NONE when one does not
 * fit). */
static enum rel fit(const prows *rows, size_t from, const pname *name, const pname *former,
                    council_id skip)
{
	enum rel worst = REL_SAME;
	size_t i;
	int seen = 0;

	for (i = from; i != NONE; i = next_of(rows, i)) {
		enum rel r;
		if (rows->r[i].id == skip || is_former_name(rows, from, &rows->r[i]))
			continue;
		r = relate(name, &rows->r[i].nm);
		if (r == REL_SAME || same_by_former(name, former, &rows->r[i]))
			return REL_SAME;
		if (r < worst)
			worst = r;
		seen = 1;
	}
	return seen ? worst : REL_NONE;
}

/* The person of name in council rows (the member skip left out): *person
 * 0 when none; *cands the number of persons it fits short of the same name
 * (two or more: it stays apart).  Each person is asked at its first row,
 * unless that is the row skip. */
static council_id in_council(prows *rows, const pname *name, const pname *former,
                             council_id skip, int *cands)
{
	council_id one = 0;
	size_t i;

	if (!rows->chained)
		chains_build(rows);
	*cands = 0;
	for (i = 0; i < rows->n; i++) {
		council_id p = rows->r[i].person;
		if (!p || rows->r[i].id == skip || !first_of(rows, i))
			continue;
		switch (fit(rows, i, name, former, skip)) {
		case REL_SAME:
			*cands = 0;
			return p;
		case REL_INITIAL:
		case REL_MARRIED:
			if (!(*cands)++)
				one = p;
			break;
		default:
			break;
		}
	}
	return *cands == 1 ? one : 0;
}

/* ---- writing ------------------------------------------------------------- */

static int exec_ii(council_db *db, const char *sql, council_id a, council_id b)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = cdb_prepare(&st, db, sql)) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	return cdb_exec_stmt(db, st, "people");
}

static int ambiguity_add(council_db *db, council_id member, council_id cand, const char *reason)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = cdb_prepare(&st, db, "INSERT OR IGNORE INTO person_ambiguity(member_id, candidate, "
	                      "reason) VALUES (?, ?, ?)")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, member);
	sqlite3_bind_int64(st, 2, cand);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
	return cdb_exec_stmt(db, st, "people");
}

/* The name's key: its folded nominative words, space-separated
 * ("karolis urbonas"); person.key holds its name's. */
static void pname_key(char *out, size_t size, const pname *p)
{
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < p->n; i++) {
		size_t k = strlen(WORD(p, i));
		if (o + k + 2 > size)
			break;
		if (o)
			out[o++] = ' ';
		memcpy(out + o, WORD(p, i), k);
		o += k;
		out[o] = '\0';
	}
}

/* The persons of other councils with exactly this full name (by
 * person.key, an index lookup): their ids in ids, *n how many (up to 3;
 * more than one and the name stays apart). */
static int elsewhere(council_id ids[3], int *n, council_db *db, council_id council,
                     const pname *name)
{
	sqlite3_stmt *st;
	char key[640];
	int rc;

	*n = 0;
	if (name->any_initial)
		return COUNCIL_OK;
	pname_key(key, sizeof key, name);
	if ((rc = cdb_prepare(&st, db, "SELECT id FROM person p WHERE key = ?1 AND NOT EXISTS "
	                      "(SELECT 1 FROM member m WHERE m.person_id = p.id AND m.council_id = ?2) "
	                      "ORDER BY id LIMIT 3")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, council);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE)
		return cdb_sqlite_error(db, sqlite3_reset(st), "people");
	sqlite3_reset(st);
	return COUNCIL_OK;
}

/* A new person named as member is. */
static int person_new(council_id *out, council_db *db, council_id member, const pname *nm)
{
	sqlite3_stmt *st;
	char key[640];
	int rc;

	pname_key(key, sizeof key, nm);
	if ((rc = cdb_prepare(&st, db, "INSERT INTO person(name, key) "
	                      "SELECT name, ?2 FROM member WHERE id = ?1")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, member);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
	if ((rc = cdb_exec_stmt(db, st, "people")) != COUNCIL_OK)
		return rc;
	*out = sqlite3_last_insert_rowid(db->sql);
	return COUNCIL_OK;
}

/* The fullest spelling names the person: one without initials replaces one
 * with them. */
static int name_person(council_db *db, council_id person, const pname *nm, council_id member)
{
	sqlite3_stmt *st;
	char key[640];
	int rc;

	if (nm->any_initial)
		return COUNCIL_OK;
	pname_key(key, sizeof key, nm);
	if ((rc = cdb_prepare(&st, db, "UPDATE person SET name = (SELECT name FROM member WHERE id = ?1), "
	                      "key = ?3 WHERE id = ?2 AND (name GLOB '*.*' OR name NOT GLOB '* *')"))
	    != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, member);
	sqlite3_bind_int64(st, 2, person);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
	return cdb_exec_stmt(db, st, "people");
}

/* The person is named by this member's name: the current one, stated
 * with the former surname. */
static int name_person_now(council_db *db, council_id person, const pname *nm, council_id member)
{
	sqlite3_stmt *st;
	char key[640];
	int rc;

	pname_key(key, sizeof key, nm);
	if ((rc = cdb_prepare(&st, db, "UPDATE person SET name = (SELECT name FROM member WHERE id = ?1), "
	                      "key = ?3 WHERE id = ?2")) != COUNCIL_OK)
		return rc;
	sqlite3_bind_int64(st, 1, member);
	sqlite3_bind_int64(st, 2, person);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
	return cdb_exec_stmt(db, st, "people");
}

/* Initials that fit several full names of the council, held by different
 * persons, are listed (each person once: up to 16 are looked at). */
static int list_initials(council_db *db, const prows *rows)
{
	size_t i, j, k;
	int rc;

	for (i = 0; i < rows->n; i++) {
		const prow *r = &rows->r[i];
		council_id fits[16];
		size_t n = 0;
		if (!r->nm.any_initial)
			continue;
		for (j = 0; j < rows->n && n < 16; j++) {
			const prow *o = &rows->r[j];
			if (o->nm.any_initial || !o->person || relate(&r->nm, &o->nm) != REL_INITIAL)
				continue;
			for (k = 0; k < n && fits[k] != o->person; k++)
				;
			if (k == n)
				fits[n++] = o->person;
		}
		for (k = 0; n >= 2 && k < n; k++)
			if (fits[k] != r->person &&
			    (rc = ambiguity_add(db, r->id, fits[k], "initial")) != COUNCIL_OK)
				return rc;
	}
	return COUNCIL_OK;
}

/* Gives every row of rows (one council's, in id order) without a person
 * its person, writing it to the row at once: a row's person decides the
 * next one's.  *self is raised around the library's own write of a row's
 * person, which the load's cache (below) already holds. */
static int settle_rows(council_db *db, prows *rows, council_id council, int *self)
{
	size_t i;
	int rc = COUNCIL_OK;

	for (i = 0; i < rows->n && rc == COUNCIL_OK; i++) {
		prow *r = &rows->r[i];
		council_id p, ids[3];
		int cands = 0, n_else = 0, k;
		if (r->person)
			continue;
		if (!(p = in_council(rows, &r->nm, r->former, r->id, &cands)) &&
		    !cands) {
			rc = elsewhere(ids, &n_else, db, council, &r->nm);
			if (n_else == 1)
				p = ids[0];
			for (k = 0; n_else > 1 && k < n_else && rc == COUNCIL_OK; k++)
				rc = ambiguity_add(db, r->id, ids[k], "other_council");
		}
		if (rc != COUNCIL_OK)
			break;
		if (!p) {
			if ((rc = person_new(&p, db, r->id, &r->nm)) != COUNCIL_OK)
				break;
			if (cands > 1) {
				/* it fits several: initials are listed by
				 * list_initials, married surnames here */
				size_t j;
				for (j = 0; j < rows->n && rc == COUNCIL_OK; j++)
					if (rows->r[j].person && rows->r[j].id != r->id && first_of(rows, j) &&
					    fit(rows, j, &r->nm, NULL, r->id) == REL_MARRIED)
						rc = ambiguity_add(db, r->id, rows->r[j].person, "married");
			}
		} else if (r->has_former) {
			/* the name stated with the former one is the current one */
			rc = name_person_now(db, p, &r->nm, r->id);
		} else {
			rc = name_person(db, p, &r->nm, r->id);
		}
		if (rc == COUNCIL_OK) {
			*self = 1;
			rc = exec_ii(db, "UPDATE member SET person_id = ?2 WHERE id = ?1", r->id, p);
			*self = 0;
		}
		r->person = p;
		rows->chained = 0;
	}
	return rc;
}

/* Lists the council's ambiguous initials afresh from its rows.  The old
 * ones are found from person_ambiguity's side: a registry has few
 * ambiguities and a council hundreds of members, and asking the table once
 * per member of the council (as "member_id IN (SELECT id FROM member ...)"
 * does) cost about 800,000 instructions at the end of every file an import
 * stores into a council of 480 members, a tenth of storing it. */
static int initials_again(council_db *db, const prows *rows, council_id council)
{
	int rc = exec_ii(db, "DELETE FROM person_ambiguity WHERE reason = 'initial' AND EXISTS "
	                 "(SELECT 1 FROM member m WHERE m.id = person_ambiguity.member_id "
	                 "AND m.council_id = ?1 AND ?2 = ?2)", council, 0);

	return rc == COUNCIL_OK ? list_initials(db, rows) : rc;
}

/* Resolves every member of council without a person, in id order, then
 * lists the council's ambiguous initials afresh. */
static int settle_council(council_db *db, council_id council)
{
	prows rows;
	int rc, self = 0;

	if ((rc = rows_load(&rows, db, "SELECT id, council_id, name, person_id, former_name FROM member "
	                    "WHERE council_id = ?", council)) != COUNCIL_OK)
		return rc;
	rc = settle_rows(db, &rows, council, &self);
	if (rc == COUNCIL_OK)
		rc = initials_again(db, &rows, council);
	rows_free(&rows);
	return rc;
}

/* ---- a load's people: the council's rows read once ------------------------ */

/* While an import stores a file (cdb_people_begin .. cdb_people_end), the
 * rows of the council it writes are read once and kept in step with every
 * change of a member row, whoever makes it (an update hook notes the ids,
 * read again when next needed).  Each member written is still given its
 * person at once -- load_find_member looks the next name up among the
 * persons so far -- but without reading and parsing the council's names
 * again for every write; the initials are listed once, at the end.  The
 * result is the one of settling on every write. */
#define PEOPLE_DIRTY_MAX 256

struct cdb_people_cache {
	council_id council;         /* the council rows holds; 0: none read */
	prows rows;                 /* its member rows, in id order */
	sqlite3_int64 dirty[PEOPLE_DIRTY_MAX]; /* member rows changed since */
	size_t n_dirty;
	int reload;                 /* more changed than dirty holds, or a
	                               rollback undid changes: read again */
	int initials;               /* the council's initials to list at the end */
	int touched;                /* a member row changed in the span */
	int self;                   /* the cache's own write of a row's person */
};

static void people_hook(void *ctx, int op, const char *dbname, const char *table,
                        sqlite3_int64 rowid)
{
	struct cdb_people_cache *pc = ctx;

	(void)op;
	if (pc->self || strcmp(table, "member") != 0 || strcmp(dbname, "main") != 0)
		return;
	pc->touched = 1;
	if (pc->n_dirty < PEOPLE_DIRTY_MAX)
		pc->dirty[pc->n_dirty++] = rowid;
	else
		pc->reload = 1;
}

int cdb_people_begin(council_db *db)
{
	struct cdb_people_cache *pc;

	if (db->people)
		return COUNCIL_OK;
	if (!(pc = calloc(1, sizeof *pc)))
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	db->people = pc;
	sqlite3_update_hook(db->sql, people_hook, pc);
	return COUNCIL_OK;
}

void cdb_people_rolled_back(council_db *db)
{
	if (db->people)
		db->people->reload = 1;
}

/* Brings the cache's rows of council in step with the database (the rows
 * of another council listing its initials first). */
static int cache_sync(council_db *db, struct cdb_people_cache *pc, council_id council)
{
	sqlite3_stmt *st;
	size_t i, j;
	int rc = COUNCIL_OK;

	if (pc->council != council || pc->reload) {
		/* another council's rows go: its initials listed first */
		if (pc->council && pc->council != council && pc->initials &&
		    (rc = settle_council(db, pc->council)) != COUNCIL_OK)
			return rc;
		rows_free(&pc->rows);
		memset(&pc->rows, 0, sizeof pc->rows);
		pc->council = 0;
		pc->initials = 0;
		pc->n_dirty = 0;
		pc->reload = 0;
		if ((rc = rows_load(&pc->rows, db, "SELECT id, council_id, name, person_id, former_name "
		                    "FROM member WHERE council_id = ?", council)) != COUNCIL_OK)
			return rc;
		pc->council = council;
		return COUNCIL_OK;
	}
	if (!pc->n_dirty)
		return COUNCIL_OK;
	if ((rc = cdb_prepare(&st, db, "SELECT id, council_id, name, person_id, former_name FROM member "
	                      "WHERE id = ?")) != COUNCIL_OK)
		return rc;
	for (i = 0; i < pc->n_dirty && rc == COUNCIL_OK; i++) {
		sqlite3_int64 id = pc->dirty[i];
		int found;
		/* where the row is, or goes, in id order */
		for (j = pc->rows.n; j > 0 && pc->rows.r[j - 1].id > id; j--)
			;
		found = j > 0 && pc->rows.r[j - 1].id == id;
		if (found) {
			j--;
			prow_free(&pc->rows.r[j]);
			memmove(&pc->rows.r[j], &pc->rows.r[j + 1], (pc->rows.n - j - 1) * sizeof *pc->rows.r);
			pc->rows.n--;
			pc->rows.chained = 0;
		}
		sqlite3_bind_int64(st, 1, id);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_int64(st, 1) == council) {
			prow *r = rows_grow(&pc->rows);
			if (r)
				memmove(&pc->rows.r[j + 1], &pc->rows.r[j], (pc->rows.n - j - 1) * sizeof *r);
			/* out of memory: the rows are read afresh next time */
			if (!r || prow_read(&pc->rows.r[j], st, db->names) != 0) {
				sqlite3_reset(st);
				rc = cdb_error(db, COUNCIL_ENOMEM, "out of memory");
				break;
			}
			rc = SQLITE_DONE;
		}
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? COUNCIL_OK : cdb_sqlite_error(db, rc, "people");
		sqlite3_reset(st);
	}
	pc->n_dirty = 0;
	if (rc != COUNCIL_OK)
		pc->reload = 1;
	return rc;
}

int cdb_people_end(council_db *db, council_id council, int rc)
{
	struct cdb_people_cache *pc = db->people;

	if (!pc)
		return rc;
	/* the initials of the council written, its rows as they are now (a
	 * removal changes them too) */
	if (rc == COUNCIL_OK && pc->council && pc->council != council && pc->initials)
		rc = settle_council(db, pc->council);
	if (rc == COUNCIL_OK && council > 0 && (pc->initials || pc->touched)) {
		if (pc->council != council || pc->reload)
			rc = settle_council(db, council);
		else if ((rc = cache_sync(db, pc, council)) == COUNCIL_OK &&
		         (rc = settle_rows(db, &pc->rows, council, &pc->self)) == COUNCIL_OK)
			rc = initials_again(db, &pc->rows, council);
	}
	sqlite3_update_hook(db->sql, NULL, NULL);
	db->people = NULL;
	rows_free(&pc->rows);
	free(pc);
	return rc;
}

int cdb_people_settle(council_db *db, council_id council)
{
	struct cdb_people_cache *pc = db->people;
	sqlite3_stmt *st;
	council_id *ids = NULL;
	size_t n = 0, cap = 0, i;
	int rc;

	if (pc && council > 0) {
		if ((rc = cache_sync(db, pc, council)) != COUNCIL_OK)
			return rc;
		pc->initials = 1;
		rc = settle_rows(db, &pc->rows, council, &pc->self);
		if (rc != COUNCIL_OK)
			pc->reload = 1;
		return rc;
	}
	if (council > 0)
		rc = settle_council(db, council);
	else {
		/* every council with members no person is given to yet (their
		 * councils' lists of ambiguities change with nothing else), read
		 * first: settling writes */
		if ((rc = cdb_prepare(&st, db, "SELECT DISTINCT council_id FROM member "
		                      "WHERE person_id IS NULL ORDER BY council_id")) != COUNCIL_OK)
			return rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (n == cap) {
				council_id *more = realloc(ids, (cap = cap ? cap * 2 : 16) * sizeof *more);
				if (!more) {
					sqlite3_reset(st);
					free(ids);
					return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
				}
				ids = more;
			}
			ids[n++] = sqlite3_column_int64(st, 0);
		}
		rc = rc == SQLITE_DONE ? COUNCIL_OK : cdb_sqlite_error(db, rc, "people");
		sqlite3_reset(st);
		for (i = 0; i < n && rc == COUNCIL_OK; i++)
			rc = settle_council(db, ids[i]);
		free(ids);
	}
	/* persons whose rows are gone (deleted, or renamed into another) */
	if (rc == COUNCIL_OK && council <= 0)
		rc = cdb_exec(db, "DELETE FROM person WHERE NOT EXISTS "
		              "(SELECT 1 FROM member m WHERE m.person_id = person.id)", "people");
	if (pc)
		pc->reload = 1;
	return rc;
}

int cdb_people_recheck(council_db *db, council_id member)
{
	prows rows;
	const prow *self = NULL;
	size_t i;
	int rc, others = 0, keep = 1;

	if ((rc = rows_load(&rows, db, "SELECT id, council_id, name, person_id, former_name FROM member "
	                    "WHERE person_id = (SELECT person_id FROM member WHERE id = ?1)", member))
	    != COUNCIL_OK)
		return rc;
	for (i = 0; i < rows.n; i++)
		if (rows.r[i].id == member)
			self = &rows.r[i];
	/* its person's other names must still fit it: the same name in
	 * another council, any fitting variant in its own */
	for (i = 0; self && i < rows.n; i++) {
		const prow *o = &rows.r[i];
		enum rel r;
		if (o == self)
			continue;
		others = 1;
		r = relate(&self->nm, &o->nm);
		if (same_by_former(&self->nm, self->former, o))
			r = REL_SAME;
		if (r == REL_NONE || (o->council != self->council && r != REL_SAME))
			keep = 0;
	}
	if (self && !keep)
		rc = exec_ii(db, "UPDATE member SET person_id = NULL WHERE id = ?1 AND ?2 = ?2", member, 0);
	else if (self && !others) {
		/* a person of one name follows it */
		char key[640];
		sqlite3_stmt *st;
		pname_key(key, sizeof key, &self->nm);
		if ((rc = cdb_prepare(&st, db, "UPDATE person SET name = (SELECT name FROM member "
		                      "WHERE id = ?1), key = ?2 WHERE id = ?3")) == COUNCIL_OK) {
			sqlite3_bind_int64(st, 1, member);
			sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 3, self->person);
			rc = cdb_exec_stmt(db, st, "people");
		}
	}
	rows_free(&rows);
	return rc;
}

int cdb_people_find(council_id *person, council_db *db, council_id council, const char *name)
{
	prows rows;
	pname nm;
	int cands, rc;

	*person = 0;
	if (db->people) {
		/* the load's rows: those without a person yet fit no one */
		if ((rc = cache_sync(db, db->people, council)) != COUNCIL_OK)
			return rc;
		if (pname_read(&nm, name) != 0)
			return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
		*person = in_council(&db->people->rows, &nm, NULL, 0, &cands);
		pname_free(&nm);
		return COUNCIL_OK;
	}
	if ((rc = rows_load(&rows, db, "SELECT id, council_id, name, person_id, former_name FROM member "
	                    "WHERE council_id = ? AND person_id IS NOT NULL", council))
	    != COUNCIL_OK)
		return rc;
	if (pname_read(&nm, name) != 0) {
		rows_free(&rows);
		return cdb_error(db, COUNCIL_ENOMEM, "out of memory");
	}
	*person = in_council(&rows, &nm, NULL, 0, &cands);
	pname_free(&nm);
	rows_free(&rows);
	return COUNCIL_OK;
}
