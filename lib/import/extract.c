/*
 * extract.c -- the extraction stage: from segmented, normalised text to the
 * records of a council_extraction.  It decides what a phrase means in the
 * genre of council reports (which council, which year, whether a date is a
 * meeting, an event, a legal act or a deadline); the Lithuanian phrase
 * parsers it calls (import/lt_*.c) only say what a phrase literally states.
 */
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

/* Letters and digits of any script; quotes, dashes and punctuation are
 * not part of words. */
static int is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	return cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7;
}

/* Next word at or after pos in view[..end); 0 when none. */
static int next_word(const lt_text *t, size_t pos, size_t end, word *w)
{
	const unsigned char *u = (const unsigned char *)t->view;
	size_t i = pos;
	uint32_t cp;

	/* ASCII bytes are their own code points: no decoding for them. */
	while (i < end) {
		size_t k = 1;
		if (u[i] < 0x80)
			cp = u[i];
		else
			k = utf8_decode(&cp, t->view + i, end - i);
		if (is_word_cp(cp))
			break;
		i += k;
	}
	if (i >= end)
		return 0;
	w->start = i;
	while (i < end) {
		size_t k = 1;
		if (u[i] < 0x80)
			cp = u[i];
		else
			k = utf8_decode(&cp, t->view + i, end - i);
		if (!is_word_cp(cp))
			break;
		i += k;
	}
	w->end = i;
	return 1;
}

/* The word ending at or before pos (skipping non-word bytes); 0 if none
 * after lo. */
static int prev_word(const lt_text *t, size_t lo, size_t pos, word *w)
{
	size_t i = pos;

	/* Step back over non-word bytes, then over word bytes.  UTF-8
	 * continuation bytes are part of the letter before them. */
	while (i > lo) {
		size_t j = i - 1;
		uint32_t cp;
		while (j > lo && ((unsigned char)t->view[j] & 0xC0) == 0x80)
			j--;
		utf8_decode(&cp, t->view + j, i - j);
		if (is_word_cp(cp))
			break;
		i = j;
	}
	if (i <= lo)
		return 0;
	w->end = i;
	while (i > lo) {
		size_t j = i - 1;
		uint32_t cp;
		while (j > lo && ((unsigned char)t->view[j] & 0xC0) == 0x80)
			j--;
		utf8_decode(&cp, t->view + j, i - j);
		if (!is_word_cp(cp))
			break;
		i = j;
	}
	w->start = i;
	return 1;
}

/* Folded copy of view[start,end) (lower case, no diacritics). */
static char *fold(const lt_text *t, size_t start, size_t end)
{
	return utf8_fold(t->view + start, end - start);
}

/* Frees what fold returned unless it is the caller's stack buffer. */
static void free_folded(char *f, const char *buf)
{
	if (f != buf)
		free(f);
}

/* Nonzero when the folded word w starts with one of the stems. */
static int word_has_stem(const lt_text *t, const word *w, const char *const *stems)
{
	char f[96];
	size_t n = w->end - w->start, i;

	if (n >= sizeof f)
		return 0;
	/* Folded on the stack: this runs for most words of a sentence. */
	utf8_fold_into(f, t->view + w->start, n);
	for (i = 0; stems[i]; i++)
		if (f[0] == stems[i][0] && strncmp(f, stems[i], strlen(stems[i])) == 0)
			return 1;
	return 0;
}

static int is_capitalised(const lt_text *t, const word *w)
{
	uint32_t cp;

	utf8_decode(&cp, t->view + w->start, w->end - w->start);
	return utf8_lower(cp) != cp;
}

/* An organisation's acronym: three or more letters, all capitals
 * ("LVBOS", "NIPC"), other than the council's own BO, BOT, NVO, NVOT. */
static int org_acronym(const lt_text *t, const word *w)
{
	static const char *const own[] = { "BOT", "NVO", "NVOT", "BOB", NULL };
	size_t i, letters = 0;
	uint32_t cp;

	for (i = w->start; i < w->end;) {
		size_t k = utf8_decode(&cp, t->view + i, w->end - i);
		if (utf8_lower(cp) == cp)
			return 0;
		letters++;
		i += k;
	}
	if (letters < 3)
		return 0;
	for (i = 0; own[i]; i++)
		if (w->end - w->start == strlen(own[i]) && !memcmp(t->view + w->start, own[i], strlen(own[i])))
			return 0;
	return 1;
}

/* Folded text contains stem at a word start. */
static const char *find_stem(const char *folded, const char *stem)
{
	const char *p = folded;

	while ((p = strstr(p, stem)) != NULL) {
		if (p == folded || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9')))
			return p;
		p++;
	}
	return NULL;
}

static int has_any_stem(const char *folded, const char *const *stems)
{
	size_t i;

	for (i = 0; stems[i]; i++)
		if (find_stem(folded, stems[i]))
			return 1;
	return 0;
}

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

typedef struct ctx {
	council_extraction *x;
	const lt_text *t;
	seg_doc doc;
	int year;              /* report year, or 0 */
	int in_table;          /* the text being read is a table cell */
	int measure;           /* seq of the measure whose cell is read, or 0 */
	int measure_about_meetings; /* that measure is about the council's meetings */
	int in_meeting_list;   /* reading an item of a list of meetings */
	int list_event_kind;   /* reading an item of a list of events of this
	                          kind ("Mokymai:"), or -1 */
	size_t block_start;    /* where the paragraph or cell being read starts */
	int label_meetings;    /* the last "label: N" line counted meetings */
	long last_event;       /* the paragraph's last event, open or not (-1: none) */
	int question;          /* the last sentence asked about meetings (Q_*) */
	int refers_to_meetings; /* this sentence tells of the meetings a count named */
	int member_question;   /* the last sentence asked how many members */
	int answering_dates;   /* this sentence answers "Nurodykite posėdžių datas" */
	int para_meetings;     /* the paragraph speaks of meetings ("posėd-") */
	size_t count_sentence_end; /* end of a sentence stating a meeting count without its
	                              remote part, 0 when the last sentence did not */
	int count_year;
	int64_t count_total;
	size_t count_block;        /* the paragraph of that sentence */
	int pub_year;          /* the year the text was written, when known */
	int heading_month;     /* "### Kovas": the month the items under it are in */
	int no_diacritics;     /* typed without Lithuanian letters ("posedziai") */
	int in_item;           /* the block being read is a list item */
	int composition_list;  /* items that follow list the council's parts */
	int carry_event;       /* the open event goes on into the next blocks */
	excl *excl;            /* spans whose dates are not happenings, sorted by
	                          start and merged once the document pass has
	                          found them all (excl_sorted) */
	size_t n_excl;
	int excl_sorted;       /* excl is sorted and merged: excluded() bisects */
	year_scan ys;          /* context_year's walk through the current block */
	/* An event whose participants may be stated in a later sentence of the
	 * same paragraph or cell. */
	long open_event;       /* index into x->events, or -1 */
	char open_keys[160];   /* event stems seen in its sentences, ';'-joined */
	int rc;
} ctx;

static int oom(ctx *c)
{
	if (c->rc == COUNCIL_OK)
		c->rc = x_fail(c->x, COUNCIL_ENOMEM, 0, "out of memory");
	return c->rc;
}

static char *clean(ctx *c, size_t start, size_t end)
{
	char *s = lt_text_clean(c->t, start, end);

	if (!s)
		oom(c);
	return s;
}

/* Cleaned text capped at max bytes (on a character boundary). */
static char *clean_capped(ctx *c, size_t start, size_t end, size_t max)
{
	char *s = clean(c, start, end);
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s);
	if (n > max && max > 8) {
		n = max - 4; /* room for the 3-byte ellipsis and the NUL */
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		memcpy(s + n, "…", sizeof "…");
	}
	return s;
}

static void exclude(ctx *c, size_t start, size_t end)
{
	excl *e = x_push((void **)&c->excl, &c->n_excl, sizeof *e);

	if (!e) {
		oom(c);
		return;
	}
	e->start = start;
	e->end = end;
}

static int excl_cmp(const void *a, const void *b)
{
	const excl *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Sorts and merges the excluded spans, once they are all known, so that
 * excluded() costs a bisection: a report citing thousands of acts would
 * otherwise cost thousands of comparisons per date. */
static void excl_finish(ctx *c)
{
	size_t i, n = 0;

	if (c->n_excl)
		qsort(c->excl, c->n_excl, sizeof *c->excl, excl_cmp);
	for (i = 0; i < c->n_excl; i++) {
		if (n && c->excl[i].start < c->excl[n - 1].end) {
			if (c->excl[i].end > c->excl[n - 1].end)
				c->excl[n - 1].end = c->excl[i].end;
		} else {
			c->excl[n++] = c->excl[i];
		}
	}
	c->n_excl = n;
	c->excl_sorted = 1;
}

static int excluded(const ctx *c, size_t start, size_t end)
{
	size_t i, lo = 0, hi = c->n_excl;

	if (!c->excl_sorted) {
		for (i = 0; i < c->n_excl; i++)
			if (start < c->excl[i].end && end > c->excl[i].start)
				return 1;
		return 0;
	}
	/* the last span starting before end is the only one that can overlap:
	 * merged spans do not overlap each other */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->excl[mid].start < end)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && start < c->excl[lo - 1].end;
}

/* Whether offsets lie inside a „…“ or "…" quotation opened at or after
 * from.  Callers walking forward word by word ask about later and later
 * offsets: the scan goes on from where the last question left it instead
 * of starting again at from (which made such walks quadratic). */
typedef struct quotes {
	size_t from, at;       /* view[from, at) scanned */
	int depth, ascii;      /* „ opened and not closed; inside "..." */
} quotes;

static void quotes_init(quotes *q, size_t from)
{
	q->from = q->at = from;
	q->depth = q->ascii = 0;
}

static int quoted_at(const lt_text *t, quotes *q, size_t pos)
{
	size_t i;

	if (pos < q->at)
		quotes_init(q, q->from);
	for (i = q->at; i < pos; i++) {
		unsigned char b = (unsigned char)t->view[i];
		if (b == 0xE2 && i + 2 < pos + 3 && (unsigned char)t->view[i + 1] == 0x80) {
			unsigned char c3 = (unsigned char)t->view[i + 2];
			if (c3 == 0x9E)        /* „ opens */
				q->depth++;
			else if ((c3 == 0x9C || c3 == 0x9D) && q->depth > 0) /* “ ” close */
				q->depth--;
		} else if (b == '"') {
			q->ascii = !q->ascii;
		}
	}
	if (pos > q->at)
		q->at = pos;
	return q->depth > 0 || q->ascii;
}

/* Byte offset inside a „…“ or "…" quotation? */
static int inside_quote(const lt_text *t, size_t from, size_t pos)
{
	quotes q;

	quotes_init(&q, from);
	return quoted_at(t, &q, pos);
}

/* ---- municipalities ------------------------------------------------------ */

typedef enum { MUNI_CITY, MUNI_DISTRICT, MUNI_PLAIN } muni_type;

static const struct muni {
	const char *genitive;  /* as it stands before "miesto/rajono savivaldybė" */
	const char *key;       /* folded */
	muni_type type;
} munis[] = {
	{ "Vilniaus", "vilniaus", MUNI_CITY }, { "Kauno", "kauno", MUNI_CITY },
	{ "Klaipėdos", "klaipedos", MUNI_CITY }, { "Šiaulių", "siauliu", MUNI_CITY },
	{ "Panevėžio", "panevezio", MUNI_CITY }, { "Alytaus", "alytaus", MUNI_CITY },
	{ "Palangos", "palangos", MUNI_CITY },
	{ "Akmenės", "akmenes", MUNI_DISTRICT }, { "Alytaus", "alytaus", MUNI_DISTRICT },
	{ "Anykščių", "anyksciu", MUNI_DISTRICT }, { "Biržų", "birzu", MUNI_DISTRICT },
	{ "Ignalinos", "ignalinos", MUNI_DISTRICT }, { "Jonavos", "jonavos", MUNI_DISTRICT },
	{ "Joniškio", "joniskio", MUNI_DISTRICT }, { "Jurbarko", "jurbarko", MUNI_DISTRICT },
	{ "Kaišiadorių", "kaisiadoriu", MUNI_DISTRICT }, { "Kauno", "kauno", MUNI_DISTRICT },
	{ "Kėdainių", "kedainiu", MUNI_DISTRICT }, { "Kelmės", "kelmes", MUNI_DISTRICT },
	{ "Klaipėdos", "klaipedos", MUNI_DISTRICT }, { "Kretingos", "kretingos", MUNI_DISTRICT },
	{ "Kupiškio", "kupiskio", MUNI_DISTRICT }, { "Lazdijų", "lazdiju", MUNI_DISTRICT },
	{ "Mažeikių", "mazeikiu", MUNI_DISTRICT }, { "Molėtų", "moletu", MUNI_DISTRICT },
	{ "Pakruojo", "pakruojo", MUNI_DISTRICT }, { "Panevėžio", "panevezio", MUNI_DISTRICT },
	{ "Pasvalio", "pasvalio", MUNI_DISTRICT }, { "Plungės", "plunges", MUNI_DISTRICT },
	{ "Prienų", "prienu", MUNI_DISTRICT }, { "Radviliškio", "radviliskio", MUNI_DISTRICT },
	{ "Raseinių", "raseiniu", MUNI_DISTRICT }, { "Rokiškio", "rokiskio", MUNI_DISTRICT },
	{ "Skuodo", "skuodo", MUNI_DISTRICT }, { "Šakių", "sakiu", MUNI_DISTRICT },
	{ "Šalčininkų", "salcininku", MUNI_DISTRICT }, { "Šiaulių", "siauliu", MUNI_DISTRICT },
	{ "Šilalės", "silales", MUNI_DISTRICT }, { "Šilutės", "silutes", MUNI_DISTRICT },
	{ "Širvintų", "sirvintu", MUNI_DISTRICT }, { "Švenčionių", "svencioniu", MUNI_DISTRICT },
	{ "Tauragės", "taurages", MUNI_DISTRICT }, { "Telšių", "telsiu", MUNI_DISTRICT },
	{ "Trakų", "traku", MUNI_DISTRICT }, { "Ukmergės", "ukmerges", MUNI_DISTRICT },
	{ "Utenos", "utenos", MUNI_DISTRICT }, { "Varėnos", "varenos", MUNI_DISTRICT },
	{ "Vilkaviškio", "vilkaviskio", MUNI_DISTRICT }, { "Vilniaus", "vilniaus", MUNI_DISTRICT },
	{ "Zarasų", "zarasu", MUNI_DISTRICT },
	{ "Birštono", "birstono", MUNI_PLAIN }, { "Druskininkų", "druskininku", MUNI_PLAIN },
	{ "Elektrėnų", "elektrenu", MUNI_PLAIN }, { "Kalvarijos", "kalvarijos", MUNI_PLAIN },
	{ "Kazlų Rūdos", "kazlu rudos", MUNI_PLAIN }, { "Marijampolės", "marijampoles", MUNI_PLAIN },
	{ "Neringos", "neringos", MUNI_PLAIN }, { "Pagėgių", "pagegiu", MUNI_PLAIN },
	{ "Rietavo", "rietavo", MUNI_PLAIN }, { "Visagino", "visagino", MUNI_PLAIN },
};

/* Finds the first municipality named in folded text f (whitespace already
 * collapsed).  Returns its index or -1; *end gets the offset after it. */
static int find_municipality(const char *f, size_t *at, size_t *end)
{
	static const char *const city[] = { " miesto", " m. sav", " m.sav", NULL };
	static const char *const district[] = { " rajono", " r. sav", " r.sav", " raj.", " r.", NULL };
	static const char *const plain[] = { " savivaldyb", " sav.", " sav ", NULL };
	size_t best = (size_t)-1, best_end = 0, i, j;
	int found = -1;

	for (i = 0; i < sizeof munis / sizeof munis[0]; i++) {
		const char *const *suffix = munis[i].type == MUNI_CITY ? city
		                          : munis[i].type == MUNI_DISTRICT ? district : plain;
		const char *p = f;
		size_t kn = strlen(munis[i].key);
		while ((p = find_stem(p, munis[i].key)) != NULL) {
			for (j = 0; suffix[j]; j++) {
				size_t sn = strlen(suffix[j]);
				if (strncmp(p + kn, suffix[j], sn) == 0 && (size_t)(p - f) < best) {
					best = (size_t)(p - f);
					best_end = best + kn + sn;
					found = (int)i;
				}
			}
			p += kn;
		}
	}
	*at = best;
	*end = best_end;
	return found;
}

static int municipality_and_council(ctx *c, size_t start, size_t end)
{
	council_extraction *x = c->x;
	char *cl = clean(c, start, end), *f;
	size_t at, after;
	int m;
	council_kind kind = COUNCIL_KIND_BO;
	char buf[256];

	if (!cl)
		return c->rc;
	f = utf8_fold(cl, strlen(cl));
	free(cl);
	if (!f)
		return oom(c);
	m = find_municipality(f, &at, &after);
	if (m < 0) {
		free(f);
		return 0;
	}
	/* The kind is what the council's own name says right after the
	 * municipality; a report may mention the other council too. */
	{
		const char *rest = f + after;
		const char *bo = NULL, *nvo = NULL;
		while (*rest && *rest != ' ')
			rest++; /* the rest of "savivaldybes" */
		const char *const bo_stems[] = { "bendruomenin", "bo ", "bot", "bo taryb", NULL };
		const char *const nvo_stems[] = { "nevyriausybin", "nvo", NULL };
		for (size_t i = 0; bo_stems[i]; i++) {
			const char *p = strstr(rest, bo_stems[i]);
			if (p && (!bo || p < bo))
				bo = p;
		}
		for (size_t i = 0; nvo_stems[i]; i++) {
			const char *p = strstr(rest, nvo_stems[i]);
			if (p && (!nvo || p < nvo))
				nvo = p;
		}
		if (nvo && (!bo || nvo < bo))
			kind = COUNCIL_KIND_NVO;
	}
	free(f);
	snprintf(buf, sizeof buf, "%s %ssavivaldybė", munis[m].genitive,
	         munis[m].type == MUNI_CITY ? "miesto " : munis[m].type == MUNI_DISTRICT ? "rajono " : "");
	x->council.municipality = cdb_strdup(buf);
	snprintf(buf, sizeof buf, "%s %ssavivaldybės %s organizacijų taryba", munis[m].genitive,
	         munis[m].type == MUNI_CITY ? "miesto " : munis[m].type == MUNI_DISTRICT ? "rajono " : "",
	         kind == COUNCIL_KIND_NVO ? "nevyriausybinių" : "bendruomeninių");
	x->council.name = cdb_strdup(buf);
	x->council.kind = kind;
	if (!x->council.name || !x->council.municipality)
		return oom(c);
	if (x_span_set(&x->council.span, c->t, start, end) != COUNCIL_OK)
		return oom(c);
	return 1;
}

/* ---- title, year, document number ---------------------------------------- */

/* The title: the opening paragraphs up to the first long one or table. */
static void title_range(const ctx *c, size_t *start, size_t *end)
{
	size_t i;

	*start = *end = 0;
	for (i = 0; i < c->doc.n_blocks && i < 4; i++) {
		const seg_block *b = &c->doc.blocks[i];
		/* A title is short and is no sentence: the first paragraph of the
		 * report proper ends the title even where no "ataskaita" ended it. */
		if (b->is_table || b->span.end - b->span.start > 300 ||
		    (i > 0 && c->t->view[b->span.end - 1] == '.' && b->span.end - b->span.start > 80) ||
		    (i > 0 && c->t->view[b->span.end - 1] == ':')) /* a list's introduction */
			break;
		if (i == 0)
			*start = b->span.start;
		*end = b->span.end;
		/* A title ends where the report's own date or number begins. */
		{
			char *f = fold(c->t, b->span.start, b->span.end);
			int stop = f && (strstr(f, "ataskait") || strstr(f, "a t a s k a i t a") ||
			                 strstr(f, "apzvalg"));
			free(f);
			if (stop)
				break;
		}
	}
}

/* Does the text use a letter of ą č ę ė į š ų ū ž (either case)?  All of
 * them are two bytes in UTF-8, led by 0xC4 or 0xC5. */
static int has_lithuanian_letters(const lt_text *t)
{
	size_t i;

	for (i = 0; i + 1 < t->len; i++) {
		unsigned char a = (unsigned char)t->view[i], b = (unsigned char)t->view[i + 1];
		if ((a == 0xC4 && (b == 0x84 || b == 0x85 || b == 0x8C || b == 0x8D || b == 0x96 ||
		                   b == 0x97 || b == 0x98 || b == 0x99 || b == 0xAE || b == 0xAF)) ||
		    (a == 0xC5 && (b == 0xA0 || b == 0xA1 || b == 0xAA || b == 0xAB || b == 0xB2 ||
		                   b == 0xB3 || b == 0xBD || b == 0xBE)))
			return 1;
	}
	return 0;
}

/* The year a letter's subject line names: "DĖL INFORMACIJOS APIE
 * BENDRUOMENINIŲ ORGANIZACIJŲ TARYBOS VEIKLĄ 2023 METAIS PATEIKIMO"; 0 if
 * none. */
static int subject_year(ctx *c)
{
	lt_date_match m;
	size_t i;

	for (i = 0; i < c->doc.n_blocks && i < 12; i++) {
		const seg_block *b = &c->doc.blocks[i];
		if (!b->is_table && b->span.end - b->span.start > 5 &&
		    memcmp(c->t->view + b->span.start, "DĖL ", 5) == 0 &&
		    lt_date_find(&m, c->t->view, b->span.end, b->span.start, 0) &&
		    !(m.flags & LT_DATE_YEAR_SPAN) && !m.period.start.month)
			return m.period.start.year;
	}
	return 0;
}

static void report_year_and_plan(ctx *c, size_t ts, size_t te)
{
	council_extraction *x = c->x;
	lt_date_match m;
	size_t pos = ts;
	int year = 0, after_uz = 0, day_year = 0;
	char *f;

	while (lt_date_find(&m, c->t->view, te, pos, 0)) {
		word w;
		pos = m.end > pos ? m.end : pos + 1;
		if (m.flags & LT_DATE_YEAR_SPAN) {
			/* "2023-2025 m. veiklos plano": the plan's period and title. */
			size_t p = m.end;
			int k;
			for (k = 0; k < 4 && next_word(c->t, p, te, &w); k++) {
				if (word_has_stem(c->t, &w, (const char *const[]){ "plan", NULL })) {
					x->plan.present = 1;
					x->plan.year_from = m.period.start.year;
					x->plan.year_to = m.period.end.year;
					free(x->plan.title);
					x->plan.title = clean(c, m.start, w.end);
					x_span_set(&x->plan.span, c->t, m.start, w.end);
					break;
				}
				p = w.end;
			}
			continue;
		}
		if (prev_word(c->t, ts, m.start, &w) &&
		    word_has_stem(c->t, &w, (const char *const[]){ "uz", NULL }) && w.end - w.start == 3) {
			year = m.period.start.year;
			after_uz = 1;
		} else if (!after_uz && !m.period.start.day) {
			/* A full date near the title is when the text was written
			 * or published, not the year it reports on. */
			year = m.period.start.year;
		} else if (!after_uz && !year) {
			day_year = m.period.start.year;
		}
	}
	f = fold(c->t, ts, te);
	/* "apžvelgė 2023-iuosius", "2023-ųjų veikla": ordinal year forms. */
	if (f && !year) {
		const char *p;
		for (p = f; *p; p++)
			if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
			    p[2] <= '9' && p[3] >= '0' && p[3] <= '9' && p[4] == '-' &&
			    (p[5] == 'i' || p[5] == 'u' || p[5] == 'a') && (p == f || p[-1] == ' ')) {
				year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
				break;
			}
	}
	/* A letter's subject names the year ("DĖL INFORMACIJOS APIE ...
	 * TARYBOS VEIKLĄ 2023 METAIS PATEIKIMO") where its head has only the
	 * letter's date; else a full date near the title gives its year. */
	if (!year)
		year = subject_year(c);
	if (!year)
		year = day_year;
	c->pub_year = day_year;
	if (f) {
		char *nospace = f, *p, *q;
		for (p = q = nospace; *p; p++)
			if (*p != ' ')
				*q++ = *p;
		*q = '\0';
		if (strstr(nospace, "protokol"))
			x->kind = COUNCIL_SOURCE_PROTOCOL;
		else if (strstr(nospace, "ataskait") || strstr(nospace, "apzvalg"))
			x->kind = x->plan.present ? COUNCIL_SOURCE_PLAN_REPORT : COUNCIL_SOURCE_ANNUAL_REPORT;
		free(f);
	}
	if (year)
		x->report_year = year;
}

/* When the title names no year: "per 2021 metus", or the year most dated
 * happenings fall in. */
static void guess_year(ctx *c)
{
	int counts[200] = { 0 }, best = 0, i;
	size_t pos = 0;
	lt_date_match m;

	while (lt_date_find(&m, c->t->view, c->t->len, pos, 0)) {
		pos = m.end > pos ? m.end : pos + 1;
		if (excluded(c, m.start, m.end) || (m.flags & LT_DATE_YEAR_SPAN))
			continue;
		if (m.period.start.year >= 1990 && m.period.start.year < 2190 && m.period.start.month)
			counts[m.period.start.year - 1990]++;
	}
	for (i = 1; i < 200; i++)
		if (counts[i] > counts[best])
			best = i;
	if (counts[best] > 0)
		c->x->report_year = 1990 + best;
}

/* The report's own date and number under the title: "2022-02-18 Nr. B28-2-1". */
static void document_number(ctx *c)
{
	/* The opening blocks, then the closing ones: some reports sign and
	 * date at the end ("2022-01-14" on a line of its own). */
	size_t n = c->doc.n_blocks, head = n < 6 ? n : 6;

	for (size_t k = 0; k < head + 3; k++) {
		/* blocks 0..5, then the last three not already seen */
		size_t i = k < head ? k : n - (k - head) - 1;
		int closing = i + 3 >= n && i >= 2; /* one of the last three blocks */
		const seg_block *b;
		if (k >= head && (k - head >= n || i < head))
			break;
		b = &c->doc.blocks[i];
		const char *v = c->t->view;
		const char *nr;
		lt_date_match m;
		size_t len = b->span.end - b->span.start;

		if (b->is_table || len > 120)
			continue;
		nr = NULL;
		for (size_t q = b->span.start; q + 3 <= b->span.end; q++)
			if (strncmp(v + q, "Nr.", 3) == 0) {
				nr = v + q;
				break;
			}
		if (!lt_date_find(&m, v, b->span.end, b->span.start, 0) || m.period.start.day == 0)
			continue;
		/* "1 POSĖDIS – 2024 m. sausio 25 d. (protokolas Nr. BOT-1)": a
		 * sitting's heading names its own minutes, not the report's */
		{
			char *pf = fold(c->t, b->span.start, m.start);
			int sitting = pf && find_stem(pf, "posedis");
			free(pf);
			if (sitting)
				continue;
		}
		/* At the end only a date on a line of its own is the report's. */
		if (closing) {
			size_t q = m.end;
			while (q < b->span.end && v[q] == ' ')
				q++;
			int signed_line = 0;
			{
				/* "Ataskaitą parengė X, 2024-01-19": the signature's date */
				size_t ls = m.start;
				char *lf;
				while (ls > b->span.start && v[ls - 1] != '\n')
					ls--;
				lf = fold(c->t, ls, m.start);
				signed_line = lf && strstr(lf, "pareng") != NULL;
				free(lf);
			}
			if (nr || (m.start != b->span.start && v[m.start - 1] != '\n' && !signed_line) ||
			    (q < b->span.end && v[q] != '\n'))
				continue;
			c->x->doc_date = m.period.start;
			exclude(c, m.start, m.end);
			return;
		}
		if (!nr && len > 40)
			continue;
		c->x->doc_date = m.period.start;
		exclude(c, b->span.start, b->span.end);
		if (nr) {
			size_t s = (size_t)(nr - v) + 3, e;
			while (s < b->span.end && v[s] == ' ')
				s++;
			e = s;
			while (e < b->span.end && v[e] != ' ' && v[e] != '\n' && v[e] != ',')
				e++;
			if (e > s)
				c->x->doc_number = clean(c, s, e);
		}
		return;
	}
}

