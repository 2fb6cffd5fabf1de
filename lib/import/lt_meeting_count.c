/* SPDX-License-Identifier: MIT */
/*
 * lt_meeting_count.c -- how many council meetings took place, and how many of them
 * remotely: lt_meeting_count_find.
 */
#include "lt_int.h"
#include "lexicon.h"

/* ---- meeting counts ------------------------------------------------------------ */

/* 1: a counted singular (posėdis, posėdį), 2: a counted plural (posėdžiai,
 * posėdžius, posėdžių), 3: another case ("posėdyje", "posėdžiuose" -- at
 * meetings, often someone else's), 0: no meeting noun. */
static int meeting_noun(const char *s, const tok *t)
{
	static const char *const sg[] = { "is", "į", NULL };
	static const char *const pl[] = { "iai", "ius", "ių", NULL };
	static const char *const other[] = { "yje", "io", "iui", "iu", "iuose", "iams", "iais", NULL };
	static const char *const a_sg[] = { "as", "ą", NULL };
	static const char *const a_pl[] = { "ai", "us", "ų", NULL };
	static const char *const a_other[] = { "o", "ui", "u", "e", "uose", "ams", "ais", NULL };
	const char *w = s + t->s;
	size_t n = t->e - t->s;

	if (!t->word)
		return 0;
	if (lt_word_stem(w, n, "posėd", sg) || lt_word_stem(w, n, "susirinkim", a_sg))
		return 1;
	if (lt_word_stem(w, n, "posėdž", pl) || lt_word_stem(w, n, "susirinkim", a_pl))
		return 2;
	if (lt_word_stem(w, n, "posėd", other) || lt_word_stem(w, n, "posėdž", other) ||
	    lt_word_stem(w, n, "susirinkim", a_other))
		return 3;
	return 0;
}

/* Abbreviations whose period ends no sentence ("2024 m. Taryba ..."). */
static const char *const abbreviations[] = { LEX_ABBREVIATION(LEX_WRITTEN) NULL };

int lp_is_clause_end(const char *s, size_t len, size_t i)
{
	char c = s[i];
	size_t j;
	tok w;
	uint32_t cp;

	if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '!' || c == '?')
		return 1;
	if (c != '.')
		return 0;
	/* a sentence end: a period after a word that is no abbreviation or
	 * initial, before a capital, a digit, a line break or the end */
	j = i + 1;
	while (j < len && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j < len && s[j] != '\n') {
		utf8_decode(&cp, s + j, len - j);
		if (utf8_lower(cp) == cp && !(cp >= '0' && cp <= '9'))
			return 0;
	}
	if (lp_prev_tok(s, len, 0, i, &w) && w.word && w.e == i) {
		if (lp_tok_in(s, &w, abbreviations))
			return 0;
		utf8_decode(&cp, s + w.s, len - w.s);
		if (w.e - w.s <= 2 && utf8_lower(cp) != cp && utf8_length(s + w.s, w.e - w.s) == 1)
			return 0; /* an initial "J." */
	}
	return 1;
}

static size_t clause_start(const char *s, size_t len, size_t i)
{
	while (i > 0 && !lp_is_clause_end(s, len, i - 1))
		i--;
	return i;
}

static size_t clause_end(const char *s, size_t len, size_t i)
{
	while (i < len && !lp_is_clause_end(s, len, i))
		i++;
	return i;
}

/* Any word in s[a, b) starting with one of prefixes; its start or len. */
static size_t find_cue(const char *s, size_t len, size_t a, size_t b, const char *const *prefixes)
{
	tok t;

	while (a < b && lp_next_tok(s, len, a, &t) && t.s < b) {
		if (lp_tok_starts_any(s, &t, prefixes))
			return t.s;
		a = t.e;
	}
	return len;
}

static const char *const held_cues[] = { LEX_MEETING_HELD(LEX_WRITTEN) NULL };

static const char *const not_held_cues[] = { LEX_MEETING_NOT_HELD(LEX_WRITTEN) NULL };

static const char *const remote_cues[] = { LEX_REMOTE(LEX_WRITTEN) LEX_REMOTE_MEANS(LEX_WRITTEN) NULL };

static const char *const inperson_cues[] = { LEX_IN_PERSON(LEX_WRITTEN) LEX_HYBRID(LEX_WRITTEN) NULL };

/* 1 remote, 0 in person or mixed, -1 nothing said in s[a, b). */
static int remote_in(const char *s, size_t len, size_t a, size_t b)
{
	size_t r = find_cue(s, len, a, b, remote_cues);
	size_t p = find_cue(s, len, a, b, inperson_cues);

	if (r == len && p == len)
		return -1;
	return r != len && p == len;
}

