/* SPDX-License-Identifier: MIT */
/*
 * fold_index.c -- the document's fold's words and their cue classes, and a
 * piece's classes from them (see fold_index.h).  A document costs one pass
 * over its fold, sixteen bytes at a time where SSE2 is there (about one
 * instruction a byte), and a comparison with the few cue stems of each
 * word's first letter; a piece then costs a binary search and an OR a word.
 */
#include "fold_index.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lexicon.h"

static const char *const not_happened[] = { LEX_NOT_HAPPENED(LEX_FOLDED) NULL };
static const char *const member_left[] = { LEX_MEMBER_LEFT(LEX_FOLDED) NULL };
static const char *const member_instead[] = { LEX_MEMBER_INSTEAD(LEX_FOLDED) NULL };
static const char *const member_joined[] = { LEX_MEMBER_JOINED(LEX_FOLDED) NULL };
static const char *const member_enters[] = { LEX_MEMBER_ENTERS(LEX_FOLDED) NULL };
/* the genre layer's own list (extract_members.c), not the lexicon's */
extern const char *const ex_member_change_stems[];

/* Class k's stems are bit 1 << k's. */
static const char *const *const classes[FI_N_CUES] = {
	not_happened, member_left, member_instead, member_joined, member_enters, ex_member_change_stems,
};

const char *const *fi_cue_stems(uint32_t bit)
{
	int k;

	for (k = 0; k < FI_N_CUES; k++)
		if (bit == 1u << k)
			return classes[k];
	return NULL;
}

/* The sentence rules that find nothing in a sentence without a word of one
 * of the classes named here: the runner passes over them on the sentence's
 * classes, known from the document's words, instead of the rule asking
 * strstr for each stem of each class.  A rule's cues must be the very
 * classes its own first test asks for (ex_has_any_stem on the sentence's
 * fold), so that passing over it is its own early return. */
static const struct {
	const char *id;
	uint32_t cues;
} rule_cues[] = {
	/* ex_member_terms returns on none of member_left, _instead, _joined */
	{ "member.term", FI_MEMBER_LEFT | FI_MEMBER_INSTEAD | FI_MEMBER_JOINED },
	/* ex_member_changes returns on neither a change stem nor member_enters */
	{ "member.change", FI_MEMBER_CHANGE | FI_MEMBER_ENTERS },
};

uint32_t fi_rule_cues(const char *rule_id)
{
	size_t k;

	for (k = 0; k < sizeof rule_cues / sizeof rule_cues[0]; k++)
		if (!strcmp(rule_cues[k].id, rule_id))
			return rule_cues[k].cues;
	return 0;
}

/* Every cue stem grouped by its first letter (each stem of the lexicon's
 * classes starts with one: test_fold_index checks it), built once a
 * process. */
#define MAX_STEMS 64
static struct {
	const char *stem[MAX_STEMS];
	uint8_t bit[MAX_STEMS];
	uint8_t first[27]; /* letter k's stems: [first[k], first[k + 1]) */
	uint32_t second[26]; /* letter k's stems' second letters, bit b - 'a'
	                        (bit 31 any other byte): most words refused */
	size_t longest;    /* the longest stem's bytes */
	int broken;        /* a stem not starting with a-z, or too many: no answers */
} cue;
static pthread_once_t cue_once = PTHREAD_ONCE_INIT;

static void cue_build(void)
{
	size_t n = 0, k, i;
	int c;

	for (c = 0; c < FI_N_CUES; c++)
		for (i = 0; classes[c][i]; i++)
			if ((unsigned)((unsigned char)classes[c][i][0] - 'a') >= 26 || ++n > MAX_STEMS)
				cue.broken = 1;
	n = 0;
	for (k = 0; k < 26; k++) {
		cue.first[k] = (uint8_t)n;
		for (c = 0; c < FI_N_CUES; c++)
			for (i = 0; classes[c][i]; i++)
				if ((unsigned char)classes[c][i][0] == 'a' + k && !cue.broken) {
					unsigned b = (unsigned)(unsigned char)classes[c][i][1] - 'a';
					size_t len = strlen(classes[c][i]);
					cue.stem[n] = classes[c][i];
					cue.bit[n++] = (uint8_t)(1u << c);
					/* a one-letter stem starts every word of its letter */
					cue.second[k] |= len == 1 ? ~0u : 1u << (b < 26 ? b : 31);
					if (len > cue.longest)
						cue.longest = len;
				}
	}
	cue.first[26] = (uint8_t)n;
}

/* The classes a stem of which starts at p (a letter a-z; the text
 * NUL-terminated after it). */