/* ---- legal acts ---------------------------------------------------------- */

/* What an act did to the council: the nearest verb before it in its
 * sentence ("sudaryta ... sprendimu", "(pakeista ... sprendimu", "nuostatai
 * patvirtinti ... sprendimu"). */
static council_act_effect act_effect(ctx *c, size_t act_start)
{
	static const struct { const char *stem; council_act_effect e; } verbs[] = {
		{ "pakeist", COUNCIL_ACT_AMENDS }, { "papildyt", COUNCIL_ACT_AMENDS },
		{ "pakeitim", COUNCIL_ACT_AMENDS },
		{ "sudaryt", COUNCIL_ACT_ESTABLISHES }, { "isteigt", COUNCIL_ACT_ESTABLISHES },
		{ "sudarymo", COUNCIL_ACT_ESTABLISHES },
		{ "nuostat", COUNCIL_ACT_APPROVES_RULES }, { "reglament", COUNCIL_ACT_APPROVES_RULES },
		{ "patvirtint", COUNCIL_ACT_APPROVES_RULES },
		{ "paskirt", COUNCIL_ACT_APPOINTS }, { "deleguot", COUNCIL_ACT_APPOINTS },
		{ "skirt", COUNCIL_ACT_APPOINTS },
	};
	size_t lo = act_start > 300 ? act_start - 300 : 0, i;
	size_t best = 0;
	council_act_effect e = COUNCIL_ACT_OTHER;
	char *f;

	/* Only the act's own sentence counts. */
	for (i = act_start; i > lo; i--) {
		const char *v = c->t->view;
		if ((v[i - 1] == '.' && i < act_start && v[i] == ' ' && i >= 3 &&
		     !(v[i - 2] == 'm' || v[i - 2] == 'd' || v[i - 2] == 'r')) || v[i - 1] == '\n') {
			lo = i;
			break;
		}
	}
	f = fold(c->t, lo, act_start);
	if (!f)
		return e;
	for (i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
		const char *p = f, *last = NULL;
		while ((p = find_stem(p, verbs[i].stem)) != NULL)
			last = p++;
		if (last && (size_t)(last - f) + 1 > best) {
			best = (size_t)(last - f) + 1;
			e = verbs[i].e;
		}
	}
	free(f);
	return e;
}

/* The act numbers seen, an open-addressing hash set of indexes into
 * x->acts: a report citing thousands of acts must not compare each with
 * every one before it. */
typedef struct act_set {
	size_t *slot;          /* index + 1 into x->acts, 0 for empty */
	size_t cap;            /* a power of two, at least twice the acts */
} act_set;

static uint64_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

/* Is number among acts?  If not and add, makes room for it at index add-1. */
static int act_seen(act_set *set, const x_act *acts, size_t n, const char *number)
{
	size_t i;

	if (2 * (n + 1) > set->cap) {
		size_t cap = set->cap ? 2 * set->cap : 64, k, *slot = calloc(cap, sizeof *slot);
		if (!slot)
			return -1;
		for (k = 0; k < n; k++) {
			for (i = str_hash(acts[k].number) & (cap - 1); slot[i]; i = (i + 1) & (cap - 1))
				;
			slot[i] = k + 1;
		}
		free(set->slot);
		set->slot = slot;
		set->cap = cap;
	}
	for (i = str_hash(number) & (set->cap - 1); set->slot[i]; i = (i + 1) & (set->cap - 1))
		if (strcmp(acts[set->slot[i] - 1].number, number) == 0)
			return 1;
	return 0;
}

static void act_set_add(act_set *set, const x_act *acts, size_t k)
{
	size_t i;

	for (i = str_hash(acts[k].number) & (set->cap - 1); set->slot[i]; i = (i + 1) & (set->cap - 1))
		;
	set->slot[i] = k + 1;
}

/* A title in quotes right after the act's number: „Dėl ...“ closing
 * within 400 bytes. */
static void act_title(ctx *c, x_act *act, size_t s)
{
	const char *v = c->t->view;
	size_t q, lim;

	while (s < c->t->len && v[s] == ' ')
		s++;
	if (s + 3 > c->t->len || memcmp(v + s, "„", 3) != 0)
		return;
	lim = c->t->len - s > 400 ? s + 400 : c->t->len;
	for (q = s + 3; q < lim && q + 3 <= c->t->len; q++)
		if (memcmp(v + q, "“", 3) == 0) {
			act->title = clean(c, s + 3, q);
			return;
		}
}

static void legal_acts(ctx *c)
{
	lt_act_match a;
	size_t pos = 0;
	act_set set = { NULL, 0 };

	while (c->rc == COUNCIL_OK && lt_act_find(&a, c->t->view, c->t->len, pos)) {
		x_act *act;
		int dup;
		pos = a.end > pos ? a.end : pos + 1;
		if (a.date_end > a.date_start)
			exclude(c, a.date_start, a.date_end);
		exclude(c, a.start, a.end);
		if ((dup = act_seen(&set, c->x->acts, c->x->n_acts, a.number)) < 0) {
			oom(c);
			break;
		}
		/* The report's own number is not an act about the council. */
		if (dup || (c->x->doc_number && strcmp(c->x->doc_number, a.number) == 0))
			continue;
		act = x_push((void **)&c->x->acts, &c->x->n_acts, sizeof *act);
		if (!act || !(act->number = cdb_strdup(a.number))) {
			oom(c);
			return;
		}
		act_set_add(&set, c->x->acts, c->x->n_acts - 1);
		act->date = a.date;
		act->effect = act_effect(c, a.start);
		act_title(c, act, a.end);
		x_span_set(&act->span, c->t, a.start, a.end);
	}
	free(set.slot);
}

/* ---- members ------------------------------------------------------------- */

/* The organisation a member represents, in the nominative: "asociacijos
 * „Baltijos žmogus“ pirmininkas" -> "asociacija „Baltijos žmogus“",
 * "Savivaldybės administracijos vyriausiasis specialistas" ->
 * "Savivaldybės administracija".  The post after it is dropped and the head
 * noun (the last word before the post or the quotation) made nominative. */
static char *organisation(ctx *c, size_t start, size_t end)
{
	static const char *const posts[] = {
		"pirminink", "pavaduotoj", "direktor", "specialist", "vadov", "atstov",
		"nar", "koordinator", "vedej", "sekretor", "seniun", "virsinink",
		"darbuotoj", "tarnautoj", "patarej", "vyriausi", "vyresn", "vyr", "l. e. p",
		"valdybos", "savanor", "ikurej", "buhalter", "skyriaus", "poskyrio", NULL,
	};
	word w, head = { 0, 0 };
	size_t p = start, cut = end;
	char *s, *f;
	int inquote = 0;

	/* "Taryboje atstovaujantis Savivaldybės tarybai": whom the person
	 * represents follows the participle, in the dative. */
	{
		size_t q = start;
		while (next_word(c->t, q, end, &w)) {
			if (word_has_stem(c->t, &w, (const char *const[]){ "atstovaujan", "atstovauja", NULL })) {
				word last, x1;
				size_t r = w.end;
				char *out;
				last.end = 0;
				while (next_word(c->t, r, end, &x1) && x1.end - w.end < 120) {
					last = x1;
					r = x1.end;
				}
				if (!last.end)
					return NULL;
				out = clean(c, w.end, last.end);
				if (out) {
					size_t n = strlen(out);
					/* dative -> nominative on the head noun */
					if (n > 3 && !strcmp(out + n - 2, "ai"))
						out[n - 1] = '\0';
					else if (n > 3 && !strcmp(out + n - 2, "ei"))
						memcpy(out + n - 2, "ė", sizeof "ė");
				}
				return out;
			}
			q = w.end;
		}
	}
	/* "Savivaldybės administracija (Strateginės plėtros skyrius)": the
	 * department in parentheses is not the organisation. */
	{
		size_t q;
		for (q = start; q < end; q++)
			if (c->t->view[q] == '(') {
				end = q;
				cut = q;
				break;
			}
	}
	while (p < end && next_word(c->t, p, end, &w)) {
		if (!inside_quote(c->t, start, w.start)) {
			if (word_has_stem(c->t, &w, posts) && w.start > start &&
			    /* "seniūnijos seniūnas": the eldership is the organisation */
			    !word_has_stem(c->t, &w, (const char *const[]){ "seniunij", NULL })) {
				/* "Kultūros ir turizmo skyriaus vedėjas": a department
				 * chain belongs to the post, not the organisation; it
				 * starts at its capitalised first word. */
				word d;
				size_t q = w.start;
				cut = w.start;
				if (word_has_stem(c->t, &w, (const char *const[]){ "skyriaus", "poskyrio", NULL })) {
					while (prev_word(c->t, start, q, &d) && d.start > start) {
						q = d.start;
						if (is_capitalised(c->t, &d)) {
							cut = d.start;
							break;
						}
					}
				}
				break;
			}
			if (!inquote)
				head = w;
		} else {
			inquote = 1;
		}
		p = w.end;
	}
	while (cut > start && (c->t->view[cut - 1] == ' ' || c->t->view[cut - 1] == ','))
		cut--;
	/* The department chain was cut off: the head noun is the last word
	 * left ("Savivaldybės administracijos"). */
	if (head.end > cut && !prev_word(c->t, start, cut, &head))
		return NULL;
	if (cut <= start || head.end == 0 || head.end > cut)
		return NULL;
	s = clean(c, start, cut);
	if (!s)
		return NULL;
	/* Genitive -> nominative on the head noun only. */
	f = fold(c->t, head.start, head.end);
	if (f) {
		size_t off = 0, hn;
		char *h = clean(c, head.start, head.end);
		const char *pos;
		if (h && (pos = strstr(s, h)) != NULL) {
			off = (size_t)(pos - s);
			hn = strlen(h);
			static const struct { const char *gen, *nom; } ends[] = {
				{ "ijos", "ija" }, { "os", "a" }, { "ės", "ė" }, { "ies", "is" },
				{ "io", "ys" }, { "ų", "ai" },
				/* masculine: "centro" -> "centras", "klubo" -> "klubas",
				 * "muziejaus" -> "muziejus" */
				{ "aus", "us" }, { "o", "as" },
			};
			for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
				size_t gn = strlen(ends[i].gen), nn = strlen(ends[i].nom);
				if (hn > gn + 2 && memcmp(s + off + hn - gn, ends[i].gen, gn) == 0 &&
				    strcmp(ends[i].gen, "ų") != 0 && strcmp(ends[i].gen, "io") != 0 &&
				    /* "-io" is ambiguous ("nario" of "narys"): left alone */
				    !(strcmp(ends[i].gen, "o") == 0 && s[off + hn - 2] == 'i')) {
					if (nn > gn) {
						/* "centro" -> "centras" grows the text */
						char *grown = realloc(s, strlen(s) + nn - gn + 1);
						if (!grown)
							break;
						s = grown;
					}
					memmove(s + off + hn - gn + nn, s + off + hn, strlen(s + off + hn) + 1);
					memcpy(s + off + hn - gn, ends[i].nom, nn);
					break;
				}
			}
		}
		free(h);
		free(f);
	}
	return s;
}

/* Whether two written names are one person: equal when folded, or the
 * same surname with one first name given only as its initial ("R.
 * Gedvilienė" and "Rūta Gedvilienė"). */
static int same_person(const char *a, const char *b)
{
	char *fa = utf8_fold(a, strlen(a)), *fb = utf8_fold(b, strlen(b));
	const char *sa, *sb;
	int same = 0;

	if (!fa || !fb)
		goto out;
	if (strcmp(fa, fb) == 0) {
		same = 1;
		goto out;
	}
	sa = strrchr(fa, ' ');
	sb = strrchr(fb, ' ');
	if (!sa || !sb)
		goto out;
	if (strcmp(sa, sb) != 0) {
		/* "Vlado Šimkaus" and "Vladui Šimkui" give "Vladas Šimkus" and
		 * "Vladas Šimkas": a male surname's ending read back from a
		 * dative or accusative is a guess.  The same first name and the
		 * surname's stem (all but "-as", "-us", "-is", "-ys") are one
		 * person. */
		size_t la = strlen(sa), lb = strlen(sb);
		if (sa - fa == sb - fb && strncmp(fa, fb, (size_t)(sa - fa)) == 0 && la == lb &&
		    la > 4 && strncmp(sa, sb, la - 2) == 0 && sa[la - 1] == 's' && sb[lb - 1] == 's' &&
		    strchr("auiy", sa[la - 2]) && strchr("auiy", sb[lb - 2]))
			same = 1;
		goto out;
	}
	/* Same surname: an initial must match the other's first letter. */
	if ((fa[1] == '.' || fb[1] == '.') && fa[0] == fb[0])
		same = 1;
out:
	free(fa);
	free(fb);
	return same;
}

static x_member *find_member(ctx *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->x->n_members; i++)
		if (same_person(c->x->members[i].name, name))
			return &c->x->members[i];
	return NULL;
}

static void add_member(ctx *c, const char *name_in, council_role role, char *represents,
                       size_t name_start, size_t name_end, size_t span_start, size_t span_end)
{
	/* "Petras Lukauskas." at a sentence's end: the period is not the
	 * name's (an initial's is: "J.") */
	char name[256];
	size_t nl = strlen(name_in);
	x_member *m;

	if (nl >= sizeof name)
		nl = sizeof name - 1;
	memcpy(name, name_in, nl);
	name[nl] = '\0';
	if (nl > 3 && name[nl - 1] == '.' && (unsigned char)name[nl - 2] >= 'a' && name[nl - 3] != ' ' &&
	    name[nl - 3] != '.') {
		name[--nl] = '\0';
		if (name_end > name_start && c->t->view[name_end - 1] == '.')
			name_end--;
	}
	m = find_member(c, name);

	if (m) {
		/* A role statement and a member list name the same person; keep
		 * the fuller form of the name. */
		if (m->name[1] == '.' && name[0] && name[1] != '.') {
			char *full = cdb_strdup(name);
			if (full) {
				free(m->name);
				m->name = full;
			}
		}
		if (m->role == COUNCIL_ROLE_MEMBER)
			m->role = role;
		if (!m->represents)
			m->represents = represents;
		else
			free(represents);
		return;
	}
	m = x_push((void **)&c->x->members, &c->x->n_members, sizeof *m);
	/* A text typed without Lithuanian letters keeps its names so: the
	 * nominative of "Zukauskiene" is no "Zukauskienė". */
	if (m && c->no_diacritics) {
		char *w = clean(c, name_start, name_end);
		size_t k;
		int plain = w != NULL;
		for (k = 0; w && w[k]; k++)
			plain &= (unsigned char)w[k] < 0x80;
		for (k = 0; plain && name[k]; k++)
			if ((unsigned char)name[k] >= 0x80) {
				m->name = w;
				w = NULL;
				break;
			}
		free(w);
		if (m->name)
			goto named;
	}
	if (!m || !(m->name = cdb_strdup(name))) {
		free(represents);
		oom(c);
		return;
	}
named:
	m->role = role;
	m->represents = represents;
	m->as_written = clean(c, name_start, name_end);
	if (represents) {
		char *f = utf8_fold(represents, strlen(represents));
		if (f && (strstr(f, "savivaldyb") || strstr(f, "administracij") || strstr(f, "seniunij") ||
		          strstr(f, "biur") || strstr(f, "bibliotek") || strstr(f, "mokykl")))
			m->side = COUNCIL_SIDE_MUNICIPALITY;
		else if (f && (strstr(f, "bendruomen") || strstr(f, "asociacij") || strstr(f, "draugij") ||
		               strstr(f, "sajung") || strstr(f, "klub") || strstr(f, "centr")))
			m->side = COUNCIL_SIDE_COMMUNITY;
		free(f);
	}
	x_span_set(&m->span, c->t, span_start, span_end);
}

/* "Rimantas Kavaliauskas (Upninkų bendruomenė)": an organisation in
 * parentheses right after the name.  "(Tarybos narė nėra)" is a remark. */
static char *parenthesised_org(ctx *c, size_t name_end, size_t limit)
{
	const char *v = c->t->view;
	size_t p = name_end, close;
	char *f, *org;

	char open_c, close_c;

	while (p < limit && v[p] == ' ')
		p++;
	/* "(Nidos bendruomenė)", and a form's "[Smeltės bendruomenė]" */
	if (p >= limit || (v[p] != '(' && v[p] != '['))
		return NULL;
	open_c = v[p];
	close_c = open_c == '(' ? ')' : ']';
	for (close = p + 1; close < limit && v[close] != close_c && close - p < 160; close++)
		;
	if (close >= limit || v[close] != close_c)
		return NULL;
	(void)open_c;
	f = fold(c->t, p + 1, close);
	if (!f || strstr(f, "nera") || strstr(f, "toliau") || find_stem(f, "nare") ||
	    find_stem(f, "narys") || (f[0] >= '0' && f[0] <= '9')) {
		free(f);
		return NULL;
	}
	free(f);
	/* "(pirmininkė, Juodkrantės bendruomenė)": the role is not the org */
	{
		size_t comma, o = p + 1;
		for (comma = o; comma < close && v[comma] != ','; comma++)
			;
		if (comma < close) {
			char *g = fold(c->t, o, comma);
			if (g && (strstr(g, "pirminink") || strstr(g, "pavaduotoj") || strstr(g, "sekretor")))
				o = comma + 1;
			free(g);
			while (o < close && v[o] == ' ')
				o++;
		}
		org = organisation(c, o, close);
	}
	return org;
}

/* "pirmininku išrinktas Josvainių bendruomenės pirmininkas Saulius
 * Jankūnas": the organisation before the name, after the role and verb. */
static char *org_before_name(ctx *c, size_t start, size_t name_start)
{
	static const char *const skip[] = {
		"tarybos", "taryb", "bot", "pirminink", "pavaduotoj", "sekretor", "isrinkt",
		"perrinkt", "paskirt", "tapo", "yra", "buvo", "funkcij", "atlieka", "eina",
		"vadovauj", "vadovav", "as",   /* "Tarybai vadovauja", "pirmininkauju aš" */
		"nario", "nariu", "narys", "nare", "nares", NULL   /* "Tarybos nario X" */
	};
	word w;
	size_t p = start, from = 0;

	while (next_word(c->t, p, name_start, &w)) {
		if (!word_has_stem(c->t, &w, skip) || from) {
			if (!from)
				from = w.start;
		}
		p = w.end;
		if (from && word_has_stem(c->t, &w, skip) && w.end >= name_start)
			break;
	}
	if (!from || from >= name_start)
		return NULL;
	return organisation(c, from, name_start);
}

/* "Rasa Bagdonienė iš Troškūnų bendruomenės": "iš" and an organisation in
 * the genitive right after the name, up to a comma or a period. */
static char *org_from(ctx *c, size_t name_end)
{
	static const char *const org_nouns[] = {
		"bendruomen", "administracij", "asociacij", "centr", "draugij", "seniunij",
		"bendrij", "klub", "sajung", "mokykl", "bibliotek", "organizacij", "grup", "skyri",
		"fond", "savivaldyb", "tarnyb", "muziej", "gimnazij", "parapij", NULL
	};
	const char *v = c->t->view;
	word w, last = { 0, 0 };
	size_t p, start;
	int k;

	if (!next_word(c->t, name_end, c->t->len, &w) || w.start > name_end + 2 ||
	    !lt_word_is(v + w.start, w.end - w.start, "iš"))
		return NULL;
	start = p = w.end;
	for (k = 0; k < 6 && next_word(c->t, p, c->t->len, &w); k++) {
		size_t g;
		for (g = p; g < w.start; g++)
			if (v[g] == ',' || v[g] == '.' || v[g] == ';' || v[g] == '(' || v[g] == ')' ||
			    v[g] == '\n')
				goto done;
		last = w;
		p = w.end;
	}
done:
	if (!last.end || !word_has_stem(c->t, &last, org_nouns))
		return NULL;
	while (start < last.start && v[start] == ' ')
		start++;
	return organisation(c, start, last.end);
}

static void roles(ctx *c)
{
	lt_role_match r;
	size_t pos = 0;

	while (c->rc == COUNCIL_OK && lt_role_find(&r, c->t->view, c->t->len, pos)) {
		char *org = NULL;
		pos = r.end > pos ? r.end : pos + 1;
		if (!r.name[0])
			continue;
		if (r.org_end > r.org_start)
			org = organisation(c, r.org_start, r.org_end);
		if (!org)
			org = parenthesised_org(c, r.name_end, c->t->len);
		if (!org && r.name_start > r.start)
			org = org_before_name(c, r.start, r.name_start);
		if (!org)
			org = org_from(c, r.name_end);
		add_member(c, r.name, r.role, org, r.name_start, r.name_end, r.start, r.end);
	}
}

/* Member lists: "Vardas Pavardė (Organizacija);" lines, one per person, in
 * a paragraph introduced by "nariai" / "sudėtis". */
static int role_in(ctx *c, size_t s, size_t e);

static int bare_role(const char *f);

static void member_lists(ctx *c)
{
	size_t i;

	for (i = 0; i + 1 < c->doc.n_blocks && c->rc == COUNCIL_OK; i++) {
		const seg_block *b = &c->doc.blocks[i];
		char *f;
		int intro, intro_long;
		size_t j;

		/* A short paragraph introduces a list, or a long one whose last
		 * words do ("... Tarybą sudaro 10 narių:"). */
		if (b->is_table)
			continue;
		intro_long = b->span.end - b->span.start >= 200;
		if (intro_long) {
			size_t s = b->span.end - 120;
			if (c->t->view[b->span.end - 1] != ':')
				continue;
			while (((unsigned char)c->t->view[s] & 0xC0) == 0x80)
				s++;
			f = fold(c->t, s, b->span.end);
			intro = f && (strstr(f, "nariu:") || strstr(f, "nariai:") || strstr(f, "sudetis:"));
			free(f);
			if (!intro)
				continue;
			f = NULL;
		} else {
			f = fold(c->t, b->span.start, b->span.end);
		}
		intro = intro_long || (f && (strstr(f, "nariai:") || strstr(f, "sudetis:") || strstr(f, "sudeti:") ||
		         /* "Tarybą sudaro 14 narių – po 7 ... atstovus:" */
		         (c->t->view[b->span.end - 1] == ':' && (strstr(f, "nariu") || strstr(f, "sudet")) &&
		          !strstr(f, "dalyv")) ||
		         strstr(f, "nariu sarasas") ||
		         /* a heading: "TARYBOS SUDĖTIS (9 nariai)" */
		         (b->span.end - b->span.start < 80 && !b->is_item &&
		          c->t->view[b->span.end - 1] != '.' &&
		          (strstr(f, "sudetis") || find_stem(f, "nariai")))));
		free(f);
		if (!intro)
			continue;
		for (j = i + 1; j < c->doc.n_blocks; j++) {
			const seg_block *it = &c->doc.blocks[j];
			const char *v = c->t->view;
			size_t s = it->span.start, e = it->span.end, open, close, ne;
			char name[256];
			size_t n;
			word w;
			if (it->is_table)
				break;
			/* Skip a list marker: "4.1.", "-", "*", "1)", "•". */
			while (s < e && (v[s] == '-' || v[s] == '*' || v[s] == ' ' || v[s] == '.' ||
			                 v[s] == ')' || (v[s] >= '0' && v[s] <= '9') ||
			                 (s + 2 < e && (unsigned char)v[s] == 0xE2 &&
			                  (unsigned char)v[s + 1] == 0x80 && (unsigned char)v[s + 2] == 0xA2)))
				s += (unsigned char)v[s] == 0xE2 ? 3 : 1;
			/* "Nedalyvavo: A, B" is a list of its own, not an item */
			if (memchr(v + s, ':', (e - s) < 40 ? e - s : 40))
				break;
			open = s;
			/* a hyphen inside a name ("Jonaitė-Petrauskienė") is no dash */
			while (open < e && v[open] != '(' && v[open] != ',' &&
			       !(v[open] == '-' && open > s && v[open - 1] == ' '))
				open++;
			if (open >= e || open - s > 80)
				break;
			/* Two or three capitalised words make a name. */
			n = 0;
			{
				size_t p = s;
				int words = 0;
				while (next_word(c->t, p, open, &w)) {
					if (!is_capitalised(c->t, &w))
						words = 9;
					words++;
					p = w.end;
				}
				if (words < 2 || words > 4)
					break;
			}
			close = open + 1;
			while (close < e && v[close] != ')' && v[close] != ';')
				close++;
			ne = open;
			while (ne > s && v[ne - 1] == ' ')
				ne--;
			n = lt_name_nominative(name, sizeof name, v + s, ne - s);
			if (n == 0)
				break;
			{
				/* "Name, Alsėdžių bendruomenės pirmininkė - Tarybos
				 * pirmininkė;": the organisation (made nominative), then
				 * the office on the council after a dash */
				int role = COUNCIL_ROLE_MEMBER, r;
				size_t dash = open + 1, os = open + 1;
				char *org = NULL;
				if (v[open] == ',') {
					while (dash + 2 < close && !(v[dash] == ' ' && v[dash + 1] == '-' &&
					                             v[dash + 2] == ' '))
						dash++;
					if (dash + 2 < close && (r = role_in(c, dash + 2, close)) >= 0) {
						role = r;
					} else {
						dash = close;
					}
					while (os < dash && v[os] == ' ')
						os++;
					while (dash > os && (v[dash - 1] == '.' || v[dash - 1] == ' '))
						dash--;
					if (dash > os)
						org = organisation(c, os, dash);
					if (!org && dash > os)
						org = clean(c, os, dash);
				} else if (v[open] == '-') {
					/* "Name - Ariogalos bendruomenės pirmininkė, Tarybos
					 * pirmininkė;" or "Name - Tarybos sekretorė, Ylakių
					 * bendruomenės atstovė;": of the parts between commas,
					 * one starting with "Tarybos" is the office on this
					 * council, the other the organisation */
					size_t ps = open + 1, pe, oe = 0;
					while (ps < close) {
						char *rf;
						pe = ps;
						while (pe < close && v[pe] != ',')
							pe++;
						while (ps < pe && v[ps] == ' ')
							ps++;
						oe = pe;
						while (oe > ps && (v[oe - 1] == '.' || v[oe - 1] == ' ' || v[oe - 1] == ';'))
							oe--;
						rf = fold(c->t, ps, oe);
						if (rf && (strncmp(rf, "taryb", 5) == 0 || bare_role(rf))) {
							if ((r = role_in(c, ps, oe)) >= 0)
								role = r;
						} else if (oe > ps && !org && !(org = organisation(c, ps, oe))) {
							org = clean(c, ps, oe);
						}
						free(rf);
						ps = pe + 1;
					}
				} else if (close > open + 1) {
					org = clean(c, open + 1, close);
				}
				add_member(c, name, (council_role)role, org, s, ne, it->span.start,
				           it->span.end);
			}
		}
	}
}

