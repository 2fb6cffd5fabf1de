/* SPDX-License-Identifier: MIT */
/*
 * lt_participants.c -- how many people took part: lt_participants_find and the
 * people nouns and groups it reads.
 */
#include "lt_int.h"
#include "lexicon.h"

/* ---- people -------------------------------------------------------------------- */

enum { K_IS = 1, K_AS = 2, K_IUS = 4, K_E = 8, K_A = 16 };

static const char *const end_is[] = {
	"is", "ys", "io", "iui", "į", "iu", "iai", "ių", "iams", "ius", "iais", "iuose", NULL
};

static const char *const end_as[] = {
	"as", "o", "ui", "ą", "u", "ai", "ų", "ams", "us", "ais", "uose", NULL
};

static const char *const end_ius[] = {
	"ius", "iaus", "iui", "ių", "iumi", "iai", "iams", "iais", "iuose", NULL
};

static const char *const end_e[] = { "ė", "ės", "ei", "ę", "e", "ėms", "es", "ėmis", "ėse", NULL };

static const char *const end_a[] = { "a", "os", "ai", "ą", "oms", "as", "omis", "ose", NULL };

struct people_stem {
	const char *stem;
	unsigned classes;
	int participant; /* the noun itself says they took part */
};

static const struct people_stem people[] = {
#define PEOPLE_ROW(w, f, classes, participant) { w, classes, participant },
	LEX_PEOPLE_NOUN(PEOPLE_ROW)
#undef PEOPLE_ROW
};

static const char *const people_words[] = {
	"asmuo", "asmens", "asmeniui", "asmenį", "asmeniu", "asmenyje", "asmenys", "asmenų",
	"asmenims", "asmenis", "asmenimis", "asmenyse", "žmonės", "žmonių", "žmonėms", "žmones",
	"žmonėmis", "žmonėse", "žmogus", "žmogaus", "žmogui", "žmogų", "žmogumi", "moteris",
	"moterys", "moterų", "moterims", "moterimis", "suaugusieji", "suaugusiųjų", "suaugusių",
	"suaugusiems", "suaugusiuosius", NULL
};

static const char *const participant_words[] = {
	"susirinkusieji", "susirinkusiųjų", "susirinkusių", "susirinkusiems",
	"susirinkusiuosius", NULL
};
static lp_wordset people_set = LP_WORDSET(people_words);
static lp_wordset participant_set = LP_WORDSET(participant_words);

/* 1 for a people noun, 2 for one that by itself means participants. */
int lp_people_noun(const char *s, const tok *t)
{
	static const char *const *const ends[] = { end_is, end_as, end_ius, end_e, end_a };
	const char *w = s + t->s;
	size_t n = t->e - t->s, k, c;

	if (!t->word)
		return 0;
	if (lp_tok_in_set(s, t, &participant_set))
		return 2;
	if (lp_tok_in_set(s, t, &people_set))
		return 1;
	for (k = 0; k < sizeof people / sizeof people[0]; k++) {
		for (c = 0; c < 5; c++) {
			if ((people[k].classes & (1u << c)) && lt_word_stem(w, n, people[k].stem, ends[c]))
				return people[k].participant ? 2 : 1;
		}
	}
	return 0;
}

/* Words that end a noun phrase: prepositions, pronouns, conjunctions that
 * start a clause, finite verbs, units. */
const char *const lp_np_stop[] = { LEX_NOUN_PHRASE_END(LEX_WRITTEN) NULL };

/* Sentence words that say people took part (so "27 atstovai" counts). */
/* Where the first participation word starts; (size_t)-1 if none. */
static size_t participation_cue_at(const char *s, size_t len)
{
	static const char *const cues[] = { LEX_PARTICIPATION_CUE(LEX_WRITTEN) NULL };
	static lp_wordset cue_set = LP_WORDSET(cues);
	size_t i = 0;
	tok t;

	while (lp_next_tok(s, len, i, &t)) {
		if (lp_tok_starts_set(s, &t, &cue_set))
			return t.s;
		i = t.e;
	}
	return (size_t)-1;
}

