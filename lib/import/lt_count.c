/* SPDX-License-Identifier: MIT */
/*
 * lt_count.c -- a count in running text and the qualifier before it ("daugiau
 * nei 50", "apie 40", "ne mažiau kaip 25"), and what is no count (a year,
 * a document number, money, a phone number).
 */
#include "lt_int.h"
#include "lexicon.h"

/* ---- numbers in running text ------------------------------------------------- */

/* A count starting at i: digits or number words that are not glued to a
 * larger token ("T-55", "LT-55159", "2.1.4").  Returns its end or 0. */
size_t lp_number_at(const char *s, size_t len, size_t i, int64_t *v)
{
	size_t n;

	if (!lt_is_word_at(s, len, i) || !lt_at_word_start(s, i))
		return 0;
	if (i >= 2 && (s[i - 1] == '-' || s[i - 1] == '.' || s[i - 1] == '/' || s[i - 1] == ',') &&
	    !lt_at_word_start(s, i - 1))
		return 0;
	n = lt_number_parse(v, s + i, len - i);
	return n ? i + n : 0;
}

/* A year ("2024 m.", "2024 metų", "2024-aisiais") is never a count. */
int lp_is_year(const char *s, size_t len, size_t i, size_t e, int64_t v)
{
	tok t;

	if (e - i != 4 || v < 1900 || v > 2099)
		return 0;
	if (e < len && s[e] == '-' && lt_is_word_at(s, len, e + 1))
		return 1;
	if (!lp_next_tok(s, len, e, &t) || !t.word)
		return 0;
	if (lp_tok_is(s, &t, "m") && t.e < len && s[t.e] == '.')
		return 1;
	return lt_word_starts(s + t.s, t.e - t.s, "met");
}

/* Money, percentages, measures and days after a number: never a count of
 * people or meetings. */
int lp_unit_follows(const char *s, size_t len, size_t e)
{
	static const char *const units[] = { LEX_UNIT(LEX_WRITTEN) NULL };
	tok t;
	uint32_t cp;

	if (!lp_next_tok(s, len, e, &t))
		return 0;
	if (!t.word) {
		cp = lp_tok_cp(s, len, &t);
		return cp == '%' || cp == 0x20AC || cp == '$';
	}
	return lp_tok_in(s, &t, units);
}

/* Words that say what a number before them identifies ("Nr. 5", "tel. 8
 * 389", "g. 12", "+370"): never counts. */
int lp_id_before(const char *s, size_t len, size_t lo, size_t i)
{
	static const char *const abbrs[] = { LEX_ID_ABBREVIATION(LEX_WRITTEN) NULL };
	static const char *const words[] = { LEX_ID_WORD(LEX_WRITTEN) NULL };
	tok t, w;
	uint32_t cp;

	if (!lp_prev_tok(s, len, lo, i, &t))
		return 0;
	if (!t.word) {
		cp = lp_tok_cp(s, len, &t);
		if (cp == '+' || cp == 0x20AC || cp == '#' || cp == 0x2116 || cp == '$')
			return 1;
		if (cp == '.' && lp_prev_tok(s, len, lo, t.s, &w) && w.e == t.s && lp_tok_in(s, &w, abbrs))
			return 1;
		return 0;
	}
	return lp_tok_in(s, &t, words);
}

/* The qualifier written before a number at i; *qs becomes the start of its
 * first word.  QUAL_SKIP for "po 1 atstovą" (one each: no total). */
int lp_qualifier_before(const char *s, size_t len, size_t lo, size_t i, size_t *qs)
{
	static const char *const about[] = { LEX_QUALIFIER_ABOUT(LEX_WRITTEN) NULL };
	static const char *const over[] = { LEX_QUALIFIER_OVER(LEX_WRITTEN) NULL };
	static const char *const least[] = { LEX_QUALIFIER_LEAST(LEX_WRITTEN) NULL };
	tok a, b, c;
	size_t j = i;

	*qs = i;
	/* "~200", "≈ 200": the signs forms and tables use for about */
	while (j > lo && s[j - 1] == ' ')
		j--;
	if (j > lo && s[j - 1] == '~') {
		*qs = j - 1;
		return COUNCIL_QUAL_ABOUT;
	}
	if (j >= lo + 3 && memcmp(s + j - 3, "\xE2\x89\x88", 3) == 0) {
		*qs = j - 3;
		return COUNCIL_QUAL_ABOUT;
	}
	if (!lp_prev_tok(s, len, lo, i, &a) || !a.word)
		return QUAL_NONE;
	if (lp_tok_is(s, &a, "po"))
		return QUAL_SKIP;
	if (lp_tok_in(s, &a, about)) {
		*qs = a.s;
		return COUNCIL_QUAL_ABOUT;
	}
	if (lp_tok_in(s, &a, over)) {
		*qs = a.s;
		return COUNCIL_QUAL_MORE_THAN;
	}
	if (lp_tok_in(s, &a, least)) {
		*qs = a.s;
		return COUNCIL_QUAL_AT_LEAST;
	}
	if (lp_tok_is(s, &a, "nei") || lp_tok_is(s, &a, "kaip") || lp_tok_is(s, &a, "negu")) {
		if (!lp_prev_tok(s, len, lo, a.s, &b) || !b.word)
			return QUAL_NONE;
		int neg = lp_prev_tok(s, len, lo, b.s, &c) && lp_tok_is(s, &c, "ne");
		if (lp_tok_is(s, &b, "daugiau")) {
			*qs = neg ? c.s : b.s;
			/* "ne daugiau kaip 30": at most, the nearest we have is about */
			return neg ? COUNCIL_QUAL_ABOUT : COUNCIL_QUAL_MORE_THAN;
		}
		if (lp_tok_is(s, &b, "mažiau")) {
			*qs = neg ? c.s : b.s;
			return neg ? COUNCIL_QUAL_AT_LEAST : COUNCIL_QUAL_ABOUT;
		}
	}
	return QUAL_NONE;
}

int lp_qualifier_word(const char *s, const tok *t)
{
	static const char *const words[] = {
		LEX_QUALIFIER_ABOUT(LEX_WRITTEN) LEX_QUALIFIER_OVER(LEX_WRITTEN)
		LEX_QUALIFIER_LEAST(LEX_WRITTEN) LEX_QUALIFIER_PART(LEX_WRITTEN) NULL
	};
	return lp_tok_in(s, t, words);
}