/* A folded part that is an office alone: "pirmininkė", "pirmininko
 * pavaduotoja", "sekretorius". */
static int bare_role(const char *f)
{
	static const char *const roles[] = {
		"pirmininkas", "pirmininke", "pirmininko pavaduotojas", "pirmininko pavaduotoja",
		"pirmininkes pavaduotoja", "pirmininkes pavaduotojas", "pavaduotojas", "pavaduotoja",
		"sekretorius", "sekretore", NULL
	};
	size_t k;

	for (k = 0; roles[k]; k++)
		if (!strcmp(f, roles[k]))
			return 1;
	return 0;
}

/* "... iš Tarybos pasitraukė Ramygalos bendruomenės atstovas Jonas Liutkus,
 * jį pakeitė Gintaras Urbonas (Krekenavos bendruomenė)", "vietoj Onos
 * Petraitienės į Tarybą deleguota Rūta Kairė": a sentence about a change
 * of the council's composition names members (the one who left was a
 * member during the year too).  Names after an issuer ("mero", "direktoriaus
 * ... įsakymu") are not members. */
static void member_changes(ctx *c, size_t s, size_t e, const char *f)
{
	static const char *const change[] = { "pasitrauk", "pakeit", "vietoj", "isbrauk", NULL };
	static const char *const issuers[] = { "mero", "meres", "direktoriaus", "direktores",
		                                "vadovo", "vadoves", "isakymu", "potvarkiu", "sprendimu", NULL };
	static const char *const posts[] = { "atstov", "pirminink", "seniun", "nar", "vedej",
		                              "specialist", NULL };
	const char *v = c->t->view;
	word w;
	size_t p = s;

	if (!has_any_stem(f, change) || !(find_stem(f, "taryb") || find_stem(f, "sudet")))
		return;
	while (next_word(c->t, p, e, &w) && c->rc == COUNCIL_OK) {
		size_t ns, ne;
		word pw;
		char name[256], *org = NULL;
		if (!lt_name_at(v, e, w.start, &ns, &ne)) {
			p = w.end;
			continue;
		}
		p = ne;
		if (prev_word(c->t, s, ns, &pw) && word_has_stem(c->t, &pw, issuers))
			continue;
		if (!lt_name_nominative(name, sizeof name, v + ns, ne - ns))
			continue;
		org = parenthesised_org(c, ne, e);
		if (!org && prev_word(c->t, s, ns, &pw) && word_has_stem(c->t, &pw, posts)) {
			/* "Ramygalos bendruomenės atstovas": genitives before the post */
			size_t from = pw.start;
			word g;
			int k;
			for (k = 0; k < 8 && prev_word(c->t, s, from, &g); k++) {
				char *gf = fold(c->t, g.start, g.end);
				size_t n = gf ? strlen(gf) : 0;
				int gen = n >= 3 && (!strcmp(gf + n - 2, "os") || !strcmp(gf + n - 2, "es") ||
				                     !strcmp(gf + n - 2, "io") || gf[n - 1] == 'u' ||
				                     !strcmp(gf + n - 3, "aus") || !strcmp(gf + n - 2, "mo") ||
				                     (gf[n - 1] == 'o' && is_capitalised(c->t, &g)));
				/* a participle ("perėjusios") is no part of the name */
				if (gen && n >= 5 && (strstr(gf, "usios") || strstr(gf, "usio") || strstr(gf, "usiu")))
					gen = 0;
				/* "Strateginio planavimo ir investicijų skyriaus" */
				if (!strcmp(gf ? gf : "", "ir") || (gf && !strcmp(gf, "bei")))
					gen = 1;
				/* a quoted name: "bendruomenės „Versmė“ pirmininkė" */
				if (!gen && g.end + 3 <= e && memcmp(v + g.end, "“", 3) == 0)
					gen = 1;
				free(gf);
				if (!gen)
					break;
				from = g.start;
			}
			if (from < pw.start)
				org = organisation(c, from, ne);
		}
		add_member(c, name, COUNCIL_ROLE_MEMBER, org, ns, ne, s, e);
	}
}

/* The role a word names, for member lists: "pirmininkė", "pirmininko
 * pavaduotojas", "sekretorė"; -1 for none. */
static int role_in(ctx *c, size_t s, size_t e)
{
	char *f = fold(c->t, s, e);
	int r = -1;

	if (f && strstr(f, "pavaduotoj"))
		r = COUNCIL_ROLE_DEPUTY;
	else if (f && strstr(f, "pirminink"))
		r = COUNCIL_ROLE_CHAIR;
	else if (f && strstr(f, "sekretor"))
		r = COUNCIL_ROLE_SECRETARY;
	free(f);
	return r;
}

/* "Tarybos nariai: Rūta Šimkienė (pirmininkė, Juodkrantės bendruomenė),
 * Audronė Jurgaitienė (Nidos bendruomenė), Dalia Butkevičienė ir Eglė
 * Valentienė (Savivaldybės taryba)": a list of members inside a sentence.
 * Names sharing one parenthesis share its organisation. */
static void inline_members(ctx *c, size_t s, size_t e, const char *f)
{
	const char *v = c->t->view;
	size_t p, pending[16];
	int n_pending = 0, semis;

	/* The list opens at a colon, or at a dash right after the members
	 * word ("dėkoju ir kitiems tarybos nariams - Valdemarui Šimkevičiui
	 * (...), ..."). */
	for (p = s; p < e && v[p] != ':' && !(v[p] == '-' && p > s && v[p - 1] == ' '); p++)
		;
	if (p >= e)
		return;
	/* "nariai:", "sudėtis:", "Kiti Tarybos nariai, deleguoti bendruomeninių
	 * organizacijų:", "Kiti NVO atstovai taryboje:" -- the introduction
	 * speaks of members */
	{
		char *intro = fold(c->t, s, p);
		size_t n = intro ? strlen(intro) : 0;
		int ok;
		while (n > 0 && intro[n - 1] == ' ')
			intro[--n] = '\0';
		ok = intro && p - s < 160 &&
		         (v[p] == ':' ? (strstr(intro, "nariai") || strstr(intro, "sudetis") ||
		                         /* a protocol's absent members */
		                         !strcmp(intro, "nedalyvavo") ||
		                         strstr(intro, "nariu:") ||
		                         (strstr(intro, "atstovai") && strstr(intro, "taryb")))
		                      /* a dash: right after "nariams" / "nariai" */
		                      : (n >= 7 && (!strcmp(intro + n - 7, "nariams") ||
		                                    !strcmp(intro + n - 6, "nariai"))));
		free(intro);
		if (!ok)
			return;
	}
	(void)f;
	p++;
	semis = memchr(v + p, ';', e - p) != NULL;
	while (p < e && c->rc == COUNCIL_OK) {
		size_t name_s, name_e, q, close = 0;
		word w;
		int words = 0, role = COUNCIL_ROLE_MEMBER, r;
		char *org = NULL, name[256];

		while (p < e && (v[p] == ' ' || v[p] == ',' || v[p] == ';'))
			p++;
		if (p + 3 <= e && !strncmp(v + p, "ir ", 3))
			p += 3;
		/* two to four capitalised words (initials allowed) */
		name_s = name_e = q = p;
		while (words < 4 && next_word(c->t, q, e, &w) && is_capitalised(c->t, &w) &&
		       w.start <= q + 1) {
			name_e = w.end < e && v[w.end] == '.' ? w.end + 1 : w.end;
			q = name_e;
			words++;
		}
		if (words < 2)
			return;
		p = name_e;
		while (p < e && v[p] == ' ')
			p++;
		/* "Giedrė Mockevičienė - pirmininkė (...)" */
		if (p < e && v[p] == '-') {
			size_t end = p + 1;
			while (end < e && v[end] != '(' && v[end] != ',' && v[end] != ';' && v[end] != '.')
				end++;
			if ((r = role_in(c, p + 1, end)) >= 0)
				role = r;
			p = end;
			while (p < e && v[p] == ' ')
				p++;
		}
		/* "(pirmininkė, Juodkrantės bendruomenė)" or "(Nidos bendruomenė)" */
		if (p < e && v[p] == '(') {
			size_t o = p + 1, comma;
			for (close = o; close < e && v[close] != ')'; close++)
				;
			if (close >= e)
				return;
			for (comma = o; comma < close && v[comma] != ','; comma++)
				;
			if (comma < close && (r = role_in(c, o, comma)) >= 0) {
				role = r;
				o = comma + 1;
			}
			while (o < close && v[o] == ' ')
				o++;
			if (close > o && !(comma >= close && role_in(c, o, close) >= 0))
				org = clean(c, o, close);
			else if (comma >= close && (r = role_in(c, o, close)) >= 0)
				role = r;
			p = close + 1;
		} else if (p < e && v[p] == ',' && semis) {
			/* "Ona Venckienė, Rumšiškių bendruomenė; Tomas ...": entries
			 * separated by semicolons, each name then its organisation */
			size_t o = p + 1, end = o;
			while (end < e && v[end] != ';' && v[end] != '.')
				end++;
			while (o < end && v[o] == ' ')
				o++;
			if (end > o)
				org = organisation(c, o, end);
			p = end;
			close = 0;
		}
		if (!lt_name_nominative(name, sizeof name, v + name_s, name_e - name_s)) {
			free(org);
			return;
		}
		size_t before = c->x->n_members;
		add_member(c, name, (council_role)role, org ? cdb_strdup(org) : NULL, name_s, name_e,
		           name_s, close ? close + 1 : name_e);
		if (org) {
			/* earlier names with no parenthesis of their own share it */
			for (int k = 0; k < n_pending; k++) {
				x_member *m = &c->x->members[pending[k]];
				if (!m->represents)
					m->represents = cdb_strdup(org);
			}
			n_pending = 0;
		} else if (n_pending < 16 && c->x->n_members > before) {
			pending[n_pending++] = c->x->n_members - 1;
		}
		free(org);
		while (p < e && v[p] == ' ')
			p++;
		if (p >= e || (v[p] != ',' && v[p] != ';' && strncmp(v + p, "ir ", 3) != 0))
			return;
	}
}

/* "sudaryta iš 22 narių: 11 Savivaldybės ... atstovų ir 11 bendruomeninių
 * organizacijų atstovų" and "Narių skaičius: 14 (7 - ..., 7 - ...)". */
/* A form's field for the number of members: folded text starting "nariu -
 * ", "nariai: ", "tarybos nariu: ", "nariu skaicius - ". */
static int member_label(const char *f)
{
	static const char *const labels[] = { "nariu", "nariai", "tarybos nariu", "tarybos nariai",
	                                      "nariu skaicius", "tarybos nariu skaicius", NULL };
	size_t k, n;

	while (*f == ' ')
		f++;
	for (k = 0; labels[k]; k++) {
		n = strlen(labels[k]);
		const char *r = f + n;
		if (strncmp(f, labels[k], n) != 0)
			continue;
		while (*r == ' ')
			r++;
		if (*r == '-' || *r == ':')
			return 1;
	}
	return 0;
}

static int composition_sentence(void *vc, size_t start, size_t end)
{
	ctx *c = vc;
	council_extraction *x = c->x;
	char *f = fold(c->t, start, end);
	const char *v = c->t->view;
	size_t i;
	int64_t n;
	int seen_size = 0;

	if (!f)
		return oom(c);
	/* A protocol's "Dalyvavo Tarybos nariai (9 iš 12):": twelve members */
	if (x->council.size < 0 && strstr(f, "dalyvavo") && strstr(f, "nari")) {
		const char *q = strstr(f, " is ");
		int64_t present, all;
		size_t k1, k2;
		while (q) {
			const char *a = q;
			while (a > f && a[-1] >= '0' && a[-1] <= '9')
				a--;
			if (a < q && (k1 = lt_number_parse(&present, a, (size_t)(q - a))) != 0 &&
			    (k2 = lt_number_parse(&all, q + 4, strlen(q + 4))) != 0 && all >= present &&
			    all > 2 && all <= 200 && q[4 + k2] == ')') {
				x->council.size = (int)all;
				break;
			}
			q = strstr(q + 1, " is ");
		}
	}
	/* A questionnaire's "Kiek narių sudaro tarybą?" and its answer "- 8 (4
	 * Savivaldybės ... ir 4 bendruomeninių ... atstovai)": the answer's
	 * first number is the size. */
	{
		int asked = c->member_question;
		c->member_question = v[end - 1] == '?' && strstr(f, "kiek") && strstr(f, "nari");
		if (asked && !c->member_question && x->council.size < 0) {
			size_t p = start;
			int64_t total;
			size_t k;
			while (p < end && (v[p] == ' ' || v[p] == '-'))
				p++;
			if ((k = lt_number_parse(&total, v + p, end - p)) != 0 && total > 0 && total <= 200) {
				x->council.size = (int)total;
				seen_size = 1;
				start = p + k;
			}
		}
		if (c->member_question) {
			free(f);
			return 0;
		}
	}
	/* "Tarybą sudaro 18 narių:" followed by "- 9 Savivaldybės ...
	 * atstovai;" items: the items give the parts. */
	if (seen_size) {
		/* the answer to the question above */
	} else if (c->composition_list && c->in_item) {
		seen_size = 1;
	} else if (x->council.size >= 0 ||
	           !(strstr(f, "sudaryt") || strstr(f, "sudaro") || strstr(f, "nariu skaicius") ||
	             strstr(f, "sudeti") || member_label(f) ||
	             /* "Taryboje - dešimt narių: penki ... ir penki ..." */
	             (strstr(f, "taryboje") && strstr(f, "nariu")))) {
		free(f);
		return 0;
	}
	free(f);
	for (i = start; i < end; i++) {
		size_t k;
		if (i > start && ((unsigned char)v[i - 1] >= 0x80 || (v[i - 1] >= 'a' && v[i - 1] <= 'z') ||
		                  (v[i - 1] >= 'A' && v[i - 1] <= 'Z') || (v[i - 1] >= '0' && v[i - 1] <= '9')))
			continue;
		k = lt_number_parse(&n, v + i, end - i);
		if (!k)
			continue;
		if (i + k < end && v[i + k] == '.' && (i + k + 1 >= end || v[i + k + 1] == ' ')) {
			i += k; /* "2. Taryba ..." numbers a paragraph */
			continue;
		}
		{
			size_t after = i + k;
			word w, before;
			size_t p = after;
			int people = 0, people_now = 0, muni = 0, comm = 0, words, each = 0;
			char *g = fold(c->t, after, after + 160 < end ? after + 160 : end);
			/* "po 6 Savivaldybės ... ir bendruomeninių ... atstovus": the
			 * same number for each side. */
			each = prev_word(c->t, start, i, &before) && before.end - before.start == 2 &&
			       word_has_stem(c->t, &before, (const char *const[]){ "po", NULL });
			for (words = 0; words < 7 && next_word(c->t, p, end, &w); words++) {
				if (word_has_stem(c->t, &w, (const char *const[]){ "nari", "atstov", NULL })) {
					people = 1;
					if (words < 2)
						people_now = 1;
				}
				p = w.end;
			}
			if (g) {
				/* Only the phrase up to the next count decides its side;
				 * "7 - Savivaldybės ..." puts a dash before it. */
				char *cut = g;
				while (*cut == ' ' || *cut == '-' || *cut == ':')
					cut++;
				while (*cut && !(*cut >= '0' && *cut <= '9') &&
				       (each || strncmp(cut, " ir ", 4) != 0) && *cut != ',' && *cut != ';' &&
				       *cut != '-' && *cut != ':' && *cut != '(')
					cut++;
				*cut = '\0';
				muni = strstr(g, "savivaldyb") || strstr(g, "institucij") ||
				       strstr(g, "administracij") || strstr(g, "politik");
				comm = strstr(g, "bendruomen") || strstr(g, "organizacij") || strstr(g, "nvo");
				free(g);
			}
			/* "Narių skaičius: 14 (7 - ..., 7 - ...)", "Narių - 10 (5 ...,
			 * 5 ...)": the field's value. */
			if (!seen_size && !people_now && n > 0 && n <= 200 && i > start + 2 &&
			    (v[i - 2] == ':' || v[i - 2] == '-' || (v[i - 2] == ' ' && v[i - 3] == '-'))) {
				char *lab = fold(c->t, start, i);
				people_now = lab && (strstr(lab, "nariu skaicius") != NULL || member_label(lab));
				if (people_now)
					muni = comm = 0;
				free(lab);
			}
			if (!seen_size && people_now && n > 0 && n <= 200 && !each && !(muni || comm)) {
				x->council.size = (int)n;
				seen_size = 1;
			} else if (n > 0 && n <= 200 && (muni || comm) &&
			           /* "sudaro 10 narių - 5 deleguoja Savivaldybė, 5 ...":
			            * after the total, a side's share needs no noun */
			           (people || each || (seen_size && n < x->council.size)) &&
			           (!seen_size || n <= x->council.size)) {
				if (each && muni && comm) {
					x->council.seats_municipality = (int)n;
					x->council.seats_community = (int)n;
				} else if (muni && x->council.seats_municipality < 0) {
					x->council.seats_municipality = (int)n;
				} else if (comm && x->council.seats_community < 0) {
					x->council.seats_community = (int)n;
				}
			}
			i = after - 1;
		}
	}
	/* "pusė jų - Savivaldybės ..., pusė - bendruomeninių ...": halves. */
	if (x->council.size > 0 && x->council.size % 2 == 0 && x->council.seats_municipality < 0) {
		char *g = fold(c->t, start, end);
		const char *half = g ? find_stem(g, "puse") : NULL;
		if (half && find_stem(half + 4, "puse")) {
			x->council.seats_municipality = x->council.size / 2;
			x->council.seats_community = x->council.size / 2;
		}
		free(g);
	}
	if (!seen_size && x->council.seats_municipality > 0 && x->council.seats_community > 0)
		x->council.size = x->council.seats_municipality + x->council.seats_community;
	if (seen_size && !(c->composition_list && c->in_item) && end > start &&
	    c->t->view[end - 1] == ':')
		c->composition_list = 1;
	if (x->council.seats_municipality >= 0 && x->council.seats_community >= 0)
		c->composition_list = 0;
	return 0;
}

/* ---- meetings, figures, events ------------------------------------------- */

/* "protokolas Nr. BOT-1" beside a date is a sitting's minutes. */
static const char *const meeting_stems[] = { "posed", "susirinkim", "protokol", NULL };
static const char *const other_bodies[] = {
	"valdybos", "komisijos", "seniunaiciu", "grupes", "komiteto", NULL
};

static const struct event_kind {
	const char *stem;
	council_event_kind kind;
} event_kinds[] = {
	{ "seminar", COUNCIL_EVENT_SEMINAR }, { "mokym", COUNCIL_EVENT_TRAINING },
	{ "konferencij", COUNCIL_EVENT_CONFERENCE }, { "forum", COUNCIL_EVENT_FORUM },
	{ "saskryd", COUNCIL_EVENT_FORUM }, { "isvyk", COUNCIL_EVENT_VISIT },
	{ "kelion", COUNCIL_EVENT_VISIT }, { "apziur", COUNCIL_EVENT_VISIT },
	{ "vizit", COUNCIL_EVENT_VISIT }, { "ekskursij", COUNCIL_EVENT_VISIT },
	{ "pristatym", COUNCIL_EVENT_PRESENTATION }, { "diskusij", COUNCIL_EVENT_DISCUSSION },
	{ "susitikim", COUNCIL_EVENT_OTHER }, { "konsultacij", COUNCIL_EVENT_CONSULTATION },
	{ "svent", COUNCIL_EVENT_FESTIVAL }, { "parod", COUNCIL_EVENT_EXHIBITION },
	{ "dirbtuv", COUNCIL_EVENT_WORKSHOP }, { "rengin", COUNCIL_EVENT_OTHER },
	{ "minejim", COUNCIL_EVENT_FESTIVAL }, { "muge", COUNCIL_EVENT_FESTIVAL },
	{ "mugej", COUNCIL_EVENT_FESTIVAL }, { "mugei", COUNCIL_EVENT_FESTIVAL },
	{ "akcij", COUNCIL_EVENT_OTHER }, { "talk", COUNCIL_EVENT_OTHER },
	{ "vakar", COUNCIL_EVENT_OTHER }, { "stovykl", COUNCIL_EVENT_OTHER },
	{ "festival", COUNCIL_EVENT_FESTIVAL }, { "pasitarim", COUNCIL_EVENT_DISCUSSION },
	{ "apskritasis", COUNCIL_EVENT_DISCUSSION }, { "apskritojo", COUNCIL_EVENT_DISCUSSION },
	{ "apskritaj", COUNCIL_EVENT_DISCUSSION }, { "kursai", COUNCIL_EVENT_TRAINING },
	{ "kursu", COUNCIL_EVENT_TRAINING }, { "paskait", COUNCIL_EVENT_TRAINING },
	{ "webinar", COUNCIL_EVENT_SEMINAR }, { "vebinar", COUNCIL_EVENT_SEMINAR },
	{ "hakaton", COUNCIL_EVENT_WORKSHOP }, { "apdovanojim", COUNCIL_EVENT_FESTIVAL },
	{ "ceremonij", COUNCIL_EVENT_FESTIVAL },
	/* Happenings told by their verb: "lankėsi ... bendruomenėse",
	 * "susitiko su meru", "pristatė bendruomenėms aprašą". */
	{ "savaite", COUNCIL_EVENT_FESTIVAL }, { "savaites", COUNCIL_EVENT_FESTIVAL },
	{ "savaitej", COUNCIL_EVENT_FESTIVAL },
	{ "lankesi", COUNCIL_EVENT_VISIT }, { "aplanke", COUNCIL_EVENT_VISIT },
	{ "susitiko", COUNCIL_EVENT_OTHER }, { "pristate", COUNCIL_EVENT_PRESENTATION },
};

/* Verb keywords name the event by their clause, not by a noun phrase. */
static int verb_stem(const char *stem)
{
	return !strcmp(stem, "lankesi") || !strcmp(stem, "aplanke") || !strcmp(stem, "susitiko") ||
	       !strcmp(stem, "pristate");
}

/* Things that did not or will not happen. */
static const char *const not_happened[] = {
	"atsaukt", "neivyk", "nukelt", "perkelt", "planuojam", "planuot", "numatom", "numatyt",
	"ketinam", "busim", "neorganizuot", "nesurengt", "nevyk", "atidet", "nesaukt",
	"nesusirink", "susiplanav", NULL
};

/* A day named for whom it celebrates: "Bendruomenių diena", "NVO dieną",
 * "atvirų durų dienoje" -- "diena" after a plural genitive or an acronym,
 * not "darbo diena" or "tą dieną".  f is the word folded. */
static int named_day(const lt_text *t, const word *w, const char *f)
{
	word pw;
	size_t p, caps = 0, letters = 0, n;
	char buf[48];

	/* not "dienos": also the plural, "3 mokymų dienos" are three days */
	if (strcmp(f, "diena") && strcmp(f, "dienoje"))
		return 0;
	if (!prev_word(t, w->start > 60 ? w->start - 60 : 0, w->start, &pw) ||
	    pw.end - pw.start >= sizeof buf || pw.end - pw.start < 2)
		return 0;
	for (p = pw.start; p < pw.end;) {
		uint32_t cp;
		size_t k = utf8_decode(&cp, t->view + p, pw.end - p);
		letters++;
		if (utf8_lower(cp) != cp)
			caps++;
		p += k;
	}
	if (caps == letters && letters >= 2)
		return 1;   /* "NVO diena" */
	/* a plural genitive: folded, it ends in "u" ("bendruomeniu", "duru");
	 * not after a count ("dvi mokymų dienos" is a duration) */
	utf8_fold_into(buf, t->view + pw.start, pw.end - pw.start);
	n = strlen(buf);
	if (n < 4 || buf[n - 1] != 'u' || strcmp(buf, "metu") == 0)
		return 0;
	{
		word cw;
		int64_t x;
		if (prev_word(t, pw.start > 30 ? pw.start - 30 : 0, pw.start, &cw) &&
		    lt_number_parse(&x, t->view + cw.start, cw.end - cw.start) > 0)
			return 0;
	}
	return 1;
}

static int event_keyword(const lt_text *t, const word *w, council_event_kind *kind, const char **stem)
{
	char buf[96], *f = buf;
	size_t i;
	int hit = 0;

	/* Folded on the stack unless the word is very long: this runs for
	 * most words of the sentences that have dates. */
	if (w->end - w->start >= sizeof buf)
		f = fold(t, w->start, w->end);
	else
		utf8_fold_into(buf, t->view + w->start, w->end - w->start);
	if (!f)
		return 0;
	for (i = 0; i < sizeof event_kinds / sizeof event_kinds[0]; i++) {
		size_t n;
		if (f[0] != event_kinds[i].stem[0])
			continue;
		n = strlen(event_kinds[i].stem);
		if (strncmp(f, event_kinds[i].stem, n) == 0) {
			/* "talk" only as talka (clean-up day), "vakar" as vakaras. */
			if (strcmp(event_kinds[i].stem, "talk") == 0 && strlen(f) > 6)
				continue;
			if (strcmp(event_kinds[i].stem, "vakar") == 0 && strncmp(f, "vakaro", 6) != 0 &&
			    strncmp(f, "vakaras", 7) != 0 && strncmp(f, "vakare", 6) != 0)
				continue;
			/* "išvykstamasis seminaras": the adjective is not the event. */
			if (strcmp(event_kinds[i].stem, "isvyk") == 0 && strncmp(f, "isvykstam", 9) == 0)
				continue;
			/* "parodyti" (to show) is a verb, "paroda" an exhibition. */
			if (strcmp(event_kinds[i].stem, "parod") == 0 && strncmp(f, "parody", 6) == 0)
				continue;
			*kind = event_kinds[i].kind;
			*stem = event_kinds[i].stem;
			hit = 1;
			break;
		}
	}
	if (!hit && named_day(t, w, f)) {
		*kind = COUNCIL_EVENT_FESTIVAL;
		*stem = "dien";
		hit = 1;
	}
	if (f != buf)
		free(f);
	return hit;
}

/* Participles and verbs that end a title when reading backwards from the
 * event noun: what comes before them is not the event's name. */
static const char *const title_stops[] = {
	"organizuot", "organizuoj", "suorganizuot", "surengt", "rengt", "vykus", "vykusi",
	"vykes", "ivykus", "ivyk", "vyko", "dalyvav", "dalyvaut", "dalyvauj", "buvo", "vyks",
	"pristatyt", "aptart", "metu", "kuriame", "kurioje", "kuriuose", "tarybos", "taryba",
	"bot", "nariai", "nariams", "dalyvi", "inicijuot", "pakviest", "kviest", "iniciatyva",
	"suruost", "isvyko", "lankesi", "aplanke", "taip", "pat", "ir", "bei", "su", "per", NULL
};

/* The event's name as written: adjectives and genitives before the noun,
 * the noun, a quoted name after it, and a joined noun ("susitikime -
 * diskusijoje"). */