static uint32_t classify(const char *p)
{
	unsigned k = (unsigned)(unsigned char)p[0] - 'a';
	uint32_t bits = 0;
	size_t i, j;

	unsigned b;

	if (k >= 26)
		return 0;
	b = (unsigned)(unsigned char)p[1] - 'a';
	if (!(cue.second[k] & (1u << (b < 26 ? b : 31))))
		return 0;
	for (i = cue.first[k]; i < cue.first[k + 1]; i++) {
		const char *s = cue.stem[i];
		for (j = 1; s[j] && s[j] == p[j]; j++)
			;
		if (!s[j])
			bits |= cue.bit[i];
	}
	return bits;
}

static int is_alnum(unsigned char b)
{
	return (unsigned)(b - 'a') < 26 || (unsigned)(b - '0') < 10;
}

/* The word starts of t[0, len) into out (room for len / 2 + 1); their
 * number. */
static size_t scan_starts(const unsigned char *t, size_t len, uint32_t *out)
{
	size_t n = 0, p = 0;
	unsigned after = 0; /* the byte before p is a letter or digit */

#if defined(__SSE2__)
	/* a byte b is a-z when b + (0x80 - 'a'), read signed, is below
	 * -128 + 26; 0-9 likewise */
	const __m128i la = _mm_set1_epi8((char)(0x80 - 'a')), lz = _mm_set1_epi8((char)(-128 + 26));
	const __m128i da = _mm_set1_epi8((char)(0x80 - '0')), dz = _mm_set1_epi8((char)(-128 + 10));

	for (; p + 16 <= len; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + p));
		__m128i l = _mm_cmplt_epi8(_mm_add_epi8(v, la), lz);
		__m128i d = _mm_cmplt_epi8(_mm_add_epi8(v, da), dz);
		unsigned lm = (unsigned)_mm_movemask_epi8(l);
		unsigned am = lm | (unsigned)_mm_movemask_epi8(d);
		unsigned starts = lm & ~((am << 1) | after) & 0xFFFFu;

		after = (am >> 15) & 1u;
		while (starts) {
			out[n++] = (uint32_t)(p + (size_t)__builtin_ctz(starts));
			starts &= starts - 1;
		}
	}
#endif
	for (; p < len; p++) {
		if (!after && (unsigned)(t[p] - 'a') < 26)
			out[n++] = (uint32_t)p;
		after = (unsigned)is_alnum(t[p]);
	}
	return n;
}

int fi_words_init(fi_words *w, const char *fold, size_t len)
{
	uint32_t *shrunk;
	size_t i;

	memset(w, 0, sizeof *w);
	pthread_once(&cue_once, cue_build);
	if (len >= UINT32_MAX || !(w->pos = malloc((len / 2 + 1) * sizeof *w->pos)))
		return -1;
	w->n = scan_starts((const unsigned char *)fold, len, w->pos);
	/* room for a word every other byte, kept for the words there are */
	if (w->n && (shrunk = realloc(w->pos, w->n * sizeof *w->pos)) != NULL)
		w->pos = shrunk;
	if (!(w->cues = malloc((w->n ? w->n : 1) * sizeof *w->cues))) {
		fi_words_free(w);
		return -1;
	}
	for (i = 0; i < w->n; i++)
		w->cues[i] = (uint8_t)classify(fold + w->pos[i]);
	return 0;
}

void fi_words_free(fi_words *w)
{
	free(w->pos);
	free(w->cues);
	memset(w, 0, sizeof *w);
}

/* The innermost open index of this thread (indexes nest: a table's rule
 * reads its cells' sentences inside the sentence of the table). */
static _Thread_local fi_index *fi_cur;

void fi_open(fi_index *ix, const char *text, const fi_words *w, size_t a, size_t b)
{
	ix->text = text;
	ix->w = w && w->pos && b < UINT32_MAX ? w : NULL;
	ix->a = (uint32_t)a;
	ix->b = (uint32_t)b;
	ix->known = 0;
	ix->cues = 0;
	ix->prev = fi_cur;
	fi_cur = ix;
}

void fi_close(fi_index *ix)
{
	fi_cur = ix->prev;
}

/* The piece's classes: its start's own (a word starts there whatever is
 * before it), then each word of the whole text after a and before b --
 * its stored classes when every stem fits before b, else its own in the
 * piece (a stem may run past the piece's end in the whole text). */
static uint32_t piece_cues(const fi_index *ix)
{
	const fi_words *w = ix->w;
	size_t lo = 0, hi = w->n;
	uint32_t bits = classify(ix->text);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (w->pos[mid] <= ix->a)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < w->n && w->pos[lo] + cue.longest <= ix->b; lo++)
		bits |= w->cues[lo];
	for (; lo < w->n && w->pos[lo] < ix->b; lo++)
		bits |= classify(ix->text + (w->pos[lo] - ix->a));
	return bits;
}

uint32_t fi_cues(const char *folded)
{
	fi_index *ix = fi_cur;

	if (!ix || !ix->w || ix->text != folded || cue.broken)
		return ~0u;
	if (!ix->known) {
		ix->cues = piece_cues(ix);
		ix->known = 1;
	}
	return ix->cues;
}
