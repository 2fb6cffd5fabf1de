/* SPDX-License-Identifier: MIT */
/*
 * lt_int.h -- what the phrase readers (lt_tok.c, lt_count.c,
 * lt_participants.c, lt_meeting_count.c, lt_name.c, lt_role.c, lt_act.c)
 * share: tokens and the tests on them.  Their contracts are in lt.h.
 */
#ifndef COUNCIL_LT_INT_H
#define COUNCIL_LT_INT_H

#include <string.h>

#include "lt.h"
#include "utf8.h"

/* ---- endings ----------------------------------------------------------------- */

/* Nonzero when w[0..n) cannot end with the lower-case suf of sl bytes,
 * letter case aside, because of its last letter: a word is tried against
 * long lists of endings, and an ASCII last byte of w is a whole letter
 * that only the same ASCII letter of suf matches (the two end together).
 * 0 says nothing: lt_match_prefix decides. */
static inline int lt_last_letter_differs(const char *w, size_t n, const char *suf, size_t sl)
{
	unsigned char wl, sc;

	if (!sl || sl > n)
		return 0;
	wl = (unsigned char)w[n - 1];
	sc = (unsigned char)suf[sl - 1];
	return wl < 0x80 && (sc >= 0x80 || sc != (wl >= 'A' && wl <= 'Z' ? wl + 32 : wl));
}

/* w[0..n) ends with the lower-case suf of sl bytes (sl <= n), letter case
 * aside and diacritics exact, as lt_match_prefix(&used, w + n - sl, sl,
 * suf, 1) with used == sl says, decided here without the call as far as
 * the word's bytes from there are ASCII (whole letters, paired with suf's
 * from its start, each matching only its own lower-case letter): 0 at
 * the first that differs, 1 when all sl match; -1 at a byte outside
 * ASCII before either (lt_match_prefix decides). */
static inline int lt_ascii_tail_is(const char *w, size_t n, const char *suf, size_t sl)
{
	const unsigned char *t = (const unsigned char *)w + n - sl, *f = (const unsigned char *)suf;
	size_t j;

	for (j = 0; j < sl; j++) {
		unsigned char c = t[j];
		if (c >= 0x80)
			return -1;
		if (f[j] != (c >= 'A' && c <= 'Z' ? c + 32 : c))
			return 0;
	}
	return 1;
}

/* ---- tokens ------------------------------------------------------------------ */

typedef struct tok {
	size_t s, e;
	int word; /* 0: one punctuation character */
} tok;

/* ---- qualifiers ------------------------------------------------------------------ */

enum { QUAL_NONE = -1, QUAL_SKIP = -2 };

/* lt_tok.c */
int lp_is_space(int c);
int lp_next_tok(const char *s, size_t len, size_t i, tok *t);
int lp_prev_tok(const char *s, size_t len, size_t lo, size_t i, tok *t);
int lp_tok_is(const char *s, const tok *t, const char *form);
int lp_tok_in(const char *s, const tok *t, const char *const *list);
int lp_tok_starts_any(const char *s, const tok *t, const char *const *list);

/* A word list that readers try a token against at nearly every word (the
 * names' refusals, the participation cues): its forms grouped once by their
 * first byte, so that a word is compared with the forms that start as it
 * does (and those starting outside ASCII), not with every form in turn.
 * Declare one static per list, `static lp_wordset x = LP_WORDSET(list);`;
 * it is built on first use (thread-safe) and never freed (it points into
 * list, which must be static too).  Same answers as lp_tok_in and
 * lp_tok_starts_any on the list. */
#define LP_WORDSET_MAX 255
typedef struct lp_wordset {
	const char *const *list;
	int ready;                        /* set, with release, once built */
	unsigned char n;                  /* forms in order[] (the list's, when it fits) */
	unsigned char at[130];            /* ASCII byte b: order[at[b]..at[b + 1]); 128: the rest */
	unsigned char order[LP_WORDSET_MAX]; /* indexes into list */
} lp_wordset;
#define LP_WORDSET(l) { (l), 0, 0, { 0 }, { 0 } }
int lp_tok_in_set(const char *s, const tok *t, lp_wordset *ws);
int lp_tok_starts_set(const char *s, const tok *t, lp_wordset *ws);
uint32_t lp_tok_cp(const char *s, size_t len, const tok *t);
int lp_tok_punct(const char *s, const tok *t, char c);
int lp_is_quote_tok(const char *s, size_t len, const tok *t);
int lp_is_dash_tok(const char *s, size_t len, const tok *t);
int lp_has_digit(const char *s, const tok *t);

/* lt_count.c */
size_t lp_number_at(const char *s, size_t len, size_t i, int64_t *v);
int lp_is_year(const char *s, size_t len, size_t i, size_t e, int64_t v);
int lp_unit_follows(const char *s, size_t len, size_t e);
int lp_id_before(const char *s, size_t len, size_t lo, size_t i);
int lp_qualifier_before(const char *s, size_t len, size_t lo, size_t i, size_t *qs);
int lp_qualifier_word(const char *s, const tok *t);

/* lt_participants.c */
int lp_people_noun(const char *s, const tok *t);
int lp_after_number(const char *s, size_t len, size_t lo, size_t i);
size_t lp_indicator_value(const char *s, size_t len, size_t p, int64_t *v, size_t *ns);
extern const char *const lp_np_stop[];

/* lt_meeting_count.c */
int lp_is_clause_end(const char *s, size_t len, size_t i);

/* A name's ending: the case and gender it shows (lt_name.c's table). */
enum ncase { NC_NOM, NC_GEN, NC_DAT, NC_ACC, NC_INS, NC_LOC };

enum ngender { NG_UNKNOWN, NG_MALE, NG_FEMALE, NG_EITHER };

struct ending_class {
	const char *end;
	enum ncase c;
	enum ngender g;
};

/* lt_name.c */
const struct ending_class *lp_classify_name(const char *w, size_t n);
int lp_is_upper_cp(uint32_t cp);
int lp_is_lower_cp(uint32_t cp);
int lp_all_upper(const char *w, size_t n);

#endif /* COUNCIL_LT_INT_H */