static char *event_title(ctx *c, size_t s_start, size_t s_end, size_t after, const word *kw,
                         const char *stem)
{
	size_t start = kw->start, end = kw->end, p;
	word w;
	int n = 0;
	const char *v = c->t->view;

	if (!*stem)
		return clean(c, kw->start, kw->end); /* a list item's own words */
	if (verb_stem(stem)) {
		/* "lankėsi Papilio ir Nemunėlio Radviliškio bendruomenėse": the
		 * verb and its clause, up to punctuation, at most ten words. */
		p = kw->end;
		while (n < 10 && next_word(c->t, p, s_end, &w)) {
			size_t gap;
			for (gap = p; gap < w.start; gap++)
				if (v[gap] == ',' || v[gap] == ';' || v[gap] == '.' || v[gap] == '(' ||
				    (v[gap] == '-' && gap > p))
					break;
			if (gap < w.start)
				break;
			end = w.end;
			p = w.end;
			n++;
		}
		(void)s_start;
		(void)after;
		return clean(c, start, end);
	}

	p = kw->start;
	while (n < 14 && prev_word(c->t, after, p, &w)) {
		size_t gap;
		/* Punctuation between words ends the title. */
		for (gap = w.end; gap < p; gap++)
			if (v[gap] != ' ')
				break;
		if (gap < p && !(v[gap] == '-' && p - w.end <= 3))
			break;
		if (word_has_stem(c->t, &w, title_stops) && !(n > 0 && w.end - w.start == 2 &&
		    v[w.start] == 'i' && v[w.start + 1] == 'r'))
			break;
		if ((v[w.start] >= '0' && v[w.start] <= '9'))
			break;
		/* "ir" inside a name chain is kept only between genitives. */
		if (w.end - w.start == 2 && v[w.start] == 'i' && v[w.start + 1] == 'r' && n == 0)
			break;
		start = w.start;
		p = w.start;
		n++;
	}
	/* Drop a leading "ir". */
	if (next_word(c->t, start, end, &w) && w.end - w.start == 2 && v[w.start] == 'i' &&
	    v[w.start + 1] == 'r')
		start = w.end + 1;
	p = kw->end;
	while (p < s_end && v[p] == ' ')
		p++;
	if (p + 3 <= s_end && memcmp(v + p, "„", 3) == 0) {
		const char *close = NULL;
		size_t q;
		for (q = p + 3; q + 3 <= s_end; q++)
			if (memcmp(v + q, "“", 3) == 0 || memcmp(v + q, "”", 3) == 0) {
				close = v + q;
				break;
			}
		if (close)
			end = (size_t)(close - v) + 3;
	} else if (p < s_end && v[p] == '"') {
		const char *close = memchr(v + p + 1, '"', s_end - p - 1);
		if (close)
			end = (size_t)(close - v) + 1;
	} else if (p + 2 < s_end && v[p] == '-' && v[p + 1] == ' ' && next_word(c->t, p, s_end, &w)) {
		council_event_kind k;
		const char *joined;
		if (event_keyword(c->t, &w, &k, &joined))
			end = w.end;
	}
	(void)s_start;
	return clean(c, start, end);
}

/* An organiser named after a verb: "renginį organizavo Šveicarijos
 * bendruomenė", "(organizatorius – Obelių bendruomenė)", "kartu su
 * Lietuvos vietos bendruomenių organizacijų sąjunga surengė". */
static char *organiser_after(ctx *c, size_t from, size_t s_end)
{
	static const char *const by[] = { "organizavo", "organizatori", "suorganizavo", "surenge",
	                                  "renge", "kartu", NULL };
	word w, n1;
	size_t p = from;
	const char *v = c->t->view;
	quotes qs;

	quotes_init(&qs, from);
	while (next_word(c->t, p, s_end, &w)) {
		word su;
		if (quoted_at(c->t, &qs, w.start)) {
			p = w.end;
			continue;
		}
		/* "kartu" only in "kartu su" (together with); "org." is the
		 * abbreviation of organisatorius: "(org. Kalvarijos kultūros
		 * centras)". */
		int org_abbr = w.end - w.start == 3 && w.end < s_end && v[w.end] == '.' &&
		               lt_word_is(v + w.start, 3, "org");
		if ((org_abbr || word_has_stem(c->t, &w, by)) &&
		    (!word_has_stem(c->t, &w, (const char *const[]){ "kartu", NULL }) ||
		     (next_word(c->t, w.end, s_end, &su) && su.end - su.start == 2 &&
		      word_has_stem(c->t, &su, (const char *const[]){ "su", NULL })))) {
			size_t q = w.end, s = 0, e = 0;
			int k = 0;
			/* "organizavo kartu su X", "kartu su X" */
			while (next_word(c->t, q, s_end, &n1) &&
			       word_has_stem(c->t, &n1, (const char *const[]){ "kartu", "su", "Taryba", NULL }) &&
			       n1.end - n1.start <= 6)
				q = n1.end;
			while (k < 8 && next_word(c->t, q, s_end, &n1)) {
				if (k == 0 && !is_capitalised(c->t, &n1))
					break;
				/* a verb or participle ends the name */
				if (k > 0 && word_has_stem(c->t, &n1, (const char *const[]){ "surenge", "organizav",
				        "suorganiz", "organizuot", "renge", "vyk", "pristat", "kviet", NULL }))
					break;
				/* "Taryba surengė NVO mugę": after the verb comes what
				 * was organised, not who organised it. */
				{
					council_event_kind ek;
					const char *es;
					if (event_keyword(c->t, &n1, &ek, &es)) {
						s = e = 0;
						break;
					}
				}
				if (!s)
					s = n1.start;
				e = n1.end;
				q = n1.end;
				k++;
				if (q < s_end && (v[q] == ',' || v[q] == '.' || v[q] == '(' || v[q] == ';' ||
				                  v[q] == ')'))
					break;
			}
			if (s && e > s)
				return clean(c, s, e);
			if (!word_has_stem(c->t, &w, (const char *const[]){ "kartu", NULL }))
				return NULL;
		}
		p = w.end;
	}
	return NULL;
}

static int locative_name(const char *f);

/* Ends a genitive usually has ("sąjungos", "organizacijų", "centro",
 * "tarybos", "Lietuvos"), folded. */
static int genitive_like(const char *f)
{
	static const char *const ends[] = { "os", "es", "u", "io", "o", NULL };
	size_t n = strlen(f), i;

	if (n < 3)
		return 0;
	for (i = 0; ends[i]; i++) {
		size_t k = strlen(ends[i]);
		if (n > k && strcmp(f + n - k, ends[i]) == 0)
			return 1;
	}
	return 0;
}

/* "Lietuvos vietos bendruomenių organizacijų sąjungos organizuotoje",
 * "informacijos ir paramos centro Vilniuje surengtame": the organisation
 * in the genitive right before the participle (a place in the locative may
 * stand between), from its first capitalised word.  NULL when none. */
static char *genitive_run(ctx *c, size_t from, size_t participle)
{
	word x;
	size_t p = participle, start = 0, end = 0;
	int place = 1, n = 0;

	while (n < 8 && prev_word(c->t, from, p, &x)) {
		char buf[96];
		if (x.end - x.start >= sizeof buf)
			break;
		utf8_fold_into(buf, c->t->view + x.start, x.end - x.start);
		if (place && !end && is_capitalised(c->t, &x) && locative_name(buf)) {
			place = 0;    /* "Vilniuje surengtame" */
		} else if (genitive_like(buf) || (end && !strcmp(buf, "ir"))) {
			if (!end)
				end = x.end;
			if (is_capitalised(c->t, &x))
				start = x.start;
			n++;
		} else {
			break;
		}
		p = x.start;
	}
	/* A single capitalised genitive is as likely a place ("Kauno"): ask
	 * for a name of two words at least, ending in a lowercase noun. */
	if (!start || !end || n < 2)
		return NULL;
	{
		word last;
		if (!prev_word(c->t, from, end, &last) || is_capitalised(c->t, &last))
			return NULL;
	}
	return clean(c, start, end);
}

/* "VVG „Pajūrio kraštas“ organizuojamo renginio": the words between the date
 * and the participle, from the first capitalised one. */
static char *event_organiser(ctx *c, size_t s_start, size_t from, size_t s_end, size_t kw_start)
{
	static const char *const participles[] = { "organizuot", "organizuoj", "suorganizuot",
	                                            "surengt", "inicijuot", NULL };
	word w, first = { 0, 0 };
	size_t p = from, last_end = 0;
	int words = 0;
	quotes qs;

	/* "X organizuotame renginyje": X before the participle before the noun. */
	quotes_init(&qs, from);
	while (next_word(c->t, p, kw_start, &w)) {
		if (word_has_stem(c->t, &w, participles)) {
			char *run = genitive_run(c, from, w.start);
			if (run)
				return run;
			if (first.end && words > 0) {
				/* Keep a closing quotation mark: VVG „Pajūrio kraštas“. */
				while (last_end + 3 <= w.start &&
				       (memcmp(c->t->view + last_end, "“", 3) == 0 ||
				        memcmp(c->t->view + last_end, "”", 3) == 0))
					last_end += 3;
				if (last_end < w.start && c->t->view[last_end] == '"')
					last_end++;
				return clean(c, first.start, last_end);
			}
			first.end = 0;
			words = 0;
		} else if (!first.end) {
			if (is_capitalised(c->t, &w) && !quoted_at(c->t, &qs, w.start)) {
				char *f = fold(c->t, w.start, w.end);
				size_t n = f ? strlen(f) : 0;
				/* A capitalised locative is a place, not an organiser. */
				int locative = f && n > 4 && (!strcmp(f + n - 3, "oje") || !strcmp(f + n - 3, "eje") ||
				                               !strcmp(f + n - 3, "yje") || !strcmp(f + n - 3, "uje"));
				free(f);
				if (!locative) {
					first = w;
					words = 1;
					last_end = w.end;
				}
			}
		} else {
			words++;
			last_end = w.end;
			if (words > 10)
				first.end = 0;
		}
		p = w.end;
	}
	/* "... renginį organizavo X", "organizatorius - X", "kartu su X";
	 * "Kartu su X" may open the sentence, before the date. */
	{
		char *o = organiser_after(c, s_start, s_end);
		if (o)
			return o;
	}
	/* "LVBOS nuotoliniai mokymai", "prie LVBOS seminaro": an acronym at
	 * most one word (an adjective) before the event noun. */
	{
		word a, b;
		if (prev_word(c->t, from, kw_start, &a)) {
			if (org_acronym(c->t, &a))
				return clean(c, a.start, a.end);
			if (prev_word(c->t, from, a.start, &b) && org_acronym(c->t, &b) &&
			    !is_capitalised(c->t, &a))
				return clean(c, b.start, b.end);
		}
	}
	/* "dalyvavo Lietuvos vietos bendruomenių organizacijų sąjungos
	 * nuotoliniame seminare": an organisation in the genitive right
	 * before the event noun. */
	{
		static const char *const orgs[] = { "sajungos", "grupes", "asociacijos", "centro",
			"biuro", "tarnybos", "ministerijos", "administracijos", "draugijos", "fondo",
			"instituto", "tinklo", "konfederacijos", "rumu", "bibliotekos", "vvg", NULL };
		word org = { 0, 0 }, cap = { 0, 0 };
		p = from;
		quotes_init(&qs, from);
		while (next_word(c->t, p, kw_start, &w)) {
			if (is_capitalised(c->t, &w) && !cap.end && !quoted_at(c->t, &qs, w.start))
				cap = w;
			if (cap.end && word_has_stem(c->t, &w, orgs))
				org = w;
			if (word_has_stem(c->t, &w, title_stops) && !(w.end - w.start == 2))
				cap.end = 0, org.end = 0;
			p = w.end;
		}
		if (cap.end && org.end && org.end > cap.start) {
			size_t e = org.end;
			if (e + 3 <= kw_start && memcmp(c->t->view + e, "“", 3) == 0)
				e += 3;
			return clean(c, cap.start, e);
		}
	}
	return NULL;
}

/* Locative endings of place names: Kuldygoje, Dotnuvoje, Birštone,
 * Ventspilyje, Obeliuose, Juodupėje. */
static int locative_name(const char *f)
{
	static const char *const ends[] = { "oje", "eje", "yje", "uje", "ije", "uose", "ose",
	                                    "ese", "iuose", NULL };
	size_t n = strlen(f), i;

	for (i = 0; ends[i]; i++) {
		size_t k = strlen(ends[i]);
		if (n > k + 2 && strcmp(f + n - k, ends[i]) == 0)
			return 1;
	}
	return 0;
}

/* Where the event took place:
 *   - a place noun with its owner: "Vėžaičių bendruomenės namuose",
 *     "Kuršėnų kultūros centre", "Rokiškio kultūros centras";
 *   - where a trip went: "išvyka į Zarasų rajono bendruomenes";
 *   - capitalised locatives: "Kuldygoje, Ventspilyje, Alsungoje (Latvija)",
 *     and a capitalised name before "vykusiame": "Birštone vykusiame". */
/* "išvyka į Estiją (Viljandi apskritis)", "į Latviją (Liepoja,
 * Grobinia)": a country the sentence details in parentheses is placed by
 * the first place named there.  Takes loc (may be NULL) and returns the
 * location to keep. */
static char *country_detail(ctx *c, size_t s, size_t e, char *loc)
{
	static const char *const countries[] = { "latvij", "estij", "lenkij", "vokietij", "suomij",
		                                   "svedij", "norvegij", "danij", "cekij", "slovakij",
		                                   "vengrij", "italij", "prancuzij", "ispanij", NULL };
	const char *v = c->t->view;
	size_t n, q, a, b;
	char *f, *detail;
	const char *hit;

	if (!loc || !(f = utf8_fold(loc, strlen(loc))))
		return loc;
	n = has_any_stem(f, countries) && strchr(f, ' ') == NULL;
	free(f);
	if (!n)
		return loc;
	/* the country's word in the sentence, then " (" right after it */
	n = strlen(loc);
	for (q = s; q + n <= e; q++) {
		if (memcmp(c->t->norm + q, loc, n) != 0)
			continue;
		for (a = q + n; a < e && v[a] == ' '; a++)
			;
		if (a >= e || v[a] != '(')
			continue;
		for (b = ++a; b < e && v[b] != ',' && v[b] != ')' && v[b] != ';'; b++)
			;
		while (b > a && v[b - 1] == ' ')
			b--;
		if (b <= a || b - a > 60)
			return loc;
		hit = v + a;
		if (!(*hit >= 'A' && *hit <= 'Z') && (unsigned char)*hit < 0xC3)
			return loc; /* "(du kartus)" is no place */
		if (!(detail = clean(c, a, b)))
			return loc;
		free(loc);
		return detail;
	}
	return loc;
}

static char *event_location(ctx *c, size_t s_start, size_t s_end)
{
	static const char *const places[] = {
		"namuose", "namai", "saleje", "sale", "centre", "centras", "bibliotekoje",
		"biblioteka", "mokykloje", "muziejuje", "rumuose", "rumai", "dvare", "sodyboje",
		"gimnazijoje", "progimnazijoje", "seniunijoje", "parke", "aiksteje", "pastate",
		"erdveje", "klebonijoje", "svetaineje", "teatre", "amfiteatre", "kaime", "mieste",
		"miestelyje", "bendruomenese", "seniunijose", "stovyklavieteje", "baznycioje",
		"sventoriuje", "kiemelyje", "azuolyne", "miske", "stadione", "papludimyje",
		"pakranteje", "aiksteleje", "slenyje", "piliakalnyje", "sodyboje", "rotuseje",
		"administracijoje", "pilyje", "viesbutyje", "kavineje", "bazeje", NULL
	};
	static const char *const not_places[] = { "sausyje", "vasaryje", "kove", "balandyje",
		"geguzeje", "birzelyje", "liepoje", "rugpjutyje", "rugsejyje", "spalyje",
		"lapkrityje", "gruodyje", "taryboje", "savivaldybeje", "posedyje", "tarybose",
		"ataskaitoje", "programoje", "priemoneje", NULL };
	static const char *const trips[] = { "isvyk", "kelion", "vizit", "ekskursij", NULL };
	const char *v = c->t->view;
	size_t p = s_start, start = 0, end = 0;
	word w, prev[6], n_after;
	int np = 0, after_trip = 0;
	quotes qs;
	char fbuf[96];

	int after_event = 0;

	quotes_init(&qs, s_start);
	while (next_word(c->t, p, s_end, &w)) {
		/* the word folded on the stack unless it is very long */
		char *f = w.end - w.start < sizeof fbuf ? fbuf : fold(c->t, w.start, w.end);
		int quoted = quoted_at(c->t, &qs, w.start), was_after_event = after_event;
		council_event_kind ek;
		const char *es;
		p = w.end;
		if (!f)
			return NULL;
		if (f == fbuf)
			utf8_fold_into(fbuf, c->t->view + w.start, w.end - w.start);
		/* "konferenciją Birštone", "mokymuose „Lyderystė“ Birštone": a
		 * town's locative in -e right after the event noun or its quoted
		 * name ("Kaune", "Birštone"; not "-ė", a name's nominative) */
		after_event = !quoted && event_keyword(c->t, &w, &ek, &es);
		if (!quoted && !start && !was_after_event && w.start >= 4 &&
		    (memcmp(v + w.start - 4, "“ ", 4) == 0 || memcmp(v + w.start - 4, "” ", 4) == 0))
			was_after_event = 1;
		if (!quoted && !start && was_after_event && is_capitalised(c->t, &w) &&
		    w.end - w.start >= 5 && v[w.end - 1] == 'e' && !has_any_stem(f, not_places) &&
		    !(w.end < s_end && next_word(c->t, w.end, s_end, &n_after) &&
		      is_capitalised(c->t, &n_after) && n_after.start == w.end + 1)) {
			if (f != fbuf)
				free(f);
			return clean(c, w.start, w.end);
		}
		if (!quoted && word_has_stem(c->t, &w, places) && np > 0) {
			/* Walk back over the owner: capitalised words and the
			 * lowercase genitives and "ir" between them. */
			int k;
			size_t from = 0;
			for (k = np - 1; k >= 0 && np - k <= 5; k--) {
				char *g = fold(c->t, prev[k].start, prev[k].end);
				size_t gn = g ? strlen(g) : 0;
				int cap = is_capitalised(c->t, &prev[k]);
				/* genitives, "ir", and adjectives agreeing with a
				 * locative place noun ("viešojoje bibliotekoje") */
				int gen = !strcmp(g ? g : "", "ir") ||
				          (gn > 2 && (g[gn - 1] == 'u' || !strcmp(g + gn - 2, "os") ||
				                      !strcmp(g + gn - 2, "es") || !strcmp(g + gn - 2, "io") ||
				                      !strcmp(g + gn - 1, "o") || !strcmp(g + gn - 3, "oje") ||
				                      !strcmp(g + gn - 3, "ame")));
				free(g);
				if (!cap && !gen)
					break;
				if (cap)
					from = prev[k].start;
			}
			if (from) {
				free_folded(f, fbuf);
				return clean(c, from, w.end);
			}
		}
		if (!quoted && after_trip && is_capitalised(c->t, &w)) {
			/* "išvyka į Zarasų rajono bendruomenes (...)" */
			size_t q = w.end, last = w.start;
			word n2;
			int k = 0;
			end = w.end;
			while (k < 4 && next_word(c->t, q, s_end, &n2)) {
				size_t g;
				for (g = q; g < n2.start; g++)
					if (v[g] == ',' || v[g] == ';' || v[g] == '.' || v[g] == '(')
						break;
				if (g < n2.start)
					break;
				end = n2.end;
				last = n2.start;
				q = n2.end;
				k++;
			}
			/* "į Lazdijų r. bendruomenes": the abbreviation keeps its dot */
			if (end < s_end && v[end] == '.' && end - last <= 4 &&
			    (lt_word_is(v + last, end - last, "r") || lt_word_is(v + last, end - last, "raj") ||
			     lt_word_is(v + last, end - last, "sav") || lt_word_is(v + last, end - last, "m")))
				end++;
			free_folded(f, fbuf);
			return clean(c, w.start, end);
		}
		after_trip = word_has_stem(c->t, &w, trips) ? 1 : (after_trip && !strcmp(f, "i")) ? 2 : 0;
		if (after_trip == 1) {
			/* wait for "į" */
		} else if (after_trip == 2) {
			after_trip = 1;
		}
		if (!quoted && !start && is_capitalised(c->t, &w) && locative_name(f) &&
		    !has_any_stem(f, not_places)) {
			start = w.start;
			end = w.end;
		} else if (!quoted && !start && is_capitalised(c->t, &w) && np > 0) {
			/* "Birštone vykusiame forume": a name right before the
			 * participle of taking place. */
			word n2;
			if (next_word(c->t, w.end, s_end, &n2) &&
			    word_has_stem(c->t, &n2, (const char *const[]){ "vykus", "vykusi", NULL }) &&
			    w.end - w.start > 3) {
				free_folded(f, fbuf);
				return clean(c, w.start, w.end);
			}
		} else if (start && !quoted) {
			if (is_capitalised(c->t, &w) && locative_name(f)) {
				end = w.end;
			} else if (strcmp(f, "ir") != 0) {
				free_folded(f, fbuf);
				break;
			}
		}
		free_folded(f, fbuf);
		if (np == 6) {
			memmove(prev, prev + 1, 5 * sizeof *prev);
			np = 5;
		}
		prev[np++] = w;
	}
	if (!start)
		return NULL;
	/* "(Latvija)" right after the place names. */
	{
		size_t q = end;
		while (q < s_end && v[q] == ' ')
			q++;
		if (q < s_end && v[q] == '(') {
			const char *close = memchr(v + q, ')', s_end - q);
			if (close && close - (v + q) < 40)
				end = (size_t)(close - v) + 1;
		}
	}
	return clean(c, start, end);
}

static int sentence_remote(const char *f)
{
	if (strstr(f, "nuotoli") || strstr(f, "zoom") || strstr(f, "teams") ||
	    strstr(f, "online") || strstr(f, "internetu") || strstr(f, "virtual"))
		return 1;
	if (strstr(f, "gyvai") || strstr(f, "kontaktin"))
		return 0;
	return -1;
}

/* "3 tarybos nariai", "penki mūsų tarybos nariai", "6 (Klaipėdos m. BO
 * tarybos nariai)": a count of the council's own members only, as reports
 * give it for a delegation to a happening others held: the happening had
 * at least these. */
static int council_delegation(ctx *c, const lt_group *g)
{
	char *f;
	int r;

	if (g->noun_end <= g->noun_start)
		return 0;
	f = fold(c->t, g->noun_start, g->noun_end);
	/* "18 Tarybos narių ir bendruomenių atstovų" counts both: not only
	 * the council's */
	r = f && (strstr(f, "tarybos nari") || strstr(f, "tarybos atstov")) && !strstr(f, " ir ") &&
	    !strstr(f, " bei ");
	free(f);
	return r;
}

static int set_groups(ctx *c, x_event *e, const lt_participants *p)
{
	int i;

	for (i = 0; i < p->n_groups; i++) {
		x_group *g = x_push((void **)&e->groups, &e->n_groups, sizeof *g);
		if (!g)
			return oom(c);
		g->count = p->groups[i].count;
		g->qualifier = p->groups[i].qualifier;
		if (p->n_groups == 1 && g->qualifier == COUNCIL_QUAL_EXACT && !p->others_uncounted &&
		    council_delegation(c, &p->groups[i]))
			g->qualifier = COUNCIL_QUAL_AT_LEAST;
		if (p->n_groups > 1 && p->groups[i].noun_end > p->groups[i].noun_start)
			g->group_name = clean(c, p->groups[i].noun_start, p->groups[i].noun_end);
	}
	/* Several groups of which one was counted with "daugiau nei" etc. keep
	 * their own qualifiers; a single group with uncounted others is a lower
	 * bound: record the others as a group of at least zero. */
	if (p->others_uncounted) {
		x_group *g = x_push((void **)&e->groups, &e->n_groups, sizeof *g);
		if (!g)
			return oom(c);
		g->count = 0;
		g->qualifier = COUNCIL_QUAL_AT_LEAST;
		g->group_name = cdb_strdup("kiti dalyviai");
	}
	return COUNCIL_OK;
}

static void add_figure(ctx *c, int year, council_metric metric, int64_t value,
                       council_qualifier q, size_t s, size_t e)
{
	size_t i;
	x_figure *f;

	for (i = 0; i < c->x->n_figures; i++) {
		f = &c->x->figures[i];
		if (f->year == year && f->metric == metric) {
			/* An exact statement beats a lower bound; of two of a kind the
			 * larger holds. */
			if ((q == COUNCIL_QUAL_EXACT && f->qualifier != COUNCIL_QUAL_EXACT) ||
			    (q == f->qualifier && value > f->value)) {
				f->value = value;
				f->qualifier = q;
				x_span_set(&f->span, c->t, s, e);
			}
			return;
		}
	}
	f = x_push((void **)&c->x->figures, &c->x->n_figures, sizeof *f);
	if (!f) {
		oom(c);
		return;
	}
	f->year = year;
	f->metric = metric;
	f->value = value;
	f->qualifier = q;
	x_span_set(&f->span, c->t, s, e);
}

/* The format the folded words g give a meeting; "Nuotolinių posėdžių
 * nebuvo" (there were no remote ones) makes none remote. */
static council_format format_of(const char *g)
{
	if (strstr(g, "nuotoli") && !strstr(g, "nebuvo") && !strstr(g, "nevyko"))
		return COUNCIL_FORMAT_REMOTE;
	if (strstr(g, "misri") || strstr(g, "hibrid"))
		return COUNCIL_FORMAT_HYBRID;
	if (strstr(g, "gyvai") || strstr(g, "kontaktin"))
		return COUNCIL_FORMAT_IN_PERSON;
	return COUNCIL_FORMAT_UNKNOWN;
}

static void add_meeting(ctx *c, council_period date, const char *f, size_t s, size_t e,
                        const char *own)
{
	size_t i;
	x_meeting *m;
	char a[COUNCIL_DATE_BUFSIZE], b[COUNCIL_DATE_BUFSIZE];

	for (i = 0; i < c->x->n_meetings; i++) {
		m = &c->x->meetings[i];
		/* The same meeting mentioned again, or a month-only mention of a
		 * meeting we know to the day ("Balandžio posėdis vyko nuotoliniu
		 * būdu"): one meeting, which may learn its format here. */
		if (council_date_cmp(&m->date.start, &date.start) == 0 ||
		    (m->date.start.year == date.start.year && m->date.start.month == date.start.month &&
		     (!m->date.start.day || !date.start.day))) {
			const char *g = own ? own : f;
			if (!m->date.start.day && date.start.day)
				m->date = date;
			if (m->format == COUNCIL_FORMAT_UNKNOWN)
				m->format = format_of(g);
			return;
		}
	}
	m = x_push((void **)&c->x->meetings, &c->x->n_meetings, sizeof *m);
	if (!m) {
		oom(c);
		return;
	}
	m->date = date;
	/* In a list of dates, "(nuotolinis)" after one describes that one. */
	if (own)
		f = own;
	m->format = format_of(f);
	if (strstr(f, "zoom"))
		m->platform = cdb_strdup("Zoom");
	else if (strstr(f, "teams"))
		m->platform = cdb_strdup("Microsoft Teams");
	m->summary = clean_capped(c, s, e, 600);
	x_span_set(&m->span, c->t, s, e);
	(void)a;
	(void)b;
}

/* A word naming a council sitting: "posėdis", "posėdyje", "susirinkimas";
 * but "posėdžių salėje" is a room. */
static int meeting_word(ctx *c, const word *w, size_t e)
{
	word n;

	/* "susirinkome", "rinkomės", "susitikome": the council gathering, told
	 * in the first person in a paragraph about its meetings */
	if (c->para_meetings &&
	    word_has_stem(c->t, w, (const char *const[]){ "susirinkome", "rinkomes", "susitikome",
	                                                   "posedziavome", NULL }))
		return 1;
	if (!word_has_stem(c->t, w, meeting_stems))
		return 0;
	if (next_word(c->t, w->end, e, &n) &&
	    word_has_stem(c->t, &n, (const char *const[]){ "sal", NULL }))
		return 0;
	return 1;
}

