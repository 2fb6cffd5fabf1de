/* SPDX-License-Identifier: MIT */
/*
 * lt_tok.c -- the phrase readers' tokens: words and single punctuation marks of
 * a sentence, and the tests on them (is this word one of a list, a dash,
 * a quote).  Letters and words themselves are lt_word.c's.
 */
#include <pthread.h>

#include "lt_int.h"

int lp_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Bytes of white space at i: ASCII blanks, and NBSP in case the text did
 * not pass through the normaliser. */
static size_t space_at(const char *s, size_t len, size_t i)
{
	if (i < len && lp_is_space((unsigned char)s[i]))
		return 1;
	if (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
		return 2;
	return 0;
}

static size_t space_before(const char *s, size_t i)
{
	if (i >= 1 && lp_is_space((unsigned char)s[i - 1]))
		return 1;
	if (i >= 2 && (unsigned char)s[i - 2] == 0xC2 && (unsigned char)s[i - 1] == 0xA0)
		return 2;
	return 0;
}

int lp_next_tok(const char *s, size_t len, size_t i, tok *t)
{
	uint32_t cp;
	size_t k;

	while ((k = space_at(s, len, i)) != 0)
		i += k;
	if (i >= len)
		return 0;
	t->s = i;
	if (lt_is_word_at(s, len, i)) {
		t->e = lt_word_end(s, len, i);
		t->word = 1;
	} else {
		t->e = i + utf8_decode(&cp, s + i, len - i);
		t->word = 0;
	}
	return 1;
}

/* Start of the character that ends at i (not before lo). */
static size_t cp_before(const char *s, size_t lo, size_t i)
{
	size_t j = i - 1;

	while (j > lo && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return j;
}

int lp_prev_tok(const char *s, size_t len, size_t lo, size_t i, tok *t)
{
	size_t j, k;

	while (i > lo && (k = space_before(s, i)) != 0 && i - k >= lo)
		i -= k;
	if (i <= lo)
		return 0;
	j = cp_before(s, lo, i);
	t->e = i;
	if (lt_is_word_at(s, len, j)) {
		k = j;
		while (k > lo && !lt_at_word_start(s, k))
			k = cp_before(s, lo, k);
		t->s = k;
		t->word = 1;
	} else {
		t->s = j;
		t->word = 0;
	}
	return 1;
}

int lp_tok_is(const char *s, const tok *t, const char *form)
{
	return t->word && lt_word_is(s + t->s, t->e - t->s, form);
}

/* Does word token t match one of list by match (lt_word_is or
 * lt_word_starts)? */
static int tok_matches(const char *s, const tok *t, const char *const *list,
                       int (*match)(const char *w, size_t n, const char *form))
{
	size_t k;
	unsigned char w0;

	if (!t->word)
		return 0;
	/* Most forms are refused by their first letter: when it and the
	 * word's are ASCII and differ in lower case, without a call
	 * (lt_match_prefix's own first test).  0x80 for an empty word: no
	 * form is refused early. */
	w0 = t->e > t->s ? (unsigned char)s[t->s] : 0x80;
	w0 = (unsigned char)(w0 >= 'A' && w0 <= 'Z' ? w0 + 32 : w0);
	for (k = 0; list[k]; k++) {
		unsigned char f0 = (unsigned char)list[k][0];
		if (f0 && f0 < 0x80 && w0 < 0x80 && f0 != w0)
			continue;
		if (match(s + t->s, t->e - t->s, list[k]))
			return 1;
	}
	return 0;
}

int lp_tok_in(const char *s, const tok *t, const char *const *list)
{
	return tok_matches(s, t, list, lt_word_is);
}

int lp_tok_starts_any(const char *s, const tok *t, const char *const *list)
{
	return tok_matches(s, t, list, lt_word_starts);
}

/* ---- word lists grouped by first byte (lp_wordset) ----------------------- */

static pthread_mutex_t wordset_lock = PTHREAD_MUTEX_INITIALIZER;

/* Groups the forms: those whose first byte is the ASCII b (as written: the
 * forms are lower case) at at[b], and at at[128] those a word's first byte
 * does not refuse (empty, or starting outside ASCII).  A list too long to
 * index keeps n = 0 and is asked form by form. */
static void wordset_build(lp_wordset *ws)
{
	size_t k, count = 0, b, o = 0;
	unsigned cnt[129] = { 0 };

	for (k = 0; ws->list[k]; k++) {
		unsigned char f0 = (unsigned char)ws->list[k][0];
		cnt[f0 && f0 < 0x80 ? f0 : 128]++;
		count++;
	}
	if (count <= LP_WORDSET_MAX) {
		for (b = 0; b < 129; b++) {
			ws->at[b] = (unsigned char)o;
			o += cnt[b];
		}
		ws->at[129] = (unsigned char)o;
		memset(cnt, 0, sizeof cnt);
		for (k = 0; ws->list[k]; k++) {
			unsigned char f0 = (unsigned char)ws->list[k][0];
			b = f0 && f0 < 0x80 ? f0 : 128;
			ws->order[ws->at[b] + cnt[b]++] = (unsigned char)k;
		}
		ws->n = (unsigned char)count;
	}
}

static int wordset_matches(const char *s, const tok *t, lp_wordset *ws,
                           int (*match)(const char *w, size_t n, const char *form))
{
	unsigned char w0;
	size_t k;

	if (!__atomic_load_n(&ws->ready, __ATOMIC_ACQUIRE)) {
		pthread_mutex_lock(&wordset_lock);
		if (!ws->ready) {
			wordset_build(ws);
			__atomic_store_n(&ws->ready, 1, __ATOMIC_RELEASE);
		}
		pthread_mutex_unlock(&wordset_lock);
	}
	if (!t->word)
		return 0;
	w0 = t->e > t->s ? (unsigned char)s[t->s] : 0x80;
	w0 = (unsigned char)(w0 >= 'A' && w0 <= 'Z' ? w0 + 32 : w0);
	if (!ws->n)
		return tok_matches(s, t, ws->list, match);
	/* A Lithuanian first letter (U+0100..U+017F, whose lower case is no
	 * ASCII letter but for U+0130 İ) can only be a form's first letter
	 * written outside ASCII: the forms of the rest.  Any other word
	 * starting outside ASCII: every form. */
	if (w0 >= 0x80) {
		const unsigned char *u = (const unsigned char *)s + t->s;
		if (t->e - t->s < 2 || (u[0] != 0xC4 && u[0] != 0xC5) || (u[1] & 0xC0) != 0x80 ||
		    (u[0] == 0xC4 && u[1] == 0xB0))
			return tok_matches(s, t, ws->list, match);
		for (k = ws->at[128]; k < ws->at[129]; k++)
			if (match(s + t->s, t->e - t->s, ws->list[ws->order[k]]))
				return 1;
		return 0;
	}
	for (k = ws->at[w0]; k < ws->at[w0 + 1]; k++)
		if (match(s + t->s, t->e - t->s, ws->list[ws->order[k]]))
			return 1;
	for (k = ws->at[128]; k < ws->at[129]; k++)
		if (match(s + t->s, t->e - t->s, ws->list[ws->order[k]]))
			return 1;
	return 0;
}

int lp_tok_in_set(const char *s, const tok *t, lp_wordset *ws)
{
	return wordset_matches(s, t, ws, lt_word_is);
}

int lp_tok_starts_set(const char *s, const tok *t, lp_wordset *ws)
{
	return wordset_matches(s, t, ws, lt_word_starts);
}

uint32_t lp_tok_cp(const char *s, size_t len, const tok *t)
{
	uint32_t cp;

	utf8_decode(&cp, s + t->s, len - t->s);
	return cp;
}

int lp_tok_punct(const char *s, const tok *t, char c)
{
	return !t->word && t->e - t->s == 1 && s[t->s] == c;
}

int lp_is_quote_tok(const char *s, size_t len, const tok *t)
{
	uint32_t cp;

	if (t->word)
		return 0;
	cp = lp_tok_cp(s, len, t);
	return cp == '"' || cp == '\'' || cp == 0x201E || cp == 0x201C || cp == 0x201D ||
	       cp == 0xAB || cp == 0xBB || cp == 0x2018 || cp == 0x2019;
}

int lp_is_dash_tok(const char *s, size_t len, const tok *t)
{
	uint32_t cp;

	if (t->word)
		return 0;
	cp = lp_tok_cp(s, len, t);
	return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2212;
}

int lp_has_digit(const char *s, const tok *t)
{
	size_t i;

	for (i = t->s; i < t->e; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}
