/* SPDX-License-Identifier: MIT */
/*
 * lt_act.c -- legal act references with their dates: lt_act_find.
 */
#include "lt_int.h"

/* ---- legal acts --------------------------------------------------------------- */

static int act_word(const char *s, const tok *t)
{
	static const char *const end_as2[] = {
		"as", "o", "ui", "ą", "u", "e", "ai", "ų", "ams", "us", "ais", "uose", NULL
	};
	static const char *const end_is2[] = {
		"is", "io", "iui", "į", "iu", "yje", "iai", "ių", "iams", "ius", "iais", NULL
	};
	const char *w = s + t->s;
	size_t n = t->e - t->s;

	return t->word && (lt_word_stem(w, n, "sprendim", end_as2) || lt_word_stem(w, n, "įsakym", end_as2) ||
	                   lt_word_stem(w, n, "nutarim", end_as2) || lt_word_stem(w, n, "įstatym", end_as2) ||
	                   lt_word_stem(w, n, "dekret", end_as2) || lt_word_stem(w, n, "potvark", end_is2));
}

/* The act number after "Nr.": letters, digits and - / ( ) . inside. */
static size_t act_number(const char *s, size_t len, size_t p)
{
	size_t e = p;
	int depth = 0, digit = 0;

	while (e < len) {
		char c = s[e];
		if (c >= '0' && c <= '9')
			digit = 1;
		if (lt_is_word_at(s, len, e)) {
			e = lt_word_end(s, len, e);
			continue;
		}
		if (c == '(')
			depth++;
		else if (c == ')') {
			if (!depth)
				break;
			depth--;
		} else if (c != '-' && c != '/' && c != '.') {
			break;
		}
		e++;
	}
	while (e > p && (s[e - 1] == '.' || s[e - 1] == '-' || s[e - 1] == '/' || s[e - 1] == '('))
		e--;
	while (depth > 0 && e > p) { /* an unclosed "(" belongs to the text */
		if (s[--e] == '(')
			depth--;
	}
	/* What is left must still hold a digit: "Nr.(TS-268" with the "("
	 * unclosed leaves nothing (found by fuzz_import). */
	{
		size_t k;
		for (digit = 0, k = p; k < e; k++)
			if (s[k] >= '0' && s[k] <= '9')
				digit = 1;
	}
	return digit ? e : 0;
}

/* Between a date and its act word only the issuer stands ("Savivaldybės
 * tarybos", "Klaipėdos r. savivaldybės administracijos direktoriaus"), or
 * a comma right after the date. */
static int issuer_gap(const char *s, size_t len, size_t a, size_t b)
{
	tok t, last = { 0, 0, 0 };
	int words = 0;

	while (lp_next_tok(s, len, a, &t) && t.s < b) {
		if (t.word) {
			if (lp_has_digit(s, &t) || ++words > 8)
				return 0;
		} else if (!(lp_tok_punct(s, &t, '.') && last.word && last.e == t.s && last.e - last.s <= 4) &&
		           /* a table's "2023-07-27, sprendimas Nr. K-154": a
		            * comma right after the date */
		           !(lp_tok_punct(s, &t, ',') && !words && !last.e)) {
			return 0;
		}
		last = t;
		a = t.e;
	}
	return 1;
}

/* The last single date in s[a, b) (from a word start at or after a). */
static int act_date(const char *s, size_t a, size_t b, lt_date_match *d)
{
	lt_date_match m;
	int found = 0;

	while (a < b && !lt_at_word_start(s, a))
		a++;
	while (lt_date_find(&m, s, b, a, 0)) {
		if (!(m.flags & (LT_DATE_RANGE | LT_DATE_LIST | LT_DATE_COARSE | LT_DATE_YEAR_SPAN))) {
			*d = m;
			found = 1;
		}
		a = m.end;
	}
	return found;
}

/* "patvirtintas 2024 m. spalio 16 d. ... tarybos posėdyje (sprendimas Nr.
 * 1-512)": an act in parentheses takes the date of the clause before it,
 * a sitting's ("posėdyje") or the act's issuer's. */
static int paren_act_date(const char *s, size_t act_start, lt_date_match *d)
{
	size_t p = act_start, a;

	while (p > 0 && s[p - 1] == ' ')
		p--;
	if (p == 0 || s[p - 1] != '(')
		return 0;
	p--;
	for (a = p; a > 0 && p - a < 160 && s[a - 1] != '.' && s[a - 1] != ';' && s[a - 1] != '\n'; a--)
		;
	/* "2024 m. spalio 16 d." ends with a period inside the clause: step
	 * back over "d." and "m." */
	while (a >= 2 && p - a < 160 && s[a - 1] == '.' && (s[a - 2] == 'd' || s[a - 2] == 'm') &&
	       a >= 3 && s[a - 3] == ' ') {
		for (a -= 1; a > 0 && p - a < 160 && s[a - 1] != '.' && s[a - 1] != ';' && s[a - 1] != '\n'; a--)
			;
	}
	return act_date(s, a, p, d);
}

/* The act word before "Nr." at i: up to six words back, past a date and a
 * quoted title ("sprendimu 2019-02-26 Nr.", "įsakymu „Dėl ...“ Nr.").
 * Returns 1 and the word's token. */