/* Is the date at [ds,de) in sentence [s,e) a council meeting's date?
 * Returns 1 for ours, -1 for another body's meeting, 0 for no meeting. */
/* Is the word t "tarybos" of another council: "Savivaldybės tarybos",
 * "miesto tarybos", "Utenos regiono plėtros tarybos", "jaunimo reikalų
 * tarybos"?  Ours is "Tarybos", "BO tarybos", "bendruomeninių organizacijų
 * tarybos", "šios tarybos"; an adjective ("eiliniame tarybos posėdyje")
 * ends otherwise than a genitive noun. */
static int other_council(ctx *c, size_t s, const word *t)
{
	static const char *const ours[] = { "organizaciju", "bendruomeniniu", "nevyriausybiniu",
		                             "sios", "musu", "bo", "nvo", "bot", "kadencijos",
		                             "sudeties", NULL };
	word p;
	char *f;
	size_t n;
	int other;

	if (!word_has_stem(c->t, t, (const char *const[]){ "tarybos", NULL }) ||
	    !prev_word(c->t, s, t->start, &p))
		return 0;
	if (word_has_stem(c->t, &p, (const char *const[]){ "savivaldybes", "miesto", "rajono", NULL }))
		return 1;
	/* the other kind: an NVO council's report on the BO council's sitting */
	if (word_has_stem(c->t, &p, (const char *const[]){ "organizaciju", NULL })) {
		word k;
		if (prev_word(c->t, s, p.start, &k) &&
		    word_has_stem(c->t, &k, c->x->council.kind == COUNCIL_KIND_NVO
		                                ? (const char *const[]){ "bendruomeniniu", NULL }
		                                : (const char *const[]){ "nevyriausybiniu", NULL }))
			return 1;
		return 0;
	}
	if (word_has_stem(c->t, &p, c->x->council.kind == COUNCIL_KIND_NVO
	                                ? (const char *const[]){ "bo", "bot", NULL }
	                                : (const char *const[]){ "nvo", NULL }))
		return 1;
	/* "Tarybos" written with a capital is the council the report calls
	 * "Taryba" ("naujos kadencijos Tarybos posėdyje") */
	if (is_capitalised(c->t, t) || is_capitalised(c->t, &p) || word_has_stem(c->t, &p, ours) ||
	    p.end - p.start < 4)
		return 0;
	if (!(f = fold(c->t, p.start, p.end)))
		return 0;
	n = strlen(f);
	other = (n >= 2 && (!strcmp(f + n - 2, "os") || !strcmp(f + n - 2, "es") ||
	                    !strcmp(f + n - 2, "io") || !strcmp(f + n - 2, "ko"))) ||
	        (n >= 3 && !strcmp(f + n - 3, "ono")) ||
	        (n >= 2 && f[n - 1] == 'u' && strcmp(f + n - 2, "mu") != 0);
	free(f);
	return other;
}

/* Is the subject before a meeting count [s,cs) another body: "VVG
 * valdyba per metus posėdžiavo 9 kartus", "Savivaldybės nevyriausybinių
 * organizacijų taryba 2022 m. surengė 6 posėdžius" (in a BO council's
 * report), "komisija"?  The nominative "taryba" is judged like
 * other_council's genitive. */
static int other_body_subject(ctx *c, size_t s, size_t cs)
{
	static const char *const bodies[] = { "valdyba", "komisija", "grupe", "komitetas", "sueiga", NULL };
	word w, p, k;
	size_t q = s;

	while (next_word(c->t, q, cs, &w)) {
		if (word_has_stem(c->t, &w, bodies) && w.end - w.start <= 10)
			return 1;
		if (lt_word_is(c->t->view + w.start, w.end - w.start, "taryba") &&
		    prev_word(c->t, s, w.start, &p)) {
			if (word_has_stem(c->t, &p, (const char *const[]){ "savivaldybes", "miesto", "rajono", NULL }))
				return 1;
			if (word_has_stem(c->t, &p, c->x->council.kind == COUNCIL_KIND_NVO
			                                ? (const char *const[]){ "bo", "bot", NULL }
			                                : (const char *const[]){ "nvo", NULL }))
				return 1;
			if (word_has_stem(c->t, &p, (const char *const[]){ "organizaciju", NULL }) &&
			    prev_word(c->t, s, p.start, &k) &&
			    word_has_stem(c->t, &k, c->x->council.kind == COUNCIL_KIND_NVO
			                                ? (const char *const[]){ "bendruomeniniu", NULL }
			                                : (const char *const[]){ "nevyriausybiniu", NULL }))
				return 1;
		}
		q = w.end;
	}
	return 0;
}

static int meeting_date(ctx *c, size_t s, size_t e, size_t ds, size_t de)
{
	word w, prev1;
	size_t p = de;
	int k, steps;

	/* After the date: "vykusiame posėdyje", "d. posėdis", "- posėdis",
	 * "įvykusiame Palangos miesto savivaldybės bendruomeninių organizacijų
	 * tarybos posėdyje" (the words of a council's name do not count). */
	for (k = 0; k < 5 && next_word(c->t, p, e, &w); ) {
		council_event_kind kind;
		const char *stem;
		if (meeting_word(c, &w, e))
			goto found;
		if (event_keyword(c->t, &w, &kind, &stem))
			return 0;
		/* a council's name and a meeting room ("posėdžių salėje") are
		 * no distance; other capitalised words only at first */
		if (!word_has_stem(c->t, &w, (const char *const[]){ "miesto", "rajono", "savivaldybes",
		                   "bendruomenin", "nevyriausybin", "organizacij", "posedziu", "saleje", NULL }) &&
		    (k >= 2 || !is_capitalised(c->t, &w)))
			k++;
		p = w.end;
	}
	/* "Pirmieji du (sausio 20 d. ir kovo 3 d.) vyko nuotoliniu būdu" after
	 * a stated count: the sentence tells of those meetings */
	if (c->refers_to_meetings)
		return 1;
	/* Before it: "posėdis vyko 2023 m. kovo 14 d.", "posėdyje, įvykusiame
	 * ...", "Posėdžių datos: 2025-01-28, 2025-03-27, ..." (other dates of
	 * the list do not count as words). */
	p = ds;
	for (k = 0, steps = 0; k < 8 && steps < 60 && prev_word(c->t, s, p, &w); steps++) {
		const char *wv = c->t->view + w.start;
		size_t wn = w.end - w.start;
		if (meeting_word(c, &w, e))
			goto found;
		if (!(wv[0] >= '0' && wv[0] <= '9') && !lt_month_from_word(wv, wn) &&
		    !lt_word_is(wv, wn, "d") && !lt_word_is(wv, wn, "m") && !lt_word_is(wv, wn, "ir") &&
		    !lt_word_is(wv, wn, "nuotolinis") && !lt_word_is(wv, wn, "nuotoliniu") &&
		    !lt_word_is(wv, wn, "būdu"))
			k++;
		p = w.start;
	}
	/* "posėdžiai vyko: vasario 2 d., gegužės 11 d. ir ...", "įvyko 3
	 * posėdžiai - kovo 15 d., ...": dates listed after a clause that
	 * speaks of the council's meetings. */
	{
		size_t q, delim = 0;
		for (q = ds; q > s; q--)
			if (c->t->view[q - 1] == ':' ||
			    (c->t->view[q - 1] == '-' && q >= s + 2 && c->t->view[q - 2] == ' ' &&
			     c->t->view[q] == ' ')) {
				delim = q - 1;
				break;
			}
		if (delim) {
			int meeting = 0;
			size_t r = s;
			while (next_word(c->t, r, delim, &w)) {
				council_event_kind kind;
				const char *stem;
				if (meeting_word(c, &w, delim))
					meeting = 1;
				if (event_keyword(c->t, &w, &kind, &stem))
					return 0;
				r = w.end;
			}
			for (r = delim; meeting && next_word(c->t, r, ds, &w); r = w.end) {
				council_event_kind kind;
				const char *stem;
				if (event_keyword(c->t, &w, &kind, &stem))
					meeting = 0;
			}
			if (meeting)
				return 1;
		}
	}
	/* An item of a list the text introduced as the council's meetings
	 * ("Posėdžiai:", "Įvyko šie posėdžiai:"), dated at its start; or a
	 * line dated at its start after a "Posėdžiai: 4" label line; or the
	 * answer to a questionnaire's "Nurodykite posėdžių datas". */
	if ((c->in_meeting_list && ds < c->block_start + 40) ||
	    (c->label_meetings && ds == s) || c->answering_dates) {
		size_t q = s;
		while (next_word(c->t, q, e, &w)) {
			council_event_kind kind;
			const char *stem;
			if (event_keyword(c->t, &w, &kind, &stem))
				return 0;
			q = w.end;
		}
		return 1;
	}
	return 0;
found:
	/* Another body's sitting named before the date: "... komiteto rugsėjo
	 * 19 d. posėdyje", "Savivaldybės tarybos 2024 m. kovo 5 d. posėdyje". */
	if (w.start >= de) {
		word b;
		size_t q = ds;
		for (k = 0; k < 2 && prev_word(c->t, s, q, &b); k++) {
			if (word_has_stem(c->t, &b, other_bodies))
				return -1;
			if (other_council(c, s, &b))
				return -1;
			q = b.start;
		}
	}
	/* Another body's sitting: "Savivaldybės tarybos posėdyje", "valdybos". */
	if (prev_word(c->t, s, w.start, &prev1)) {
		if (word_has_stem(c->t, &prev1, other_bodies))
			return -1;
		if (other_council(c, s, &prev1))
			return -1;
		/* "organizacijų atstovų susirinkime": an assembly, not a sitting */
		if (word_has_stem(c->t, &w, (const char *const[]){ "susirinkim", NULL }) &&
		    word_has_stem(c->t, &prev1, (const char *const[]){ "atstovu", "nariu", "gyventoju", NULL }))
			return -1;
	}
	return 1;
}

/* "Sušaukti 7 posėdžiai, įvyko 6", "sušaukti septyni ..., iš kurių įvyko
 * šeši": when the count [cs,ce) is of meetings convened ("sušaukti",
 * "šaukta") and the sentence goes on to say how many took place, that
 * number is the count. */
static void held_of_convened(ctx *c, size_t s, size_t e, size_t cs, size_t ce, int64_t *total)
{
	const char *v = c->t->view;
	word w, n;
	size_t p = s;
	int convened = 0;
	int64_t held;

	while (next_word(c->t, p, ce, &w)) {
		if (word_has_stem(c->t, &w, (const char *const[]){ "susaukt", "saukt", "sauk", NULL }))
			convened = 1;
		p = w.end;
	}
	if (!convened)
		return;
	/* from the count on: its remote share may reach past "įvyko šeši" */
	for (p = cs; next_word(c->t, p, e, &w); p = w.end) {
		if (!lt_word_is(v + w.start, w.end - w.start, "įvyko"))
			continue;
		if (next_word(c->t, w.end, e, &n) &&
		    lt_number_parse(&held, v + n.start, e - n.start) > 0 && held >= 0 && held <= *total)
			*total = held;
		return;
	}
}

/* Is position i inside a parenthesis opened after s? */
static int in_parentheses(const char *v, size_t s, size_t i)
{
	int depth = 0;

	for (; s < i; s++) {
		if (v[s] == '(')
			depth++;
		else if (v[s] == ')' && depth > 0)
			depth--;
	}
	return depth > 0;
}

/* "5 posėdžiai (2022 m. - 4)", "(2022 m. - 4 posėdžiai)": the count of an
 * earlier year in parentheses right after this year's, at p.  Returns 1
 * and fills *year and *n. */
static int earlier_year_count(const char *v, size_t p, size_t e, int this_year, int *year,
                              int64_t *n)
{
	size_t q, used;
	int y = 0;

	while (p < e && v[p] == ' ')
		p++;
	if (p + 6 >= e || v[p] != '(')
		return 0;
	for (q = p + 1; q < p + 5; q++) {
		if (v[q] < '0' || v[q] > '9')
			return 0;
		y = y * 10 + (v[q] - '0');
	}
	if (y >= this_year || y < this_year - 5)
		return 0;
	if (q + 3 <= e && memcmp(v + q, " m.", 3) == 0)
		q += 3;
	while (q < e && (v[q] == ' ' || v[q] == '-' || v[q] == ':'))
		q++;
	if (!(used = lt_number_parse(n, v + q, e - q)) || *n < 0 || *n > 100)
		return 0;
	for (q += used; q < e && q < p + 60 && v[q] != ')'; q++)
		if (v[q] == '(' || v[q] == ',' || (v[q] >= '0' && v[q] <= '9'))
			return 0;
	if (q >= e || v[q] != ')')
		return 0;
	*year = y;
	return 1;
}

/* After a year's meeting count, at p: "; 2024 m. - šešis, iš jų du
 * nuotolinius" gives 2024's count and its remote part. */
static void elided_year_count(ctx *c, size_t p, size_t e, int first_year)
{
	const char *v = c->t->view;
	size_t q, used;
	int y = 0, k;
	int64_t n, r;
	word w;

	while (p < e && v[p] != ';' && v[p] != ',')
		p++;
	for (; p < e; p++) {
		if (v[p] != ';' && v[p] != ',')
			continue;
		q = p + 1;
		while (q < e && v[q] == ' ')
			q++;
		if (q + 4 > e || !(v[q] >= '1' && v[q] <= '2'))
			continue;
		for (y = 0, k = 0; k < 4 && q + k < e && v[q + k] >= '0' && v[q + k] <= '9'; k++)
			y = y * 10 + (v[q + k] - '0');
		if (k != 4 || y == first_year || y < c->year - 5 || y > c->year)
			continue;
		q += 4;
		if (q + 3 <= e && memcmp(v + q, " m.", 3) == 0)
			q += 3;
		while (q < e && (v[q] == ' ' || v[q] == '-' || v[q] == ':'))
			q++;
		if (!(used = lt_number_parse(&n, v + q, e - q)) || n < 0 || n > 100)
			continue;
		q += used;
		/* the count alone: no noun of its own after it */
		if (next_word(c->t, q, e, &w) && w.start < q + 2 && !lt_word_is(v + w.start, w.end - w.start, "iš"))
			continue;
		add_figure(c, y, COUNCIL_METRIC_MEETINGS, n, COUNCIL_QUAL_EXACT, p + 1, e);
		/* ", iš jų du nuotolinius" */
		while (q < e && (v[q] == ',' || v[q] == ' '))
			q++;
		{
			word a, b;
			if (next_word(c->t, q, e, &a) && a.start == q && lt_word_is(v + a.start, a.end - a.start, "iš") &&
			    next_word(c->t, a.end, e, &b) && lt_word_is(v + b.start, b.end - b.start, "jų") &&
			    next_word(c->t, b.end, e, &w) &&
			    (used = lt_number_parse(&r, v + w.start, e - w.start)) != 0 && r <= n &&
			    next_word(c->t, w.start + used, e, &w) &&
			    word_has_stem(c->t, &w, (const char *const[]){ "nuotolin", NULL }))
				add_figure(c, y, COUNCIL_METRIC_MEETINGS_REMOTE, r, COUNCIL_QUAL_EXACT, p + 1, e);
		}
		return;
	}
}

/* "Įvyko šeši posėdžiai. Vienas iš jų (birželio 20 d.) vyko nuotoliniu
 * būdu": the sentence after a stated count gives its remote part. */
static void remote_of_previous(ctx *c, size_t s, size_t e)
{
	const char *v = c->t->view;
	word w, x, y;
	int64_t n;
	size_t p, ce;

	if (c->count_sentence_end == 0 || c->count_year == 0 || !next_word(c->t, s, e, &w))
		return;
	/* "Pirmasis įvyko vasario mėnesį; ... jis vyko nuotoliniu būdu": one
	 * meeting, told of to the sentence's end */
	if (word_has_stem(c->t, &w, (const char *const[]){ "pirmasis", "antrasis", "treciasis",
	                                                   "ketvirtasis", "paskutinis", NULL }) &&
	    w.end - w.start <= 12) {
		c->refers_to_meetings = 1;
		for (ce = w.end; ce < e && !(v[ce] == ',' && ce + 6 < e && !strncmp(v + ce, ", kiti", 6)); ce++)
			;
		/* a later sentence may still give the remote part if this one
		 * does not */
		for (p = w.end; next_word(c->t, p, ce, &x); p = x.end)
			if (word_has_stem(c->t, &x, (const char *const[]){ "nuotolin", NULL })) {
				add_figure(c, c->count_year, COUNCIL_METRIC_MEETINGS_REMOTE, 1, COUNCIL_QUAL_EXACT, s, e);
				c->count_sentence_end = 0;
				break;
			}
		return;
	}
	/* "Pirmieji du (sausio 20 d. ir kovo 3 d.) ... vyko nuotoliniu būdu",
	 * "Paskutiniai trys ...": an ordinal before the number */
	if (word_has_stem(c->t, &w, (const char *const[]){ "pirmiej", "pirmosios", "paskutin",
	                                                   "kiti", NULL }) &&
	    !next_word(c->t, w.end, e, &w))
		return;
	if (!lt_number_parse(&n, v + w.start, w.end - w.start) || n < 0 || n > c->count_total)
		return;
	y = w;
	if (next_word(c->t, w.end, e, &x) && lt_word_is(v + x.start, x.end - x.start, "iš") &&
	    next_word(c->t, x.end, e, &y) && lt_word_is(v + y.start, y.end - y.start, "jų")) {
		/* "Du iš jų" */
	} else {
		y = w;
	}
	/* the dates this sentence gives are those meetings' */
	c->refers_to_meetings = 1;
	/* the clause up to ", kiti" (the others) */
	for (ce = y.end; ce < e && v[ce] != ';' && !(v[ce] == ',' && ce + 6 < e &&
	                                             !strncmp(v + ce, ", kiti", 6)); ce++)
		;
	for (p = y.end; next_word(c->t, p, ce, &w); p = w.end)
		if (word_has_stem(c->t, &w, (const char *const[]){ "nuotolin", NULL })) {
			add_figure(c, c->count_year, COUNCIL_METRIC_MEETINGS_REMOTE, n, COUNCIL_QUAL_EXACT, s, e);
			break;
		}
	c->count_sentence_end = 0;
}

/* "Iš šešių per metus įvykusių BOT posėdžių du vyko nuotoliu": the total
 * in the genitive after "iš", the remote part after the noun. */
static void of_which_remote(ctx *c, size_t s, size_t e, const char *f)
{
	const char *v = c->t->view;
	word w;
	size_t q;
	int64_t total, remote;
	int k;

	if (!c->year || !next_word(c->t, s, e, &w) || w.end - w.start != 3 ||
	    !word_has_stem(c->t, &w, (const char *const[]){ "is", NULL }) || !strstr(f, "nuotoli"))
		return;
	q = w.end;
	while (q < e && v[q] == ' ')
		q++;
	if (!lt_number_parse(&total, v + q, e - q) || total <= 0 || total > 100)
		return;
	for (k = 0; k < 8 && next_word(c->t, q, e, &w); k++, q = w.end)
		if (word_has_stem(c->t, &w, (const char *const[]){ "posedziu", NULL }))
			break;
	if (k == 8 || !next_word(c->t, w.end, e, &w))
		return;
	if (!lt_number_parse(&remote, v + w.start, e - w.start) || remote < 0 || remote > total)
		return;
	add_figure(c, c->year, COUNCIL_METRIC_MEETINGS, total, COUNCIL_QUAL_EXACT, s, e);
	add_figure(c, c->year, COUNCIL_METRIC_MEETINGS_REMOTE, remote, COUNCIL_QUAL_EXACT, s, e);
}

/* "label: N" with a number right after the colon. */
static int label_value(ctx *c, size_t s, size_t e, size_t *colon, int64_t *value)
{
	const char *v = c->t->view;
	size_t i, k;

	for (i = s; i < e && v[i] != ':'; i++)
		;
	if (i >= e || i - s > 80)
		return 0;
	*colon = i;
	for (i++; i < e && v[i] == ' '; i++)
		;
	k = lt_number_parse(value, v + i, e - i);
	return k > 0;
}

/* The remote share a label line gives after its count: "4 (nuotoliniai -
 * 1)", "4 (iš jų nuotoliniai 1)", "4, iš jų 1 nuotolinis": a number next
 * to a word for remote, no more than the total. */
static int label_remote(ctx *c, size_t from, size_t e, int64_t total, int64_t *remote)
{
	const char *v = c->t->view;
	word w, prev = { 0, 0 }, count = { 0, 0 };
	size_t p = from;
	int64_t x;
	int after_remote = 0;

	while (next_word(c->t, p, e, &w)) {
		int number = lt_number_parse(&x, v + w.start, w.end - w.start) > 0;
		if (number && !count.end) {
			count = w;   /* the count itself */
		} else if (word_has_stem(c->t, &w, (const char *const[]){ "nuotolin", "virtual", NULL })) {
			if (prev.end && prev.start != count.start &&
			    lt_number_parse(&x, v + prev.start, prev.end - prev.start) > 0 && x <= total) {
				*remote = x;
				return 1;
			}
			after_remote = 1;
		} else if (after_remote && number) {
			if (x > total)
				return 0;
			*remote = x;
			return 1;
		} else if (after_remote) {
			return 0;
		}
		prev = w;
		p = w.end;
	}
	return 0;
}

static void label_counts(ctx *c, size_t s, size_t e, const char *f)
{
	size_t colon;
	int64_t n;
	char *label;

	if (!c->year || !label_value(c, s, e, &colon, &n) || n > 100)
		return; /* a year or a document number after the colon is no count */
	label = fold(c->t, s, colon);
	if (!label)
		return;
	/* A label names a field; "Įvyko 4 posėdžiai:" is a sentence that
	 * introduces a list, and its count is read as a phrase. */
	if (strpbrk(label, "0123456789")) {
		free(label);
		return;
	}
	if (strstr(label, "neivyk") || strstr(label, "planuo")) {
		/* meetings that did not take place are not counted */
	} else if (strstr(label, "nuotoli") && (strstr(label, "posed") || c->label_meetings)) {
		add_figure(c, c->year, COUNCIL_METRIC_MEETINGS_REMOTE, n, COUNCIL_QUAL_EXACT, s, e);
	} else if (strstr(label, "posed") &&
	           (strstr(label, "skaic") || strstr(label, "ivyk") ||
	            /* "Posėdžiai: 4 (nuotoliniai - 1)" */
	            ((strstr(label, "posedziai") || strstr(label, "posedziu")) &&
	             !strstr(label, "dat") && !strstr(label, "protokol")))) {
		int64_t remote;
		add_figure(c, c->year, COUNCIL_METRIC_MEETINGS, n, COUNCIL_QUAL_EXACT, s, e);
		if (label_remote(c, colon + 1, e, n, &remote))
			add_figure(c, c->year, COUNCIL_METRIC_MEETINGS_REMOTE, remote, COUNCIL_QUAL_EXACT,
			           s, e);
		c->label_meetings = 1;
		free(label);
		return;
	}
	c->label_meetings = 0;
	(void)f;
	free(label);
}

/* A qualifier before a bare count ("apie 200", "per 60", "daugiau nei
 * 50"): moves *i past it and sets *q; 0 when there is none. */
static int field_qualifier(ctx *c, size_t *i, size_t e, council_qualifier *q)
{
	static const struct { const char *words; council_qualifier q; } quals[] = {
		{ "ne maziau kaip ", COUNCIL_QUAL_AT_LEAST }, { "ne maziau nei ", COUNCIL_QUAL_AT_LEAST },
		{ "daugiau nei ", COUNCIL_QUAL_MORE_THAN }, { "daugiau kaip ", COUNCIL_QUAL_MORE_THAN },
		{ "per ", COUNCIL_QUAL_MORE_THAN }, { "virs ", COUNCIL_QUAL_MORE_THAN },
		{ "apie ", COUNCIL_QUAL_ABOUT }, { "mazdaug ", COUNCIL_QUAL_ABOUT }, { "beveik ", COUNCIL_QUAL_ABOUT },
		{ "iki ", COUNCIL_QUAL_ABOUT },
	};
	char *g = fold(c->t, *i, e < *i + 24 ? e : *i + 24);
	size_t j;
	int hit = 0;

	for (j = 0; g && j < sizeof quals / sizeof quals[0]; j++) {
		size_t qn = strlen(quals[j].words);
		/* The phrases are ASCII once folded: step over as many
		 * characters of the text ("mažiau" is one byte longer). */
		if (strncmp(g, quals[j].words, qn) == 0) {
			size_t k;
			for (k = 0; k < qn && *i < e; k++) {
				(*i)++;
				while (*i < e && ((unsigned char)c->t->view[*i] & 0xC0) == 0x80)
					(*i)++;
			}
			*q = quals[j].q;
			hit = 1;
			break;
		}
	}
	free(g);
	return hit;
}

/* "dalyvių – 22", "dalyvių skaičius: apie 200", "dalyvių – 9 bendruomenių
 * atstovai": a count given as a field rather than a phrase. */
static int field_participants(ctx *c, size_t s, size_t e, lt_participants *p)
{
	const char *v = c->t->view;
	word w;
	size_t q = s;

	while (next_word(c->t, q, e, &w)) {
		if (word_has_stem(c->t, &w, (const char *const[]){ "dalyviu", "dalyves", NULL })) {
			size_t i = w.end, k;
			word n2;
			int64_t n;
			council_qualifier qual = COUNCIL_QUAL_EXACT;
			if (next_word(c->t, i, e, &n2) &&
			    word_has_stem(c->t, &n2, (const char *const[]){ "skaicius", NULL }) &&
			    n2.start <= i + 2)
				i = n2.end;
			while (i < e && v[i] == ' ')
				i++;
			/* "dalyvių: 22", "dalyvių - 22", and "dalyvių virš 90" with
			 * the qualifier or the number right after the noun */
			if (i < e && (v[i] == ':' || v[i] == '-')) {
				for (i++; i < e && v[i] == ' '; i++)
					;
			} else {
				size_t j = i;
				council_qualifier q2;
				if (!(i < e && ((v[i] >= '0' && v[i] <= '9') || field_qualifier(c, &j, e, &q2))))
					goto next;
			}
			field_qualifier(c, &i, e, &qual);
			k = lt_number_parse(&n, v + i, e - i);
			if (!k || n < 0 || n > 1000000)
				goto next;
			memset(p, 0, sizeof *p);
			p->n_groups = 1;
			p->groups[0].count = n;
			p->groups[0].qualifier = qual;
			p->groups[0].start = i;
			p->groups[0].end = i + k;
			p->total = n;
			p->qualifier = qual;
			p->start = w.start;
			p->end = i + k;
			return 1;
		}
next:
		q = w.end;
	}
	return 0;
}

static int kind_in_keys(const char *keys, const char *stem)
{
	char needle[40];

	snprintf(needle, sizeof needle, ";%s;", stem);
	return strstr(keys, needle) != NULL;
}

/* A key of the open event that names the same happening as stem: the same
 * stem, or the verb and its noun ("susitiko" - "susitikime", "pristatė" -
 * "pristatyme"), which share their first seven letters. */
static int key_related(const char *keys, const char *stem)
{
	const char *k = keys;
	size_t n = strlen(stem);

	if (kind_in_keys(keys, stem))
		return 1;
	if (n < 7)
		return 0;
	while ((k = strchr(k, ';')) != NULL && k[1]) {
		k++;
		if (strncmp(k, stem, 7) == 0)
			return 1;
	}
	return 0;
}