/* A noun phrase of up to four modifiers and a people noun starting after p.
 * Quotes are see-through; an abbreviation's period ("r. sav.") too.
 * Returns the head noun's kind (people_noun) and fills *np, *head. */
static int people_np(const char *s, size_t len, size_t p, tok *head, size_t *np)
{
	int words = 0, kind;
	tok t, last = { 0, 0, 0 };
	int64_t v;

	*np = 0;
	while (words <= 6) {
		/* "120 bendruomenių, seniūnijų ir nevyriausybinių organizacijų
		 * atstovų": genitive plurals listed before the people noun */
		int gen_pl = last.word && last.e - last.s > 2 && memcmp(s + last.e - 2, "\xc5\xb3", 2) == 0;
		if (!lp_next_tok(s, len, p, &t))
			return 0;
		if (gen_pl && (lp_tok_punct(s, &t, ',') || lp_tok_is(s, &t, "ir") || lp_tok_is(s, &t, "bei"))) {
			p = t.e;
			continue;
		}
		if (words > 4 && !lp_people_noun(s, &t))
			return 0;
		if (!t.word) {
			if (lp_is_quote_tok(s, len, &t) ||
			    (lp_tok_punct(s, &t, '.') && last.word && last.e == t.s && last.e - last.s <= 4 &&
			     !lp_has_digit(s, &last))) {
				p = t.e;
				continue;
			}
			/* "27 keturių tarybų – Marijampolės, Kalvarijos ir Šakių
			 * savivaldybių – atstovai": an aside between dashes after
			 * the modifiers is see-through */
			if (lp_tok_punct(s, &t, '-') && words > 0) {
				size_t q;
				for (q = t.e; q < len && q < t.e + 160 && s[q] != '.' && s[q] != ';' &&
				              !(s[q] == '-' && s[q - 1] == ' ');
				     q++)
					;
				if (q < len && s[q] == '-' && q < t.e + 160) {
					p = q + 1;
					continue;
				}
			}
			return 0;
		}
		/* "27 keturių tarybų atstovai": a number word right after the
		 * count counts what the people come from, not them */
		if (lp_number_at(s, len, t.s, &v) && (words > 0 || lp_has_digit(s, &t)))
			return 0;
		if ((kind = lp_people_noun(s, &t)) != 0) {
			*head = t;
			if (!*np)
				*np = t.s;
			return kind;
		}
		if (lp_tok_in(s, &t, lp_np_stop))
			return 0;
		if (!*np)
			*np = t.s;
		words++;
		last = t;
		p = t.e;
	}
	return 0;
}

/* "60-70": a range of counts in digits; returns its end and the bounds. */
static size_t count_range(const char *s, size_t len, size_t i, int64_t *lo, int64_t *hi)
{
	size_t e, p;
	tok t;

	if (!lt_at_word_start(s, i) || i >= len || s[i] < '0' || s[i] > '9')
		return 0;
	for (e = i, *lo = 0; e < len && e - i < 7 && s[e] >= '0' && s[e] <= '9'; e++)
		*lo = *lo * 10 + (s[e] - '0');
	/* "30-40", "nuo 30 iki 40" */
	if (!lp_next_tok(s, len, e, &t) || !(lp_is_dash_tok(s, len, &t) || lp_tok_is(s, &t, "iki")))
		return 0;
	p = t.e;
	while (p < len && s[p] == ' ')
		p++;
	if (p >= len || s[p] < '0' || s[p] > '9' || !(e = lt_number_parse(hi, s + p, len - p)) ||
	    *hi <= *lo)
		return 0;
	return p + e;
}

/* The number at i closes a range or a list of figures ("60-|70", "8 |389"):
 * it is no count of its own. */
