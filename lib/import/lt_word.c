/* SPDX-License-Identifier: MIT */
/*
 * lt_word.c -- letters and words of Lithuanian text, the primitives every
 * lt_*.c reader shares: where a word starts and ends, and whether it is a
 * given form, starts with one, or is a stem with one of some endings
 * (diacritics optional, as text typed without them writes the base letter).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lt.h"
#include "utf8.h"

/* The words of the document being read on this thread (lt_words_use):
 * where each run of word characters ends and where the next word starts,
 * from every byte.  The readers scan the same text from many places;
 * with these a scan of the document's view is a look-up.  Read at nearly
 * every word a rule looks at: the initial-exec model makes that one load,
 * not a call to __tls_get_addr each time (one pointer, which the static TLS
 * space glibc keeps for libraries opened late also holds). */
_Thread_local const lt_words *lt_doc_words;

int lt_is_wordbyte(int c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* Characters outside ASCII that still end a word: quotes „“, dashes,
 * NBSP, bullets (also Word's private-use ones), currency and math signs. */
static int is_punct_cp(uint32_t cp)
{
	return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	       (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	       (cp >= 0xE000 && cp <= 0xF8FF) || cp == 0xFEFF || cp == 0xFFFD;
}

/* ASCII letters and digits: a table, as this is asked of nearly every byte
 * the readers and the word tables pass. */
const unsigned char lt_ascii_word[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,
	['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
	['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
	['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1
};

static int ascii_alnum(unsigned char c)
{
	return lt_ascii_word[c];
}

/* Lead bytes 0xC4 and 0xC5 start U+0100..U+017F (ą č ę ė į š ų ū ž and the
 * rest of Latin Extended-A): letters, never punctuation, and the only
 * non-ASCII characters most reports contain.  Followed by a continuation
 * byte they decode validly, so they need no decoding to be told apart. */
static int latin_ext_a_at(const unsigned char *u, size_t avail)
{
	return avail >= 2 && (u[0] == 0xC4 || u[0] == 0xC5) && (u[1] & 0xC0) == 0x80;
}

/* lt_is_word_at (lt.h) of a byte outside ASCII (i < len). */
int lt_is_word_at_multibyte(const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;
	uint32_t cp;

	if (latin_ext_a_at(u, len - i))
		return 1;
	utf8_decode(&cp, s + i, len - i);
	return !is_punct_cp(cp);
}

/* The bytes of the word character at s[i], or 0 when none starts there. */
static size_t word_char_len(const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t cp;
	size_t k;

	/* ASCII and Lithuanian letters without a call or a decode */
	if (u[i] < 0x80)
		return ascii_alnum(u[i]) ? 1 : 0;
	if (latin_ext_a_at(u + i, len - i))
		return 2;
	k = utf8_decode(&cp, s + i, len - i);
	return is_punct_cp(cp) ? 0 : k;
}

static size_t word_end_scan(const char *s, size_t len, size_t i)
{
	size_t k;

	while (i < len && (k = word_char_len(s, len, i)) != 0)
		i += k;
	return i;
}

/* lt_word_end (lt.h) of text outside the document's tables. */
size_t lt_word_end_scan(const char *s, size_t len, size_t i)
{
	return word_end_scan(s, len, i);
}

int lt_at_word_start(const char *s, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t j;
	uint32_t cp;

	if (i == 0)
		return 1;
	if (u[i - 1] < 0x80)
		return !ascii_alnum(u[i - 1]);
	/* A Lithuanian letter before i: two bytes, lead 0xC4/0xC5. */
	if (i >= 2 && (u[i - 1] & 0xC0) == 0x80 && (u[i - 2] == 0xC4 || u[i - 2] == 0xC5))
		return 0;
	/* back to the lead byte of the previous character */
	j = i - 1;
	while (j > 0 && i - j < 4 && (u[j] & 0xC0) == 0x80)
		j--;
	if (utf8_decode(&cp, s + j, i - j) != i - j)
		return 0;
	return is_punct_cp(cp);
}

/* lt_next_word_start (lt.h) of text outside the document's tables. */
size_t lt_next_word_start_scan(const char *s, size_t len, size_t i)
{
	while (i < len) {
		if (!lt_is_word_at(s, len, i)) {
			i++;
			continue;
		}
		if (lt_at_word_start(s, i))
			return i;
		/* Inside a word no position starts one: skip to its end, which
		 * is no word character (or len). */
		i = word_end_scan(s, len, i);
	}
	return len;
}

size_t lt_skip_blank(const char *s, size_t len, size_t i)
{
	int newline = 0;

	while (i < len) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
			i++;
		} else if (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
			i += 2; /* NBSP, should the text skip the normaliser */
		} else if (s[i] == '\n' && !newline) {
			newline = 1;
			i++;
		} else {
			break;
		}
	}
	return i;
}

int lt_match_prefix(size_t *used, const char *w, size_t n, const char *form, int exact)
{
	const unsigned char *wu = (const unsigned char *)w, *fu = (const unsigned char *)form;
	size_t i = 0, j = 0;
	uint32_t a, b;

	/* Callers try a word against long lists of forms and nearly every try
	 * fails on the first letter: when both first bytes are ASCII, decide
	 * that before decoding anything. */
	if (fu[0] && fu[0] < 0x80 && n && wu[0] < 0x80 &&
	    fu[0] != (wu[0] >= 'A' && wu[0] <= 'Z' ? wu[0] + 32 : wu[0]))
		return 0;

	while (fu[j]) {
		if (i >= n)
			return 0;
		/* ASCII fast path: forms are lower case, so an ASCII letter of
		 * the form matches only its own two cases. */
		if (fu[j] < 0x80 && wu[i] < 0x80) {
			if (fu[j] != (wu[i] >= 'A' && wu[i] <= 'Z' ? wu[i] + 32 : wu[i]))
				return 0;
			i++;
			j++;
			continue;
		}
		i += utf8_decode(&a, w + i, n - i);
		/* the form is a valid UTF-8 literal: its characters are whole */
		j += utf8_decode(&b, form + j, 4);
		a = utf8_lower(a);
		if (a == b)
			continue;
		/* Text that lost its accents writes the base letter instead. */
		if (!exact && a < 0x80 && b >= 0x80 && utf8_fold_cp(b) == a)
			continue;
		return 0;
	}
	*used = i;
	return 1;
}

int lt_word_is_full(const char *w, size_t n, const char *form)
{
	size_t used;

	return lt_match_prefix(&used, w, n, form, 0) && used == n;
}

int lt_has_ascii(const char *s, size_t len, const char *lit)
{
	size_t k = strlen(lit), i, j;

	for (i = 0; i + k <= len; i++) {
		if (((unsigned char)s[i] | 0x20) != (unsigned char)lit[0])
			continue;
		for (j = 1; j < k && ((unsigned char)s[i + j] | 0x20) == (unsigned char)lit[j]; j++)
			;
		if (j == k)
			return 1;
	}
	return 0;
}

int lt_word_starts_full(const char *w, size_t n, const char *prefix)
{
	size_t used;

	return lt_match_prefix(&used, w, n, prefix, 0);
}

int lt_word_stem(const char *w, size_t n, const char *stem, const char *const *endings)
{
	size_t used, rest;
	int k;
	unsigned char w0 = n ? (unsigned char)w[0] : 0x80, s0 = (unsigned char)stem[0];

	/* lt_match_prefix's first test, without the call: callers try a word
	 * against many stems, and most differ in the first ASCII letter */
	w0 = (unsigned char)(w0 >= 'A' && w0 <= 'Z' ? w0 + 32 : w0);
	if (s0 && s0 < 0x80 && w0 < 0x80 && s0 != w0)
		return 0;
	if (!lt_match_prefix(&used, w, n, stem, 0))
		return 0;
	for (k = 0; endings[k]; k++) {
		if (lt_match_prefix(&rest, w + used, n - used, endings[k], 0) &&
		    used + rest == n)
			return k + 1;
	}
	return 0;
}

/* ---- the document's words, found once ------------------------------------ */

int lt_words_init(lt_words *w, const char *s, size_t len)
{
	size_t i;

	memset(w, 0, sizeof *w);
	w->s = s;
	w->len = len;
	w->end = malloc((len + 1) * sizeof *w->end);
	w->next = malloc((len + 1) * sizeof *w->next);
	w->boundary = malloc(len + 1);
	if (!w->end || !w->next || !w->boundary) {
		lt_words_free(w);
		return -1;
	}
	/* Forwards: where characters start, each word character's length
	 * (held in end[] for now) and whether a word starts there (a word
	 * character after none, as lt_at_word_start says of valid text). */
	{
		unsigned prev_word = 0;
		for (i = 0; i < len; i++) {
			size_t k;
			unsigned char c = (unsigned char)s[i];
			if (c < 0x80) { /* most bytes: a letter or digit (1), or not (0) */
				unsigned a = (unsigned)ascii_alnum(c);
				w->boundary[i] = (unsigned char)(1 | ((a & ~prev_word) << 1));
				w->end[i] = a;
				prev_word = a;
				continue;
			}
			if ((c & 0xC0) == 0x80) {
				w->boundary[i] = 0;
				w->end[i] = 0;
				continue;
			}
			k = word_char_len(s, len, i);
			if (k >= 2 && !w->wide && !latin_ext_a_at((const unsigned char *)s + i, len - i)) {
				uint32_t cp;
				utf8_decode(&cp, s + i, len - i);
				w->wide = cp < 0xC0 || cp >= 0x2000;
			}
			w->boundary[i] = (unsigned char)(1 | (k && !prev_word ? 2 : 0));
			w->end[i] = (uint32_t)k;
			prev_word = k != 0;
		}
		w->boundary[len] = 1;
	}
	/* Backwards: a word character continues the run after it, and the
	 * next word start is here or further on. */
	w->end[len] = (uint32_t)len;
	w->next[len] = (uint32_t)len;
	{
		/* e is end[i + 1] and nx next[i + 1], held so that an ASCII
		 * byte (k 1) needs no load of what was just stored */
		uint32_t e = (uint32_t)len, nx = (uint32_t)len;
		for (i = len; i-- > 0;) {
			uint32_t k = w->end[i];
			e = k == 1 ? e : k ? w->end[i + k] : (uint32_t)i;
			w->end[i] = e;
			nx = w->boundary[i] & 2 ? (uint32_t)i : nx;
			w->next[i] = nx;
		}
	}
	return 0;
}

const lt_words *lt_words_current(void)
{
	return lt_doc_words;
}

void lt_words_free(lt_words *w)
{
	if (lt_doc_words == w)
		lt_doc_words = NULL;
	free(w->end);
	free(w->next);
	free(w->boundary);
	memset(w, 0, sizeof *w);
}

void lt_words_use(const lt_words *w)
{
	lt_doc_words = w;
}