static void note_keys(ctx *c, size_t s, size_t e)
{
	word w;
	size_t p = s;

	while (next_word(c->t, p, e, &w)) {
		council_event_kind k;
		const char *stem;
		if (event_keyword(c->t, &w, &k, &stem) && !kind_in_keys(c->open_keys, stem) &&
		    strlen(c->open_keys) + strlen(stem) + 2 < sizeof c->open_keys) {
			strcat(c->open_keys, stem);
			strcat(c->open_keys, ";");
		}
		p = w.end;
	}
}

/* A later sentence may state the open event's participants when it speaks
 * of the same kind of happening (or of "renginys" in general). */
/* The event's description grows with the sentences that tell more of it. */
static void extend_description(ctx *c, x_event *ev, size_t s, size_t e)
{
	char *more = clean(c, s, e), *grown;
	size_t a, b;

	if (!more)
		return;
	a = ev->description ? strlen(ev->description) : 0;
	b = strlen(more);
	if (a + b < 2000 && (grown = realloc(ev->description, a + b + 2)) != NULL) {
		if (a)
			grown[a++] = ' ';
		memcpy(grown + a, more, b + 1);
		ev->description = grown;
	}
	free(more);
}

static void later_participants(ctx *c, size_t s, size_t e)
{
	x_event *ev;
	lt_participants p;
	word w;
	size_t q = s;
	int other = 0, i;

	if (c->open_event < 0) {
		/* "... aplankė apie 1 500 žmonių. Renginį organizavo NVO taryba
		 * kartu su kultūros centru.": the event closed with its count,
		 * but a sentence that opens by pointing back at it may still name
		 * who organised it. */
		council_event_kind k;
		const char *stem;
		if (c->last_event >= 0 && !c->x->events[c->last_event].organiser &&
		    next_word(c->t, s, e, &w) &&
		    (word_has_stem(c->t, &w, (const char *const[]){ "ji", "ja", "juos", "jas", NULL }) ||
		     event_keyword(c->t, &w, &k, &stem)))
			c->x->events[c->last_event].organiser = organiser_after(c, w.end, e);
		return;
	}
	ev = &c->x->events[c->open_event];
	if (!ev->organiser)
		ev->organiser = organiser_after(c, s, e);
	if (ev->n_groups || !(field_participants(c, s, e, &p) ||
	                      lt_participants_find(&p, c->t->view + s, e - s))) {
		/* A sentence that only tells more about the event widens what
		 * later sentences may call it ("kelionės-mokymų metu ..."). */
		note_keys(c, s, e);
		extend_description(c, ev, s, e);
		return;
	}
	/* A count in a sentence about another kind of happening belongs to that
	 * happening, not to the open event. */
	while (next_word(c->t, q, e, &w)) {
		council_event_kind k;
		const char *stem;
		/* "lankėsi ... bendruomenėse. Gerosios patirties išvykoje
		 * dalyvavo 19 asmenų": another word for the same kind of
		 * happening is the same happening. */
		/* Verbs ("ją aplankė apie 400 žmonių") tell of the open event;
		 * only another event noun names another happening. */
		if (event_keyword(c->t, &w, &k, &stem) && strcmp(stem, "rengin") != 0 &&
		    !verb_stem(stem) && !key_related(c->open_keys, stem) &&
		    !(k == ev->kind && k != COUNCIL_EVENT_OTHER))
			other = 1;
		q = w.end;
	}
	/* A week or a festival is made of smaller happenings: "atvirų durų
	 * dienose, žygiuose ir vakaronėse dalyvavo maždaug 600 gyventojų"
	 * counts the week's visitors. */
	if (ev->kind == COUNCIL_EVENT_FESTIVAL)
		other = 0;
	if (!other) {
		/* field_participants gives absolute offsets, the phrase parser
		 * offsets into the sentence. */
		if (p.start < s)
			for (i = 0; i < p.n_groups; i++) {
				p.groups[i].noun_start += s;
				p.groups[i].noun_end += s;
			}
		set_groups(c, ev, &p);
		extend_description(c, ev, s, e);
	}
	c->open_event = -1;
}

static void new_event(ctx *c, size_t s, size_t e, const lt_date_match *m, const char *f,
                      const word *kw, council_event_kind kind, const char *stem)
{
	x_event *ev = x_push((void **)&c->x->events, &c->x->n_events, sizeof *ev);
	lt_participants p;
	int *slot;

	if (!ev) {
		oom(c);
		return;
	}
	ev->date = m->period;
	ev->kind = kind;
	ev->year_inferred = !!(m->flags & LT_DATE_YEAR_INFERRED);
	ev->title = event_title(c, s, e, m->end <= kw->start ? m->end : s, kw, stem);
	ev->organiser = event_organiser(c, s, m->end <= kw->start ? m->end : s, e, kw->start);
	ev->location = country_detail(c, s, e, event_location(c, s, e));
	ev->remote = sentence_remote(f);
	ev->description = clean_capped(c, s, e, 1000);
	x_span_set(&ev->span, c->t, s, e);
	if (c->measure > 0) {
		if (!(slot = x_push((void **)&ev->measures, &ev->n_measures, sizeof *slot))) {
			oom(c);
			return;
		}
		*slot = c->measure;
	}
	c->open_event = (long)(c->x->n_events - 1);
	c->last_event = c->open_event;
	c->open_keys[0] = ';';
	c->open_keys[1] = '\0';
	if (field_participants(c, s, e, &p)) {
		set_groups(c, ev, &p);
		c->open_event = -1;
	} else if (lt_participants_find(&p, c->t->view + s, e - s)) {
		int i;
		for (i = 0; i < p.n_groups; i++) {
			p.groups[i].noun_start += s;
			p.groups[i].noun_end += s;
		}
		set_groups(c, ev, &p);
		c->open_event = -1;
	} else {
		note_keys(c, s, e);
	}
}

static void new_event(ctx *c, size_t s, size_t e, const lt_date_match *m, const char *f,
                      const word *kw, council_event_kind kind, const char *stem);

static void new_list_event(ctx *c, size_t s, size_t e, const lt_date_match *m, const char *f,
                           council_event_kind kind)
{
	const char *v = c->t->view;
	word w;
	size_t q, a = m->end, b;

	/* The title: a quotation if the item has one ... */
	for (q = m->end; q + 3 <= e; q++)
		if (memcmp(v + q, "„", 3) == 0 || v[q] == '"') {
			size_t close;
			for (close = q + 3; close + 3 <= e; close++)
				if (memcmp(v + close, "“", 3) == 0 || memcmp(v + close, "”", 3) == 0 ||
				    v[close] == '"')
					break;
			if (close + 3 <= e) {
				w.start = q;
				w.end = close + (v[close] == '"' ? 1 : 3);
				new_event(c, s, e, m, f, &w, kind, "");
				return;
			}
		}
	/* ... else the words after the date, up to punctuation. */
	while (a < e && (v[a] == ' ' || v[a] == '-' || v[a] == ':'))
		a++;
	for (b = a; b < e && v[b] != ',' && v[b] != ';' && v[b] != '.' && v[b] != '('; b++)
		;
	if (b <= a)
		return;
	w.start = a;
	w.end = b;
	new_event(c, s, e, m, f, &w, kind, "");
}

/* The year a yearless date takes: the nearest year written before it in the
 * same paragraph or cell, else the report year.  A year in parentheses
 * already closed is an aside, no context. */
static int paren_mark(char ch)
{
	return ch == '(' || ch == ')' || ch == '\n';
}

/* Settles the pending years of ys against the first parenthesis or line
 * break after them, if one stands before limit: ")" makes them asides,
 * "(" or a line break makes them hold. */
static void settle_pending(const char *v, year_scan *ys, size_t limit)
{
	size_t q;

	if (!ys->pending)
		return;
	for (q = ys->pending_end; q < limit && !paren_mark(v[q]); q++)
		;
	if (q < limit) {
		if (v[q] != ')')
			ys->settled = ys->pending;
		ys->pending = 0;
	} else {
		ys->pending_end = q; /* nothing in [pending_end, limit): skip it next time */
	}
}

/* A date inside parentheses that close before pos ("5 posėdžiai (2022
 * m. – 4)" compares with another year in passing) is an aside: the last
 * mark before it is "(" and the first after it a ")" before pos.  The
 * block's dates are walked once:  Asking again at a later pos of the same
 * block goes on from where the last question stopped. */
static int context_year(ctx *c, size_t block_start, size_t pos)
{
	const char *v = c->t->view;
	year_scan *ys = &c->ys;
	lt_date_match m;

	if (ys->block != block_start || ys->year != c->year || pos < ys->pos) {
		memset(ys, 0, sizeof *ys);
		ys->block = block_start;
		ys->year = c->year;
		ys->pos = ys->next = ys->mark_at = block_start;
		ys->settled = c->year;
	}
	while (lt_date_find(&m, v, pos, ys->next, 0)) {
		ys->next = m.end > ys->next ? m.end : ys->next + 1;
		if ((m.flags & LT_DATE_YEAR_SPAN) || excluded(c, m.start, m.end) ||
		    (c->year && m.period.start.year > c->year) || m.period.start.year < c->year - 1)
			continue;
		settle_pending(v, ys, m.start);
		for (; ys->mark_at < m.start; ys->mark_at++)
			if (paren_mark(v[ys->mark_at]))
				ys->last_mark = v[ys->mark_at];
		if (ys->last_mark == '(') {
			if (!ys->pending)
				ys->pending_end = m.end;
			ys->pending = m.period.start.year;
		} else {
			ys->settled = m.period.start.year;
		}
	}
	ys->pos = pos;
	settle_pending(v, ys, pos);
	return ys->pending ? ys->pending : ys->settled;
}

/* "planuoja surengti", "planuoja organizuoti": a plan, the verb with an
 * infinitive after it; "kaip planuoja ir organizuoja darbą" is none. */
static int plans_to(const char *f)
{
	const char *p = f;

	while ((p = find_stem(p, "planuoja ")) != NULL) {
		const char *w = p + 9, *e = w;
		int k;
		for (k = 0; k < 2 && *w; k++) {
			for (e = w; *e && *e != ' ' && *e != ','; e++)
				;
			if (e - w > 3 && e[-2] == 't' && e[-1] == 'i')
				return 1;
			if (*e != ' ')
				break;
			w = e + 1;
		}
		p += 9;
	}
	return 0;
}

/* Did the happening near [lo,hi) in sentence [s,e) not (or not yet) take
 * place?  Only its own clause counts: "dalijosi, kaip planuoja darbą"
 * elsewhere in the sentence says nothing about the event. */
static int did_not_happen(ctx *c, size_t s, size_t e, size_t lo, size_t hi)
{
	size_t a = lo > s + 100 ? lo - 100 : s, b = hi + 120 < e ? hi + 120 : e, q;
	const char *v = c->t->view;
	char *f;
	int r;

	/* Nor does the next sentence: "... spalio 10 d. Ketvirtasis posėdis
	 * neįvyko" joins two sentences the splitter kept together after "d.",
	 * so a period before a capital ends the clause here.  (A semicolon
	 * does not: "forumas; renginys atšauktas" is one item.) */
	/* The date's own "d." ends the clause too when the date closes a list
	 * ("..., birželio 20 d. ir spalio 10 d. Ketvirtasis posėdis ..."), not
	 * when it opens the sentence ("Rugsėjo 21 d. Tarybos posėdis
	 * neįvyko"). */
	q = hi;
	{
		word pw;
		if (hi > lo && prev_word(c->t, s, lo, &pw) &&
		    (lt_word_is(v + pw.start, pw.end - pw.start, "ir") ||
		     (lo >= 2 && v[lo - 2] == ',')))
			q = hi - 1;
	}
	for (; q + 2 < b; q++)
		if (v[q] == '.' && v[q + 1] == ' ' &&
		    ((v[q + 2] >= 'A' && v[q + 2] <= 'Z') || (unsigned char)v[q + 2] >= 0xC3)) {
			b = q;
			break;
		}
	for (q = lo; q > a + 1; q--)
		if (v[q - 2] == '.' && v[q - 1] == ' ' && q < lo &&
		    ((v[q] >= 'A' && v[q] <= 'Z') || (unsigned char)v[q] >= 0xC3)) {
			a = q;
			break;
		}

	while (a > s && ((unsigned char)c->t->view[a] & 0xC0) == 0x80)
		a--;
	while (b < e && ((unsigned char)c->t->view[b] & 0xC0) == 0x80)
		b++;
	f = fold(c->t, a, b);
	if (!f)
		return 0;
	r = has_any_stem(f, not_happened) || find_stem(f, "bus ") != NULL || plans_to(f);
	free(f);
	return r;
}

/* "Šių metų sausio 25 d." -- this year's: the year the text was written
 * (the publication date near the title, else the report's own date), not
 * the year it reports on. */
static void this_year(ctx *c, size_t s, lt_date_match *m)
{
	word w1, w2;
	int y = c->pub_year ? c->pub_year : c->x->doc_date.year;

	if (!(m->flags & LT_DATE_YEAR_INFERRED) || !y)
		return;
	/* "Taryba sausio 30 d. posėdyje ... pritarė 2023 metų veiklos
	 * ataskaitai", on a page written in 2024: the meeting that approved
	 * the report is in the year the text was written. */
	if (y == c->year + 1 && m->period.start.month && m->period.start.month <= 4) {
		char *f = fold(c->t, s, m->start + 200 < c->t->len ? m->start + 200 : c->t->len);
		int approves = f && find_stem(f, "ataskait") &&
		               (find_stem(f, "pritar") || find_stem(f, "patvirtin") || find_stem(f, "pristat") ||
		                find_stem(f, "aptare") || find_stem(f, "svarst"));
		free(f);
		if (approves) {
			council_period p = m->period;
			p.start.year = p.end.year = y;
			if (council_date_valid(&p.start) && council_date_valid(&p.end))
				m->period = p;
			return;
		}
	}
	if (prev_word(c->t, s, m->start, &w2) && prev_word(c->t, s, w2.start, &w1) &&
	    word_has_stem(c->t, &w1, (const char *const[]){ "siu", "siais", NULL }) &&
	    word_has_stem(c->t, &w2, (const char *const[]){ "metu", "metais", NULL })) {
		council_period p = m->period;
		p.start.year = y;
		p.end.year = y;
		if (council_date_valid(&p.start) && council_date_valid(&p.end))
			m->period = p;
	}
}

/* "2023.05.12 ir 2023.06.02", "2023-03-01, 2023-03-08 ir 2023-03-15":
 * whole dates joined by "ir" or commas are one event's days; the event
 * runs from the first to the last. */
static void listed_dates(ctx *c, size_t e, lt_date_match *m)
{
	const char *v = c->t->view;
	lt_date_match nx;
	size_t p = m->end;

	for (;;) {
		size_t q = p;
		while (q < e && (v[q] == ' ' || v[q] == ','))
			q++;
		if (q + 3 <= e && v[q] == 'i' && v[q + 1] == 'r' && v[q + 2] == ' ')
			q += 3;
		while (q < e && v[q] == ' ')
			q++;
		if (q == p || !lt_date_find(&nx, v, e, q, m->period.end.year) || nx.start != q ||
		    nx.period.start.year != m->period.start.year || !nx.period.start.day ||
		    council_date_cmp(&nx.period.end, &m->period.end) <= 0)
			return;
		m->period.end = nx.period.end;
		m->end = nx.end;
		p = nx.end;
	}
}

typedef struct sent_ctx {
	ctx *c;
	size_t block_start;
} sent_ctx;

/* The default year for a date search of [pos, e) in a sentence: the
 * context year, which rescans the paragraph up to pos.  Past the last word
 * that could start a yearless date (*yearless_end, found on first need;
 * SIZE_MAX before) the default changes nothing, and 0 does as well. */
static int default_year(ctx *c, const sent_ctx *sc, size_t pos, size_t e, size_t *yearless_end)
{
	if (pos == sc->block_start)
		return context_year(c, sc->block_start, pos); /* nothing to rescan */
	if (*yearless_end == SIZE_MAX)
		*yearless_end = lt_date_yearless_end(c->t->view, e, pos);
	return pos < *yearless_end ? context_year(c, sc->block_start, pos) : 0;
}

/* A questionnaire's question the next sentence answers: "Kiek posėdžių
 * įvyko? - 5, iš jų 2 nuotoliniai.", "Nurodykite posėdžių datas. -
 * 2023-02-16, ...". */
enum { Q_NONE, Q_MEETING_COUNT, Q_MEETING_DATES };

static int question_topic(ctx *c, size_t s, size_t e, const char *f)
{
	const char *v = c->t->view;

	if (!strstr(f, "posedz"))
		return Q_NONE;
	if (v[e - 1] == '?' && strstr(f, "kiek"))
		return Q_MEETING_COUNT;
	if ((v[e - 1] == '?' || v[e - 1] == '.') && strstr(f, "dat") &&
	    (strstr(f, "nurodykite") || strstr(f, "kada") || strstr(f, "kokios")))
		return Q_MEETING_DATES;
	(void)s;
	return Q_NONE;
}

/* "Sausio, kovo ir gruodžio posėdžiai vyko nuotoliniu būdu": the months'
 * meetings listed before were remote (or hybrid, "mišriu būdu"). */
static void months_format(ctx *c, size_t s, size_t e, const char *f)
{
	int months[12], n = 0, k;
	size_t p = s, i;
	word w;
	council_format fmt;

	if (!strstr(f, "nuotolin") && !strstr(f, "misriu"))
		return;
	fmt = strstr(f, "misriu") && !strstr(f, "nuotolin") ? COUNCIL_FORMAT_HYBRID
	                                                      : COUNCIL_FORMAT_REMOTE;
	while (next_word(c->t, p, e, &w) && n < 12) {
		int mo = lt_month_from_word(c->t->view + w.start, w.end - w.start);
		if (mo > 0) {
			months[n++] = mo;
		} else if (lt_word_is(c->t->view + w.start, w.end - w.start, "ir") ||
		           lt_word_is(c->t->view + w.start, w.end - w.start, "bei")) {
			/* the list goes on */
		} else if (n > 0 && word_has_stem(c->t, &w, (const char *const[]){ "posedz", NULL })) {
			break;
		} else {
			return;
		}
		p = w.end;
	}
	if (n == 0)
		return;
	for (i = 0; i < c->x->n_meetings; i++) {
		x_meeting *m = &c->x->meetings[i];
		for (k = 0; k < n; k++)
			if (m->date.start.month == months[k] && m->date.start.year == c->year &&
			    m->format == COUNCIL_FORMAT_UNKNOWN)
				m->format = fmt;
	}
}

/* The answer to a meeting-count question: "- 5, iš jų 2 nuotoliniai". */
static void answer_meeting_count(ctx *c, size_t s, size_t e)
{
	const char *v = c->t->view;
	size_t p = s;
	int64_t n, remote;
	size_t k;

	while (p < e && (v[p] == ' ' || v[p] == '-'))
		p++;
	if (!(k = lt_number_parse(&n, v + p, e - p)) || n < 0 || n > 100 || !c->year)
		return;
	add_figure(c, c->year, COUNCIL_METRIC_MEETINGS, n, COUNCIL_QUAL_EXACT, s, e);
	if (label_remote(c, p, e, n, &remote))
		add_figure(c, c->year, COUNCIL_METRIC_MEETINGS_REMOTE, remote, COUNCIL_QUAL_EXACT, s, e);
}

static int sentence_one(sent_ctx *sc, size_t s, size_t e);
static int day_under_month(ctx *c, size_t s, size_t e, lt_date_match *m);

/* Does the clause [s,e) start with a date (1), and name a happening (2)? */
static int dated_event_clause(ctx *c, size_t s, size_t e)
{
	lt_date_match m;
	council_event_kind kind;
	const char *stem;
	word w;
	size_t p;

	while (s < e && c->t->view[s] == ' ')
		s++;
	if (!lt_date_find(&m, c->t->view, e, s, c->year) || m.start != s)
		return 0;
	for (p = m.end; next_word(c->t, p, e, &w); p = w.end)
		if (event_keyword(c->t, &w, &kind, &stem))
			return 2;
	return 1;
}

/* "Renginiai: 2024-04-26, mokymai „…“, 18 dalyvių; 2024-08-17,
 * sąskrydis Vilkyškiuose, apie 350 dalyvių; …": a sentence whose clauses
 * after semicolons each open with a date and name a happening is a list
 * of events, one a clause, each with its own count and place. */
static int sentence(void *vs, size_t s, size_t e)
{
	sent_ctx *sc = vs;
	ctx *c = sc->c;
	const char *v = c->t->view;
	size_t semis[32], n = 0, q, k;
	int depth = 0;

	for (q = s; q < e && n < 32; q++) {
		if (v[q] == '(')
			depth++;
		else if (v[q] == ')' && depth > 0)
			depth--;
		else if (v[q] == ';' && depth == 0 && !inside_quote(c->t, s, q))
			semis[n++] = q;
	}
	if (n == 0 || n == 32)
		return sentence_one(sc, s, e);
	{
		/* every clause after a semicolon opens with a date, and one names
		 * a happening (a list of meeting dates names none) */
		int events = 0, r;
		for (k = 0; k < n; k++) {
			if (!(r = dated_event_clause(c, semis[k] + 1, k + 1 < n ? semis[k + 1] : e)))
				return sentence_one(sc, s, e);
			events += r == 2;
		}
		if (!events)
			return sentence_one(sc, s, e);
	}
	if (sentence_one(sc, s, semis[0]) != COUNCIL_OK)
		return c->rc;
	for (k = 0; k < n; k++) {
		size_t a = semis[k] + 1, b = k + 1 < n ? semis[k + 1] : e;
		while (a < b && v[a] == ' ')
			a++;
		if (a < b && sentence_one(sc, a, b) != COUNCIL_OK)
			return c->rc;
	}
	return c->rc;
}

/* One date of sentence [s,e) (folded f): a meeting of the council's, a
 * happening's date, or nothing. */
static void sentence_date(ctx *c, size_t s, size_t e, const char *f, lt_date_match *m,
                          int *made_event)
{
	int md, later;
	word w, kw = { 0, 0 };
	council_event_kind kind = COUNCIL_EVENT_OTHER;
	const char *stem = NULL;
	size_t p;
	int k;

	if (excluded(c, m->start, m->end) || (m->flags & LT_DATE_YEAR_SPAN) ||
	    inside_quote(c->t, s, m->start))
		return;
	this_year(c, s, m);
	/* A later year mentioned in passing is no happening; but the
	 * meeting that approved the report early next year is a meeting. */
	later = c->year && m->period.start.year > c->year;
	if (later && (m->period.start.year > c->year + 1 || !m->period.start.day))
		return;
	/* Early next year: the meeting that approved this report, but not
	 * one planned ("pirmąjį – 2025 m. vasario 13 d.", "posėdžius
	 * rengti ...") nor the date the report was prepared ("Parengta
	 * 2024-02-05, pristatyta Tarybos posėdyje"). */
	if (later && (has_any_stem(f, (const char *const[]){ "planuo", "numat", "rengti",
	                                                     "pirmaji", "pirmojo", "grafik", NULL }) ||
	              find_stem(f, "bus ") ||
	              (prev_word(c->t, s, m->start, &w) &&
	               word_has_stem(c->t, &w, (const char *const[]){ "parengt", "pasirasyt",
	                                                              "data", NULL }))))
		return;
	if (prev_word(c->t, s, m->start, &w) &&
	    (lt_word_is(c->t->view + w.start, w.end - w.start, "iki") ||
	     lt_word_is(c->t->view + w.start, w.end - w.start, "nuo") ||
	     /* not "nuotolinis): sausio 27 d." */
	     word_has_stem(c->t, &w, (const char *const[]){ "terminas", NULL })))
		return; /* a deadline or a period, not a happening */
	md = meeting_date(c, s, e, m->start, m->end);
	if (md != 0) {
		if (md > 0 && !did_not_happen(c, s, e, m->start, m->end) && m->period.start.month &&
		    !(m->flags & LT_DATE_COARSE)) {
			/* The words up to the next date are this date's own. */
			lt_date_match nx;
			int y = c->year ? c->year : m->period.start.year;
			size_t own_end = lt_date_find(&nx, c->t->view, e, m->end, y) ? nx.start : e;
			char *own = lt_date_find(&nx, c->t->view, e, m->end, y) ||
			            lt_date_find(&nx, c->t->view, m->start, s, y)
			            ? fold(c->t, m->end, own_end) : NULL;
			if (m->flags & LT_DATE_LIST) {
				int d;
				for (d = 0; d < m->n_days; d++) {
					council_period one = m->period;
					one.start.day = one.end.day = m->days[d];
					one.end.month = one.start.month;
					add_meeting(c, one, f, s, e, NULL);
				}
			} else {
				add_meeting(c, m->period, f, s, e, own);
			}
			free(own);
		}
		return;
	}
	if (later)
		return;
	if (*made_event)
		return;
	/* The event noun nearest after the date, else just before it.  A date
	 * without its day needs the noun close: "2023 m. kovo–balandžio mėn.
	 * atlikta apklausa: ... transportas renginiams" names no happening. */
	p = m->end;
	for (k = 0; k < (m->period.start.day ? 25 : 16) && next_word(c->t, p, e, &w); k++) {
		if (event_keyword(c->t, &w, &kind, &stem)) {
			kw = w;
			break;
		}
		p = w.end;
	}
	/* A season ("2023 m. rudenį") dates a happening its noun names, not
	 * one a verb tells of ("... sueigose, kuriose pristatė ...") */
	if (kw.end && (m->flags & LT_DATE_COARSE) && stem && verb_stem(stem))
		kw.end = 0;
	/* A bare year needs its noun close after it ("2023 m. Drevernoje
	 * organizuotoje konferencijoje"); "Konferencijoje pristatyti 2019 m.
	 * įgyvendinti projektai" dates the projects, not the conference. */
	if (kw.end && !m->period.start.month && k > 6)
		kw.end = 0;
	/* "2025 m. renginiai" is a heading, not a happening. */
	if (kw.end && !m->period.start.month && e - s < 40 && c->t->view[e - 1] != '.')
		kw.end = 0;
	/* Nor, dated by a year alone: a list's introduction ("2023 m.
	 * organizavo šiuos renginius:"), a total ("Iš viso 2022 m.
	 * surengti 2 mokymai"), or the year's report or plan ("2022 m.
	 * veiklos ataskaita ir jos pristatymas"). */
	if (kw.end && !m->period.start.month) {
		word nw, pw;
		int64_t cnt;
		if (c->t->view[e - 1] == ':' || strstr(f, "is viso") ||
		    (prev_word(c->t, s, kw.start, &pw) &&
		     (word_has_stem(c->t, &pw, (const char *const[]){ "siuos", "siuose", "sie", "siu",
		                                                     "minetus", "minetuose", NULL }) ||
		      (lt_number_parse(&cnt, c->t->view + pw.start, pw.end - pw.start) == pw.end - pw.start &&
		       cnt > 1))) ||
		    (next_word(c->t, m->end, e, &nw) &&
		     word_has_stem(c->t, &nw, (const char *const[]){ "veiklos", NULL })))
			kw.end = 0;
		/* an earlier year named alone with events in general is the
		 * background ("2021 m., kai dėl karantino dauguma renginių ..."),
		 * unlike a happening it names ("2023 m. ... konferencijoje") */
		if (c->year && m->period.start.year < c->year && stem && !strcmp(stem, "rengin"))
			kw.end = 0;
	}
	if (!kw.end && m->period.start.month) {
		/* "Mokymai „Lyderis: komanda“ vyko dviem etapais - 2024 m.
		 * balandžio 11 d.": a quoted name between counts as none. */
		p = m->start;
		for (k = 0; k < 6 && prev_word(c->t, s, p, &w);) {
			size_t g;
			if (inside_quote(c->t, s, w.start)) {
				p = w.start;
				continue;
			}
			for (g = w.end; g < p; g++)
				if ((c->t->view[g] == ',' || c->t->view[g] == ';' || c->t->view[g] == ':') &&
				    !inside_quote(c->t, s, g))
					break;
			if (g < p)
				break;
			k++;
			if (event_keyword(c->t, &w, &kind, &stem)) {
				kw = w;
				break;
			}
			p = w.start;
		}
	}
	if (!kw.end && c->list_event_kind >= 0 && m->start < c->block_start + 40) {
		/* An item of "Mokymai:": the item is the event; its name is
		 * the quoted title, else the words after the date. */
		new_list_event(c, s, e, m, f, (council_event_kind)c->list_event_kind);
		*made_event = 1;
		return;
	}
	if (!kw.end)
		return;
	if (did_not_happen(c, s, e, m->start < kw.start ? m->start : kw.start,
	                   m->end > kw.end ? m->end : kw.end))
		return;
	listed_dates(c, e, m);
	new_event(c, s, e, m, f, &kw, kind, stem);
	*made_event = 1;
}