int lp_after_number(const char *s, size_t len, size_t lo, size_t i)
{
	tok t, u;

	if (!lp_prev_tok(s, len, lo, i, &t))
		return 0;
	if (t.word)
		return lp_has_digit(s, &t);
	return lp_is_dash_tok(s, len, &t) && lp_prev_tok(s, len, lo, t.s, &u) && u.word && lp_has_digit(s, &u);
}

/* A counted group at the number starting at i: "daugiau nei 50 NVO ir BO
 * atstovų", "31 asmuo", "50+ dalyvių", "15 iš 22 narių", "60-70 žmonių". */
static int group_at(const char *s, size_t len, size_t lo, size_t i, lt_group *g, int *kind)
{
	size_t e, p, np, qs;
	int64_t v, v2;
	int q, range = 0;
	tok t, t2, head;

	if ((e = count_range(s, len, i, &v, &v2)) != 0)
		range = 1; /* sixty to seventy: at least sixty */
	else if (!(e = lp_number_at(s, len, i, &v)))
		return 0;
	if (lp_is_year(s, len, i, e, v) || lp_unit_follows(s, len, e) || lp_id_before(s, len, lo, i))
		return 0;
	/* "15 iš 22 narių": 22 is who could have come; "8 389 63 412": a
	 * number after a number is part of a phone or a list of figures;
	 * "lapkričio 25 dieną": a day */
	if ((s[i] >= '0' && s[i] <= '9' && lp_after_number(s, len, lo, i)) || /* "2024-04-26 trys" */
	    (lp_prev_tok(s, len, lo, i, &t) &&
	     (lp_tok_is(s, &t, "iš") || (t.word && lt_month_from_word(s + t.s, t.e - t.s)))))
		return 0;
	q = lp_qualifier_before(s, len, lo, i, &qs);
	if (q == QUAL_SKIP)
		return 0;
	if (q == QUAL_NONE)
		q = range ? COUNCIL_QUAL_AT_LEAST
		          : lt_word_starts(s + i, len - i, "pusšim") ? COUNCIL_QUAL_ABOUT /* "pusšimtis" */
		                                                    : COUNCIL_QUAL_EXACT;
	p = e;
	if (p < len && s[p] == '+') {
		q = COUNCIL_QUAL_MORE_THAN;
		p++;
	}
	if (lp_next_tok(s, len, p, &t) && lp_tok_is(s, &t, "ir") && lp_next_tok(s, len, t.e, &t2) &&
	    lp_tok_is(s, &t2, "daugiau")) {
		q = COUNCIL_QUAL_AT_LEAST;
		p = t2.e;
	} else if (lp_next_tok(s, len, p, &t) && lp_tok_is(s, &t, "iš") && lp_next_tok(s, len, t.e, &t2) &&
	           (e = lp_number_at(s, len, t2.s, &v2)) != 0 && v2 >= v) {
		p = e; /* "15 iš 22 narių": fifteen of them took part */
	}
	if (!(*kind = people_np(s, len, p, &head, &np)))
		return 0;
	g->count = v;
	g->qualifier = (council_qualifier)q;
	g->start = qs;
	g->noun_start = np;
	g->noun_end = head.e;
	g->end = head.e;
	if (lp_next_tok(s, len, head.e, &t) && lp_tok_is(s, &t, "su") && lp_next_tok(s, len, t.e, &t2) &&
	    (lp_tok_is(s, &t2, "viršum") || lp_tok_is(s, &t2, "trupučiu"))) {
		g->qualifier = COUNCIL_QUAL_MORE_THAN;
		g->end = t2.e;
	}
	return 1;
}

/* An uncounted group after a list separator: "aktyvūs visuomenės
 * veikėjai", "kiti svečiai". */
static int uncounted_np(const char *s, size_t len, size_t p, size_t *end)
{
	tok head;
	size_t np;

	if (!people_np(s, len, p, &head, &np))
		return 0;
	*end = head.e;
	return 1;
}

