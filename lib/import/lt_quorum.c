/* SPDX-License-Identifier: MIT */
/*
 * lt_quorum.c -- how many of the council's members attended one meeting:
 * "dalyvavo 9 iš 12 tarybos narių", "prisijungė 7 iš 10", "(6 iš 8
 * narių)", "Dalyvavo: 9 tarybos nariai iš 11", "dalyvavo 9 tarybos nariai
 * (iš 12)", "Iš 11 Tarybos narių
 * posėdyje dalyvavo 8".  The phrase only; which
 * meeting it is and which council is the extraction's to say.
 */
#include "lt_int.h"
#include "lexicon.h"

/* Words of the sentence that make "N iš M narių" an attendance: someone
 * took part, joined, gathered (or the quorum is spoken of: "kvorumas"). */
static const char *const attendance_cues[] = { LEX_PARTICIPATION_CUE(LEX_WRITTEN) "kvorum", NULL };

/* "iš", or "is" in a text typed without Lithuanian letters. */
static int of_word(const char *s, const tok *t)
{
	return lp_tok_is(s, t, "iš") || lp_tok_is(s, t, "is");
}

/* "narių", "nariai", "narės", "nariu": the council's members. */
static int member_noun(const char *s, const tok *t)
{
	return t->word && (lt_word_starts(s + t->s, t->e - t->s, "nari") ||
	                   lt_word_starts(s + t->s, t->e - t->s, "narė") ||
	                   lt_word_starts(s + t->s, t->e - t->s, "nare"));
}

/* Up to three words from i ("tarybos", "BO tarybos") and a member noun:
 * returns the noun's end, or 0. */
static size_t member_noun_after(const char *s, size_t len, size_t i)
{
	tok t;
	int k;

	for (k = 0; k < 4 && lp_next_tok(s, len, i, &t) && t.word && !lp_has_digit(s, &t); k++) {
		if (member_noun(s, &t))
			return t.e;
		if (of_word(s, &t))
			return 0;
		i = t.e;
	}
	return 0;
}

static int has_cue(const char *s, size_t len)
{
	size_t i = 0;
	tok t;

	while (lp_next_tok(s, len, i, &t)) {
		if (lp_tok_starts_any(s, &t, attendance_cues))
			return 1;
		i = t.e;
	}
	return 0;
}

int lt_quorum_find(lt_quorum *q, const char *s, size_t len)
{
	size_t i = 0;
	tok t;
	int cue = -1;

	/* no member noun, no attendance: most sentences, refused at once */
	if (!lt_has_ascii(s, len, "nar"))
		return 0;
	while (lp_next_tok(s, len, i, &t)) {
		int64_t n, m;
		size_t ne, me, end = 0;
		tok of;

		i = t.e;
		/* "Iš 11 Tarybos narių posėdyje dalyvavo 8": the whole first */
		if (of_word(s, &t) && (me = lp_number_at(s, len, lt_skip_blank(s, len, t.e), &m)) != 0 &&
		    (end = member_noun_after(s, len, me)) != 0) {
			size_t p = end;
			tok w;
			int k;
			for (k = 0; k < 4 && lp_next_tok(s, len, p, &w) && w.word; k++) {
				p = w.e;
				if (!lp_tok_starts_any(s, &w, attendance_cues))
					continue;
				if ((ne = lp_number_at(s, len, lt_skip_blank(s, len, w.e), &n)) != 0 && n >= 1 &&
				    m >= 2 && m <= 200 && n <= m) {
					q->present = n;
					q->total = m;
					q->start = t.s;
					q->end = ne;
					return 1;
				}
				break;
			}
			end = 0;
		}
		if (!t.word || !(ne = lp_number_at(s, len, t.s, &n)) || lp_is_year(s, len, t.s, ne, n))
			continue;
		i = ne;
		if (!lp_next_tok(s, len, ne, &of))
			break;
		if (of_word(s, &of) && (me = lp_number_at(s, len, lt_skip_blank(s, len, of.e), &m)) != 0) {
			/* "9 iš 12 tarybos narių" */
			end = member_noun_after(s, len, me);
		} else if ((end = member_noun_after(s, len, ne)) != 0) {
			/* "9 tarybos nariai iš 11", "9 tarybos nariai (iš 12)" */
			tok of2;
			int paren;
			if (!lp_next_tok(s, len, end, &of2))
				continue;
			paren = lp_tok_punct(s, &of2, '(');
			if (paren && !lp_next_tok(s, len, of2.e, &of2))
				continue;
			if (!of_word(s, &of2) ||
			    !(me = lp_number_at(s, len, lt_skip_blank(s, len, of2.e), &m)))
				continue;
			end = me;
			if (paren && lp_next_tok(s, len, me, &of2) && lp_tok_punct(s, &of2, ')'))
				end = of2.e;
		}
		if (!end || n < 1 || m < 2 || m > 200 || n > m)
			continue;
		if (cue < 0)
			cue = has_cue(s, len);
		/* "(6 iš 8 narių)" after a list of who took part needs no verb */
		if (!cue && !(t.s > 0 && s[t.s - 1] == '('))
			continue;
		q->present = n;
		q->total = m;
		q->start = t.s;
		q->end = end;
		return 1;
	}
	return 0;
}