static int act_word_before(const char *s, size_t len, size_t i, tok *act)
{
	tok t, u;
	size_t q = i;
	int words = 0, closed;

	while (lp_prev_tok(s, len, 0, q, &t)) {
		if (act_word(s, &t)) {
			*act = t;
			return 1;
		}
		if (lp_is_quote_tok(s, len, &t)) {
			closed = 0;
			q = t.s;
			while (lp_prev_tok(s, len, 0, q, &u)) {
				q = u.s;
				if (lp_is_quote_tok(s, len, &u)) {
					closed = 1;
					break;
				}
			}
			if (!closed)
				return 0;
			continue;
		}
		/* "įstatymas (1994 m. liepos 7 d. Nr. I-533)": the date and
		 * number in parentheses after the act word */
		if (lp_tok_punct(s, &t, '(') && lp_prev_tok(s, len, 0, t.s, &u) && act_word(s, &u)) {
			*act = u;
			return 1;
		}
		if (!t.word && !lp_tok_punct(s, &t, '.') && !lp_tok_punct(s, &t, '-') && !lp_tok_punct(s, &t, '/'))
			return 0;
		if (t.word && ++words > 6)
			return 0;
		q = t.s;
	}
	return 0;
}

/* A further item of a list after "Nr." at i ("Nr. T-557, T-558", "Nr.
 * T-557 ir Nr. T-558"): returns where the list's first "Nr" stands, or
 * len. */
static size_t list_nr(const char *s, size_t len, size_t i, int depth)
{
	tok t, u;
	size_t q, st;

	if (depth > 8 || !lp_prev_tok(s, len, 0, i, &t) ||
	    !(lp_tok_punct(s, &t, ',') || lp_tok_is(s, &t, "ir") || lp_tok_is(s, &t, "bei")))
		return len;
	q = t.s;
	while (q > 0 && lp_is_space((unsigned char)s[q - 1]))
		q--;
	st = q;
	while (st > 0 && !lp_is_space((unsigned char)s[st - 1]))
		st--;
	if (st == q || act_number(s, len, st) != q)
		return len;
	if (lp_prev_tok(s, len, 0, st, &u)) {
		if (lp_tok_punct(s, &u, '.') && lp_prev_tok(s, len, 0, u.s, &u) && lp_tok_is(s, &u, "nr")) {
			q = list_nr(s, len, u.s, depth + 1);
			return q < len ? q : u.s;
		}
		if (lp_tok_is(s, &u, "nr")) {
			q = list_nr(s, len, u.s, depth + 1);
			return q < len ? q : u.s;
		}
	}
	return list_nr(s, len, st, depth + 1);
}

/* Outside a "Nr." only numbers shaped like act numbers continue a list:
 * "T-558", "DI-468", not "2020" or "3", nor a date ("Nr. TS-77,
 * 2024-03-27"). */
static int act_shaped(const char *s, size_t len, size_t p, size_t q)
{
	uint32_t cp;
	lt_date_match d;

	/* the shape first: most capitalised words have no dash, and only
	 * those that have one are read as a date */
	utf8_decode(&cp, s + p, len - p);
	if (!(q > p && memchr(s + p, '-', q - p) && (utf8_lower(cp) != cp || (cp >= '0' && cp <= '9'))))
		return 0;
	return !(lt_date_find(&d, s, q, p, 0) && d.start == p && d.end >= q);
}

/* The first character of act_shaped's number: a capital or a digit. */
static int act_initial(const char *s, size_t len, size_t p)
{
	uint32_t cp;

	utf8_decode(&cp, s + p, len - p);
	return utf8_lower(cp) != cp || (cp >= '0' && cp <= '9');
}

int lt_act_find(lt_act_match *a, const char *s, size_t len, size_t from)
{
	size_t i, p = 0, e, q, nr = 0;
	tok act;
	lt_date_match d;

	if (!a || !s)
		return 0;
	for (i = lt_next_word_start(s, len, from); i < len; i = lt_next_word_start(s, len, i + 1)) {
		e = lt_word_end(s, len, i);
		if (lt_word_is(s + i, e - i, "nr")) {
			/* "Nr. T-557 ir Nr. T-558": the list's first "Nr" finds the act */
			nr = list_nr(s, len, i, 0);
			if (nr == len)
				nr = i;
			p = e;
			if (p < len && s[p] == '.')
				p++;
			while (p < len && (s[p] == ' ' || s[p] == '\t'))
				p++;
			q = act_number(s, len, p);
		} else if (!act_initial(s, len, i)) {
			/* act_shaped refuses a lower-case start: spare the
			 * look-backs of list_nr for most words */
			q = 0;
		} else {
			p = i;
			q = act_number(s, len, p);
			if (!act_shaped(s, len, p, q) || (nr = list_nr(s, len, i, 0)) == len)
				q = 0;
		}
		if (!q || q - p >= sizeof a->number || !act_word_before(s, len, nr, &act)) {
			i = e - 1;
			continue;
		}
		memset(a, 0, sizeof *a);
		memcpy(a->number, s + p, q - p);
		a->start = act.s;
		a->end = q;
		a->date_start = a->date_end = act.s;
		/* the date: between the act word and "Nr.", or right before the
		 * act word and its issuer ("2019 m. vasario 26 d. Savivaldybės
		 * tarybos sprendimu") */
		if (act_date(s, act.e, nr, &d) ||
		    (act_date(s, act.s > 256 ? act.s - 256 : 0, act.s, &d) && issuer_gap(s, len, d.end, act.s)) ||
		    paren_act_date(s, act.s, &d)) {
			a->date = d.period.start;
			a->date_start = d.start;
			a->date_end = d.end;
			if (d.start < a->start)
				a->start = d.start;
		}
		return 1;
	}
	memset(a, 0, sizeof *a);
	return 0;
}