/* The total's qualifier: the most that can truly be said of the sum. */
static council_qualifier total_qualifier(const lt_participants *p)
{
	int k, more = 0, least = p->others_uncounted;

	for (k = 0; k < p->n_groups; k++) {
		switch (p->groups[k].qualifier) {
		case COUNCIL_QUAL_ABOUT:
			return COUNCIL_QUAL_ABOUT;
		case COUNCIL_QUAL_MORE_THAN:
			more = 1;
			break;
		case COUNCIL_QUAL_AT_LEAST:
			least = 1;
			break;
		case COUNCIL_QUAL_EXACT:
			break;
		}
	}
	if (more)
		return COUNCIL_QUAL_MORE_THAN;
	return least ? COUNCIL_QUAL_AT_LEAST : COUNCIL_QUAL_EXACT;
}

/* After a group: ", 3 NVO tarybos nariai", "ir 5 svečiai" (returns 1 and
 * fills *g) or ", aktyvūs visuomenės veikėjai" (returns 2 and sets
 * *uncounted_end); 0 when the list ends. */
static int next_group(const char *s, size_t len, size_t cur, lt_group *g, size_t *uncounted_end)
{
	tok t, t2;
	size_t q, k;
	int w, kind;
	int64_t v;

	*uncounted_end = 0;
	if (!lp_next_tok(s, len, cur, &t))
		return 0;
	/* "9 tarybos nariai (iš 12) ir 22 ... atstovai": a short
	 * parenthesis on the group is no end of the list */
	if (lp_tok_punct(s, &t, '(')) {
		for (k = t.e; k < len && k < t.e + 24 && s[k] != ')' && s[k] != '(' && s[k] != '\n'; k++)
			;
		if (k >= len || s[k] != ')' || !lp_next_tok(s, len, k + 1, &t))
			return 0;
	}
	if (lp_tok_punct(s, &t, ',')) {
		q = t.e;
		if (lp_next_tok(s, len, q, &t2) && (lp_tok_is(s, &t2, "ir") || lp_tok_is(s, &t2, "bei")))
			q = t2.e;
		/* ", taip pat keli Savivaldybės darbuotojai": others, not
		 * counted */
		if (lp_next_tok(s, len, q, &t2) && lp_tok_is(s, &t2, "taip") && lp_next_tok(s, len, t2.e, &t2) &&
		    lp_tok_is(s, &t2, "pat")) {
			size_t after = t2.e;
			if (lp_next_tok(s, len, after, &t2) &&
			    (lp_tok_is(s, &t2, "keli") || lp_tok_is(s, &t2, "kelios") || lp_tok_is(s, &t2, "keletas") ||
			     lp_tok_is(s, &t2, "nemažai") || lp_tok_is(s, &t2, "daug")))
				after = t2.e;
			return uncounted_np(s, len, after, uncounted_end) ? 2 : 0;
		}
	} else if (lp_tok_is(s, &t, "ir") || lp_tok_is(s, &t, "bei") || lp_tok_punct(s, &t, '+')) {
		q = t.e;   /* "9 Tarybos nariai + 8 bendruomenių atstovai" in forms */
	} else {
		return 0;
	}
	k = q;
	for (w = 0; w < 4 && lp_next_tok(s, len, k, &t2) && t2.word; w++) {
		if (lp_number_at(s, len, t2.s, &v))
			return group_at(s, len, q, t2.s, g, &kind);
		if (!lp_qualifier_word(s, &t2))
			break;
		k = t2.e;
	}
	return uncounted_np(s, len, q, uncounted_end) ? 2 : 0;
}

/* The value after an indicator's "skaičius" at p: "– 45", ": 6", "per
 * metus – 4", "2024 m.: apie 60".  Returns the number's end and sets *v and
 * *ns (its start), or 0. */