/* Words that name another body's meetings. */
static int other_body(const char *s, size_t len, size_t a, size_t b)
{
	static const char *const bodies[] = {
		"komisij", "komitet", "grup", "valdyb", "seniūnaič", "sueig", "seim", "vyriausyb", NULL
	};
	tok t, t2;

	while (lp_next_tok(s, len, a, &t) && t.s < b) {
		if (lp_tok_starts_any(s, &t, bodies))
			return 1;
		if (lt_word_starts(s + t.s, t.e - t.s, "savivaldyb") && lp_next_tok(s, len, t.e, &t2) &&
		    t2.s < b && lt_word_starts(s + t2.s, t2.e - t2.s, "taryb"))
			return 1; /* the municipal council, not ours */
		a = t.e;
	}
	return 0;
}

static const char *const times_words[] = { "kartus", "kartų", "kartą", "kartai", NULL };

/* "1 kartą": a count of times, which a remote part may be given in. */
static int times_follow(const char *s, size_t len, size_t e)
{
	tok t;

	return lp_next_tok(s, len, e, &t) && lp_tok_in(s, &t, times_words);
}

/* The remote part stated after a total: "iš kurių 2 ... nuotoliniu būdu",
 * "2 iš jų vyko nuotoliniu būdu", "abu nuotoliniu būdu". */
static int64_t remote_subset(const char *s, size_t len, size_t from, int64_t total, size_t *end)
{
	static const char *const all[] = { "abu", "abi", "visi", "visos", NULL };
	size_t i = from, e, before;
	int64_t v;
	int r;
	tok t;

	before = from;
	while (lp_next_tok(s, len, i, &t)) {
		size_t ce = clause_end(s, len, t.e);

		/* "du iš jų (balandžio ir gruodžio) vyko nuotoliniu būdu": the
		 * clause goes on past a parenthesis */
		while (ce < len && s[ce] == '(') {
			const char *close = memchr(s + ce, ')', len - ce);
			if (!close)
				break;
			ce = clause_end(s, len, (size_t)(close - s) + 1);
		}

		if (lp_tok_in(s, &t, all) && remote_in(s, len, t.e, ce) == 1) {
			*end = ce;
			return total;
		}
		if (t.word && (e = lp_number_at(s, len, t.s, &v)) != 0) {
			if (!lp_is_year(s, len, t.s, e, v) && (!lp_unit_follows(s, len, e) || times_follow(s, len, e)) &&
			    v <= total) {
				size_t ae = ce, k = e;
				tok n;
				int64_t v2;
				/* the part after the number ends at the next number, or
				 * where a parenthesis closes or a list opens: "(vienas -
				 * nuotolinis): sausio 27 d., ..." leaves the dates alone */
				int depth = 0;
				while (lp_next_tok(s, len, k, &n) && n.s < ae) {
					/* a parenthesis opened after the number is its own:
					 * "du iš jų (balandžio ir gruodžio) vyko nuotoliu" */
					if (!n.word && memchr(s + n.s, '(', n.e - n.s))
						depth++;
					if (lp_number_at(s, len, n.s, &v2) ||
					    (!n.word && ((memchr(s + n.s, ')', n.e - n.s) && depth-- == 0) ||
					                 memchr(s + n.s, ':', n.e - n.s)))) {
						ae = n.s;
						break;
					}
					k = n.e;
				}
				r = remote_in(s, len, e, ae);
				if (r < 0)
					r = remote_in(s, len, before, t.s);
				if (r == 1) {
					*end = ae;
					return v;
				}
			}
			before = e;
			i = e;
			continue;
		}
		if (!t.word && lp_is_clause_end(s, len, t.s))
			before = t.e;
		i = t.e;
	}
	return -1;
}

static void meeting_result(lt_meeting_count *m, const char *s, size_t len, size_t start,
                           size_t end, int64_t v, int remote_only)
{
	size_t re;
	int64_t r;

	m->start = start;
	m->end = end;
	if (remote_only) {
		m->total = -1;
		m->remote = v;
		return;
	}
	m->total = v;
	m->remote = -1;
	r = remote_subset(s, len, end, v, &re);
	if (r >= 0) {
		m->remote = r;
		while (re > end && lp_is_space((unsigned char)s[re - 1]))
			re--;
		m->end = re;
	}
}

