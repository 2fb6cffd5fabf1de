/*
 * lt_phrase.c -- phrases built on numbers and names: how many people took
 * part in something, how many council meetings took place (and how many of
 * them remotely), who was made chair, deputy, secretary or member (names put
 * back in the nominative), and legal act references with their dates.
 * Numbers come from lt_number.c, dates from lt_date.c.
 */
#include <string.h>

#include "lt.h"
#include "utf8.h"

/* ---- tokens ------------------------------------------------------------------ */

typedef struct tok {
	size_t s, e;
	int word; /* 0: one punctuation character */
} tok;

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Bytes of white space at i: ASCII blanks, and NBSP in case the text did
 * not pass through the normaliser. */
static size_t space_at(const char *s, size_t len, size_t i)
{
	if (i < len && is_space((unsigned char)s[i]))
		return 1;
	if (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
		return 2;
	return 0;
}

static size_t space_before(const char *s, size_t i)
{
	if (i >= 1 && is_space((unsigned char)s[i - 1]))
		return 1;
	if (i >= 2 && (unsigned char)s[i - 2] == 0xC2 && (unsigned char)s[i - 1] == 0xA0)
		return 2;
	return 0;
}

static int next_tok(const char *s, size_t len, size_t i, tok *t)
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

static int prev_tok(const char *s, size_t len, size_t lo, size_t i, tok *t)
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

static int tok_is(const char *s, const tok *t, const char *form)
{
	return t->word && lt_word_is(s + t->s, t->e - t->s, form);
}

static int tok_in(const char *s, const tok *t, const char *const *list)
{
	size_t k;

	for (k = 0; t->word && list[k]; k++)
		if (lt_word_is(s + t->s, t->e - t->s, list[k]))
			return 1;
	return 0;
}

static int tok_starts_any(const char *s, const tok *t, const char *const *list)
{
	size_t k;

	for (k = 0; t->word && list[k]; k++)
		if (lt_word_starts(s + t->s, t->e - t->s, list[k]))
			return 1;
	return 0;
}

static uint32_t tok_cp(const char *s, size_t len, const tok *t)
{
	uint32_t cp;

	utf8_decode(&cp, s + t->s, len - t->s);
	return cp;
}

static int tok_punct(const char *s, const tok *t, char c)
{
	return !t->word && t->e - t->s == 1 && s[t->s] == c;
}

static int is_quote_tok(const char *s, size_t len, const tok *t)
{
	uint32_t cp;

	if (t->word)
		return 0;
	cp = tok_cp(s, len, t);
	return cp == '"' || cp == '\'' || cp == 0x201E || cp == 0x201C || cp == 0x201D ||
	       cp == 0xAB || cp == 0xBB || cp == 0x2018 || cp == 0x2019;
}

static int is_dash_tok(const char *s, size_t len, const tok *t)
{
	uint32_t cp;

	if (t->word)
		return 0;
	cp = tok_cp(s, len, t);
	return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2212;
}

static int has_digit(const char *s, const tok *t)
{
	size_t i;

	for (i = t->s; i < t->e; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

/* ---- numbers in running text ------------------------------------------------- */

/* A count starting at i: digits or number words that are not glued to a
 * larger token ("T-55", "LT-55159", "2.1.4").  Returns its end or 0. */
static size_t number_at(const char *s, size_t len, size_t i, int64_t *v)
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
static int is_year(const char *s, size_t len, size_t i, size_t e, int64_t v)
{
	tok t;

	if (e - i != 4 || v < 1900 || v > 2099)
		return 0;
	if (e < len && s[e] == '-' && lt_is_word_at(s, len, e + 1))
		return 1;
	if (!next_tok(s, len, e, &t) || !t.word)
		return 0;
	if (tok_is(s, &t, "m") && t.e < len && s[t.e] == '.')
		return 1;
	return lt_word_starts(s + t.s, t.e - t.s, "met");
}

/* Money, percentages, measures and days after a number: never a count of
 * people or meetings. */
static int unit_follows(const char *s, size_t len, size_t e)
{
	static const char *const units[] = {
		"eur", "eurų", "euro", "eurai", "eurais", "lt", "litų", "proc", "procentų", "val",
		"valandų", "valandas", "min", "h", "tūkst", "mln", "mlrd", "km", "m", "cm", "mm",
		"kg", "t", "ha", "vnt", "kv", "d", "mėn", "dienų", "dienas", "dienos", "metų",
		"metus", "metai", "savaičių", "savaites", "kartus", "kartų", "kartą", "dieną",
		"diena", NULL
	};
	tok t;
	uint32_t cp;

	if (!next_tok(s, len, e, &t))
		return 0;
	if (!t.word) {
		cp = tok_cp(s, len, &t);
		return cp == '%' || cp == 0x20AC || cp == '$';
	}
	return tok_in(s, &t, units);
}

/* Words that say what a number before them identifies ("Nr. 5", "tel. 8
 * 389", "g. 12", "+370"): never counts. */
static int id_before(const char *s, size_t len, size_t lo, size_t i)
{
	static const char *const abbrs[] = {
		"nr", "tel", "mob", "faks", "g", "p", "psl", "str", "kab", "pav", "eil", "sk", "no",
		"pt", NULL
	};
	static const char *const words[] = {
		"nr", "tel", "telefonas", "telefono", "numeris", "numerį", "numeriu", "kodas",
		"kodą", "gatvė", "gatvės", "straipsnio", "straipsnis", "punkto", "punktas",
		"punktu", "dalies", "priedas", "priedo", "lentelė", "lentelėje", "kabinetas",
		"kabinete", "namas", "namo", "butas", NULL
	};
	tok t, w;
	uint32_t cp;

	if (!prev_tok(s, len, lo, i, &t))
		return 0;
	if (!t.word) {
		cp = tok_cp(s, len, &t);
		if (cp == '+' || cp == 0x20AC || cp == '#' || cp == 0x2116 || cp == '$')
			return 1;
		if (cp == '.' && prev_tok(s, len, lo, t.s, &w) && w.e == t.s && tok_in(s, &w, abbrs))
			return 1;
		return 0;
	}
	return tok_in(s, &t, words);
}

/* ---- qualifiers ------------------------------------------------------------------ */

enum { QUAL_NONE = -1, QUAL_SKIP = -2 };

/* The qualifier written before a number at i; *qs becomes the start of its
 * first word.  QUAL_SKIP for "po 1 atstovą" (one each: no total). */
static int qualifier_before(const char *s, size_t len, size_t lo, size_t i, size_t *qs)
{
	static const char *const about[] = {
		"apie", "maždaug", "beveik", "iki", "apytiksliai", "apytikriai", "kone", "netoli",
		"arti", "bemaž", NULL
	};
	static const char *const over[] = { "per", "virš", NULL };
	static const char *const least[] = { "mažiausiai", "bent", NULL };
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
	if (!prev_tok(s, len, lo, i, &a) || !a.word)
		return QUAL_NONE;
	if (tok_is(s, &a, "po"))
		return QUAL_SKIP;
	if (tok_in(s, &a, about)) {
		*qs = a.s;
		return COUNCIL_QUAL_ABOUT;
	}
	if (tok_in(s, &a, over)) {
		*qs = a.s;
		return COUNCIL_QUAL_MORE_THAN;
	}
	if (tok_in(s, &a, least)) {
		*qs = a.s;
		return COUNCIL_QUAL_AT_LEAST;
	}
	if (tok_is(s, &a, "nei") || tok_is(s, &a, "kaip") || tok_is(s, &a, "negu")) {
		if (!prev_tok(s, len, lo, a.s, &b) || !b.word)
			return QUAL_NONE;
		int neg = prev_tok(s, len, lo, b.s, &c) && tok_is(s, &c, "ne");
		if (tok_is(s, &b, "daugiau")) {
			*qs = neg ? c.s : b.s;
			/* "ne daugiau kaip 30": at most, the nearest we have is about */
			return neg ? COUNCIL_QUAL_ABOUT : COUNCIL_QUAL_MORE_THAN;
		}
		if (tok_is(s, &b, "mažiau")) {
			*qs = neg ? c.s : b.s;
			return neg ? COUNCIL_QUAL_AT_LEAST : COUNCIL_QUAL_ABOUT;
		}
	}
	return QUAL_NONE;
}

static int qualifier_word(const char *s, const tok *t)
{
	static const char *const words[] = {
		"apie", "maždaug", "beveik", "iki", "apytiksliai", "apytikriai", "kone", "netoli",
		"arti", "bemaž", "per", "virš", "mažiausiai", "bent", "nei", "kaip", "negu",
		"daugiau", "mažiau", "ne", "dar", "net", "nuo", NULL
	};
	return tok_in(s, t, words);
}

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
	{ "dalyv", K_IS | K_E, 1 },        { "nar", K_IS | K_E, 0 },
	{ "atstov", K_AS | K_E, 0 },       { "specialist", K_AS | K_E, 0 },
	{ "gyventoj", K_AS | K_A, 0 },     { "vadov", K_AS | K_E, 0 },
	{ "moksleiv", K_IS | K_E, 0 },     { "mokin", K_IS | K_E, 0 },
	{ "student", K_AS | K_E, 0 },      { "jaunuol", K_IS | K_E, 0 },
	{ "senjor", K_AS | K_E, 0 },       { "pensinink", K_AS | K_E, 0 },
	{ "savanor", K_IS | K_E, 0 },      { "vaik", K_AS, 0 },
	{ "sveči", K_AS, 1 },              { "viešni", K_A, 1 },
	{ "lankytoj", K_AS | K_A, 1 },     { "žiūrov", K_AS | K_E, 1 },
	{ "klausytoj", K_AS | K_A, 1 },    { "ekspert", K_AS | K_E, 0 },
	{ "lektor", K_IUS | K_E, 0 },      { "pranešėj", K_AS | K_A, 0 },
	{ "organizator", K_IUS | K_E, 0 }, { "darbuotoj", K_AS | K_A, 0 },
	{ "tarnautoj", K_AS | K_A, 0 },    { "mokytoj", K_AS | K_A, 0 },
	{ "veikėj", K_AS | K_A, 0 },       { "kūrėj", K_AS | K_A, 0 },
	{ "bendruomeninink", K_AS | K_E, 0 }, { "ūkinink", K_AS | K_E, 0 },
	{ "verslinink", K_AS | K_E, 0 },   { "meninink", K_AS | K_E, 0 },
	{ "delegat", K_AS | K_E, 0 },
	{ "seniūnait", K_IS | K_E, 0 },    { "seniūnaič", K_IS, 0 },
	{ "seniūn", K_AS | K_E, 0 },       { "vyr", K_AS, 0 },
	{ "tėv", K_AS, 0 },                { "politik", K_AS | K_E, 0 },
	{ "pareigūn", K_AS | K_E, 0 },     { "koleg", K_A, 0 },
	{ "pirminink", K_AS | K_E, 0 },    { "direktor", K_IUS | K_E, 0 },
	{ "koordinator", K_IUS | K_E, 0 }, { "vedėj", K_AS | K_A, 0 },
	{ "lyder", K_IS | K_E, 0 },        { "aktyvist", K_AS | K_E, 0 },
	{ "mentor", K_IUS | K_E, 0 },      { "konsultant", K_AS | K_E, 0 },
	{ "miestieč", K_IS, 0 },           { "kaimieč", K_IS, 0 },
	{ "miestiet", K_IS, 0 },           { "kaimiet", K_IS, 0 },
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

/* 1 for a people noun, 2 for one that by itself means participants. */
static int people_noun(const char *s, const tok *t)
{
	static const char *const *const ends[] = { end_is, end_as, end_ius, end_e, end_a };
	const char *w = s + t->s;
	size_t n = t->e - t->s, k, c;

	if (!t->word)
		return 0;
	if (tok_in(s, t, participant_words))
		return 2;
	if (tok_in(s, t, people_words))
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
static const char *const np_stop[] = {
	"iš", "į", "su", "be", "per", "nuo", "iki", "dėl", "apie", "pagal", "prie", "po", "už",
	"tarp", "ant", "virš", "link", "pas", "prieš", "jų", "jos", "jie", "jis", "ji", "jo",
	"joje", "kurie", "kurių", "kuriuos", "kurios", "kuriems", "kuriose", "kuriuose", "kuris",
	"kuri", "kurį", "tai", "šie", "šių", "tie", "tų", "kad", "nes", "o", "bet", "tačiau",
	"kaip", "nei", "negu", "kai", "yra", "buvo", "bus", "vyko", "įvyko", "dalyvavo",
	"dalyvauja", "dalyvaus", "susirinko", "sulaukė", "sulaukta", "prisijungė", "eur", "eurų",
	"proc", "val", "m", "d", "mln", "tūkst", "metų", "metai", "metus", "metams", "dienų",
	"dienas", "dienos", "valandų", "kartus", "kartų", "kartą", "posėdžiai", "posėdžių",
	"posėdžius", "posėdis", "posėdį", NULL
};

/* Sentence words that say people took part (so "27 atstovai" counts). */
/* Where the first participation word starts; (size_t)-1 if none. */
static size_t participation_cue_at(const char *s, size_t len)
{
	static const char *const cues[] = {
		"dalyvav", "dalyvau", "sudalyvav", "susirink", "prisijung", "sulauk", "apsilank",
		"atvyk", "pritrauk", "subūr", "suburt", "išklaus", "lankės", "baig",
		"aplank", /* "šventę aplankė per 400 miestiečių" */
		"važiav", "keliav", /* a trip: "Važiavo 25 bendruomenių lyderiai" */
		NULL
	};
	size_t i = 0;
	tok t;

	while (next_tok(s, len, i, &t)) {
		if (tok_starts_any(s, &t, cues))
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
	while (words <= 4) {
		if (!next_tok(s, len, p, &t))
			return 0;
		if (!t.word) {
			if (is_quote_tok(s, len, &t) ||
			    (tok_punct(s, &t, '.') && last.word && last.e == t.s && last.e - last.s <= 4 &&
			     !has_digit(s, &last))) {
				p = t.e;
				continue;
			}
			return 0;
		}
		if (number_at(s, len, t.s, &v))
			return 0;
		if ((kind = people_noun(s, &t)) != 0) {
			*head = t;
			if (!*np)
				*np = t.s;
			return kind;
		}
		if (tok_in(s, &t, np_stop))
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
	if (!next_tok(s, len, e, &t) || !(is_dash_tok(s, len, &t) || tok_is(s, &t, "iki")))
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
static int after_number(const char *s, size_t len, size_t lo, size_t i)
{
	tok t, u;

	if (!prev_tok(s, len, lo, i, &t))
		return 0;
	if (t.word)
		return has_digit(s, &t);
	return is_dash_tok(s, len, &t) && prev_tok(s, len, lo, t.s, &u) && u.word && has_digit(s, &u);
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
	else if (!(e = number_at(s, len, i, &v)))
		return 0;
	if (is_year(s, len, i, e, v) || unit_follows(s, len, e) || id_before(s, len, lo, i))
		return 0;
	/* "15 iš 22 narių": 22 is who could have come; "8 389 63 412": a
	 * number after a number is part of a phone or a list of figures;
	 * "lapkričio 25 dieną": a day */
	if ((s[i] >= '0' && s[i] <= '9' && after_number(s, len, lo, i)) || /* "2024-04-26 trys" */
	    (prev_tok(s, len, lo, i, &t) &&
	     (tok_is(s, &t, "iš") || (t.word && lt_month_from_word(s + t.s, t.e - t.s)))))
		return 0;
	q = qualifier_before(s, len, lo, i, &qs);
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
	if (next_tok(s, len, p, &t) && tok_is(s, &t, "ir") && next_tok(s, len, t.e, &t2) &&
	    tok_is(s, &t2, "daugiau")) {
		q = COUNCIL_QUAL_AT_LEAST;
		p = t2.e;
	} else if (next_tok(s, len, p, &t) && tok_is(s, &t, "iš") && next_tok(s, len, t.e, &t2) &&
	           (e = number_at(s, len, t2.s, &v2)) != 0 && v2 >= v) {
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
	if (next_tok(s, len, head.e, &t) && tok_is(s, &t, "su") && next_tok(s, len, t.e, &t2) &&
	    (tok_is(s, &t2, "viršum") || tok_is(s, &t2, "trupučiu"))) {
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
	if (!next_tok(s, len, cur, &t))
		return 0;
	if (tok_punct(s, &t, ',')) {
		q = t.e;
		if (next_tok(s, len, q, &t2) && (tok_is(s, &t2, "ir") || tok_is(s, &t2, "bei")))
			q = t2.e;
		/* ", taip pat keli Savivaldybės darbuotojai": others, not
		 * counted */
		if (next_tok(s, len, q, &t2) && tok_is(s, &t2, "taip") && next_tok(s, len, t2.e, &t2) &&
		    tok_is(s, &t2, "pat")) {
			size_t after = t2.e;
			if (next_tok(s, len, after, &t2) &&
			    (tok_is(s, &t2, "keli") || tok_is(s, &t2, "kelios") || tok_is(s, &t2, "keletas") ||
			     tok_is(s, &t2, "nemažai") || tok_is(s, &t2, "daug")))
				after = t2.e;
			return uncounted_np(s, len, after, uncounted_end) ? 2 : 0;
		}
	} else if (tok_is(s, &t, "ir") || tok_is(s, &t, "bei") || tok_punct(s, &t, '+')) {
		q = t.e;   /* "9 Tarybos nariai + 8 bendruomenių atstovai" in forms */
	} else {
		return 0;
	}
	k = q;
	for (w = 0; w < 4 && next_tok(s, len, k, &t2) && t2.word; w++) {
		if (number_at(s, len, t2.s, &v))
			return group_at(s, len, q, t2.s, g, &kind);
		if (!qualifier_word(s, &t2))
			break;
		k = t2.e;
	}
	return uncounted_np(s, len, q, uncounted_end) ? 2 : 0;
}

/* The value after an indicator's "skaičius" at p: "– 45", ": 6", "per
 * metus – 4", "2024 m.: apie 60".  Returns the number's end and sets *v and
 * *ns (its start), or 0. */
static size_t indicator_value(const char *s, size_t len, size_t p, int64_t *v, size_t *ns)
{
	static const char *const fillers[] = { "per", "metus", "metais", "m", "buvo", NULL };
	size_t e;
	int k;
	tok n;

	for (k = 0; k < 6 && next_tok(s, len, p, &n); k++) {
		if (!n.word) {
			if (!(is_dash_tok(s, len, &n) || tok_punct(s, &n, ':') || tok_punct(s, &n, '.')))
				return 0;
		} else if ((e = number_at(s, len, n.s, v)) != 0) {
			if (!is_year(s, len, n.s, e, *v)) {
				*ns = n.s;
				return unit_follows(s, len, e) ? 0 : e;
			}
			n.e = e;
		} else if (!qualifier_word(s, &n) && !tok_in(s, &n, fillers)) {
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

	if (!next_tok(s, len, i, &t) || !(tok_is(s, &t, "dalyvių") || tok_is(s, &t, "dalyvavusiųjų")) ||
	    !next_tok(s, len, t.e, &n) || !tok_is(s, &n, "skaičius") ||
	    !(e = indicator_value(s, len, n.e, &v, &ns)))
		return 0;
	q = qualifier_before(s, len, t.e, ns, &qs);
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
	if (!next_tok(s, len, cur, &t) ||
	    !(tok_is(s, &t, "ir") || tok_is(s, &t, "bei") || tok_punct(s, &t, ',')) ||
	    !prev_tok(s, len, 0, ue, &h) || !h.word)
		return 0;
	return ue - h.s > 2 && g->noun_end - g->noun_start > 2 &&
	       memcmp(s + ue - 2, "\xc5\xb3", 2) == 0 && memcmp(s + g->noun_end - 2, "\xc5\xb3", 2) == 0;
}

/* "+" right after a counted group, before another count. */
static int plus_follows(const char *s, size_t len, size_t at)
{
	tok t, n;
	int64_t v;

	return next_tok(s, len, at, &t) && tok_punct(s, &t, '+') && next_tok(s, len, t.e, &n) &&
	       number_at(s, len, n.s, &v) != 0;
}

/* Where "iš viso" (in all) opens the sentence's total: "Tarybos pirmininkas
 * ir du nariai dalyvavo konferencijoje, kurioje iš viso dalyvavo apie 200
 * atstovų".  0 when the sentence has none. */
static size_t in_all_at(const char *s, size_t len)
{
	size_t i = 0;
	tok t, n;

	while (next_tok(s, len, i, &t)) {
		if (tok_is(s, &t, "iš") && next_tok(s, len, t.e, &n) && tok_is(s, &n, "viso"))
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

	for (k = 0; k < 6 && next_tok(s, len, i, &t); k++) {
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

/* cue: -1 to look for a participation word when a group needs one, 1 when
 * the text is known to count participants (a table's column). */
static int participants_from(lt_participants *p, const char *s, size_t len, size_t from,
                             int cue)
{
	size_t i, e, ue;
	int kind, r;
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
			p->groups[0] = g;
			p->n_groups = 1;
			p->start = g.start;
			p->end = g.end;
			p->total = g.count;
			p->qualifier = g.qualifier;
			return 1;
		}
		if (!group_at(s, len, 0, i, &g, &kind)) {
			/* "9 Šakių ir 7 Marijampolės tarybų nariai": the first count's
			 * noun is the second's, left out */
			int64_t v1;
			size_t ne = number_at(s, len, i, &v1), q = ne;
			tok w;
			int k2;
			lt_group g2;
			if (ne && !is_year(s, len, i, ne, v1) && CUE_AT() != (size_t)-1) {
				for (k2 = 0; k2 < 2 && next_tok(s, len, q, &w) && w.word && !tok_is(s, &w, "ir"); k2++)
					q = w.e;
				if (k2 > 0 && next_tok(s, len, q, &w) && tok_is(s, &w, "ir") &&
				    next_tok(s, len, w.e, &w) && w.word && group_at(s, len, 0, w.s, &g2, &kind) &&
				    kind != 2 && g2.start == w.s) {
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
			}
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
		p->groups[0] = g;
		p->n_groups = 1;
		p->start = g.start;
		p->end = g.end;
		while ((r = next_group(s, len, p->end, &g, &ue)) != 0) {
			if (r == 1) {
				if (p->n_groups == LT_MAX_GROUPS)
					break;
				p->groups[p->n_groups++] = g;
				p->end = g.end;
			} else if (coordinated(s, len, &p->groups[p->n_groups - 1], p->end, ue)) {
				/* "18 Tarybos narių ir bendruomenių atstovų": one count */
				p->groups[p->n_groups - 1].noun_end = ue;
				p->groups[p->n_groups - 1].end = ue;
				p->end = ue;
			} else {
				p->others_uncounted = 1;
				p->end = ue;
			}
		}
		/* "Gyvai dalyvavo 35 asmenys, nuotoliniu būdu prisijungė dar 48":
		 * "dar" (more) adds a group told by a clause of its own */
		{
			size_t q = p->end, e2;
			tok d, n;
			int64_t more;
			while (p->n_groups < LT_MAX_GROUPS && next_tok(s, len, q, &d)) {
				if (tok_is(s, &d, "dar") && next_tok(s, len, d.e, &n) &&
				    (e2 = number_at(s, len, n.s, &more)) != 0 && !is_year(s, len, n.s, e2, more) &&
				    !unit_follows(s, len, e2)) {
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
				if (tok_punct(s, &d, '.') || tok_punct(s, &d, ';'))
					break;
				q = d.e;
			}
		}
		for (r = 0; r < p->n_groups; r++)
			p->total += p->groups[r].count;
		p->qualifier = total_qualifier(p);
		return 1;
	}
	return 0;
#undef CUE_AT
}

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
static const char *const abbreviations[] = {
	"m", "d", "mėn", "nr", "tel", "sav", "r", "g", "ketv", "val", "proc", "str", "psl", "eil",
	"pvz", "kt", "vnt", "tūkst", "mln", "p", "t", "pan", "žr", "sk", "plg", "dr", "prof",
	"doc", "gim", "raj", NULL
};

static int is_clause_end(const char *s, size_t len, size_t i)
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
	if (prev_tok(s, len, 0, i, &w) && w.word && w.e == i) {
		if (tok_in(s, &w, abbreviations))
			return 0;
		utf8_decode(&cp, s + w.s, len - w.s);
		if (w.e - w.s <= 2 && utf8_lower(cp) != cp && utf8_length(s + w.s, w.e - w.s) == 1)
			return 0; /* an initial "J." */
	}
	return 1;
}

static size_t clause_start(const char *s, size_t len, size_t i)
{
	while (i > 0 && !is_clause_end(s, len, i - 1))
		i--;
	return i;
}

static size_t clause_end(const char *s, size_t len, size_t i)
{
	while (i < len && !is_clause_end(s, len, i))
		i++;
	return i;
}

/* Any word in s[a, b) starting with one of prefixes; its start or len. */
static size_t find_cue(const char *s, size_t len, size_t a, size_t b, const char *const *prefixes)
{
	tok t;

	while (a < b && next_tok(s, len, a, &t) && t.s < b) {
		if (tok_starts_any(s, &t, prefixes))
			return t.s;
		a = t.e;
	}
	return len;
}

static const char *const held_cues[] = {
	"įvyk", "vyko", "surengt", "surengė", "suorganizuot", "suorganizavo", "organizuot",
	"organizavo", "sušaukt", "sušaukė", "sukviest", "sukvietė", "buvo", "turėjo",
	"posėdžiav", "rinkosi", "susirinko", "pravest", "pravedė", NULL
};
static const char *const not_held_cues[] = {
	"neįvyk", "nevyk", "atšauk", "perkel", "planuoj", "planuot", "numatyt", "numatom",
	"numato", "bus", "būsim", "vyks", "įvyks", "turi", "turės", "turėtų", "reikės", "reikia",
	"privalo", "nebuvo", "nesurengt", "nesušauk", "neorganizuot", "nepavyko", NULL
};
static const char *const remote_cues[] = {
	/* "nuotoli" covers nuotolinis/nuotoliniu and the noun's "nuotoliu" */
	"nuotoli", "virtual", "online", "zoom", "teams", "skype", "internetu", "elektronin", NULL
};
static const char *const inperson_cues[] = {
	"gyvai", "kontaktin", "fizin", "fiziškai", "mišri", "hibridin", NULL
};

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

	while (next_tok(s, len, a, &t) && t.s < b) {
		if (tok_starts_any(s, &t, bodies))
			return 1;
		if (lt_word_starts(s + t.s, t.e - t.s, "savivaldyb") && next_tok(s, len, t.e, &t2) &&
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

	return next_tok(s, len, e, &t) && tok_in(s, &t, times_words);
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
	while (next_tok(s, len, i, &t)) {
		size_t ce = clause_end(s, len, t.e);

		/* "du iš jų (balandžio ir gruodžio) vyko nuotoliniu būdu": the
		 * clause goes on past a parenthesis */
		while (ce < len && s[ce] == '(') {
			const char *close = memchr(s + ce, ')', len - ce);
			if (!close)
				break;
			ce = clause_end(s, len, (size_t)(close - s) + 1);
		}

		if (tok_in(s, &t, all) && remote_in(s, len, t.e, ce) == 1) {
			*end = ce;
			return total;
		}
		if (t.word && (e = number_at(s, len, t.s, &v)) != 0) {
			if (!is_year(s, len, t.s, e, v) && (!unit_follows(s, len, e) || times_follow(s, len, e)) &&
			    v <= total) {
				size_t ae = ce, k = e;
				tok n;
				int64_t v2;
				/* the part after the number ends at the next number, or
				 * where a parenthesis closes or a list opens: "(vienas -
				 * nuotolinis): sausio 27 d., ..." leaves the dates alone */
				int depth = 0;
				while (next_tok(s, len, k, &n) && n.s < ae) {
					/* a parenthesis opened after the number is its own:
					 * "du iš jų (balandžio ir gruodžio) vyko nuotoliu" */
					if (!n.word && memchr(s + n.s, '(', n.e - n.s))
						depth++;
					if (number_at(s, len, n.s, &v2) ||
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
		if (!t.word && is_clause_end(s, len, t.s))
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
		while (re > end && is_space((unsigned char)s[re - 1]))
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

	if (!(e = number_at(s, len, i, &v)))
		return 0;
	if (is_year(s, len, i, e, v) || unit_follows(s, len, e) || id_before(s, len, 0, i))
		return 0;
	if (after_number(s, len, 0, i) ||
	    (prev_tok(s, len, 0, i, &a) &&
	     (tok_is(s, &a, "po") || tok_is(s, &a, "iš") ||
	      (a.word && lt_month_from_word(s + a.s, a.e - a.s)))))
		return 0; /* "po 2 posėdžius" (each), "3 iš 5 posėdžių", "8 389" */
	p = e;
	for (;;) {
		if (!next_tok(s, len, p, &t) || words > 4)
			return 0;
		if (!t.word) {
			if (is_quote_tok(s, len, &t)) {
				p = t.e;
				continue;
			}
			return 0;
		}
		if ((kind = meeting_noun(s, &t)) != 0)
			break;
		if (number_at(s, len, t.s, &v2) || tok_in(s, &t, np_stop) || people_noun(s, &t))
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
	if (prev_tok(s, len, 0, i, &a) && (tok_is(s, &a, "jų") || tok_is(s, &a, "kurių")) &&
	    prev_tok(s, len, 0, a.s, &b) && (tok_is(s, &b, "iš") || tok_is(s, &b, "tarp"))) {
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

	while (next_tok(s, len, a, &t) && t.s < b) {
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

	if (!(e = number_at(s, len, i, &v)) || !next_tok(s, len, e, &a) || !tok_in(s, &a, times_words))
		return 0;
	if (after_number(s, len, 0, i) || (prev_tok(s, len, 0, i, &b) && tok_is(s, &b, "po")))
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
		for (k = 0; k < 3 && next_tok(s, len, p, &n) && n.word && !tok_is(s, &n, "ir"); k++)
			p = n.e;
		if (next_tok(s, len, p, &n) && tok_is(s, &n, "ir") && next_tok(s, len, n.e, &u) &&
		    (e2 = number_at(s, len, u.s, &v2)) != 0 && next_tok(s, len, e2, &u) &&
		    tok_in(s, &u, times_words)) {
			size_t r = u.e;
			tok x;
			m->total = v + v2;
			m->end = u.e;
			for (k = 0; k < 3 && next_tok(s, len, r, &x) && x.word; k++, r = x.e)
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

	if (!next_tok(s, len, i, &t) || !t.word)
		return 0;
	if (!(lt_word_is(s + t.s, t.e - t.s, "posėdžių") ||
	      lt_word_is(s + t.s, t.e - t.s, "susirinkimų")))
		return 0;
	if (prev_tok(s, len, 0, t.s, &a) && lt_word_starts(s + a.s, a.e - a.s, "dalyv"))
		return 0; /* meetings someone attended */
	cs = clause_start(s, len, i);
	ce = clause_end(s, len, t.e);
	if (find_cue(s, len, cs, ce, not_held_cues) != len)
		return 0;
	p = t.e;
	if (next_tok(s, len, p, &n) && tok_is(s, &n, "skaičius")) {
		size_t ns;
		if (!(e = indicator_value(s, len, n.e, &v, &ns)))
			return 0;
		meeting_result(m, s, len, t.s, e, v, 0);
		return 1;
	}
	/* "Posėdžių įvyko 6": noun, a held verb, the number closing the clause */
	if (find_cue(s, len, t.e, ce, held_cues) == len)
		return 0;
	for (w = 0; w < 4 && next_tok(s, len, p, &n) && n.s < ce; w++) {
		if ((e = number_at(s, len, n.s, &v)) != 0) {
			if (next_tok(s, len, e, &a) && a.s < ce && a.word)
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

	for (i = 0; i < len; i++) {
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
		if (number_at(s, len, i, &v) &&
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

/* ---- personal names ----------------------------------------------------------- */

enum ncase { NC_NOM, NC_GEN, NC_DAT, NC_ACC, NC_INS };
enum ngender { NG_UNKNOWN, NG_MALE, NG_FEMALE, NG_EITHER };

struct ending_class {
	const char *end;
	enum ncase c;
	enum ngender g;
};

/* Longest endings first: "Marcinkaus" is genitive (-aus), not -us. */
static const struct ending_class name_endings[] = {
	{ "iumi", NC_INS, NG_MALE }, { "iaus", NC_GEN, NG_MALE }, { "umi", NC_INS, NG_MALE },
	{ "aus", NC_GEN, NG_MALE },  { "iui", NC_DAT, NG_MALE },  { "ius", NC_NOM, NG_MALE },
	{ "ės", NC_GEN, NG_FEMALE }, { "ei", NC_DAT, NG_FEMALE }, { "os", NC_GEN, NG_FEMALE },
	{ "ai", NC_DAT, NG_FEMALE }, { "ui", NC_DAT, NG_MALE },   { "io", NC_GEN, NG_MALE },
	{ "ių", NC_ACC, NG_MALE },   { "iu", NC_INS, NG_MALE },   { "as", NC_NOM, NG_MALE },
	{ "is", NC_NOM, NG_MALE },   { "ys", NC_NOM, NG_MALE },   { "us", NC_NOM, NG_MALE },
	{ "ė", NC_NOM, NG_FEMALE },  { "ę", NC_ACC, NG_FEMALE },  { "e", NC_INS, NG_FEMALE },
	{ "ą", NC_ACC, NG_EITHER },  { "a", NC_NOM, NG_FEMALE },  { "o", NC_GEN, NG_MALE },
	{ "į", NC_ACC, NG_MALE },    { "ų", NC_ACC, NG_MALE },    { "u", NC_INS, NG_MALE },
};

struct ending_rule {
	enum ncase c;
	enum ngender g;
	const char *from, *to;
};

/* Back to the nominative, longest first within each case.  Where an
 * ending fits two nominatives (-io: -is or -ys; -iui: -ius or -is) the
 * commoner wins. */
static const struct ending_rule name_rules[] = {
	{ NC_GEN, NG_MALE, "iaus", "ius" },   { NC_GEN, NG_MALE, "aus", "us" },
	{ NC_GEN, NG_MALE, "džio", "dis" },   { NC_GEN, NG_MALE, "čio", "tis" },
	{ NC_GEN, NG_MALE, "io", "is" },      { NC_GEN, NG_MALE, "o", "as" },
	{ NC_DAT, NG_MALE, "vičiui", "vičius" }, { NC_DAT, NG_MALE, "džiui", "dis" },
	{ NC_DAT, NG_MALE, "čiui", "tis" },   { NC_DAT, NG_MALE, "iui", "ius" },
	{ NC_DAT, NG_MALE, "ui", "as" },      { NC_ACC, NG_MALE, "ių", "ius" },
	{ NC_ACC, NG_MALE, "ų", "us" },       { NC_ACC, NG_MALE, "į", "is" },
	{ NC_ACC, NG_MALE, "ą", "as" },       { NC_INS, NG_MALE, "iumi", "ius" },
	{ NC_INS, NG_MALE, "umi", "us" },     { NC_INS, NG_MALE, "džiu", "dis" },
	{ NC_INS, NG_MALE, "čiu", "tis" },    { NC_INS, NG_MALE, "iu", "is" },
	{ NC_INS, NG_MALE, "u", "as" },       { NC_GEN, NG_FEMALE, "os", "a" },
	{ NC_GEN, NG_FEMALE, "ės", "ė" },     { NC_DAT, NG_FEMALE, "ai", "a" },
	{ NC_DAT, NG_FEMALE, "ei", "ė" },     { NC_ACC, NG_FEMALE, "ą", "a" },
	{ NC_ACC, NG_FEMALE, "ę", "ė" },      { NC_INS, NG_FEMALE, "e", "ė" },
};

/* Does w[0..n) end with the lower-case suffix suf?  Returns the suffix's
 * byte length in w, or 0. */
static size_t ends_with(const char *w, size_t n, const char *suf)
{
	size_t sl = strlen(suf), used;

	/* letter case changes no byte lengths among these letters */
	if (sl > n || !lt_match_prefix(&used, w + n - sl, sl, suf, 1) || used != sl)
		return 0;
	return sl;
}

static const struct ending_class *classify_name(const char *w, size_t n)
{
	size_t k;

	for (k = 0; k < sizeof name_endings / sizeof name_endings[0]; k++)
		if (ends_with(w, n, name_endings[k].end))
			return &name_endings[k];
	return NULL;
}

static int is_upper_cp(uint32_t cp)
{
	return utf8_lower(cp) != cp;
}

static int is_lower_cp(uint32_t cp)
{
	return utf8_upper(cp) != cp || cp == 0xDF;
}

static int all_upper(const char *w, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		i += utf8_decode(&cp, w + i, n - i);
		if (is_lower_cp(cp))
			return 0;
	}
	return 1;
}

/* Appends w[0..n) to out at *o (NUL kept), never splitting a character. */
static void put(char *out, size_t outsz, size_t *o, const char *w, size_t n, int upper)
{
	size_t i = 0, k;
	uint32_t cp;
	char buf[4];

	while (i < n) {
		i += utf8_decode(&cp, w + i, n - i);
		k = utf8_encode(buf, upper ? utf8_upper(cp) : cp);
		/* Truncate, but still terminate: the bytes after *o are not ours. */
		if (*o + k >= outsz)
			break;
		memcpy(out + *o, buf, k);
		*o += k;
	}
	out[*o] = '\0';
}

/* One name part (no spaces or hyphens) in the given case and gender. */
static void put_part(char *out, size_t outsz, size_t *o, const char *w, size_t n, enum ncase c,
                     enum ngender g)
{
	size_t k, sl;
	int up = n > 1 && all_upper(w, n);

	if (c != NC_NOM) {
		for (k = 0; k < sizeof name_rules / sizeof name_rules[0]; k++) {
			const struct ending_rule *r = &name_rules[k];
			if (r->c != c || r->g != g)
				continue;
			if ((sl = ends_with(w, n, r->from)) != 0 && sl < n) {
				put(out, outsz, o, w, n - sl, 0);
				put(out, outsz, o, r->to, strlen(r->to), up);
				return;
			}
		}
	}
	put(out, outsz, o, w, n, 0);
}

static int is_initial(const char *w, size_t n)
{
	uint32_t cp;
	size_t k;

	if (n < 2 || w[n - 1] != '.')
		return 0;
	k = utf8_decode(&cp, w, n);
	if (!is_upper_cp(cp))
		return 0;
	if (k == n - 1)
		return 1;
	/* two-letter initials: "Dž.", "Ch." */
	k += utf8_decode(&cp, w + k, n - k);
	return k == n - 1 && is_lower_cp(cp);
}

/* Splits a written name into parts: spaces separate, and an initial's
 * period ends a part even without a space ("R.Stankevičiūtė"). */
static size_t next_part(const char *name, size_t n, size_t i, size_t *ps)
{
	size_t j;

	while (i < n && is_space((unsigned char)name[i]))
		i++;
	*ps = i;
	for (j = i; j < n && !is_space((unsigned char)name[j]); j++) {
		if (name[j] == '.' && is_initial(name + i, j + 1 - i))
			return j + 1;
	}
	return j;
}

size_t lt_name_nominative(char *out, size_t outsz, const char *name, size_t n)
{
	const struct ending_class *sc = NULL, *fc = NULL, *cl;
	enum ncase c = NC_NOM;
	enum ngender g = NG_UNKNOWN;
	size_t i, ps, pe, o = 0, last_s = 0, last_e = 0, first_s = 0, first_e = 0, h;
	int words = 0;

	if (!out || outsz == 0)
		return 0;
	out[0] = '\0';
	if (!name)
		return 0;
	/* the surname (its last hyphen part) decides case and gender; the
	 * first name breaks a tie (-ą is both Jonas and Loreta) */
	for (i = 0; (pe = next_part(name, n, i, &ps)) > ps; i = pe) {
		if (is_initial(name + ps, pe - ps))
			continue;
		if (!words++) {
			first_s = ps;
			first_e = pe;
		}
		last_s = ps;
		last_e = pe;
	}
	if (words) {
		for (h = last_e; h > last_s; h--)
			if (name[h - 1] == '-')
				break;
		sc = classify_name(name + h, last_e - h);
		if (words > 1)
			fc = classify_name(name + first_s, first_e - first_s);
		if (!sc && fc)
			sc = fc;
		/* "Anatolij Ševčenko", "Aleksandr Kovalenko": a first name with no
		 * Lithuanian ending marks a name that does not decline; its
		 * surname's "-o" is no genitive */
		/* "Olga Sidorenko": a woman's first name in the nominative with a
		 * surname that would be a man's genitive does not decline either */
		if (words > 1 && sc && sc->c != NC_NOM) {
			int keep = !fc || (fc->c == NC_NOM && fc->g == NG_FEMALE && sc->g == NG_MALE);
			if (keep)
				sc = NULL;
		}
		if (sc) {
			c = sc->c;
			g = sc->g;
			if (g == NG_EITHER)
				g = (fc && fc->g != NG_EITHER) ? fc->g : NG_MALE;
		}
	}
	for (i = 0; (pe = next_part(name, n, i, &ps)) > ps; i = pe) {
		if (o)
			put(out, outsz, &o, " ", 1, 0);
		if (is_initial(name + ps, pe - ps)) {
			put(out, outsz, &o, name + ps, pe - ps, 0);
			continue;
		}
		/* each hyphen part declines on its own: "Stankevičiūtės-Vilimienės" */
		for (h = ps; h <= pe; h++) {
			if (h == pe || name[h] == '-') {
				cl = classify_name(name + ps, h - ps);
				put_part(out, outsz, &o, name + ps, h - ps,
				         cl && cl->c == NC_NOM ? NC_NOM : c, g);
				if (h < pe)
					put(out, outsz, &o, "-", 1, 0);
				ps = h + 1;
			}
		}
	}
	return o;
}

/* ---- roles -------------------------------------------------------------------- */

/* Also the present of chairing, "Tarybai pirmininkauja X"; but not the
 * past "posėdžiui pirmininkavo X", which says who chaired one sitting. */
static const char *const chair_end[] = { "as", "ė", "o", "ės", "ui", "ei", "ą", "ę", "u", "e",
                                         "auja", NULL };
static const char *const deputy_end[] = { "as", "a", "o", "os", "ui", "ai", "ą", "u", NULL };
static const char *const secr_m_end[] = { "us", "aus", "ui", "ų", "umi", NULL };
static const char *const secr_f_end[] = { "ė", "ės", "ei", "ę", "e", NULL };
static const char *const member_end[] = { "ys", "io", "iui", "į", "iu", "ė", "ės", "ei", "ę", "e", NULL };

static int role_word(const char *s, const tok *t, council_role *role)
{
	const char *w = s + t->s;
	size_t n = t->e - t->s;

	if (!t->word)
		return 0;
	if (lt_word_stem(w, n, "pirminink", chair_end))
		*role = COUNCIL_ROLE_CHAIR;
	else if (lt_word_stem(w, n, "pavaduotoj", deputy_end))
		*role = COUNCIL_ROLE_DEPUTY;
	else if (lt_word_stem(w, n, "sekretori", secr_m_end) || lt_word_stem(w, n, "sekretor", secr_f_end))
		*role = COUNCIL_ROLE_SECRETARY;
	else if (lt_word_stem(w, n, "nar", member_end))
		*role = COUNCIL_ROLE_MEMBER;
	else
		return 0;
	return 1;
}

/* Verbs and adverbs of an appointment, which may stand between the role
 * and the name ("pirmininku išrinktas X", "sekretore vėl paskirta X"). */
static const char *const appoint_words[] = {
	"išrinktas", "išrinkta", "perrinktas", "perrinkta", "paskirtas", "paskirta",
	"išrinkti", "perrinkti", "paskirti", /* a protocol's "Nutarta: ... išrinkti X" */
	"patvirtintas", "patvirtinta", "deleguotas", "deleguota", "tapo", "buvo", "yra", "liko",
	"išrinko", "paskyrė", "vėl", "naujai", "vienbalsiai", "pakartotinai", "funkcijas",
	"pareigas", "darbą", "atlieka", "eina", "ėjo", "vykdo", "laikinai",
	"visus", "metus", "visą", "laikotarpį", /* "pareigas visus metus ėjo X" */
	"antrai", "antrajai", "trečiai", "naujai", "kadencijai", /* "antrai kadencijai perrinkta" */
	NULL
};
static const char *const appoint_verbs[] = {
	"išrinktas", "išrinkta", "perrinktas", "perrinkta", "paskirtas", "paskirta",
	"patvirtintas", "patvirtinta", "deleguotas", "deleguota", "tapo", NULL
};
static const char *const former_words[] = {
	"buvęs", "buvusi", "buvusio", "buvusios", "buvusiam", "buvusiai", "buvusiu", "buvusia",
	"buvusį", "buvusią", "ankstesnis", "ankstesnė", "ankstesnio", "ankstesnės", "ankstesniam",
	"ankstesniu", "ex", NULL
};
/* Words that may stand right before a council role word although they
 * look like an owner in the genitive: the council itself and verbs. */
static const char *const council_words[] = {
	"tarybos", "bot", "bo", "nvo", "buvo", "tapo", "išrinko", "išsirinko", "paskyrė",
	"patvirtino", "perrinko", "liko", "kaip",
	/* verbs that look like genitives: "kartu dirbo pirmininko pavaduotoja X" */
	"dirbo", "dirba", "ėjo", "eina", "darbavosi",
	/* possessives: "jo pavaduotoja - X" is the chair's deputy */
	"jo", "jos", "jų", NULL
};

/* A genitive before a role word names whose post it is ("asociacijos
 * pirmininkas", "direktoriaus pavaduotojas", "posėdžio pirmininkas",
 * "garbės pirmininkas"), as does an abbreviation ("VVG pirmininkas"). */
static int owner_word(const char *s, const tok *t)
{
	static const char *const gen[] = { "os", "ės", "o", "ų", "aus", "ies", NULL };
	const char *w = s + t->s;
	size_t n = t->e - t->s, k, sl, used;
	uint32_t cp;

	for (k = 0; gen[k]; k++) {
		sl = strlen(gen[k]);
		if (n > sl && lt_match_prefix(&used, w + n - sl, sl, gen[k], 1) && used == sl)
			return 1;
	}
	utf8_decode(&cp, w, n);
	/* an abbreviation owns the post ("VVG pirmininkas"), but one ending
	 * in T is a council's ("BOT", "NVOT", "BNOT": ... taryba) */
	return n > 1 && utf8_lower(cp) != cp && all_upper(w, n) && !(n <= 6 && w[n - 1] == 'T');
}

static int role_context_ok(const char *s, size_t len, size_t lo, size_t i)
{
	tok t, u;
	int k;
	size_t j;

	if (!prev_tok(s, len, lo, i, &t))
		return 1;
	/* a form field or a heading: "Pirmininko pavaduotoja: ..." */
	for (j = t.e; j < i; j++)
		if (s[j] == '\n')
			return 1;
	if (!t.word)
		return !is_quote_tok(s, len, &t);
	if (tok_in(s, &t, former_words))
		return 0;
	if (!tok_in(s, &t, council_words) && owner_word(s, &t))
		return 0;
	/* "buvęs tarybos pirmininkas" */
	for (k = 0; k < 2 && prev_tok(s, len, lo, t.s, &u) && u.word; k++) {
		if (tok_in(s, &u, former_words))
			return 0;
		t = u;
	}
	return 1;
}

/* Capitalised words that start organisations and posts, not names. */
static const char *const not_name[] = {
	"savivaldyb", "taryb", "bendruomen", "asociacij", "administracij", "lietuv",
	"respublik", "ministerij", "kultūr", "skyri", "seniūnij", "rajon", "miest", "sąjung",
	"draugij", "centr", "įstaig", "mokykl", "gimnazij", "bibliotek", "klub", "fond",
	"universitet", "kolegij", "agentūr", "departament", "direktor", "pirminink", "pavaduotoj",
	"sekretor", "specialist", "vyriausi", "vedėj", "atstov", "posėd", "ataskait", "komisij",
	"grup", "tarnyb", "valdyb", "prezident", "nevyriausybin", "organizacij", "jaunimo",
	"microsoft", "teams", "zoom", "dėl", "vvg", "viešoji", "uždaroji", "kaimo", "miesto",
	"socialin", "visuomen", "vietoj", "raudon", "kryž", NULL
};

/* A name part at i: "Jonas", "Stankevičiūtė-Vilimienė" (*initial 0) or
 * "I.", "Dž." (*initial 1).  Returns its end or 0. */
static size_t name_part(const char *s, size_t len, size_t i, int *initial)
{
	size_t j, k;
	uint32_t cp;
	int lower = 0;

	if (i >= len || !lt_is_word_at(s, len, i))
		return 0;
	j = i + utf8_decode(&cp, s + i, len - i);
	if (!is_upper_cp(cp))
		return 0;
	if (j < len && s[j] == '.') {
		*initial = 1;
		return j + 1;
	}
	k = j;
	if (k < len) {
		size_t k2 = k + utf8_decode(&cp, s + k, len - k);
		if (is_lower_cp(cp) && k2 < len && s[k2] == '.' && k2 - i <= 3 &&
		    (cp == 0x17E || cp == 'h')) {
			*initial = 1;
			return k2 + 1;
		}
	}
	*initial = 0;
	for (;;) {
		while (k < len) {
			size_t d = utf8_decode(&cp, s + k, len - k);
			if (!is_lower_cp(cp))
				break;
			lower++;
			k += d;
		}
		if (!lower)
			return 0;
		/* a double surname goes on after a hyphen with a capital */
		if (k + 1 < len && s[k] == '-') {
			utf8_decode(&cp, s + k + 1, len - k - 1);
			if (is_upper_cp(cp)) {
				k = k + 1 + utf8_decode(&cp, s + k + 1, len - k - 1);
				lower = 0;
				continue;
			}
		}
		break;
	}
	if (lt_is_word_at(s, len, k))
		return 0; /* digits or capitals inside: "VšĮ", "BO2" */
	for (j = 0; not_name[j]; j++)
		if (lt_word_starts(s + i, k - i, not_name[j]))
			return 0;
	if (lt_month_from_word(s + i, k - i))
		return 0;
	return k;
}

/* A name at i: two or three parts, the last one not an initial.  Stops at a
 * comma, a sentence's period, a parenthesis or a lower-case word. */
static int name_at(const char *s, size_t len, size_t i, size_t *ns, size_t *ne)
{
	size_t p = i, e, ends[4];
	int initial, inits[4], n = 0, words = 0;
	const struct ending_class *prev = NULL, *cl;

	while (n < 4) {
		if (!(e = name_part(s, len, p, &initial)))
			break;
		if (!initial) {
			cl = classify_name(s + p, e - p);
			/* a third word in another case is no longer the name:
			 * "Jonas Marcinkus Kauno ..." */
			if (words >= 2 && (!cl || !prev || cl->c != prev->c))
				break;
			prev = cl;
			words++;
		}
		inits[n] = initial;
		ends[n++] = e;
		p = e;
		if (p < len && s[p] == ' ')
			p++;
		else if (!initial)
			break;
	}
	while (n > 0 && inits[n - 1])
		n--;
	if (n < 2)
		return 0;
	*ns = i;
	*ne = ends[n - 1];
	return 1;
}

int lt_name_at(const char *s, size_t len, size_t i, size_t *ns, size_t *ne)
{
	return name_at(s, len, i, ns, ne);
}

/* A name that ends right before position i ("Jonas Marcinkus išrinktas"). */
static int name_before(const char *s, size_t len, size_t lo, size_t i, size_t *ns, size_t *ne)
{
	tok t;
	size_t starts[5], target, a, b;
	int n = 0, k;

	while (i > lo && is_space((unsigned char)s[i - 1]))
		i--;
	target = i;
	while (n < 5 && prev_tok(s, len, lo, i, &t)) {
		if (!t.word && !tok_punct(s, &t, '.'))
			break;
		if (t.word)
			starts[n++] = t.s;
		i = t.s;
	}
	for (k = n - 1; k >= 0; k--) {
		if (name_at(s, len, starts[k], &a, &b) && b == target) {
			*ns = a;
			*ne = b;
			return 1;
		}
	}
	return 0;
}

/* A comma inside a department's name: "Kultūros, turizmo ir sporto
 * skyriaus vedėja" -- "skyriaus" comes within the next four words, before
 * any other punctuation. */
static int dept_list_comma(const char *s, size_t len, size_t comma)
{
	size_t i = comma + 1;
	tok t;
	int k;

	for (k = 0; k < 5 && next_tok(s, len, i, &t); k++) {
		if (!t.word)
			return 0;
		if (tok_starts_any(s, &t, (const char *const[]){ "skyriaus", "poskyrio", NULL }))
			return 1;
		i = t.e;
	}
	return 0;
}

static size_t org_after(const char *s, size_t len, size_t ne, size_t *os)
{
	tok t;
	size_t p, e;
	council_role r;

	if (!next_tok(s, len, ne, &t) || !tok_punct(s, &t, ',') || !next_tok(s, len, t.e, &t))
		return 0;
	if (role_word(s, &t, &r))
		return 0; /* the next appointment, not an organisation */
	/* "..., o vietoj ...", "..., kuri ...": another clause */
	if (tok_is(s, &t, "o") || tok_is(s, &t, "ir") || tok_is(s, &t, "bet") || tok_is(s, &t, "kuri") ||
	    tok_is(s, &t, "kuris") || tok_is(s, &t, "kai") || tok_is(s, &t, "tačiau"))
		return 0;
	p = t.s;
	/* "..., Tarybos narė, Mielagėnų bendruomenės atstovė": membership of
	 * the council is no organisation; the part after it is */
	if (tok_is(s, &t, "tarybos") || tok_is(s, &t, "bot")) {
		tok u;
		if (next_tok(s, len, t.e, &u) && u.word && lt_word_starts(s + u.s, u.e - u.s, "nar") &&
		    next_tok(s, len, u.e, &u) && tok_punct(s, &u, ',') && next_tok(s, len, u.e, &u) && u.word)
			p = u.s;
	}
	for (e = p; e < len; e++) {
		char c = s[e];
		if (c == ',' && dept_list_comma(s, len, e))
			continue;
		if (c == ',' || c == ';' || c == '\n' || (c == '.' && is_clause_end(s, len, e)))
			break;
	}
	while (e > p && is_space((unsigned char)s[e - 1]))
		e--;
	if (e == p)
		return 0;
	*os = p;
	return e;
}

/* Nouns of a post that may stand right before a name ("vyriausioji
 * specialistė Vilma Kriščiūnienė"). */
static int post_noun(const char *s, const tok *t)
{
	static const char *const posts[] = {
		"pirminink", "specialist", "vedėj", "direktor", "atstov", "nar", "vadov", "koordinator",
		"darbuotoj", "pavaduotoj", "seniūn", "sekretor", "tarnautoj", "patarėj", "referent",
		"inspektor", "kuratori", "mokytoj", "vadybinink", "seniūnait", "valdybos", NULL
	};
	return tok_starts_any(s, t, posts);
}

/* After an appointment, the person's own post may come before the name:
 * "pirmininku išrinktas Josvainių bendruomenės pirmininkas Saulius
 * Jankūnas".  Finds the name within twelve words after p, right after a
 * post noun; *de is the end of that post. */
static int post_before_name(const char *s, size_t len, size_t p, size_t *de, size_t *ns,
                            size_t *ne)
{
	tok n;
	size_t a;
	int k;

	for (k = 0; k < 14 && next_tok(s, len, p, &n); k++) {
		if (!n.word) {
			/* quotes of a name, and a comma inside a department's
			 * name ("Švietimo, kultūros ir sporto skyriaus") */
			if (!is_quote_tok(s, len, &n) &&
			    !(tok_punct(s, &n, ',') && dept_list_comma(s, len, n.s)))
				return 0;
		} else if (post_noun(s, &n)) {
			for (a = n.e; a < len && s[a] == ' '; a++)
				;
			if (name_at(s, len, a, ns, ne)) {
				*de = n.e;
				return 1;
			}
		}
		p = n.e;
	}
	return 0;
}

/* "pirmininkauja", "vadovauja": the chair's verbs, after the council in
 * the dative ("Tarybai", "BOT", "jai"), */
static const char *const chair_verbs[] = {
	/* present tense only: "iki naujos sudėties Tarybai pirmininkavo X"
	 * tells of a former chair */
	"pirmininkauja", "pirmininkauju", "vadovauja", "vadovauju", NULL
};
static const char *const council_datives[] = { "tarybai", "bot", "botui", "jai", NULL };
/* "Iki birželio Tarybai pirmininkavo X": a member who chaired before */
static const char *const past_chair_verbs[] = { "pirmininkavo", "vadovavo", NULL };

/* Does an organisation's name open at p: a capital ("Viečiūnų
 * bendruomenės"), a quote, or a legal form ("asociacijos „…“")?  Not "o
 * pirmininke išrinkta ...", another clause. */
static int org_opens(const char *s, size_t len, size_t p)
{
	static const char *const forms[] = { "asociacij", "viešosios", "všį", "labdaros", "bendrij",
		                              "draugij", NULL };
	tok n;
	uint32_t cp;

	if (!next_tok(s, len, p, &n))
		return 0;
	if (!n.word)
		return is_quote_tok(s, len, &n);
	utf8_decode(&cp, s + n.s, n.e - n.s);
	return is_upper_cp(cp) || tok_starts_any(s, &n, forms);
}

static int role_at(lt_role_match *r, const char *s, size_t len, size_t lo, tok *t)
{
	council_role role, r2;
	tok rt = *t, n, v;
	size_t p, ns, ne, start, os, oe, ds, de;
	int k, after, verb = 0;

	if (!role_word(s, t, &role)) {
		/* "Tarybai pirmininkauja X", "BOT vadovauja X": the chair told
		 * by a verb, with the council in the dative before it */
		int past = tok_in(s, t, past_chair_verbs), k2;
		if (!past && !tok_in(s, t, chair_verbs))
			return 0;
		/* "Jai jau antrus metus vadovauja X": a few words may stand
		 * between the council and the verb */
		if (!prev_tok(s, len, lo, t->s, &v))
			return 0;
		for (k2 = 0; k2 < 3 && v.word && !tok_in(s, &v, council_datives) &&
		             (tok_is(s, &v, "jau") || tok_is(s, &v, "antrus") || tok_is(s, &v, "trečius") ||
		              tok_is(s, &v, "metus") || tok_is(s, &v, "toliau") || tok_is(s, &v, "ir") ||
		              tok_is(s, &v, "šiuo") || tok_is(s, &v, "metu") || tok_is(s, &v, "nuo"));
		     k2++)
			if (!prev_tok(s, len, lo, v.s, &v))
				return 0;
		if (!tok_in(s, &v, council_datives))
			return 0;
		/* "BOT vadovauja pirmininkas X": the role word speaks for itself */
		if (next_tok(s, len, t->e, &n) && role_word(s, &n, &r2))
			return 0;
		/* "Iki naujos sudėties Tarybai vadovavo X": a council before
		 * this one's composition, not a member of it */
		if (past) {
			size_t q, from = t->s > lo + 60 ? t->s - 60 : lo;
			for (q = from; q + 6 <= t->s; q++)
				if (!memcmp(s + q, "sudėt", 6) || !memcmp(s + q, "kadenc", 6))
					return 0;
		}
		role = past ? COUNCIL_ROLE_MEMBER : COUNCIL_ROLE_CHAIR;
		verb = 1;
	}
	/* "pirmininko pavaduotojas": the deputy */
	if (!verb && role == COUNCIL_ROLE_CHAIR && next_tok(s, len, t->e, &n) &&
	    role_word(s, &n, &r2) && r2 == COUNCIL_ROLE_DEPUTY) {
		role = r2;
		rt.e = n.e;
	}
	if (!verb && !role_context_ok(s, len, lo, rt.s))
		return 0;
	start = rt.s;
	/* the name after: appointment words, a dash or a colon, then the name;
	 * a signature puts it lines below */
	p = rt.e;
	/* a form's "Pirmininkas (-ė):", "Pavaduotojas (-a):" */
	{
		size_t q = p, z;
		while (q < len && s[q] == ' ')
			q++;
		if (q + 3 < len && s[q] == '(' && s[q + 1] == '-') {
			for (z = q + 2; z < len && z < q + 8 && s[z] != ')'; z++)
				;
			if (z < len && s[z] == ')')
				p = rt.e = z + 1;
		} else if (q + 3 < len && s[q] == '(') {
			/* a template's "Tarybos pirmininkas (vardas, pavardė,
			 * atstovaujama organizacija): ..." */
			for (z = q + 1; z < len && z < q + 90 && s[z] != ')' && s[z] != '\n'; z++)
				;
			if (z + 1 < len && s[z] == ')' && s[z + 1] == ':')
				p = rt.e = z + 1;
		}
	}
	for (k = 0; k < 5 && next_tok(s, len, p, &n) && tok_in(s, &n, appoint_words); k++)
		p = n.e;
	if (next_tok(s, len, p, &n) && (is_dash_tok(s, len, &n) || tok_punct(s, &n, ':'))) {
		p = n.e;
		k++;
	}
	/* "pirmininkauja" is a role word written as a verb */
	if (!verb && t->e - t->s > 4 &&
	    (memcmp(s + t->e - 4, "auja", 4) == 0 || memcmp(s + t->e - 4, "auju", 4) == 0))
		verb = 2;
	/* "Tarybai pirmininkauju aš, Rasa Bagdonienė" */
	if (verb && next_tok(s, len, p, &n) && tok_is(s, &n, "aš")) {
		p = n.e;
		if (next_tok(s, len, p, &n) && tok_punct(s, &n, ','))
			p = n.e;
	}
	while (p < len && is_space((unsigned char)s[p]))
		p++;
	ds = de = 0;
	after = name_at(s, len, p, &ns, &ne);
	/* "tarybos pirmininkė, Viečiūnų bendruomenės pirmininkė Ramunė
	 * Grigienė": the person's own post after a comma, then the name */
	if (!after && k == 0 && !verb && next_tok(s, len, rt.e, &n) && tok_punct(s, &n, ',') &&
	    org_opens(s, len, n.e) && post_before_name(s, len, n.e, &de, &ns, &ne)) {
		ds = n.e;
		while (ds < de && s[ds] == ' ')
			ds++;
		after = 1;
	}
	if (!after && (k > 0 || verb) && post_before_name(s, len, p, &de, &ns, &ne)) {
		tok last;
		council_role pr;
		ds = p;
		after = 1;
		/* "sekretore išrinkta Tarybos narė Inga Mockienė, Savivaldybės
		 * administracijos ...": membership of the council is no
		 * organisation; the one after the name is */
		if (prev_tok(s, len, ds, de, &last) && role_word(s, &last, &pr) &&
		    pr == COUNCIL_ROLE_MEMBER)
			ds = de = 0;
	}
	if (!after && verb == 1)
		return 0;
	if (after) {
		/* the phrase starts at an appointment verb just before the role
		 * ("išrinktas tarybos pirmininku X") */
		p = rt.s;
		if (prev_tok(s, len, lo, p, &v) && tok_is(s, &v, "tarybos"))
			p = v.s;
		if (prev_tok(s, len, lo, p, &v) && tok_in(s, &v, appoint_verbs))
			start = v.s;
		goto found;
	}
	/* the name before: "Jonas Marcinkus išrinktas tarybos pirmininku",
	 * "Jonas Marcinkus - pirmininkas" */
	p = rt.s;
	for (k = 0; k < 3 && prev_tok(s, len, lo, p, &v) && v.word &&
	            (tok_is(s, &v, "tarybos") || tok_is(s, &v, "bo") || tok_is(s, &v, "nvo") ||
	             tok_is(s, &v, "bot"));
	     k++)
		p = v.s;
	if (prev_tok(s, len, lo, p, &v) && tok_in(s, &v, appoint_verbs)) {
		p = v.s;
		if (prev_tok(s, len, lo, p, &v) && (tok_is(s, &v, "buvo") || tok_is(s, &v, "vėl")))
			p = v.s;
	} else if (prev_tok(s, len, lo, p, &v) && (is_dash_tok(s, len, &v) || tok_punct(s, &v, '(')) &&
	           (!next_tok(s, len, rt.e, &n) || !n.word)) {
		p = v.s;
	} else {
		return 0;
	}
	if (!name_before(s, len, lo, p, &ns, &ne))
		return 0;
	ds = de = 0;
	start = ns;
	rt.e = rt.e > ne ? rt.e : ne;
found:
	memset(r, 0, sizeof *r);
	r->role = role;
	r->start = start;
	r->end = ne > rt.e ? ne : rt.e;
	r->name_start = ns;
	r->name_end = ne;
	lt_name_nominative(r->name, sizeof r->name, s + ns, ne - ns);
	r->org_start = r->org_end = ne;
	if (de > ds) {
		r->org_start = ds;
		r->org_end = de;
	} else if ((oe = org_after(s, len, ne, &os)) != 0) {
		r->org_start = os;
		r->org_end = oe;
	}
	return 1;
}

static int role_initials(const char *s, size_t len, size_t i)
{
	unsigned char a = (unsigned char)s[i] | 0x20, b;

	if (a != 'p' && a != 's' && a != 'n' && a != 'v')
		return 0;
	if (i + 1 >= len || (unsigned char)s[i + 1] >= 0x80)
		return 1;
	b = (unsigned char)s[i + 1] | 0x20;
	return (a == 'p' && (b == 'i' || b == 'a')) || (a == 's' && b == 'e') || (a == 'n' && b == 'a') ||
	       (a == 'v' && b == 'a');   /* vadovauja */
}

int lt_role_find(lt_role_match *r, const char *s, size_t len, size_t from)
{
	size_t i;
	tok t;

	if (!r || !s)
		return 0;
	for (i = lt_next_word_start(s, len, from); i < len; i = lt_next_word_start(s, len, i + 1)) {
		/* role_word needs pirminink-, pavaduotoj-, sekretor- or nar-:
		 * a word starting with other letters is no role (a second
		 * byte outside ASCII is left to role_word) */
		if (!role_initials(s, len, i))
			continue;
		t.s = i;
		t.e = lt_word_end(s, len, i);
		t.word = 1;
		/* A role written after the name ("Jurgita Saka (tarybos narė)")
		 * starts at the name; when that lies before from, the caller has
		 * walked past it already (lt.h: matches start at or after from). */
		if (role_at(r, s, len, 0, &t) && r->start >= from)
			return 1;
		i = t.e - 1;
	}
	memset(r, 0, sizeof *r);
	return 0;
}

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
 * tarybos", "Klaipėdos r. savivaldybės administracijos direktoriaus"). */
static int issuer_gap(const char *s, size_t len, size_t a, size_t b)
{
	tok t, last = { 0, 0, 0 };
	int words = 0;

	while (next_tok(s, len, a, &t) && t.s < b) {
		if (t.word) {
			if (has_digit(s, &t) || ++words > 8)
				return 0;
		} else if (!(tok_punct(s, &t, '.') && last.word && last.e == t.s && last.e - last.s <= 4)) {
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

	while (prev_tok(s, len, 0, q, &t)) {
		if (act_word(s, &t)) {
			*act = t;
			return 1;
		}
		if (is_quote_tok(s, len, &t)) {
			closed = 0;
			q = t.s;
			while (prev_tok(s, len, 0, q, &u)) {
				q = u.s;
				if (is_quote_tok(s, len, &u)) {
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
		if (tok_punct(s, &t, '(') && prev_tok(s, len, 0, t.s, &u) && act_word(s, &u)) {
			*act = u;
			return 1;
		}
		if (!t.word && !tok_punct(s, &t, '.') && !tok_punct(s, &t, '-') && !tok_punct(s, &t, '/'))
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

	if (depth > 8 || !prev_tok(s, len, 0, i, &t) ||
	    !(tok_punct(s, &t, ',') || tok_is(s, &t, "ir") || tok_is(s, &t, "bei")))
		return len;
	q = t.s;
	while (q > 0 && is_space((unsigned char)s[q - 1]))
		q--;
	st = q;
	while (st > 0 && !is_space((unsigned char)s[st - 1]))
		st--;
	if (st == q || act_number(s, len, st) != q)
		return len;
	if (prev_tok(s, len, 0, st, &u)) {
		if (tok_punct(s, &u, '.') && prev_tok(s, len, 0, u.s, &u) && tok_is(s, &u, "nr")) {
			q = list_nr(s, len, u.s, depth + 1);
			return q < len ? q : u.s;
		}
		if (tok_is(s, &u, "nr")) {
			q = list_nr(s, len, u.s, depth + 1);
			return q < len ? q : u.s;
		}
	}
	return list_nr(s, len, st, depth + 1);
}

/* Outside a "Nr." only numbers shaped like act numbers continue a list:
 * "T-558", "DI-468", not "2020" or "3". */
static int act_shaped(const char *s, size_t len, size_t p, size_t q)
{
	uint32_t cp;

	utf8_decode(&cp, s + p, len - p);
	return q > p && memchr(s + p, '-', q - p) && (utf8_lower(cp) != cp || (cp >= '0' && cp <= '9'));
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
