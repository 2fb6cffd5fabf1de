/* SPDX-License-Identifier: MIT */
/*
 * lt_number.c -- counts written in digits or in Lithuanian number words (any
 * case and gender, compounds up to the thousands).  The words it reads
 * come from lt_word.c; dates live in lt_date.c, phrases built on numbers
 * in lt_count.c and the phrase readers.
 */
#include <string.h>

#include "lt.h"
#include "utf8.h"
#include "lexicon.h"

/* ---- number words --------------------------------------------------------- */

enum nkind { NK_NONE, NK_UNIT, NK_TEEN, NK_TENS, NK_TENS_NOUN, NK_HUNDRED, NK_HUNDREDS, NK_THOUSAND,
             NK_THOUSANDS };

static const char *const one_end[] = { LEX_NUMBER_ONE_END(LEX_WRITTEN) NULL };
static const char *const unit_end[] = { LEX_NUMBER_UNIT_END(LEX_WRITTEN) NULL };
static const char *const collective_end[] = { LEX_NUMBER_COLLECTIVE_END(LEX_WRITTEN) NULL };
static const char *const teen_end[] = { LEX_NUMBER_TEEN_END(LEX_WRITTEN) NULL };
static const char *const ten_end[] = { LEX_NUMBER_TEN_END(LEX_WRITTEN) NULL };
static const char *const hundred_sg[] = { "as", "o", "ui", "ą", "u", "e", NULL };
/* "dešimtys", "dešimtis" (accusative), "dešimčių", "dešimtims": the noun
 * "ten" in the plural, counted by a unit ("dvi dešimtys") */
static const char *const tens_noun[] = { "ys", "ims", "imis", "yse", NULL };
static const char *const tens_noun_soft[] = { "ių", NULL };
static const char *const hundred_pl[] = { "ai", "ų", "ams", "us", "ais", "uose", NULL };
static const char *const thousand_hard[] = { "is", "į", "yje", NULL };
static const char *const thousand_soft_sg[] = { "io", "iui", "iu", NULL };
static const char *const thousand_soft_pl[] = { "iai", "ių", "iams", "ius", "iais", "iuose", NULL };

static const char *const one_stem[] = { LEX_NUMBER_ONE_STEM(LEX_WRITTEN) NULL };
static const char *const two_words[] = { LEX_NUMBER_TWO(LEX_WRITTEN) NULL };
static const char *const three_words[] = { LEX_NUMBER_THREE(LEX_WRITTEN) NULL };
static const char *const unit_stems[] = { LEX_NUMBER_UNIT_STEM(LEX_WRITTEN) };
static const char *const collective_stems[] = { LEX_NUMBER_COLLECTIVE_STEM(LEX_WRITTEN) };
static const char *const teen_stems[] = { LEX_NUMBER_TEEN_STEM(LEX_WRITTEN) };

static int in_list(const char *w, size_t n, const char *const *list)
{
	size_t k;

	for (k = 0; list[k]; k++)
		if (lt_word_is(w, n, list[k]))
			return 1;
	return 0;
}

static const char *const ten_stems[] = { LEX_NUMBER_TEN_STEM(LEX_WRITTEN) };

/* The letter at w, lower case and without accents; 0 if none. */
static uint32_t folded_at(const char *w, size_t n, size_t *used)
{
	uint32_t cp;

	if (n == 0 || (*used = utf8_decode(&cp, w, n)) == 0)
		return 0;
	cp = utf8_lower(cp);
	return cp >= 0x80 ? utf8_fold_cp(cp) : cp;
}

/* Whether stem may match a word whose first letter, accents dropped, is a:
 * a stem starting with an ASCII letter matches only that letter (š- stems
 * are left to lt_word_stem).  Spares most of classify's sixty calls. */
static int stem_may_start(const char *stem, uint32_t a)
{
	unsigned char c = (unsigned char)stem[0];

	return c >= 0x80 || c == a;
}

static enum nkind classify(const char *w, size_t n, int64_t *v)
{
	/* Every number word starts with one of these pairs of letters once
	 * accents are dropped, as text without them writes them (šeš-, šimt-,
	 * tūkst-): most words are refused here rather than against some sixty
	 * stems each. */
	static const char pairs[][3] = {
		"vi", "du", "dv", "tr", "tu", "ke", "pe", "se", "si", "as", "de", "pu"
	};
	size_t k, u1 = 0, u2 = 0;
	uint32_t a = folded_at(w, n, &u1), b = a ? folded_at(w + u1, n - u1, &u2) : 0;