static int sentence_one(sent_ctx *sc, size_t s, size_t e)
{
	ctx *c = sc->c;
	char *f = fold(c->t, s, e);
	lt_meeting_count mc;
	lt_date_match m;
	size_t pos = s, yearless_end = SIZE_MAX;
	int made_event = 0, topic = c->question;

	if (!f)
		return oom(c);
	c->refers_to_meetings = 0;
	/* The question before this sentence, if it was one; this one's. */
	c->question = question_topic(c, s, e, f);
	if (topic == Q_MEETING_COUNT && c->question == Q_NONE)
		answer_meeting_count(c, s, e);
	c->answering_dates = topic == Q_MEETING_DATES && c->question == Q_NONE;

	/* Form-style fields: "Įvykusių posėdžių skaičius: 5", "Iš jų
	 * nuotolinių: 1". */
	label_counts(c, s, e, f);
	inline_members(c, s, e, f);
	member_changes(c, s, e, f);
	months_format(c, s, e, f);

	of_which_remote(c, s, e, f);
	/* "Nuotolinių posėdžių nebuvo", "visi posėdžiai vyko kontaktiniu
	 * būdu": none of the year's meetings was remote */
	if (c->year && strstr(f, "posedz") &&
	    ((strstr(f, "nuotolini") && (strstr(f, "nebuvo") || strstr(f, "nevyko") ||
	                                 strstr(f, "neorganizuot"))) ||
	     (strstr(f, "visi") && (strstr(f, "kontaktiniu budu") || strstr(f, "gyvai")))))
		add_figure(c, c->year, COUNCIL_METRIC_MEETINGS_REMOTE, 0, COUNCIL_QUAL_EXACT, s, e);

	/* Stated meeting counts, unless their own clause says they are
	 * planned or did not take place. */
	if (lt_meeting_count_find(&mc, c->t->view + s, e - s) && c->year &&
	    !did_not_happen(c, s, e, s + mc.start, s + mc.end) &&
	    !other_body_subject(c, s, s + mc.start)) {
		int year = c->year;
		council_qualifier q = c->in_table && !c->measure_about_meetings &&
		                      !(strstr(f, "is viso") || strstr(f, "per metus") || strstr(f, "ataskaitin"))
		                      ? COUNCIL_QUAL_AT_LEAST : COUNCIL_QUAL_EXACT;
		if (lt_date_find(&m, c->t->view, e, s, 0) && !excluded(c, m.start, m.end) &&
		    !(m.flags & LT_DATE_YEAR_SPAN) && m.period.start.year <= c->year &&
		    /* not "7 posėdžiai (2022 m. - 5)": last year's figure aside */
		    !(m.start > s + mc.start && in_parentheses(c->t->view, s, m.start)))
			year = m.period.start.year;
		/* A council meets a few times a month at most: a "count" of
		 * hundreds is a year or a document number misread. */
		if (mc.total > 100)
			mc.total = mc.remote = -1;
		/* "sušaukti septyni posėdžiai, įvyko šeši": convened is not held. */
		if (mc.total > 0)
			held_of_convened(c, s, e, s + mc.start, s + mc.end, &mc.total);
		if (mc.total >= 0)
			add_figure(c, year, COUNCIL_METRIC_MEETINGS, mc.total, q, s, e);
		/* "2023 m. BOT surengė keturis posėdžius, iš jų vieną nuotolinį;
		 * 2024 m. – šešis, iš jų du nuotolinius": another year's count
		 * with the noun left out */
		if (mc.total >= 0 && q == COUNCIL_QUAL_EXACT)
			elided_year_count(c, s + mc.end, e, year);
		{
			int before;
			int64_t n;
			size_t par = s + mc.start;
			while (par < e && par < s + mc.start + 60 && c->t->view[par] != '(')
				par++;
			if (mc.total >= 0 && q == COUNCIL_QUAL_EXACT &&
			    earlier_year_count(c->t->view, par, e, year, &before, &n))
				add_figure(c, before, COUNCIL_METRIC_MEETINGS, n, COUNCIL_QUAL_EXACT, s, e);
		}
		if (mc.remote >= 0)
			add_figure(c, year, COUNCIL_METRIC_MEETINGS_REMOTE, mc.remote,
			           mc.total >= 0 ? q : COUNCIL_QUAL_AT_LEAST, s, e);
		/* a later sentence of the paragraph may give its remote part */
		c->count_sentence_end = mc.total > 0 && mc.remote < 0 ? e : 0;
		c->count_block = c->block_start;
		c->count_year = year;
		c->count_total = mc.total;
	} else if (c->count_sentence_end && c->count_block == c->block_start) {
		remote_of_previous(c, s, e);
	}

	if (day_under_month(c, s, e, &m)) {
		pos = m.end;
		sentence_date(c, s, e, f, &m, &made_event);
	}
	while (c->rc == COUNCIL_OK &&
	       lt_date_find(&m, c->t->view, e, pos, default_year(c, sc, pos, e, &yearless_end))) {
		pos = m.end > pos ? m.end : pos + 1;
		sentence_date(c, s, e, f, &m, &made_event);
	}
	if (!made_event)
		later_participants(c, s, e);
	c->refers_to_meetings = 0;
	free(f);
	return c->rc;
}

/* The value of a "Label: value" line of [s,e) whose folded label is one of
 * labels; sets [*vs,*ve) and returns 1. */
static int form_field(ctx *c, size_t s, size_t e, const char *const *labels, size_t *vs,
                      size_t *ve)
{
	const char *v = c->t->view;
	size_t ls = s;

	while (ls < e) {
		size_t le = ls, colon;
		while (le < e && v[le] != '\n')
			le++;
		for (colon = ls; colon < le && v[colon] != ':'; colon++)
			;
		if (colon < le && colon - ls < 40) {
			char buf[64];
			size_t a = ls, k;
			/* past an item number: "4.1. Pavadinimas:" */
			while (a < colon && ((v[a] >= '0' && v[a] <= '9') || v[a] == '.' || v[a] == ' '))
				a++;
			if (colon - a < sizeof buf) {
				utf8_fold_into(buf, v + a, colon - a);
				for (k = 0; labels[k]; k++)
					if (!strcmp(buf, labels[k])) {
						*vs = colon + 1;
						while (*vs < le && v[*vs] == ' ')
							(*vs)++;
						*ve = le;
						while (*ve > *vs && v[*ve - 1] == ' ')
							(*ve)--;
						return *ve > *vs;
					}
			}
		}
		ls = le + 1;
	}
	return 0;
}

/* An event written as a form's record, one field a line:
 *   4.1. Pavadinimas: Seminaras „Bendruomenė mieste“
 *   Data: 2023-03-15
 *   Vieta: Klaipėdos koncertų salė
 *   Dalyvių skaičius: ne mažiau kaip 80
 *   Organizatorius: BO taryba
 * Returns 1 when [s,e) was such a record (stored unless it did not take
 * place), 0 to read the block as text. */
static int form_event(ctx *c, size_t s, size_t e)
{
	static const char *const name_l[] = { "pavadinimas", "renginio pavadinimas", "renginys", NULL };
	static const char *const date_l[] = { "data", "renginio data", "laikas", "data ir laikas", NULL };
	static const char *const place_l[] = { "vieta", "renginio vieta", NULL };
	static const char *const count_l[] = { "dalyviu skaicius", "dalyviai", "dalyviu", NULL };
	static const char *const org_l[] = { "organizatorius", "organizatoriai", NULL };
	static const char *const state_l[] = { "busena", "pastabos", NULL };
	size_t ns, ne, ds, de, xs, xe;
	lt_date_match m;
	council_event_kind kind = COUNCIL_EVENT_OTHER;
	const char *stem;
	x_event *ev;
	word w;
	char *f;

	if (!form_field(c, s, e, name_l, &ns, &ne) || !form_field(c, s, e, date_l, &ds, &de) ||
	    !lt_date_find(&m, c->t->view, de, ds, c->year) || m.start > ds + 2)
		return 0;
	f = fold(c->t, s, e);
	if (!f)
		return oom(c), 1;
	/* "Data: 2023-12-09 (planuota)", "Būsena: neįvyko – perkelta ..." */
	if (has_any_stem(f, not_happened) ||
	    (form_field(c, s, e, state_l, &xs, &xe) && did_not_happen(c, xs, xe, xs, xe))) {
		free(f);
		return 1;
	}
	for (xs = ns; next_word(c->t, xs, ne, &w); xs = w.end)
		if (event_keyword(c->t, &w, &kind, &stem))
			break;
	if (!(ev = x_push((void **)&c->x->events, &c->x->n_events, sizeof *ev))) {
		free(f);
		return oom(c), 1;
	}
	ev->date = m.period;
	ev->kind = kind;
	ev->year_inferred = !!(m.flags & LT_DATE_YEAR_INFERRED);
	ev->title = clean(c, ns, ne);
	ev->remote = sentence_remote(f);
	if (form_field(c, s, e, place_l, &xs, &xe)) {
		char *pf = fold(c->t, xs, xe);
		if (!(pf && sentence_remote(pf) && strstr(pf, "nuotolin") == pf))
			ev->location = clean(c, xs, xe);
		free(pf);
	}
	if (form_field(c, s, e, org_l, &xs, &xe))
		ev->organiser = clean(c, xs, xe);
	ev->description = clean_capped(c, s, e, 1000);
	x_span_set(&ev->span, c->t, s, e);
	if (form_field(c, s, e, count_l, &xs, &xe)) {
		lt_participants p;
		council_qualifier qual = COUNCIL_QUAL_EXACT;
		size_t i = xs, k;
		int64_t n;
		field_qualifier(c, &i, xe, &qual);
		if ((k = lt_number_parse(&n, c->t->view + i, xe - i)) != 0 && n >= 0 && n <= 1000000) {
			memset(&p, 0, sizeof p);
			p.n_groups = 1;
			p.groups[0].count = n;
			p.groups[0].qualifier = qual;
			p.groups[0].start = i;
			p.groups[0].end = i + k;
			p.total = n;
			p.qualifier = qual;
			set_groups(c, ev, &p);
		}
	}
	free(f);
	return 1;
}

static int heading_like(const lt_text *t, size_t s, size_t e);

/* A heading that is a month alone: "### Kovas", "KOVAS", "Kovo mėn.",
 * "Gegužė:"; its number, or 0. */
static int month_heading(ctx *c, const seg_block *b)
{
	const char *v = c->t->view;
	size_t s = b->span.start, e = b->span.end;
	word w, x;

	if (b->is_table || e - s > 30)
		return 0;
	while (s < e && (v[s] == '#' || v[s] == ' '))
		s++;
	while (e > s && (v[e - 1] == ':' || v[e - 1] == ' '))
		e--;
	if (!next_word(c->t, s, e, &w) || w.start != s)
		return 0;
	/* nothing after but "mėn." */
	if (next_word(c->t, w.end, e, &x) &&
	    !(lt_word_is(v + x.start, x.end - x.start, "mėn") && !next_word(c->t, x.end, e, &x)))
		return 0;
	return lt_month_from_word(v + w.start, w.end - w.start);
}

/* "- **14 d., 10 val.** Kalvarijos kultūros centre – mokymai ..." under a
 * month's heading: the day at the item's start, in that month of the
 * report's year.  Fills *m and returns 1. */
static int day_under_month(ctx *c, size_t s, size_t e, lt_date_match *m)
{
	const char *v = c->t->view;
	size_t p = s, q;
	int d1 = 0, d2 = 0;

	if (!c->heading_month || !c->year || s > c->block_start + 8)
		return 0;
	while (p < e && (v[p] == '-' || v[p] == '*' || v[p] == ' ' ||
	                 (p + 2 < e && memcmp(v + p, "•", 3) == 0)))
		p += (unsigned char)v[p] == 0xE2 ? 3 : 1;
	for (q = p; q < e && q - p < 2 && v[q] >= '0' && v[q] <= '9'; q++)
		d1 = d1 * 10 + (v[q] - '0');
	if (q == p || d1 < 1 || d1 > 31)
		return 0;
	m->start = p;
	/* "24–25 d." (the view writes the dash " - ") */
	{
		size_t r = q;
		while (r < e && (v[r] == ' ' || v[r] == '-'))
			r++;
		if (r > q && r < e && v[r] >= '0' && v[r] <= '9') {
			size_t t2 = r;
			while (t2 < e && t2 - r < 2 && v[t2] >= '0' && v[t2] <= '9')
				d2 = d2 * 10 + (v[t2++] - '0');
			if (d2 > d1 && d2 <= 31)
				q = t2;
			else
				d2 = 0;
		}
	}
	if (q + 3 > e || memcmp(v + q, " d.", 3) != 0)
		return 0;
	memset(&m->period, 0, sizeof m->period);
	m->period.start.year = m->period.end.year = c->year;
	m->period.start.month = m->period.end.month = c->heading_month;
	m->period.start.day = d1;
	m->period.end.day = d2 ? d2 : d1;
	if (!council_date_valid(&m->period.start) || !council_date_valid(&m->period.end))
		return 0;
	m->end = q + 3;
	m->flags = 0;
	return 1;
}

/* Does s[0..n) contain the NUL-terminated w? */
static int strstr_n(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return 1;
	return 0;
}

static int first_sentence(void *vr, size_t a, size_t b)
{
	size_t *r = vr;
	r[0] = a;
	r[1] = b;
	return 1; /* stop: the first is enough */
}

/* "3.5. Konferencija "Bendruomenės ateitis: tvarumas ir inovacijos".
 * Spalio 26 d. ... vyko metinė bendruomenių konferencija": a paragraph
 * headed by a short undated sentence naming a quoted title; the events the
 * paragraph gave from index `from` on, titled without a quotation, take
 * that heading (numbering and final period dropped) as their title. */
static void titled_paragraph(ctx *c, size_t start, size_t end, size_t from)
{
	const char *v = c->t->view;
	size_t r[2] = { 0, 0 }, a, b, i;
	lt_date_match m;
	char *title;

	if (from >= c->x->n_events)
		return;
	/* past the numbering ("3.5. ", "2) "), which the splitter would take
	 * for a sentence; a date ("2023-04-07") is no numbering */
	{
		size_t q = start;
		while (q < end && ((v[q] >= '0' && v[q] <= '9') || v[q] == '.'))
			q++;
		if (q < end && v[q] == ')')
			q++;
		if (q > start && q < end && v[q] == ' ' && (v[q - 1] == '.' || v[q - 1] == ')') &&
		    q - start <= 8) {
			while (q < end && v[q] == ' ')
				q++;
			start = q;
		}
	}
	seg_sentences(c->t, start, end, first_sentence, r);
	a = r[0];
	b = r[1];
	if (b <= a || b - a > 160 || b >= end || lt_date_find(&m, v, b, a, c->year))
		return;
	if (!memchr(v + a, '"', b - a) && !strstr_n(v + a, b - a, "„"))
		return;
	while (b > a && (v[b - 1] == '.' || v[b - 1] == ' '))
		b--;
	if (b <= a)
		return;
	for (i = from; i < c->x->n_events; i++) {
		x_event *ev = &c->x->events[i];
		if (ev->title && (strstr(ev->title, "„") || strchr(ev->title, '"')))
			continue;
		if (!(title = clean(c, a, b)))
			return;
		free(ev->title);
		ev->title = title;
	}
}

static void read_text(ctx *c, size_t start, size_t end)
{
	sent_ctx sc = { c, start };
	size_t events_before = c->x->n_events;

	if (!c->carry_event)
		c->open_event = c->last_event = -1;
	c->block_start = start;
	{
		char *f = fold(c->t, start, end);
		c->para_meetings = f && strstr(f, "posed") != NULL;
		free(f);
	}
	seg_sentences(c->t, start, end, sentence, &sc);
	titled_paragraph(c, start, end, events_before);
}

/* ---- plan tables --------------------------------------------------------- */

/* Is the comma at i inside one unit's name: a genitive before it
 * ("Švietimo,", "Strateginio planavimo,") and a lowercase word after it
 * ("kultūros ir sporto skyrius")?  Units themselves end in their head
 * noun ("Kultūros skyrius, kiti skyriai"). */
static int enumerated_genitive(ctx *c, size_t s, size_t i, size_t end)
{
	word w, n;
	char *f;
	size_t len;
	int gen;

	/* the last word before the comma decides */
	if (!prev_word(c->t, s, i, &w))
		return 0;
	if (!next_word(c->t, i, end, &n) || is_capitalised(c->t, &n))
		return 0;
	f = fold(c->t, w.start, w.end);
	len = f ? strlen(f) : 0;
	gen = len > 3 && (f[len - 1] == 'o' || !strcmp(f + len - 2, "os") ||
	                  !strcmp(f + len - 2, "es") || f[len - 1] == 'u');
	free(f);
	return gen;
}

static int split_units(ctx *c, x_measure *m, size_t start, size_t end)
{
	const char *v = c->t->view;
	size_t s = start, i;

	for (i = start; i <= end; i++) {
		if (i == end || v[i] == ',' || v[i] == ';' || v[i] == '\n') {
			size_t a = s, b = i;
			char *unit;
			if (i < end && v[i] == ',' && enumerated_genitive(c, s, i, end))
				continue; /* "Švietimo, kultūros ir sporto skyrius" is one unit */
			while (a < b && (v[a] == ' ' || v[a] == '-' || v[a] == '*'))
				a++;
			while (b > a && (v[b - 1] == ' ' || v[b - 1] == '.'))
				b--;
			/* Keep "r." and "sav." abbreviations whole: trim only a final
			 * period that ends a sentence-like unit. */
			if (b < i && v[b] == '.' && b > a + 2 && v[b - 1] != ' ' &&
			    (v[b - 2] == ' ' || v[b - 3] == ' '))
				b++;
			if (b > a) {
				char **slot = x_push((void **)&m->responsible, &m->n_responsible, sizeof *slot);
				if (!slot || !(unit = clean(c, a, b)))
					return oom(c);
				*slot = unit;
			}
			s = i + 1;
		}
	}
	return COUNCIL_OK;
}

static int parse_seq(const lt_text *t, seg_span cell, int *hierarchical)
{
	const char *v = t->view;
	size_t i = cell.start;
	int n = 0, digits = 0;

	*hierarchical = 0;
	while (i < cell.end && v[i] >= '0' && v[i] <= '9' && digits < 6) {
		n = n * 10 + (v[i++] - '0');
		digits++;
	}
	if (!digits || n > 100000) /* past measure.seq's range: no measure number */
		return 0;
	if (i + 1 < cell.end && v[i] == '.' && v[i + 1] >= '0' && v[i + 1] <= '9')
		*hierarchical = 1;
	return n;
}

/* Joins the cleaned text of cells into one fulfilment text. */
static char *join_cells(ctx *c, const seg_span *cells, int n)
{
	char *out = NULL;
	size_t len = 0;
	int i;

	for (i = 0; i < n; i++) {
		char *part = cells[i].end > cells[i].start ? clean(c, cells[i].start, cells[i].end) : NULL;
		char *grown;
		size_t pn;
		if (!part || !*part) {
			free(part);
			continue;
		}
		pn = strlen(part);
		grown = realloc(out, len + pn + 2);
		if (!grown) {
			free(part);
			oom(c);
			return out;
		}
		out = grown;
		if (len)
			out[len++] = '\n';
		memcpy(out + len, part, pn + 1);
		len += pn;
		free(part);
	}
	return out;
}

static int has_col(const seg_block *b, seg_col col)
{
	int i;

	for (i = 0; i < b->n_cols; i++)
		if (b->cols[i] == col)
			return 1;
	return 0;
}

static seg_span row_cell(const seg_block *b, const seg_row *row, seg_col col)
{
	seg_span none = { 0, 0 };
	int i;

	for (i = 0; i < row->n_cells && i < b->n_cols; i++)
		if (b->cols[i] == col)
			return row->cells[i];
	return none;
}

/* "Vardas, pavardė | Organizacija | Pareigos" rows. */
static void members_table(ctx *c, const seg_block *b)
{
	size_t r;

	for (r = 0; r < b->n_rows && c->rc == COUNCIL_OK; r++) {
		const seg_row *row = &b->rows[r];
		seg_span person = row_cell(b, row, COL_PERSON), role = row_cell(b, row, COL_ROLE);
		seg_span org = row_cell(b, row, COL_ORG);
		council_role rl = COUNCIL_ROLE_MEMBER;
		char name[256];
		char *f;

		if (person.end <= person.start)
			continue;
		f = role.end > role.start ? fold(c->t, role.start, role.end) : NULL;
		if (f && strstr(f, "pavaduotoj"))
			rl = COUNCIL_ROLE_DEPUTY;
		else if (f && strstr(f, "pirminink"))
			rl = COUNCIL_ROLE_CHAIR;
		else if (f && strstr(f, "sekretor"))
			rl = COUNCIL_ROLE_SECRETARY;
		free(f);
		if (!lt_name_nominative(name, sizeof name, c->t->view + person.start,
		                        person.end - person.start))
			continue;
		add_member(c, name, rl, org.end > org.start ? clean(c, org.start, org.end) : NULL,
		           person.start, person.end, row->cells[0].start,
		           row->cells[row->n_cells - 1].end);
	}
}

/* "Data | Renginys | Vieta | Dalyvių sk." rows: one event each. */
/* Does the cell [s,e) name a sitting of this council ("Tarybos posėdis",
 * "Tarybos išvažiuojamasis posėdis", "Posėdis (nuotolinis)") and no
 * happening of another kind? */
static int council_sitting_cell(ctx *c, size_t s, size_t e)
{
	word w, first = { 0, 0 };
	size_t q;
	int sitting = 0;

	for (q = s; next_word(c->t, q, e, &w); q = w.end) {
		council_event_kind kind;
		const char *stem;
		if (!first.end)
			first = w;
		if (inside_quote(c->t, s, w.start))
			continue;
		if (meeting_word(c, &w, e)) {
			word p;
			if (prev_word(c->t, s, w.start, &p) &&
			    (word_has_stem(c->t, &p, other_bodies) || other_council(c, s, &p)))
				return 0;
			sitting = 1;
			break;
		}
		if (event_keyword(c->t, &w, &kind, &stem))
			return 0;
	}
	/* the sitting is what the cell starts with, not a topic of it */
	return sitting && w.start < s + 48;
}

static void events_table(ctx *c, const seg_block *b)
{
	size_t r;

	for (r = 0; r < b->n_rows && c->rc == COUNCIL_OK; r++) {
		const seg_row *row = &b->rows[r];
		seg_span date = row_cell(b, row, COL_DATE), ev = row_cell(b, row, COL_EVENT);
		seg_span place = row_cell(b, row, COL_PLACE), part = row_cell(b, row, COL_PARTICIPANTS);
		size_t rs = row->cells[0].start, re = row->cells[row->n_cells - 1].end;
		lt_date_match m;
		lt_participants p;
		x_event *e;
		char *f;
		int year = context_year(c, b->span.start, date.start), cancelled;
		word w;
		size_t q;

		if (ev.end <= ev.start)
			ev = row_cell(b, row, COL_NAME);
		if (date.end <= date.start || ev.end <= ev.start)
			continue;
		if (!lt_date_find(&m, c->t->view, date.end, date.start, year) ||
		    (m.flags & LT_DATE_YEAR_SPAN) || (c->year && m.period.start.year > c->year))
			continue;
		f = fold(c->t, rs, re);
		cancelled = f && has_any_stem(f, not_happened);
		if (cancelled || !f) {
			free(f);
			continue;
		}
		/* "Tarybos posėdis (nuotolinis, Zoom)": the council's own sitting
		 * listed among the happenings */
		if (council_sitting_cell(c, ev.start, ev.end)) {
			if (m.period.start.month && !(m.flags & LT_DATE_COARSE)) {
				char *own = fold(c->t, ev.start, ev.end);
				add_meeting(c, m.period, f, rs, re, own);
				free(own);
			}
			free(f);
			continue;
		}
		e = x_push((void **)&c->x->events, &c->x->n_events, sizeof *e);
		if (!e) {
			free(f);
			oom(c);
			return;
		}
		e->date = m.period;
		e->year_inferred = !!(m.flags & LT_DATE_YEAR_INFERRED);
		e->title = clean(c, ev.start, ev.end);
		e->kind = COUNCIL_EVENT_OTHER;
		for (q = ev.start; next_word(c->t, q, ev.end, &w); q = w.end) {
			const char *stem;
			if (!inside_quote(c->t, ev.start, w.start) &&
			    event_keyword(c->t, &w, &e->kind, &stem))
				break;
		}
		if (place.end > place.start)
			e->location = clean(c, place.start, place.end);
		e->remote = sentence_remote(f);
		e->organiser = organiser_after(c, ev.start, ev.end);
		e->description = clean_capped(c, rs, re, 1000);
		if (part.end > part.start) {
			/* "26", "~150", "per 200", "34 (iš jų 9 seniūnaičiai)" */
			council_qualifier qual = COUNCIL_QUAL_EXACT;
			const char *v = c->t->view;
			size_t i = part.start, k;
			int64_t n;
			if (v[i] == '~') {
				qual = COUNCIL_QUAL_ABOUT;
				i++;
			} else if (field_qualifier(c, &i, part.end, &qual)) {
				/* i moved past the qualifier words */
			}
			k = lt_number_parse(&n, v + i, part.end - i);
			if (k && i + k < part.end && v[i + k] == '+')
				qual = COUNCIL_QUAL_MORE_THAN; /* "40+" */
			/* "15 bendruomenių atstovų ir 4 seniūnai": groups */
			if (lt_participants_find_counted(&p, v + part.start, part.end - part.start) &&
			    p.n_groups > 1) {
				int g;
				for (g = 0; g < p.n_groups; g++) {
					p.groups[g].noun_start += part.start;
					p.groups[g].noun_end += part.start;
				}
				set_groups(c, e, &p);
			} else if (k && n >= 0 && n <= 1000000) {
				memset(&p, 0, sizeof p);
				p.n_groups = 1;
				p.groups[0].count = n;
				p.groups[0].qualifier = qual;
				set_groups(c, e, &p);
			} else if (lt_participants_find(&p, v + part.start, part.end - part.start)) {
				set_groups(c, e, &p);
			}
		}
		x_span_set(&e->span, c->t, rs, re);
		free(f);
	}
}