/* "įvyko 3 posėdžiai": a number, up to four modifiers, a meeting noun. */
static int meeting_number(lt_meeting_count *m, const char *s, size_t len, size_t i)
{
	size_t e, p, cs, ce;
	int64_t v, v2;
	int words = 0, kind, r;
	tok t, a, b;

	if (!(e = lp_number_at(s, len, i, &v)))
		return 0;
	if (lp_is_year(s, len, i, e, v) || lp_unit_follows(s, len, e) || lp_id_before(s, len, 0, i))
		return 0;
	if (lp_after_number(s, len, 0, i) ||
	    (lp_prev_tok(s, len, 0, i, &a) &&
	     (lp_tok_is(s, &a, "po") || lp_tok_is(s, &a, "iš") ||
	      (a.word && lt_month_from_word(s + a.s, a.e - a.s)))))
		return 0; /* "po 2 posėdžius" (each), "3 iš 5 posėdžių", "8 389" */
	p = e;
	for (;;) {
		if (!lp_next_tok(s, len, p, &t) || words > 4)
			return 0;
		if (!t.word) {
			if (lp_is_quote_tok(s, len, &t)) {
				p = t.e;
				continue;
			}
			return 0;
		}
		if ((kind = meeting_noun(s, &t)) != 0)
			break;
		if (lp_number_at(s, len, t.s, &v2) || lp_tok_in(s, &t, lp_np_stop) || lp_people_noun(s, &t))
			return 0;
		words++;
		p = t.e;
	}
	if (kind == 3 || other_body(s, len, e, t.s))
		return 0;
	if (kind == 1 && !(v % 10 == 1 && v % 100 != 11))
		return 0;
	if (kind == 2 && v == 1)
		return 0;
	cs = clause_start(s, len, i);
	ce = clause_end(s, len, t.e);
	if (find_cue(s, len, cs, ce, not_held_cues) != len || find_cue(s, len, cs, ce, held_cues) == len)
		return 0;
	/* "iš jų 2 posėdžiai ...": a part, not the total */
	if (lp_prev_tok(s, len, 0, i, &a) && (lp_tok_is(s, &a, "jų") || lp_tok_is(s, &a, "kurių")) &&
	    lp_prev_tok(s, len, 0, a.s, &b) && (lp_tok_is(s, &b, "iš") || lp_tok_is(s, &b, "tarp"))) {
		if (remote_in(s, len, cs, ce) != 1)
			return 0;
		meeting_result(m, s, len, b.s, t.e, v, 1);
		return 1;
	}
	r = remote_in(s, len, cs, ce);
	meeting_result(m, s, len, i, t.e, v, r == 1);
	return 1;
}

/* Any meeting noun in s[a, b). */
static int meeting_noun_in(const char *s, size_t len, size_t a, size_t b)
{
	tok t;

	while (lp_next_tok(s, len, a, &t) && t.s < b) {
		if (meeting_noun(s, &t))
			return 1;
		a = t.e;
	}
	return 0;
}

/* "Taryba posėdžiavo 5 kartus", "Tarybos posėdžiai vyko 4 kartus". */
static int meeting_times(lt_meeting_count *m, const char *s, size_t len, size_t i)
{
	static const char *const times_verbs[] = { "posėdžiav", "rinkosi", "susirinko", NULL };
	size_t e, cs, ce, vp, held;
	int64_t v;
	tok a, b;

	if (!(e = lp_number_at(s, len, i, &v)) || !lp_next_tok(s, len, e, &a) || !lp_tok_in(s, &a, times_words))
		return 0;
	if (lp_after_number(s, len, 0, i) || (lp_prev_tok(s, len, 0, i, &b) && lp_tok_is(s, &b, "po")))
		return 0; /* "po 2 kartus per mėnesį": a habit, not a total */
	cs = clause_start(s, len, i);
	ce = clause_end(s, len, a.e);
	if (find_cue(s, len, cs, ce, not_held_cues) != len)
		return 0;
	vp = find_cue(s, len, cs, ce, times_verbs);
	held = find_cue(s, len, cs, ce, held_cues);
	if (vp == len && !(held != len && meeting_noun_in(s, len, cs, ce)))
		return 0;
	meeting_result(m, s, len, vp < i ? vp : i, a.e, v, 0);
	/* "keturis kartus gyvai ir tris kartus nuotoliniu būdu": two kinds of
	 * sitting, counted apart; the total is both, remote the second */
	{
		size_t p = a.e, e2;
		int k;
		int64_t v2;
		tok n, u;
		for (k = 0; k < 3 && lp_next_tok(s, len, p, &n) && n.word && !lp_tok_is(s, &n, "ir"); k++)
			p = n.e;
		if (lp_next_tok(s, len, p, &n) && lp_tok_is(s, &n, "ir") && lp_next_tok(s, len, n.e, &u) &&
		    (e2 = lp_number_at(s, len, u.s, &v2)) != 0 && lp_next_tok(s, len, e2, &u) &&
		    lp_tok_in(s, &u, times_words)) {
			size_t r = u.e;
			tok x;
			m->total = v + v2;
			m->end = u.e;
			for (k = 0; k < 3 && lp_next_tok(s, len, r, &x) && x.word; k++, r = x.e)
				if (lt_word_starts(s + x.s, x.e - x.s, "nuotolin")) {
					m->remote = v2;
					m->end = x.e;
					break;
				}
		}
	}
	return 1;
}