	for (k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
		if (a == (unsigned char)pairs[k][0] && b == (unsigned char)pairs[k][1])
			break;
	if (k == sizeof pairs / sizeof pairs[0])
		return NK_NONE;
	if (a == 'v' && lt_word_stem(w, n, one_stem[0], one_end)) {
		*v = 1;
		return NK_UNIT;
	}
	if (a == 'd' && in_list(w, n, two_words)) {
		*v = 2;
		return NK_UNIT;
	}
	if (a == 't' && in_list(w, n, three_words)) {
		*v = 3;
		return NK_UNIT;
	}
	for (k = 0; k < sizeof unit_stems / sizeof unit_stems[0]; k++) {
		if (stem_may_start(unit_stems[k], a) && lt_word_stem(w, n, unit_stems[k], unit_end)) {
			*v = (int64_t)k + 4;
			return NK_UNIT;
		}
	}
	for (k = 0; k < sizeof collective_stems / sizeof collective_stems[0]; k++) {
		/* dveji/dvejų like a hard stem, ketveri/ketverių like keturi */
		if (stem_may_start(collective_stems[k], a) &&
		    lt_word_stem(w, n, collective_stems[k], k < 2 ? collective_end : unit_end)) {
			*v = (int64_t)k + 2;
			return NK_UNIT;
		}
	}
	for (k = 0; k < sizeof teen_stems / sizeof teen_stems[0]; k++) {
		if (stem_may_start(teen_stems[k], a) && lt_word_stem(w, n, teen_stems[k], teen_end)) {
			*v = (int64_t)k + 11;
			return NK_TEEN;
		}
	}
	for (k = 0; k < sizeof ten_stems / sizeof ten_stems[0]; k++) {
		if (stem_may_start(ten_stems[k], a) && lt_word_stem(w, n, ten_stems[k], ten_end)) {
			*v = ((int64_t)k + 1) * 10;
			return k == 0 ? NK_TEEN : NK_TENS;
		}
	}
	/* "pusšimtis" (half a hundred) counts as fifty; "dvi dešimtys" as
	 * two tens */
	if (a == 'p' && (lt_word_stem(w, n, "pusšimt", thousand_hard) ||
	                 lt_word_stem(w, n, "pusšimč", thousand_soft_sg))) {
		*v = 50;
		return NK_TENS;
	}
	if (a == 'd' && (lt_word_stem(w, n, "dešimt", tens_noun) ||
	                 lt_word_stem(w, n, "dešimč", tens_noun_soft))) {
		*v = 10;
		return NK_TENS_NOUN;
	}
	if (lt_word_stem(w, n, "šimt", hundred_sg))
		return NK_HUNDRED;
	if (lt_word_stem(w, n, "šimt", hundred_pl))
		return NK_HUNDREDS;
	if (lt_word_stem(w, n, "tūkstant", thousand_hard) ||
	    lt_word_stem(w, n, "tūkstanč", thousand_soft_sg))
		return NK_THOUSAND;
	if (lt_word_stem(w, n, "tūkstanč", thousand_soft_pl))
		return NK_THOUSANDS;
	return NK_NONE;
}

/* The next word after `end` (across blanks), classified; *we its end. */
static enum nkind next_word(const char *s, size_t len, size_t end, size_t *ws, size_t *we, int64_t *v)
{
	size_t p = lt_skip_blank(s, len, end);