size_t lp_indicator_value(const char *s, size_t len, size_t p, int64_t *v, size_t *ns)
{
	static const char *const fillers[] = { "per", "metus", "metais", "m", "buvo", NULL };
	size_t e;
	int k;
	tok n;

	for (k = 0; k < 6 && lp_next_tok(s, len, p, &n); k++) {
		if (!n.word) {
			if (!(lp_is_dash_tok(s, len, &n) || lp_tok_punct(s, &n, ':') || lp_tok_punct(s, &n, '.')))
				return 0;
		} else if ((e = lp_number_at(s, len, n.s, v)) != 0) {
			if (!lp_is_year(s, len, n.s, e, *v)) {
				*ns = n.s;
				return lp_unit_follows(s, len, e) ? 0 : e;
			}
			n.e = e;
		} else if (!lp_qualifier_word(s, &n) && !lp_tok_in(s, &n, fillers)) {
			return 0;
		}
		p = n.e;
	}
	return 0;
}

/* "dalyvių skaičius – 45", "Dalyvių skaičius 2024 m.: apie 60": the
 * indicator of a plan with its value. */
static int indicator_at(const char *s, size_t len, size_t i, lt_group *g)
{
	size_t e, qs, ns;
	int64_t v;
	int q;
	tok t, n;

	if (!lp_next_tok(s, len, i, &t) || !(lp_tok_is(s, &t, "dalyvių") || lp_tok_is(s, &t, "dalyvavusiųjų")) ||
	    !lp_next_tok(s, len, t.e, &n) || !lp_tok_is(s, &n, "skaičius") ||
	    !(e = lp_indicator_value(s, len, n.e, &v, &ns)))
		return 0;
	q = lp_qualifier_before(s, len, t.e, ns, &qs);
	memset(g, 0, sizeof *g);
	g->count = v;
	g->qualifier = q >= 0 ? (council_qualifier)q : COUNCIL_QUAL_EXACT;
	g->start = t.s;
	g->end = e;
	g->noun_start = t.s;
	g->noun_end = t.e;
	return 1;
}

/* A further noun phrase joined by "ir"/"bei" is under the same count when
 * both heads are genitive plurals, the case the number itself demands
 * ("18 Tarybos narių ir bendruomenių atstovų"); after a comma, or in
 * another case ("3 nariai, aktyvūs visuomenės veikėjai"), it is a group of
 * its own that nobody counted. */
static int coordinated(const char *s, size_t len, const lt_group *g, size_t cur, size_t ue)
{
	tok t, h;

	/* "120 bendruomenių narių, seniūnų ir Savivaldybės atstovų" too */
	if (!lp_next_tok(s, len, cur, &t) ||
	    !(lp_tok_is(s, &t, "ir") || lp_tok_is(s, &t, "bei") || lp_tok_punct(s, &t, ',')) ||
	    !lp_prev_tok(s, len, 0, ue, &h) || !h.word)
		return 0;
	return ue - h.s > 2 && g->noun_end - g->noun_start > 2 &&
	       memcmp(s + ue - 2, "\xc5\xb3", 2) == 0 && memcmp(s + g->noun_end - 2, "\xc5\xb3", 2) == 0;
}

/* "+" right after a counted group, before another count. */
static int plus_follows(const char *s, size_t len, size_t at)
{
	tok t, n;
	int64_t v;

	return lp_next_tok(s, len, at, &t) && lp_tok_punct(s, &t, '+') && lp_next_tok(s, len, t.e, &n) &&
	       lp_number_at(s, len, n.s, &v) != 0;
}

/* Where "iš viso" (in all) opens the sentence's total: "Tarybos pirmininkas
 * ir du nariai dalyvavo konferencijoje, kurioje iš viso dalyvavo apie 200
 * atstovų".  0 when the sentence has none. */
static size_t in_all_at(const char *s, size_t len)
{
	size_t i = 0;
	tok t, n;

	while (lp_next_tok(s, len, i, &t)) {
		if (lp_tok_is(s, &t, "iš") && lp_next_tok(s, len, t.e, &n) && lp_tok_is(s, &n, "viso"))
			return n.e;
		i = t.e;
	}
	return 0;
}