/* "Data | Darbotvarkė" rows: one council meeting each. */
static void meetings_table(ctx *c, const seg_block *b)
{
	size_t r;

	for (r = 0; r < b->n_rows && c->rc == COUNCIL_OK; r++) {
		const seg_row *row = &b->rows[r];
		seg_span date = row_cell(b, row, COL_DATE);
		size_t rs = row->cells[0].start, re = row->cells[row->n_cells - 1].end;
		lt_date_match m;
		char *f;

		if (date.end <= date.start ||
		    !lt_date_find(&m, c->t->view, date.end, date.start,
		                  context_year(c, b->span.start, date.start)) ||
		    !m.period.start.day || (c->year && m.period.start.year > c->year + 1))
			continue;
		f = fold(c->t, rs, re);
		if (f && !has_any_stem(f, not_happened))
			add_meeting(c, m.period, f, rs, re, NULL);
		free(f);
	}
}

static void table(ctx *c, const seg_block *b)
{
	size_t r;
	int running = 0;

	for (r = 0; r < b->n_rows && c->rc == COUNCIL_OK; r++) {
		const seg_row *row = &b->rows[r];
		x_measure *m;
		int col, seq = 0, hier = 0, has_fulfilment_col = 0;
		seg_span name = { 0, 0 }, task = { 0, 0 }, indicator = { 0, 0 }, done[4], text_cells[6];
		int n_done = 0, n_text = 0;

		if (row->n_cells < 2)
			continue; /* a section heading spanning the table */
		for (col = 0; col < b->n_cols; col++)
			if (b->cols[col] == COL_FULFILMENT)
				has_fulfilment_col = 1;
		for (col = 0; col < row->n_cells && col < b->n_cols; col++) {
			seg_span cell = row->cells[col];
			switch (b->cols[col]) {
			case COL_SEQ: seq = parse_seq(c->t, cell, &hier); break;
			case COL_NAME: if (!name.end) name = cell; break;
			case COL_TASK: if (!task.end) task = cell; break;
			case COL_INDICATOR: if (!indicator.end) indicator = cell; break;
			case COL_FULFILMENT:
			case COL_VALUE:
			case COL_NOTES:
				/* What was done: the fulfilment column, or where a plan has
				 * none, the achieved value and the notes beside it. */
				if ((b->cols[col] == COL_FULFILMENT || !has_fulfilment_col) && n_done < 4)
					done[n_done++] = cell;
				if (n_text < 6)
					text_cells[n_text++] = cell;
				break;
			default: break;
			}
		}
		/* A plan without a measure column names its measures by task. */
		if (name.end == name.start && !has_col(b, COL_NAME))
			name = task;
		if (!name.end || name.end == name.start)
			continue;
		if (!seq || hier)
			seq = running + 1;
		running = seq;
		if (!c->x->plan.present) {
			c->x->plan.present = 1;
			c->x->plan.title = cdb_strdup("Veiklos planas");
		}
		m = x_push((void **)&c->x->measures, &c->x->n_measures, sizeof *m);
		if (!m) {
			oom(c);
			return;
		}
		m->seq = seq;
		m->name = clean(c, name.start, name.end);
		if (indicator.end > indicator.start)
			m->indicator = clean(c, indicator.start, indicator.end);
		for (col = 0; col < row->n_cells && col < b->n_cols; col++)
			if (b->cols[col] == COL_RESPONSIBLE && !m->n_responsible)
				split_units(c, m, row->cells[col].start, row->cells[col].end);
		m->fulfilment = join_cells(c, done, n_done);
		x_span_set(&m->span, c->t, row->cells[0].start, row->cells[row->n_cells - 1].end);
		/* A count of meetings under a measure about the council's meetings
		 * is the year's count; under any other measure, a lower bound. */
		{
			char *fn = fold(c->t, name.start, name.end);
			char *fi = indicator.end > indicator.start ? fold(c->t, indicator.start, indicator.end) : NULL;
			c->measure_about_meetings = (fn && strstr(fn, "posed")) || (fi && strstr(fi, "posed"));
			free(fn);
			free(fi);
		}
		c->in_table = 1;
		c->measure = seq;
		for (col = 0; col < n_text; col++)
			read_text(c, text_cells[col].start, text_cells[col].end);
		c->in_table = 0;
		c->measure = 0;
		c->measure_about_meetings = 0;
	}
}

/* A plan's measure written as a record rather than a table row:
 *   1. Bendruomeninių organizacijų poreikių apklausa.
 *   Atsakingi vykdytojai: Kultūros ir sporto skyrius, Tarybos nariai.
 *   Planuotas įvykdymo terminas: I ketvirtis.
 *   Įvykdymas: apklausa vykdyta 2022 m. I ketvirtį, ...
 * The fulfilment is read as a table's would be.  Returns 1 when block b
 * was one. */
static int measure_record(ctx *c, const seg_block *b)
{
	static const char *const resp_l[] = { "atsakingi vykdytojai", "atsakingas vykdytojas",
		                               "vykdytojai", "atsakingi", NULL };
	static const char *const done_l[] = { "ivykdymas", "igyvendinimas", "rezultatas",
		                               "rezultatai", "pasiekti rezultatai", NULL };
	const char *v = c->t->view;
	size_t s = b->span.start, e = b->span.end, le, rs, re, ds, de, ns, ne;
	seg_span span = { s, e };
	int hier = 0, seq;
	x_measure *m;

	if (b->is_table || !form_field(c, s, e, resp_l, &rs, &re))
		return 0;
	for (le = s; le < e && v[le] != '\n'; le++)
		;
	span.end = le;
	if (!(seq = parse_seq(c->t, span, &hier)) || hier)
		return 0;
	/* the name: the first line past its number, without the last period */
	for (ns = s; ns < le && ((v[ns] >= '0' && v[ns] <= '9') || v[ns] == '.' || v[ns] == ')' ||
	                          v[ns] == ' ');
	     ns++)
		;
	for (ne = le; ne > ns && (v[ne - 1] == '.' || v[ne - 1] == ' '); ne--)
		;
	if (ne <= ns)
		return 0;
	if (!c->x->plan.present) {
		c->x->plan.present = 1;
		c->x->plan.title = cdb_strdup("Veiklos planas");
	}
	m = x_push((void **)&c->x->measures, &c->x->n_measures, sizeof *m);
	if (!m)
		return oom(c), 1;
	m->seq = seq;
	m->name = clean(c, ns, ne);
	while (re > rs && v[re - 1] == '.')
		re--;
	split_units(c, m, rs, re);
	x_span_set(&m->span, c->t, s, e);
	if (form_field(c, s, e, done_l, &ds, &de)) {
		/* the fulfilment runs to the record's end */
		de = e;
		m->fulfilment = clean(c, ds, de);
		{
			char *fn = fold(c->t, ns, ne);
			c->measure_about_meetings = fn && strstr(fn, "posed");
			free(fn);
		}
		c->in_table = 1;
		c->measure = seq;
		read_text(c, ds, de);
		c->in_table = 0;
		c->measure = 0;
		c->measure_about_meetings = 0;
	}
	return 1;
}

/* ---- de-duplication ------------------------------------------------------ */

/* The quoted name in a title („...“), folded; NULL when none. */
static char *quoted_name(const char *title)
{
	const char *a = strstr(title, "„"), *b;

	if (!a)
		return NULL;
	a += 3;
	b = strstr(a, "“");
	if (!b)
		b = strstr(a, "”");
	if (!b || b == a)
		return NULL;
	return utf8_fold(a, (size_t)(b - a));
}

static int dates_compatible(const council_period *a, const council_period *b)
{
	const council_date *x = &a->start, *y = &b->start;

	if (x->year != y->year)
		return 0;
	if (x->month && y->month && x->month != y->month)
		return 0;
	if (x->day && y->day && x->day != y->day)
		return 0;
	return 1;
}

static int precision(const council_date *d)
{
	return !!d->year + !!d->month + !!d->day;
}

/* Two events can only be the same (same_event) when they share one of
 * these keys: the quoted name and year (the name's rule), the exact dates
 * and kind (the day's rule), or the month, kind and place (the place's
 * rule).  Comparing each event with those sharing a key, not with every
 * later one, keeps merging linear in the number of events. */
enum { MK_NAME, MK_DAY, MK_PLACE, MK_N };

typedef struct mkey {
	uint64_t h;            /* the key's hash (with its kind mixed in) */
	size_t i;              /* the event's index */
} mkey;

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9E3779B97F4A7C15u + (h << 6) + (h >> 2);
	return h * 0xFF51AFD7ED558CCDu;
}

static uint64_t mix_str(uint64_t h, const char *s)
{
	while (*s)
		h = mix(h, (unsigned char)*s++);
	return h;
}

/* The keys of event e (qname its folded quoted name or NULL); 0 when e has
 * no such key. */
static void event_keys(const x_event *e, const char *qname, uint64_t k[MK_N])
{
	const council_date *d = &e->date.start, *f = &e->date.end;

	k[MK_NAME] = qname ? mix(mix_str(mix(1, MK_NAME), qname), (uint64_t)d->year) | 1 : 0;
	k[MK_DAY] = d->year && d->month && d->day
	            ? mix(mix(mix(mix(mix(mix(mix(1, MK_DAY), (uint64_t)d->year), (uint64_t)d->month),
	                                  (uint64_t)d->day), (uint64_t)f->year), (uint64_t)f->month * 64 + (uint64_t)f->day),
	                  (uint64_t)e->kind) | 1
	            : 0;
	k[MK_PLACE] = d->day && e->kind != COUNCIL_EVENT_OTHER && e->location
	              ? mix(mix_str(mix(mix(mix(1, MK_PLACE), (uint64_t)d->year), (uint64_t)d->month),
	                            e->location), (uint64_t)e->kind) | 1
	              : 0;
}

static int mkey_cmp(const void *x, const void *y)
{
	const mkey *a = x, *b = y;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/* The first entry of keys[0,n) at or after (h, i). */
static size_t mkey_lower(const mkey *keys, size_t n, uint64_t h, size_t i)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (keys[mid].h < h || (keys[mid].h == h && keys[mid].i < i))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Is b the event a tells of again?  *near: within a week of a. */
static int same_event(const x_event *a, const char *qa, const x_event *b, const char *qb, int *near)
{
	/* The same quoted name within a week is the same event: a later
	 * mention may carry the date it was reported on. */
	*near = a->date.start.year == b->date.start.year &&
	        a->date.start.month == b->date.start.month && a->date.start.day &&
	        b->date.start.day && abs(a->date.start.day - b->date.start.day) <= 7;
	return (qa && qb && strcmp(qa, qb) == 0 && (dates_compatible(&a->date, &b->date) || *near)) ||
	       (a->date.start.day && precision(&a->date.start) == 3 &&
	        council_date_cmp(&a->date.start, &b->date.start) == 0 &&
	        council_date_cmp(&a->date.end, &b->date.end) == 0 && a->kind == b->kind) ||
	       /* "rugsėjo 28 d. Kybartuose vykęs forumas" and a news link
	        * "2024-09-30 Kybartuose vyko ... forumas": the same kind in
	        * the same place within a week */
	       (*near && a->kind == b->kind && a->kind != COUNCIL_EVENT_OTHER && a->location &&
	        b->location && strcmp(a->location, b->location) == 0);
}

/* a takes what b knows and a does not; b's remains are freed. */
static int absorb_event(x_event *a, x_event *b, int near)
{
	if (precision(&b->date.start) > precision(&a->date.start) && !near)
		a->date = b->date;
	for (size_t k = 0; k < b->n_measures; k++) {
		size_t l;
		for (l = 0; l < a->n_measures && a->measures[l] != b->measures[k]; l++)
			;
		if (l == a->n_measures) {
			int *slot = x_push((void **)&a->measures, &a->n_measures, sizeof *slot);
			if (!slot)
				return COUNCIL_ENOMEM;
			*slot = b->measures[k];
		}
	}
	if (!a->n_groups && b->n_groups) {
		a->groups = b->groups, a->n_groups = b->n_groups;
		b->groups = NULL, b->n_groups = 0;
	}
#define TAKE(f) if (!a->f && b->f) { a->f = b->f; b->f = NULL; }
	TAKE(organiser)
	TAKE(location)
#undef TAKE
	if (a->remote < 0)
		a->remote = b->remote;
	free(b->title);
	free(b->organiser);
	free(b->location);
	free(b->description);
	for (size_t k = 0; k < b->n_groups; k++)
		free(b->groups[k].group_name);
	free(b->groups);
	free(b->measures);
	free(b->span.quote);
	return COUNCIL_OK;
}

/* Each event absorbs the later ones that tell of it again, in document
 * order (what an event takes may make it match later ones). */
static void merge_events(ctx *c)
{
	size_t n = c->x->n_events, nk = 0, i, j, r, at[MK_N];
	char **qn = calloc(n ? n : 1, sizeof *qn);
	unsigned char *dead = calloc(n ? n : 1, 1);
	mkey *keys = malloc((n ? n : 1) * MK_N * sizeof *keys);
	uint64_t k[MK_N];

	if (!qn || !dead || !keys)
		goto fail;
	for (i = 0; i < n; i++) {
		const x_event *e = &c->x->events[i];
		qn[i] = e->title ? quoted_name(e->title) : NULL;
		event_keys(e, qn[i], k);
		for (r = 0; r < MK_N; r++)
			if (k[r])
				keys[nk++] = (mkey){ k[r], i };
	}
	qsort(keys, nk, sizeof *keys, mkey_cmp);
	for (i = 0; i < n; i++) {
		x_event *a = &c->x->events[i];
		if (dead[i])
			continue;
		event_keys(a, qn[i], k);
		for (r = 0; r < MK_N; r++)
			at[r] = k[r] ? mkey_lower(keys, nk, k[r], i + 1) : nk;
		for (;;) {
			/* the next later event sharing one of a's keys */
			int near;
			j = SIZE_MAX;
			for (r = 0; r < MK_N; r++)
				if (at[r] < nk && keys[at[r]].h == k[r] && keys[at[r]].i < j)
					j = keys[at[r]].i;
			if (j == SIZE_MAX)
				break;
			for (r = 0; r < MK_N; r++)
				if (at[r] < nk && keys[at[r]].h == k[r] && keys[at[r]].i == j)
					at[r]++;
			if (dead[j] || !same_event(a, qn[i], &c->x->events[j], qn[j], &near))
				continue;
			if (absorb_event(a, &c->x->events[j], near) != COUNCIL_OK)
				goto fail;
			dead[j] = 1;
			{
				/* a's date or place may have changed: its keys with it */
				uint64_t k2[MK_N];
				event_keys(a, qn[i], k2);
				for (r = 0; r < MK_N; r++)
					if (k2[r] != k[r]) {
						k[r] = k2[r];
						at[r] = k[r] ? mkey_lower(keys, nk, k[r], j + 1) : nk;
					}
			}
		}
	}
	goto done;
fail:
	oom(c);
done:
	/* the absorbed events' remains are freed: close the gaps */
	for (i = j = 0; dead && i < n; i++)
		if (!dead[i])
			c->x->events[j++] = c->x->events[i];
	if (dead)
		c->x->n_events = j;
	for (i = 0; qn && i < n; i++)
		free(qn[i]);
	free(qn);
	free(dead);
	free(keys);
}

/* ---- the stage ----------------------------------------------------------- */

static int ends_with_colon(ctx *c, const seg_block *b)
{
	size_t end = b->span.end;

	while (end > b->span.start && c->t->view[end - 1] == ' ')
		end--;
	return end > b->span.start && c->t->view[end - 1] == ':';
}

/* "3.1. Mokymai bendruomenių lyderiams:" -- a list of events of one kind;
 * returns the kind, or -1.  A paragraph with its own date is an event
 * itself, not an introduction. */
static int introduces_events(ctx *c, const seg_block *b)
{
	lt_date_match m;
	size_t q = b->span.start;
	word w;

	if (lt_date_find(&m, c->t->view, b->span.end, b->span.start, c->year))
		return -1;
	while (next_word(c->t, q, b->span.end, &w)) {
		council_event_kind kind;
		const char *stem;
		if (word_has_stem(c->t, &w, meeting_stems))
			return -1;
		if (event_keyword(c->t, &w, &kind, &stem) && !verb_stem(stem))
			return (int)kind;
		q = w.end;
	}
	return -1;
}

/* "Posėdžiai:", "Per metus įvyko šie Tarybos posėdžiai:" -- a paragraph
 * that ends with a colon and speaks of meetings introduces a list of them. */
static int introduces_meetings(ctx *c, const seg_block *b)
{
	size_t end = b->span.end;
	char *f;
	int r;

	while (end > b->span.start && c->t->view[end - 1] == ' ')
		end--;
	if (end == b->span.start || c->t->view[end - 1] != ':')
		return 0;
	f = fold(c->t, b->span.start, end);
	r = f && strstr(f, "posed") != NULL;
	free(f);
	return r;
}

/* A news page's byline, "2024-01-31 | Viešųjų ryšių skyrius | Peržiūrų:
 * 214", near the top: the year the text was written. */
static void byline_year(ctx *c)
{
	size_t i;

	for (i = 0; i < c->doc.n_blocks && i < 8; i++) {
		const seg_block *b = &c->doc.blocks[i];
		lt_date_match m;
		const char *bar;
		if (b->is_table || b->span.end - b->span.start > 200)
			continue;
		bar = memchr(c->t->view + b->span.start, '|', b->span.end - b->span.start);
		if (bar && lt_date_find(&m, c->t->view, (size_t)(bar - c->t->view), b->span.start, 0) &&
		    m.start < b->span.start + 3 && m.period.start.day &&
		    !(m.flags & LT_DATE_YEAR_INFERRED)) {
			c->pub_year = m.period.start.year;
			return;
		}
	}
}

/* A heading: a short line, mostly capitals or ending with a colon. */
static int heading_like(const lt_text *t, size_t s, size_t e)
{
	size_t i, letters = 0, caps = 0;

	if (e <= s || e - s > 80 || t->view[e - 1] == '.')
		return 0;
	if (t->view[e - 1] == ':')
		return 1;
	for (i = s; i < e;) {
		uint32_t cp;
		size_t k = utf8_decode(&cp, t->view + i, e - i);
		if (utf8_lower(cp) != cp)
			letters++, caps++;
		else if (cp >= 'a' && cp <= 'z')
			letters++;
		else if (cp >= 0xC0 && utf8_lower(cp) == cp && cp != 0xFFFD)
			letters++;
		i += k;
	}
	return letters >= 4 && caps * 10 >= letters * 8;
}

/* "Susijusios naujienos", "Kitos naujienos", "Susiję straipsniai:": a news
 * page's links to other articles, each a headline with its date; their
 * events are other articles' (or the same told again). */
static int news_links_heading(ctx *c, const seg_block *b)
{
	static const char *const heads[] = { "susijusios naujienos", "susije straipsniai",
		"kitos naujienos", "daugiau naujienu", "skaitykite taip pat", "susijusios publikacijos",
		"panasios naujienos", NULL };
	const char *nl = memchr(c->t->view + b->span.start, '\n', b->span.end - b->span.start);
	size_t end = nl ? (size_t)(nl - c->t->view) : b->span.end;
	char buf[64];
	size_t k;

	if (b->is_table || end - b->span.start >= sizeof buf || end - b->span.start < 8)
		return 0;
	utf8_fold_into(buf, c->t->view + b->span.start, end - b->span.start);
	for (k = 0; heads[k]; k++)
		if (strncmp(buf, heads[k], strlen(heads[k])) == 0)
			return 1;
	return 0;
}

/* "2025 M. PLANAI", "2024 METŲ VEIKLOS KRYPTYS": what follows is planned. */
static int plans_heading(ctx *c, const seg_block *b)
{
	char *f;
	int r;

	if (b->is_table || !heading_like(c->t, b->span.start, b->span.end))
		return -1;   /* no heading: the section goes on */
	f = fold(c->t, b->span.start, b->span.end);
	r = f && (strstr(f, "planai") || strstr(f, "kryptys") || strstr(f, "planuojam") ||
	          strstr(f, "numatom") || strstr(f, "ateities"));
	free(f);
	return r;
}

int x_extract(council_extraction *x, const lt_text *t)
{
	ctx c;
	size_t ts, te, i;
	int rc, meeting_list = 0, list_event = -1;
	/* A meeting item with a list of its own ("1. 2021 01 28. Darbotvarkė:"
	 * and indented agenda items): items indented more than it belong to it,
	 * and the meeting list goes on after them. */
	size_t agenda_indent = (size_t)-1, meetings_before;
	int plans = 0;   /* inside a section headed as plans */
	int news = 0;    /* under a news page's related links */

	memset(&c, 0, sizeof c);
	c.x = x;
	c.t = t;
	c.open_event = c.last_event = -1;
	c.list_event_kind = -1;
	c.ys.block = SIZE_MAX;
	if ((rc = seg_document(&c.doc, t)) != COUNCIL_OK)
		return x_fail(x, rc, 0, "out of memory");

	c.no_diacritics = !has_lithuanian_letters(t);
	title_range(&c, &ts, &te);
	document_number(&c);
	legal_acts(&c);
	excl_finish(&c);
	if (c.rc == COUNCIL_OK && municipality_and_council(&c, ts, te) == 0) {
		/* The title may be a generic "Veiklos ataskaita": look further. */
		size_t lim = t->len < 4000 ? t->len : 4000;
		if (c.rc == COUNCIL_OK && municipality_and_council(&c, 0, lim) == 0 && c.rc == COUNCIL_OK)
			c.rc = x_fail(x, COUNCIL_EPARSE, 1,
			              "no council named: expected a title such as \"<Municipality> "
			              "savivaldybės bendruomeninių organizacijų tarybos ... ataskaita\"");
	}
	if (c.rc == COUNCIL_OK) {
		report_year_and_plan(&c, ts, te);
		if (x->report_year < 0)
			guess_year(&c);
		c.year = x->report_year > 0 ? x->report_year : 0;
	}
	if (c.rc == COUNCIL_OK && !c.pub_year)
		byline_year(&c);
	if (c.rc == COUNCIL_OK) {
		roles(&c);
		member_lists(&c);
		for (i = 0; i < c.doc.n_blocks && c.rc == COUNCIL_OK; i++) {
			const seg_block *b = &c.doc.blocks[i];
			if (b->is_table) {
				if (b->kind == TABLE_MEMBERS)
					members_table(&c, b);
				else if (b->kind == TABLE_EVENTS)
					events_table(&c, b);
				else if (b->kind == TABLE_MEETINGS)
					meetings_table(&c, b);
				else
					table(&c, b);
			} else if (b->span.start >= te || b->span.end <= ts) {
				/* A news page's related links, and the items or dated
				 * lines under them, are not this report's. */
				if (news_links_heading(&c, b)) {
					news = 1;
					continue;
				}
				if (news && (b->is_item || (t->view[b->span.start] >= '0' &&
				                            t->view[b->span.start] <= '9')))
					continue;
				news = 0;
				/* Under a heading of plans, nothing happened yet. */
				{
					int h = plans_heading(&c, b);
					if (h >= 0) {
						plans = h;
					} else if (plans && !b->is_item) {
						/* a paragraph that plans nothing ends the section:
						 * "Ataskaitai pritarta 2024 m. sausio 25 d. posėdyje" */
						char *pf = fold(t, b->span.start, b->span.end);
						plans = pf && (has_any_stem(pf, not_happened) || find_stem(pf, "bus "));
						free(pf);
					}
					if (plans)
						continue;
				}
				/* Dated lines after "Posėdžiai: 4" are its meetings until
				 * a paragraph that does not start with a date. */
				if (c.label_meetings && !(t->view[b->span.start] >= '0' &&
				                          t->view[b->span.start] <= '9'))
					c.label_meetings = 0;
				/* "### Kovas", "KOVAS", "Kovo mėn.:": a month's heading;
				 * another heading ends it */
				{
					int hm = month_heading(&c, b);
					if (hm > 0) {
						c.heading_month = hm;
						continue;
					}
					if (t->view[b->span.start] == '#' ||
					    (!b->is_item && heading_like(t, b->span.start, b->span.end)))
						c.heading_month = 0;
				}
				c.in_item = b->is_item;
				if (!b->is_item && !ends_with_colon(&c, b))
					c.composition_list = 0;
				seg_sentences(t, b->span.start, b->span.end, composition_sentence, &c);
				c.in_meeting_list = b->is_item && meeting_list &&
				                    !(agenda_indent != (size_t)-1 && b->indent > agenda_indent);
				c.list_event_kind = b->is_item ? list_event : -1;
				meetings_before = x->n_meetings;
				if (!measure_record(&c, b) && !form_event(&c, b->span.start, b->span.end))
					read_text(&c, b->span.start, b->span.end);
				c.in_meeting_list = 0;
				c.list_event_kind = -1;
				/* "vyko bendruomenių savaitė:" with items, then "Savaitės
				 * renginiuose dalyvavo ...": the event stays open through
				 * its list and the paragraph after it. */
				if (ends_with_colon(&c, b) && c.open_event >= 0)
					c.carry_event = 1;
				else if (!b->is_item)
					c.carry_event = 0;
				/* A paragraph (or an item) ending with a colon opens a
				 * list; any other paragraph closes it. */
				if (ends_with_colon(&c, b) && b->is_item && meeting_list &&
				    x->n_meetings > meetings_before && !introduces_meetings(&c, b)) {
					agenda_indent = b->indent;
				} else if (ends_with_colon(&c, b)) {
					meeting_list = introduces_meetings(&c, b);
					list_event = introduces_events(&c, b);
					agenda_indent = (size_t)-1;
				} else if (!b->is_item) {
					meeting_list = 0;
					list_event = -1;
					agenda_indent = (size_t)-1;
				}
			}
		}
		merge_events(&c);
	}
	if (c.rc == COUNCIL_OK && x->kind == COUNCIL_SOURCE_OTHER)
		x->kind = x->n_measures ? COUNCIL_SOURCE_PLAN_REPORT : COUNCIL_SOURCE_ANNUAL_REPORT;
	seg_free(&c.doc);
	free(c.excl);
	return c.rc;
}

int council_import_parse(council_extraction **out, const char *path, const char *data, size_t len)
{
	council_extraction *x = x_new(path);
	lt_text t;
	size_t bad = 0;
	int rc;

	*out = x;
	if (!x)
		return COUNCIL_ENOMEM;
	if (!data)
		return x_fail(x, COUNCIL_EMISUSE, 0, "no data");
	if (len == 0)
		return x_fail(x, COUNCIL_EPARSE, 0, "empty file");
	if (len > COUNCIL_IMPORT_MAX_BYTES)
		return x_fail(x, COUNCIL_EINVAL, 0, "%zu bytes: larger than a report may be (%u)",
		              len, COUNCIL_IMPORT_MAX_BYTES);
	rc = lt_text_init(&t, data, len, &bad);
	if (rc == COUNCIL_EPARSE) {
		/* Name the line and say what is wrong with it. */
		int line = 1;
		for (size_t i = 0; i < bad; i++)
			line += data[i] == '\n';
		return x_fail(x, rc, line, "%s at byte %zu: expected UTF-8 text",
		              data[bad] == '\0' ? "NUL byte" : "invalid UTF-8", bad);
	}
	if (rc != COUNCIL_OK)
		return x_fail(x, rc, 0, "out of memory");
	rc = x_extract(x, &t);
	lt_text_free(&t);
	if (rc == COUNCIL_OK)
		x_fit_ranges(x); /* its JSON must read back (extraction.c) */
	return rc;
}