/* "Posėdžių skaičius – 5", "posėdžių skaičius per metus – 4", "Posėdžių
 * per metus įvyko 6". */
static int meeting_other(lt_meeting_count *m, const char *s, size_t len, size_t i)
{
	size_t e, p, cs, ce;
	int64_t v;
	int w;
	tok t, n, a;

	if (!lp_next_tok(s, len, i, &t) || !t.word)
		return 0;
	if (!(lt_word_is(s + t.s, t.e - t.s, "posėdžių") ||
	      lt_word_is(s + t.s, t.e - t.s, "susirinkimų")))
		return 0;
	if (lp_prev_tok(s, len, 0, t.s, &a) && lt_word_starts(s + a.s, a.e - a.s, "dalyv"))
		return 0; /* meetings someone attended */
	cs = clause_start(s, len, i);
	ce = clause_end(s, len, t.e);
	if (find_cue(s, len, cs, ce, not_held_cues) != len)
		return 0;
	p = t.e;
	if (lp_next_tok(s, len, p, &n) && lp_tok_is(s, &n, "skaičius")) {
		size_t ns;
		if (!(e = lp_indicator_value(s, len, n.e, &v, &ns)))
			return 0;
		meeting_result(m, s, len, t.s, e, v, 0);
		return 1;
	}
	/* "Posėdžių įvyko 6": noun, a held verb, the number closing the clause */
	if (find_cue(s, len, t.e, ce, held_cues) == len)
		return 0;
	for (w = 0; w < 4 && lp_next_tok(s, len, p, &n) && n.s < ce; w++) {
		if ((e = lp_number_at(s, len, n.s, &v)) != 0) {
			if (lp_next_tok(s, len, e, &a) && a.s < ce && a.word)
				return 0;
			meeting_result(m, s, len, t.s, e, v, 0);
			return 1;
		}
		p = n.e;
	}
	return 0;
}

/* Every statement the finders above accept has a meeting noun (posėd-,
 * susirinkim-) or a times word (kart-), each starting with an ASCII letter:
 * most sentences have neither and are refused by this one pass over their
 * bytes rather than word by word. */
static int may_count_meetings(const char *s, size_t len)
{
	size_t i, used;

	for (i = 0; i + 1 < len; i++) {
		/* the second letters (o, u, a) are ASCII, which no other letter
		 * lowers to: a byte pair that differs is refused without a call */
		unsigned char second = (unsigned char)s[i + 1] | 0x20;
		if (second != 'o' && second != 'u' && second != 'a')
			continue;
		switch ((unsigned char)s[i] | 0x20) {
		case 'p':
			if (lt_match_prefix(&used, s + i, len - i, "posėd", 0))
				return 1;
			break;
		case 's':
			if (lt_match_prefix(&used, s + i, len - i, "susirinkim", 0))
				return 1;
			break;
		case 'k':
			if (lt_match_prefix(&used, s + i, len - i, "kart", 0))
				return 1;
			break;
		default:
			break;
		}
	}
	return 0;
}

int lt_meeting_count_find(lt_meeting_count *m, const char *s, size_t len)
{
	size_t i;

	if (!m || !s)
		return 0;
	memset(m, 0, sizeof *m);
	if (!may_count_meetings(s, len))
		i = len;
	else
		i = lt_next_word_start(s, len, 0);
	for (; i < len; i = lt_next_word_start(s, len, i + 1)) {
		int64_t v;
		/* meeting_number and meeting_times start with a number at i:
		 * without one only meeting_other can match */
		if (lp_number_at(s, len, i, &v) &&
		    (meeting_number(m, s, len, i) || meeting_times(m, s, len, i)))
			return 1;
		if (meeting_other(m, s, len, i))
			return 1;
	}
	memset(m, 0, sizeof *m);
	m->total = -1;
	m->remote = -1;
	return 0;
}