static int group_at(const char *s, size_t len, size_t lo, size_t i, lt_group *g, int *kind);

/* Is there a counted group among the few words after the cue at `at`? */
static int has_group_after(const char *s, size_t len, size_t at)
{
	size_t i = at;
	lt_group g;
	int kind, k;
	tok t;

	for (k = 0; k < 6 && lp_next_tok(s, len, i, &t); k++) {
		if (t.word && group_at(s, len, 0, t.s, &g, &kind) && kind != 2)
			return 1;
		i = t.e;
	}
	return 0;
}

static int participants_from(lt_participants *p, const char *s, size_t len, size_t from,
                             int cue);

int lt_participants_find(lt_participants *p, const char *s, size_t len)
{
	size_t all;

	if (!p || !s)
		return 0;
	/* The total a sentence gives "in all" wins over the groups before it. */
	if ((all = in_all_at(s, len)) != 0 && participants_from(p, s, len, all, -1))
		return 1;
	return participants_from(p, s, len, 0, -1);
}

int lt_participants_find_counted(lt_participants *p, const char *s, size_t len)
{
	if (!p || !s)
		return 0;
	return participants_from(p, s, len, 0, 1);
}

/* p holds the one group g, from where it starts to where it ends. */
static void participants_one(lt_participants *p, const lt_group *g)
{
	p->groups[0] = *g;
	p->n_groups = 1;
	p->start = g->start;
	p->end = g->end;
}

/* Nonzero when a number that is no year starts at i. */
static int count_not_year(const char *s, size_t len, size_t i)
{
	int64_t v;
	size_t e = lp_number_at(s, len, i, &v);

	return e && !lp_is_year(s, len, i, e, v);
}

/* "9 Šakių ir 7 Marijampolės tarybų nariai": at i a count whose noun is
 * the next count's, left out.  Fills p with both groups; 0 when i starts
 * no such pair. */
static int shared_noun_pair(lt_participants *p, const char *s, size_t len, size_t i)
{
	int64_t v1;
	size_t ne = lp_number_at(s, len, i, &v1), q = ne;
	tok w;
	int k2, kind;
	lt_group g2;

	if (!ne || lp_is_year(s, len, i, ne, v1))
		return 0;
	for (k2 = 0; k2 < 2 && lp_next_tok(s, len, q, &w) && w.word && !lp_tok_is(s, &w, "ir"); k2++)
		q = w.e;
	if (!(k2 > 0 && lp_next_tok(s, len, q, &w) && lp_tok_is(s, &w, "ir") &&
	      lp_next_tok(s, len, w.e, &w) && w.word && group_at(s, len, 0, w.s, &g2, &kind) &&
	      kind != 2 && g2.start == w.s))
		return 0;
	memset(p, 0, sizeof *p);
	p->groups[0] = g2;
	p->groups[0].count = v1;
	p->groups[0].start = i;
	p->groups[1] = g2;
	p->n_groups = 2;
	p->start = i;
	p->end = g2.end;
	p->total = v1 + g2.count;
	p->qualifier = total_qualifier(p);
	return 1;
}

/* The groups after the first: counted ones joined to it, a noun
 * coordinated with the last one's ("18 Tarybos narių ir bendruomenių
 * atstovų": one count), others uncounted. */
static void further_groups(lt_participants *p, const char *s, size_t len)
{
	lt_group g;
	size_t ue;
	int r;

	while ((r = next_group(s, len, p->end, &g, &ue)) != 0) {
		if (r == 1) {
			if (p->n_groups == LT_MAX_GROUPS)
				break;
			p->groups[p->n_groups++] = g;
			p->end = g.end;
		} else if (coordinated(s, len, &p->groups[p->n_groups - 1], p->end, ue)) {
			p->groups[p->n_groups - 1].noun_end = ue;
			p->groups[p->n_groups - 1].end = ue;
			p->end = ue;
		} else {
			p->others_uncounted = 1;
			p->end = ue;
		}
	}
}