	if (p == end || !lt_is_word_at(s, len, p))
		return NK_NONE;
	*ws = p;
	*we = lt_word_end(s, len, p);
	return classify(s + p, *we - p, v);
}

/* Below a thousand: [unit šimtai | šimtas] [teen | tens [unit] | unit].
 * Returns the end of the last word used, or 0. */
static size_t below_thousand(const char *s, size_t len, size_t p, int64_t *out, enum nkind *last)
{
	size_t we = lt_word_end(s, len, p), ws2, we2;
	int64_t v = 0, u = 0, h = 0;
	enum nkind k = classify(s + p, we - p, &v), k2;

	if (k == NK_UNIT) {
		k2 = next_word(s, len, we, &ws2, &we2, &u);
		if (k2 == NK_HUNDREDS || (k2 == NK_HUNDRED && v == 1)) {
			h = v * 100;
			we = we2;
		} else if (k2 == NK_TENS_NOUN && v >= 2) {
			*out = v * 10;
			*last = NK_TENS;
			return we2;
		} else {
			*out = v;
			*last = NK_UNIT;
			return we;
		}
	} else if (k == NK_HUNDRED) {
		h = 100;
	} else if (k == NK_TEEN) {
		*out = v;
		*last = k;
		return we;
	} else if (k == NK_TENS) {
		k2 = next_word(s, len, we, &ws2, &we2, &u);
		if (k2 == NK_UNIT) {
			v += u;
			we = we2;
		}
		*out = v;
		*last = k;
		return we;
	} else {
		return 0;
	}
	/* after the hundreds */
	*last = NK_HUNDRED;
	k2 = next_word(s, len, we, &ws2, &we2, &v);
	if (k2 == NK_TEEN || k2 == NK_UNIT) {
		h += v;
		we = we2;
		*last = k2;
	} else if (k2 == NK_TENS) {
		we = we2;
		h += v;
		*last = k2;
		if (next_word(s, len, we, &ws2, &we2, &u) == NK_UNIT) {
			h += u;
			we = we2;
			*last = NK_UNIT;
		}
	}
	*out = h;
	return we;
}

static size_t parse_words(int64_t *out, const char *text, size_t len)
{
	size_t we, ws2, we2, e;
	int64_t v = 0, rest = 0, dummy;
	enum nkind last = NK_NONE, k;

	/* Every number word starts with one of the letters of classify's
	 * pairs (or a non-ASCII letter, š-): most words are refused here. */
	switch ((unsigned char)text[0] | 0x20) {
	case 'v': case 'd': case 't': case 'k': case 'p': case 's': case 'a':
		break;
	default:
		if ((unsigned char)text[0] < 0x80)
			return 0;
	}
	we = lt_word_end(text, len, 0);
	if (we == 0)
		return 0;
	k = classify(text, we, &dummy);
	/* below_thousand starts with this same word and needs one of these */
	if (k != NK_THOUSAND && k != NK_UNIT && k != NK_HUNDRED && k != NK_TEEN && k != NK_TENS)
		return 0;
	if (k == NK_THOUSAND) {
		v = 1;
	} else {
		we = below_thousand(text, len, 0, &v, &last);
		if (!we)
			return 0;
		k = next_word(text, len, we, &ws2, &we2, &dummy);
		if (k == NK_THOUSANDS || (k == NK_THOUSAND && v == 1)) {
			we = we2;
		} else {
			*out = v;
			return we;
		}
	}
	/* thousands, then an optional rest below a thousand */
	v *= 1000;
	e = lt_skip_blank(text, len, we);
	if (e > we && lt_is_word_at(text, len, e)) {
		size_t r = below_thousand(text, len, e, &rest, &last);
		if (r) {
			v += rest;
			we = r;
		}
	}
	*out = v;
	return we;
}

/* ---- digits --------------------------------------------------------------- */

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* A digit run ends a count only when nothing glues it to a larger token:
 * "16val", "2-ajame" (ordinal), "1.5", "3/4", "10:00", "2023-2025". */
static int digits_end_ok(const char *s, size_t len, size_t i)
{
	unsigned char c;

	if (i >= len)
		return 1;
	c = (unsigned char)s[i];
	if (lt_is_word_at(s, len, i))
		return 0;
	if ((c == '-' || c == '.' || c == '/' || c == ',' || c == ':') && lt_is_word_at(s, len, i + 1))
		return 0;
	return 1;
}

size_t lt_number_parse(int64_t *out, const char *text, size_t len)
{
	size_t i = 0, ndig;
	int64_t v = 0;

	if (!text || len == 0)
		return 0;
	if (!is_digit((unsigned char)text[0]))
		return parse_words(out, text, len);
	while (i < len && is_digit((unsigned char)text[i]) && i < 18) {
		v = v * 10 + (text[i] - '0');
		i++;
	}
	if (!digits_end_ok(text, len, i))
		return 0;
	ndig = i;
	/* "58 410": a space separates thousands only in exact groups of three
	 * after a lead of at most three digits.  The space may be a no-break
	 * or thin space, which the view spells as two or three spaces. */
	if (ndig <= 3) {
		for (;;) {
			size_t sp = 0, d;
			while (sp < 3 && i + sp < len && text[i + sp] == ' ')
				sp++;
			d = i + sp;
			if (!(ndig <= 15 && sp > 0 && d + 3 <= len && is_digit((unsigned char)text[d]) &&
			      is_digit((unsigned char)text[d + 1]) && is_digit((unsigned char)text[d + 2]) &&
			      digits_end_ok(text, len, d + 3)))
				break;
			v = v * 1000 + (int64_t)(text[d] - '0') * 100 +
			    (int64_t)(text[d + 1] - '0') * 10 + (text[d + 2] - '0');
			i = d + 3;
			ndig += 3;
		}
	}
	*out = v;
	return i;
}
