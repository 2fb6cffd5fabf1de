/* SPDX-License-Identifier: MIT */
/*
 * extract_text.c -- the genre layer's helpers: words of the view, folding and stems,
 * the context's memory and failure, excluded spans, quotations.
 */
#include "extract_int.h"

/* Letters and digits of any script; quotes, dashes and punctuation are
 * not part of words. */
static int is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	return cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7;
}

/* What a byte of the view is: 1 an ASCII letter or digit, 0 other
 * ASCII, 2 a byte of a longer code point (is_word_cp decides).  The genre
 * rules walk words half a million times a corpus of 300 reports: a look-up
 * a byte instead of two range tests. */
static const unsigned char byte_class[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* Where the run of word (want 1) or other (want 0) code points starting
 * at i in view[..end) ends.  ASCII bytes are their own code points: no
 * decoding for them. */
static size_t skip_class(const lt_text *t, size_t i, size_t end, int want)
{
	const unsigned char *u = (const unsigned char *)t->view;

	while (i < end) {
		unsigned k = byte_class[u[i]];
		uint32_t cp;
		size_t n;
		if (k < 2) {
			if ((int)k != want)
				break;
			i++;
			continue;
		}
		n = utf8_decode(&cp, t->view + i, end - i);
		if (is_word_cp(cp) != want)
			break;
		i += n;
	}
	return i;
}

/* ex_next_word (extract_int.h) of a text outside the document's words. */
int ex_next_word_scan(const lt_text *t, size_t pos, size_t end, word *w)
{
	size_t i = skip_class(t, pos, end, 0);

	if (i >= end)
		return 0;
	w->start = i;
	w->end = skip_class(t, i, end, 1);
	return 1;
}

/* The word ending at or before pos (skipping non-word bytes); 0 if none
 * after lo. */
/* Where the run of word (want 1) or other (want 0) code points ending
 * at i in view[lo..] starts.  UTF-8 continuation bytes are part of the
 * letter before them. */
static size_t skip_class_back(const lt_text *t, size_t lo, size_t i, int want)
{
	while (i > lo) {
		size_t j = i - 1;
		uint32_t cp;
		while (j > lo && ((unsigned char)t->view[j] & 0xC0) == 0x80)
			j--;
		utf8_decode(&cp, t->view + j, i - j);
		if (is_word_cp(cp) != want)
			break;
		i = j;
	}
	return i;
}

int ex_prev_word(const lt_text *t, size_t lo, size_t pos, word *w)
{
	size_t i = skip_class_back(t, lo, pos, 0);

	if (i <= lo)
		return 0;
	w->end = i;
	w->start = skip_class_back(t, lo, i, 1);
	return 1;
}

/* Nonzero when view offset i is the start of a character (or the end). */
static int at_char(const lt_text *t, size_t i)
{
	return i >= t->len || ((unsigned char)t->view[i] & 0xC0) != 0x80;
}

/* Folded copy of view[start,end) (lower case, no diacritics): a copy of
 * the document's fold (lt_text_init), folded afresh only when a bound
 * falls inside a character. */
char *ex_fold(const lt_text *t, size_t start, size_t end)
{
	size_t a, b;
	char *f;

	if (!t->fold || end > t->len || start > end || !at_char(t, start) || !at_char(t, end))
		return utf8_fold(t->view + start, end - start);
	a = t->fold_at[start];
	b = t->fold_at[end];
	if ((f = malloc(b - a + 1)) != NULL) {
		memcpy(f, t->fold + a, b - a);
		f[b - a] = '\0';
	}
	return f;
}

char *ex_fold_open(const lt_text *t, size_t start, size_t end, fi_index *ix)
{
	char *f = ex_fold(t, start, end);
	int copy = t->fold && end <= t->len && start <= end && at_char(t, start) && at_char(t, end);

	if (f)
		fi_open(ix, f, copy ? &t->fold_words : NULL, copy ? t->fold_at[start] : 0,
		        copy ? t->fold_at[end] : 0);
	return f;
}

/* view[start,end) folded into buf, as utf8_fold_into would fold it (buf
 * has room for end - start + 1 bytes): the piece of the document's fold,
 * copied, when both bounds are character starts.  Returns its length. */
size_t ex_fold_into(const lt_text *t, char *buf, size_t start, size_t end)
{
	size_t a, b;

	if (!t->fold || end > t->len || start > end || !at_char(t, start) || !at_char(t, end))
		return utf8_fold_into(buf, t->view + start, end - start);
	a = t->fold_at[start];
	b = t->fold_at[end];
	memcpy(buf, t->fold + a, b - a);
	buf[b - a] = '\0';
	return b - a;
}

/* Frees what fold returned unless it is the caller's stack buffer. */
void ex_free_folded(char *f, const char *buf)
{
	if (f != buf)
		free(f);
}

/* Nonzero when the folded word w starts with one of the stems. */
int ex_word_has_stem(const lt_text *t, const word *w, const char *const *stems)
{
	char buf[96];
	const char *f = buf;
	size_t n = w->end - w->start, fn, i;

	if (n >= sizeof buf)
		return 0;
	/* This runs for most words of a sentence: the word's piece of the
	 * document's fold, else folded on the stack. */
	if (t->fold && w->end <= t->len && at_char(t, w->start) && at_char(t, w->end)) {
		f = t->fold + t->fold_at[w->start];
		fn = t->fold_at[w->end] - t->fold_at[w->start];
	} else {
		fn = ex_fold_into(t, buf, w->start, w->end);
	}
	if (fn == 0) {
		for (i = 0; stems[i]; i++)
			if (!stems[i][0])
				return 1; /* only "" starts an empty word */
		return 0;
	}
	for (i = 0; stems[i]; i++) {
		const char *st = stems[i];
		size_t k;
		/* most stems differ in the first byte; the rest is compared
		 * in place, without taking the stem's length */
		if (st[0] != f[0] || !st[0])
			continue;
		for (k = 1; st[k] && k < fn && st[k] == f[k]; k++)
			;
		if (!st[k])
			return 1;
	}
	return 0;
}

size_t ex_eol(const char *v, size_t i, size_t end)
{
	const char *nl = i < end ? memchr(v + i, '\n', end - i) : NULL;

	return nl ? (size_t)(nl - v) : end > i ? end : i;
}

int ex_is_capitalised(const lt_text *t, const word *w)
{
	uint32_t cp;

	utf8_decode(&cp, t->view + w->start, w->end - w->start);
	return utf8_lower(cp) != cp;
}

/* An organisation's acronym: three or more letters, all capitals
 * ("LVBOS", "NIPC"), other than the council's own BO, BOT, NVO, NVOT. */
int ex_org_acronym(const lt_text *t, const word *w)
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
const char *ex_find_stem(const char *folded, const char *stem)
{
	const char *p = folded;

	while ((p = strstr(p, stem)) != NULL) {
		if (p == folded || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9')))
			return p;
		p++;
	}
	return NULL;
}

int ex_has_any_stem(const char *folded, const char *const *stems)
{
	size_t i;

	/* a class the document's words know: refused by the piece's classes */
	if (stems == ex_not_happened && !(fi_cues(folded) & FI_NOT_HAPPENED))
		return 0;
	for (i = 0; stems[i]; i++)
		if (ex_find_stem(folded, stems[i]))
			return 1;
	return 0;
}

int ex_oom(ctx *c)
{
	if (c->rc == COUNCIL_OK)
		c->rc = x_fail(c->x, COUNCIL_ENOMEM, 0, "out of memory");
	return c->rc;
}

char *ex_clean(ctx *c, size_t start, size_t end)
{
	char *s = lt_text_clean(c->t, start, end);

	if (!s)
		ex_oom(c);
	return s;
}

/* Cleaned text capped at max bytes (on a character boundary). */
char *ex_clean_capped(ctx *c, size_t start, size_t end, size_t max)
{
	char *s = ex_clean(c, start, end);
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

void ex_exclude(ctx *c, size_t start, size_t end)
{
	excl *e = x_push((void **)&c->excl, &c->n_excl, sizeof *e);

	if (!e) {
		ex_oom(c);
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
void ex_excl_finish(ctx *c)
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

int ex_excluded(const ctx *c, size_t start, size_t end)
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

void ex_quotes_init(quotes *q, size_t from)
{
	q->from = q->at = from;
	q->depth = q->ascii = 0;
}

int ex_quoted_at(const lt_text *t, quotes *q, size_t pos)
{
	size_t i;

	if (pos < q->at)
		ex_quotes_init(q, q->from);
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
int ex_inside_quote(const lt_text *t, size_t from, size_t pos)
{
	quotes q;

	ex_quotes_init(&q, from);
	return ex_quoted_at(t, &q, pos);
}

/* x_push, failing the extraction when memory runs out. */
void *ex_push(ctx *c, void **arr, size_t *n, size_t size)
{
	void *p = x_push(arr, n, size);

	if (!p)
		ex_oom(c);
	return p;
}

/* ---- the rule trace ------------------------------------------------------ */

/* The rule corpus (tests/test_corpus.c) watches which rules change the
 * extraction; nothing else does.  Per thread, as extraction runs on
 * worker threads. */
static _Thread_local ex_trace_fn trace_fn;
static _Thread_local void *trace_arg;

void ex_set_trace(ex_trace_fn fn, void *arg)
{
	trace_fn = fn;
	trace_arg = arg;
}

void ex_fired(const ctx *c)
{
	if (trace_fn && c->rule)
		trace_fn(trace_arg, c->rule);
}

void ex_made(const ctx *c, x_span *span)
{
	span->rule = c->rule;
	ex_fired(c);
}

/* ---- sentences, split once ------------------------------------------------ */

static int keep_sentence(void *vc, size_t s, size_t e)
{
	sent_cache *sc = vc;
	sent_span *sp = x_push((void **)&sc->sents, &sc->n_sents, sizeof *sp);

	if (!sp)
		return 1;
	sp->s = s;
	sp->e = e;
	return 0;
}

/* The piece [start,end) split before, or NULL.  The passes ask in
 * document order: the look goes on from where the last one stopped, and
 * starts again from the first piece only when a pass starts again. */
static const sent_range *split_before(sent_cache *sc, size_t start, size_t end)
{
	size_t k;

	if (sc->at >= sc->n_ranges || sc->ranges[sc->at].start > start)
		sc->at = 0;
	while (sc->at < sc->n_ranges && sc->ranges[sc->at].start < start)
		sc->at++;
	for (k = sc->at; k < sc->n_ranges && sc->ranges[k].start == start; k++)
		if (sc->ranges[k].end == end)
			return &sc->ranges[k];
	return NULL;
}

/* Splits [start,end) and keeps its sentences; NULL when it cannot (out of
 * memory, or a piece before the last one kept: the ranges stay sorted). */
static const sent_range *split_keep(sent_cache *sc, const lt_text *t, size_t start, size_t end)
{
	sent_range *r;
	size_t first = sc->n_sents;

	if (sc->n_ranges && sc->ranges[sc->n_ranges - 1].start > start)
		return NULL;
	if (seg_sentences(t, start, end, keep_sentence, sc) != 0 ||
	    !(r = x_push((void **)&sc->ranges, &sc->n_ranges, sizeof *r))) {
		sc->n_sents = first;
		return NULL;
	}
	r->start = start;
	r->end = end;
	r->first = first;
	r->n = sc->n_sents - first;
	return r;
}

int ex_sentences(ctx *c, size_t start, size_t end, seg_sentence_fn fn, void *arg)
{
	const sent_range *r = split_before(&c->split, start, end);
	sent_range piece;
	size_t i;
	int rc;

	if (!r && !(r = split_keep(&c->split, c->t, start, end)))
		return seg_sentences(c->t, start, end, fn, arg);
	/* a copy, and by index: fn may split further pieces, which moves
	 * ranges and sents */
	piece = *r;
	for (i = 0; i < piece.n; i++) {
		sent_span sp = c->split.sents[piece.first + i];
		if ((rc = fn(arg, sp.s, sp.e)) != 0)
			return rc;
	}
	return 0;
}

void ex_sentences_free(ctx *c)
{
	free(c->split.ranges);
	free(c->split.sents);
	memset(&c->split, 0, sizeof c->split);
}