/* "Gyvai dalyvavo 35 asmenys, nuotoliniu būdu prisijungė dar 48": "dar"
 * (more) adds a group told by a clause of its own, up to the sentence's
 * or the clause list's end. */
static void more_groups(lt_participants *p, const char *s, size_t len)
{
	size_t q = p->end, e2;
	tok d, n;
	int64_t more;

	while (p->n_groups < LT_MAX_GROUPS && lp_next_tok(s, len, q, &d)) {
		if (lp_tok_is(s, &d, "dar") && lp_next_tok(s, len, d.e, &n) &&
		    (e2 = lp_number_at(s, len, n.s, &more)) != 0 && !lp_is_year(s, len, n.s, e2, more) &&
		    !lp_unit_follows(s, len, e2)) {
			lt_group *ng = &p->groups[p->n_groups++];
			memset(ng, 0, sizeof *ng);
			ng->count = more;
			ng->qualifier = COUNCIL_QUAL_EXACT;
			ng->start = d.s;
			ng->end = e2;
			ng->noun_start = ng->noun_end = e2;
			p->end = e2;
			q = e2;
			continue;
		}
		if (lp_tok_punct(s, &d, '.') || lp_tok_punct(s, &d, ';'))
			break;
		q = d.e;
	}
}

/* cue: -1 to look for a participation word when a group needs one, 1 when
 * the text is known to count participants (a table's column). */
static int participants_from(lt_participants *p, const char *s, size_t len, size_t from,
                             int cue)
{
	size_t i, e;
	int kind, r;
	int64_t v;
	lt_group g;
	/* where the sentence's participation word is, looked for once: asked
	 * per number, the look made a long sentence of numbers quadratic */
	size_t cue_at = 0;
	int cue_known = 0;
#define CUE_AT() (cue_known ? cue_at : (cue_known = 1, cue_at = participation_cue_at(s, len)))

	memset(p, 0, sizeof *p);
	for (i = from; i < len; i++) {
		if (!lt_is_word_at(s, len, i) || !lt_at_word_start(s, i))
			continue;
		e = lt_word_end(s, len, i);
		if (indicator_at(s, len, i, &g)) {
			participants_one(p, &g);
			p->total = g.count;
			p->qualifier = g.qualifier;
			return 1;
		}
		/* a word that starts no number (a count's range starts with a
		 * digit) starts no group, nor a count alone: one look, not the
		 * two of group_at and count_not_year */
		if ((s[i] < '0' || s[i] > '9') && !lp_number_at(s, len, i, &v)) {
			i = e - 1;
			continue;
		}
		if (!group_at(s, len, 0, i, &g, &kind)) {
			/* a count alone may share the next count's noun, when the
			 * sentence says who took part */
			if (count_not_year(s, len, i) && CUE_AT() != (size_t)-1 &&
			    shared_noun_pair(p, s, len, i))
				return 1;
			i = e - 1;
			continue;
		}
		if (kind != 2) {
			size_t at;
			if (cue < 0)
				cue = CUE_AT() != (size_t)-1;
			/* "pagerbta 12 savanorių, renginyje dalyvavo per 150
			 * žmonių": a count in a clause before the one that says
			 * who took part is of someone else */
			if (cue > 0 && (at = CUE_AT()) != (size_t)-1 && g.end < at &&
			    memchr(s + g.end, ',', at - g.end) && has_group_after(s, len, at)) {
				i = e - 1;
				continue;
			}
			/* Groups added up with "+" are a tally of who came. */
			if (!cue && !plus_follows(s, len, g.end)) {
				i = e - 1;
				continue;
			}
		}
		participants_one(p, &g);
		further_groups(p, s, len);
		more_groups(p, s, len);
		for (r = 0; r < p->n_groups; r++)
			p->total += p->groups[r].count;
		p->qualifier = total_qualifier(p);
		return 1;
	}
	return 0;
#undef CUE_AT
}
