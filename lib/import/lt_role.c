/* SPDX-License-Identifier: MIT */
/*
 * lt_role.c -- who was made chair, deputy, secretary or member: lt_role_find.
 */
#include "lt_int.h"
#include "lexicon.h"

/* ---- roles -------------------------------------------------------------------- */

/* The council's offices: a stem, the office, its endings. */
static const struct office {
	const char *stem;
	council_role role;
	const char *const end[12];
} offices[] = {
#define OFFICE_ROW(w, f, role, ...) { w, role, { __VA_ARGS__, NULL } },
	LEX_ROLE(OFFICE_ROW)
#undef OFFICE_ROW
};

static const char *const member_end[] = { "ys", "io", "iui", "į", "iu", "ė", "ės", "ei", "ę", "e", NULL };

static int role_word(const char *s, const tok *t, council_role *role)
{
	const char *w = s + t->s;
	size_t n = t->e - t->s;

	if (!t->word)
		return 0;
	for (size_t i = 0; i < sizeof offices / sizeof offices[0]; i++)
		if (lt_word_stem(w, n, offices[i].stem, offices[i].end)) {
			*role = offices[i].role;
			return 1;
		}
	if (!lt_word_stem(w, n, "nar", member_end))
		return 0;
	*role = COUNCIL_ROLE_MEMBER;
	return 1;
}

/* Verbs and adverbs of an appointment, which may stand between the role
 * and the name ("pirmininku išrinktas X", "sekretore vėl paskirta X"). */
static const char *const appoint_words[] = {
	"išrinktas", "išrinkta", "perrinktas", "perrinkta", "paskirtas", "paskirta",
	"išrinkti", "perrinkti", "paskirti", /* a protocol's "Nutarta: ... išrinkti X" */
	"patvirtintas", "patvirtinta", "deleguotas", "deleguota", "tapo", "buvo", "yra", "liko",
	"lieka", "išrinko", "paskyrė", "vėl", "naujai", "vienbalsiai", "pakartotinai", "funkcijas",
	"pareigas", "darbą", "atlieka", "eina", "eis", "ėjo", "vykdo", "laikinai",
	"visus", "metus", "visą", "laikotarpį", /* "pareigas visus metus ėjo X" */
	"antrai", "antrajai", "trečiai", "naujai", "kadencijai", /* "antrai kadencijai perrinkta" */
	NULL
};
static lp_wordset appoint_set = LP_WORDSET(appoint_words);

static const char *const appoint_verbs[] = {
	"išrinktas", "išrinkta", "perrinktas", "perrinkta", "paskirtas", "paskirta",
	"patvirtintas", "patvirtinta", "deleguotas", "deleguota", "tapo", NULL
};

/* After the role, one or two other words in lower case before an
 * appointment ("pirmininke slaptu balsavimu išrinkta X", "pavaduotoju ir
 * toliau lieka X"): returns the end of that appointment word, or 0. */
static size_t appointment_after_words(const char *s, size_t len, size_t p)
{
	static const char *const stays[] = { "liko", "lieka", "liks", NULL };
	tok t;
	int k;

	for (k = 0; k < 3 && lp_next_tok(s, len, p, &t) && t.word; k++) {
		if (lp_tok_in(s, &t, appoint_verbs) || lp_tok_in(s, &t, stays))
			return k > 0 ? t.e : 0;
		if (!lp_is_lower_cp(lp_tok_cp(s, len, &t)) || lp_has_digit(s, &t))
			return 0;
		p = t.e;
	}
	return 0;
}

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
	return n > 1 && utf8_lower(cp) != cp && lp_all_upper(w, n) && !(n <= 6 && w[n - 1] == 'T');
}

/* "pakeitęs ilgametį tarybos pirmininką Henriką Jasinską": a post in the
 * accusative, [i,re), within three words after a verb of replacing names
 * the one replaced, who holds it no longer. */
static int replaced_post(const char *s, size_t len, size_t lo, size_t i, size_t re)
{
	static const char *const replace[] = { LEX_MEMBER_REPLACED(LEX_WRITTEN) NULL };
	tok t;
	size_t p = i, k, r;

	/* ą, ę, į: the accusative's endings of the post words */
	if (re < i + 2 || (unsigned char)s[re - 2] != 0xC4 ||
	    ((unsigned char)s[re - 1] != 0x85 && (unsigned char)s[re - 1] != 0x99 &&
	     (unsigned char)s[re - 1] != 0xAF))
		return 0;
	for (k = 0; k < 3 && lp_prev_tok(s, len, lo, p, &t) && t.word; k++) {
		for (r = 0; replace[r]; r++)
			if (lt_word_starts(s + t.s, t.e - t.s, replace[r]))
				return 1;
		p = t.s;
	}
	return 0;
}

int lt_replaced_before(const char *s, size_t len, size_t lo, size_t ns)
{
	tok t;
	council_role r;

	return lp_prev_tok(s, len, lo, ns, &t) && role_word(s, &t, &r) &&
	       replaced_post(s, len, lo, t.s, t.e);
}

static int role_context_ok(const char *s, size_t len, size_t lo, size_t i, size_t re)
{
	tok t, u;
	int k;
	size_t j;

	if (replaced_post(s, len, lo, i, re))
		return 0;
	if (!lp_prev_tok(s, len, lo, i, &t))
		return 1;
	/* a form field or a heading: "Pirmininko pavaduotoja: ..." */
	for (j = t.e; j < i; j++)
		if (s[j] == '\n')
			return 1;
	if (!t.word)
		return !lp_is_quote_tok(s, len, &t);
	if (lp_tok_in(s, &t, former_words))
		return 0;
	if (!lp_tok_in(s, &t, council_words) && owner_word(s, &t))
		return 0;
	/* "buvęs tarybos pirmininkas" */
	for (k = 0; k < 2 && lp_prev_tok(s, len, lo, t.s, &u) && u.word; k++) {
		if (lp_tok_in(s, &u, former_words))
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
	"universitet", "kolegij", "agentūr", "departament", "direktor", LEX_ROLE(LEX_WRITTEN)
	"specialist", "vyriausi", "vedėj", "atstov", "posėd", "ataskait", "komisij",
	"grup", "tarnyb", "valdyb", "prezident", "nevyriausybin", "organizacij", "jaunimo",
	"microsoft", "teams", "zoom", "dėl", "vvg", "viešoji", "uždaroji", "kaimo", "miesto",
	"socialin", "visuomen", "vietoj", "raudon", "kryž", NULL
};
static lp_wordset not_name_set = LP_WORDSET(not_name);

/* A name part at i: "Jonas", "Stankevičiūtė-Vilimienė" (*initial 0) or
 * "I.", "Dž." (*initial 1).  Returns its end or 0. */
static size_t name_part(const char *s, size_t len, size_t i, int *initial)
{
	size_t j, k;
	uint32_t cp;
	int lower = 0;
	tok part;

	if (i >= len || !lt_is_word_at(s, len, i))
		return 0;
	j = i + utf8_decode(&cp, s + i, len - i);
	if (!lp_is_upper_cp(cp))
		return 0;
	if (j < len && s[j] == '.') {
		*initial = 1;
		return j + 1;
	}
	k = j;
	if (k < len) {
		size_t k2 = k + utf8_decode(&cp, s + k, len - k);
		if (lp_is_lower_cp(cp) && k2 < len && s[k2] == '.' && k2 - i <= 3 &&
		    (cp == 0x17E || cp == 'h')) {
			*initial = 1;
			return k2 + 1;
		}
	}
	*initial = 0;
	for (;;) {
		while (k < len) {
			size_t d = utf8_decode(&cp, s + k, len - k);
			if (!lp_is_lower_cp(cp))
				break;
			lower++;
			k += d;
		}
		if (!lower)
			return 0;
		/* a double surname goes on after a hyphen with a capital */
		if (k + 1 < len && s[k] == '-') {
			utf8_decode(&cp, s + k + 1, len - k - 1);
			if (lp_is_upper_cp(cp)) {
				k = k + 1 + utf8_decode(&cp, s + k + 1, len - k - 1);
				lower = 0;
				continue;
			}
		}
		break;
	}
	if (lt_is_word_at(s, len, k))
		return 0; /* digits or capitals inside: "VšĮ", "BO2" */
	/* as a token: most of the list is refused by its first letter alone */
	part.s = i;
	part.e = k;
	part.word = 1;
	if (lp_tok_starts_set(s, &part, &not_name_set))
		return 0;
	if (lt_month_from_word(s + i, k - i))
		return 0;
	return k;
}

/* "Naujojo Daugėliškio seniūnijos seniūnas": two capitalised genitives
 * in -o before a body's noun in lower case are a place's name, the
 * body's, no person's (a person's genitive stands before a post or a
 * comma: "Jono Jonaičio prašymą"). */
static int place_before_body(const char *s, size_t len, size_t i, size_t e)
{
	static const char *const bodies[] = {
		"seniūnij", "bendruomen", "savivaldyb", "parapij", "apylink", "gimnazij",
		"mokykl", "bibliotek", "seniūnaitij", NULL
	};
	size_t p;
	tok t;

	/* every part ends in -o ("Naujojo", "Daugėliškio") */
	for (p = i; p < e; p++)
		if ((p + 1 == e || s[p + 1] == ' ') && s[p] != 'o')
			return 0;
	return e < len && s[e] == ' ' && lp_next_tok(s, len, e, &t) && t.word &&
	       !lp_is_upper_cp(lp_tok_cp(s, len, &t)) && lp_tok_starts_any(s, &t, bodies);
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
			cl = lp_classify_name(s + p, e - p);
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
	if (place_before_body(s, len, i, ends[n - 1]))
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

	while (i > lo && lp_is_space((unsigned char)s[i - 1]))
		i--;
	target = i;
	while (n < 5 && lp_prev_tok(s, len, lo, i, &t)) {
		if (!t.word && !lp_tok_punct(s, &t, '.'))
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

	for (k = 0; k < 5 && lp_next_tok(s, len, i, &t); k++) {
		if (!t.word)
			return 0;
		if (lp_tok_starts_any(s, &t, (const char *const[]){ "skyriaus", "poskyrio", NULL }))
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

	if (!lp_next_tok(s, len, ne, &t) || !lp_tok_punct(s, &t, ',') || !lp_next_tok(s, len, t.e, &t))
		return 0;
	if (role_word(s, &t, &r))
		return 0; /* the next appointment, not an organisation */
	/* "..., o vietoj ...", "..., kuri ...": another clause */
	if (lp_tok_is(s, &t, "o") || lp_tok_is(s, &t, "ir") || lp_tok_is(s, &t, "bet") || lp_tok_is(s, &t, "kuri") ||
	    lp_tok_is(s, &t, "kuris") || lp_tok_is(s, &t, "kai") || lp_tok_is(s, &t, "tačiau"))
		return 0;
	/* "..., tel. 8 46 45 21 07", "..., el. p. …": contacts, no
	 * organisation */
	{
		static const char *const labels[] = { LEX_CONTACT_LABEL(LEX_WRITTEN) NULL };
		size_t k, m;
		if (s[t.s] == '+' || (s[t.s] >= '0' && s[t.s] <= '9'))
			return 0;
		/* the label's first word ("el" of "el. p.", "tel") */
		for (k = 0; labels[k]; k++) {
			size_t q;
			m = strcspn(labels[k], ". ");
			for (q = 0; t.e - t.s == m && q < m; q++)
				if ((s[t.s + q] | 0x20) != labels[k][q])
					break;
			if (t.e - t.s == m && q == m)
				return 0;
		}
	}
	/* "..., pakeitęs ilgametį pirmininką", "..., buvusi mokytoja": a
	 * participle's clause about the person */
	if (t.word && !lp_is_upper_cp(lp_tok_cp(s, len, &t))) {
		static const char *const ends[] = { LEX_CLAUSE_PARTICIPLE_END(LEX_WRITTEN) NULL };
		size_t k, n = t.e - t.s, m;
		for (k = 0; ends[k]; k++) {
			m = strlen(ends[k]);
			if (n > m + 2 && !memcmp(s + t.e - m, ends[k], m))
				return 0;
		}
	}
	p = t.s;
	/* "..., Tarybos narė, Mielagėnų bendruomenės atstovė": membership of
	 * the council is no organisation; the part after it is */
	if (lp_tok_is(s, &t, "tarybos") || lp_tok_is(s, &t, "bot")) {
		tok u;
		if (lp_next_tok(s, len, t.e, &u) && u.word && lt_word_starts(s + u.s, u.e - u.s, "nar") &&
		    lp_next_tok(s, len, u.e, &u) && lp_tok_punct(s, &u, ',') && lp_next_tok(s, len, u.e, &u) && u.word)
			p = u.s;
	}
	for (e = p; e < len; e++) {
		char c = s[e];
		if (c == ',' && dept_list_comma(s, len, e))
			continue;
		if (c == ',' || c == ';' || c == '\n' || (c == '.' && lp_is_clause_end(s, len, e)))
			break;
	}
	while (e > p && lp_is_space((unsigned char)s[e - 1]))
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
		LEX_ROLE(LEX_WRITTEN) "specialist", "vedėj", "direktor", "atstov", "nar", "vadov",
		"koordinator", "darbuotoj", "seniūn", "tarnautoj", "patarėj", "referent",
		"inspektor", "kuratori", "mokytoj", "vadybinink", "seniūnait", "valdybos", NULL
	};
	return lp_tok_starts_any(s, t, posts);
}

static int org_opens(const char *s, size_t len, size_t p);

/* After an appointment, the person's own post may come before the name:
 * "pirmininku išrinktas Josvainių bendruomenės pirmininkas Saulius
 * Jankūnas".  Finds the name within twelve words after p, right after a
 * post noun; *de is the end of that post. */
static int post_before_name(const char *s, size_t len, size_t p, size_t *de, size_t *ns,
                            size_t *ne, size_t *second)
{
	tok n;
	size_t a;
	int k, after_post = 0;

	for (k = 0; k < 14 && lp_next_tok(s, len, p, &n); k++) {
		/* "Tarybos narė, Nevarėnų seniūnijos seniūnė Evelina Rimkutė":
		 * a second post after a comma, an organisation opening it */
		if (after_post && lp_tok_punct(s, &n, ',') && org_opens(s, len, n.e)) {
			after_post = 0;
			p = n.e;
			*second = n.e;
			continue;
		}
		after_post = n.word && post_noun(s, &n);
		if (!n.word) {
			/* a short parenthesis naming where ("Joniškio (Molėtų
			 * r.) bendruomenės pirmininkas"): read on after it */
			if (lp_tok_punct(s, &n, '(')) {
				size_t q = n.e;
				while (q < len && q - n.e < 40 && s[q] != ')' && s[q] != '(' && s[q] != '\n')
					q++;
				if (q >= len || s[q] != ')')
					return 0;
				p = q + 1;
				continue;
			}
			/* quotes of a name, and a comma inside a department's
			 * name ("Švietimo, kultūros ir sporto skyriaus") */
			if (!lp_is_quote_tok(s, len, &n) &&
			    !(lp_tok_punct(s, &n, ',') && dept_list_comma(s, len, n.s)))
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
	/* present and future tense only: "iki naujos sudėties Tarybai
	 * pirmininkavo X" tells of a former chair; "Tarybai vadovaus X", a
	 * news headline, of the one just elected */
	"pirmininkauja", "pirmininkauju", "vadovauja", "vadovauju", "pirmininkaus", "vadovaus", NULL
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

	if (!lp_next_tok(s, len, p, &n))
		return 0;
	if (!n.word)
		return lp_is_quote_tok(s, len, &n);
	utf8_decode(&cp, s + n.s, n.e - n.s);
	return lp_is_upper_cp(cp) || lp_tok_starts_any(s, &n, forms);
}

/* What role_at has found so far. */
typedef struct role_state {
	council_role role;
	tok rt;          /* the role's words ("pirmininko pavaduotojas" is two) */
	int verb;        /* 1: the chair told by a verb ("Tarybai vadovauja X");
	                    2: a role word written as a verb ("pirmininkauja") */
	size_t start;    /* where the phrase starts */
	size_t ns, ne;   /* the person's name */
	size_t ds, de;   /* the person's own post told before the name, if any */
} role_state;

/* "Tarybai pirmininkauja X", "BOT vadovauja X": the chair told by a verb
 * at t, with the council in the dative before it.  Sets *role (a past
 * verb's chair is only a member now); 0 when t is no such verb. */
static int chair_verb(const char *s, size_t len, size_t lo, const tok *t, council_role *role)
{
	council_role r2;
	tok n, v;
	int past = lp_tok_in(s, t, past_chair_verbs), k2;

	if (!past && !lp_tok_in(s, t, chair_verbs))
		return 0;
	/* "Jai jau antrus metus vadovauja X": a few words may stand
	 * between the council and the verb */
	if (!lp_prev_tok(s, len, lo, t->s, &v))
		return 0;
	for (k2 = 0; k2 < 3 && v.word && !lp_tok_in(s, &v, council_datives) &&
	             (lp_tok_is(s, &v, "jau") || lp_tok_is(s, &v, "antrus") || lp_tok_is(s, &v, "trečius") ||
	              lp_tok_is(s, &v, "metus") || lp_tok_is(s, &v, "toliau") || lp_tok_is(s, &v, "ir") ||
	              lp_tok_is(s, &v, "šiuo") || lp_tok_is(s, &v, "metu") || lp_tok_is(s, &v, "nuo"));
	     k2++)
		if (!lp_prev_tok(s, len, lo, v.s, &v))
			return 0;
	if (!lp_tok_in(s, &v, council_datives))
		return 0;
	/* "BOT vadovauja pirmininkas X": the role word speaks for itself */
	if (lp_next_tok(s, len, t->e, &n) && role_word(s, &n, &r2))
		return 0;
	/* "Iki naujos sudėties Tarybai vadovavo X": a council before
	 * this one's composition, not a member of it */
	if (past) {
		size_t q, from = t->s > lo + 60 ? t->s - 60 : lo;
		for (q = from; q + 6 <= t->s; q++)
			if (!memcmp(s + q, "sudėt", 6) || !memcmp(s + q, "kadenc", 6))
				return 0;
	}
	*role = past ? COUNCIL_ROLE_MEMBER : COUNCIL_ROLE_CHAIR;
	return 1;
}

/* The role at t: a role word ("pirmininko pavaduotojas": the deputy) in a
 * context that makes it one, or a chair's verb.  0 when none. */
static int role_head(role_state *st, const char *s, size_t len, size_t lo, const tok *t)
{
	council_role r2;
	tok n;

	memset(st, 0, sizeof *st);
	st->rt = *t;
	if (!role_word(s, t, &st->role)) {
		if (!chair_verb(s, len, lo, t, &st->role))
			return 0;
		st->verb = 1;
	}
	if (!st->verb && st->role == COUNCIL_ROLE_CHAIR && lp_next_tok(s, len, t->e, &n) &&
	    role_word(s, &n, &r2) && r2 == COUNCIL_ROLE_DEPUTY) {
		st->role = r2;
		st->rt.e = n.e;
	}
	if (!st->verb && !role_context_ok(s, len, lo, st->rt.s, st->rt.e))
		return 0;
	st->start = st->rt.s;
	return 1;
}

/* A form's "Pirmininkas (-ė):", "Pavaduotojas (-a):", a template's
 * "Tarybos pirmininkas (vardas, pavardė, atstovaujama organizacija): ...":
 * the parenthesis is part of the role's words.  Returns where the name may
 * follow. */
static size_t role_form_tail(const char *s, size_t len, tok *rt)
{
	size_t p = rt->e, q = p, z;

	while (q < len && s[q] == ' ')
		q++;
	if (q + 3 < len && s[q] == '(' && s[q + 1] == '-') {
		for (z = q + 2; z < len && z < q + 8 && s[z] != ')'; z++)
			;
		if (z < len && s[z] == ')')
			p = rt->e = z + 1;
	} else if (q + 3 < len && s[q] == '(') {
		for (z = q + 1; z < len && z < q + 90 && s[z] != ')' && s[z] != '\n'; z++)
			;
		if (z + 1 < len && s[z] == ')' && s[z + 1] == ':')
			p = rt->e = z + 1;
	}
	return p;
}

/* The name after the role: appointment words, a dash or a colon, then the
 * name (a signature puts it lines below), or the person's own post and
 * then the name.  t is the role's first word. */
static int name_after_role(role_state *st, const char *s, size_t len, size_t lo, const tok *t)
{
	tok n, v;
	size_t p = role_form_tail(s, len, &st->rt), second = 0;
	int k, after;

	for (k = 0; k < 5 && lp_next_tok(s, len, p, &n) && lp_tok_in_set(s, &n, &appoint_set); k++)
		p = n.e;
	{
		size_t ap = appointment_after_words(s, len, p);
		if (ap) {
			p = ap;
			k++;
			while (k < 6 && lp_next_tok(s, len, p, &n) && lp_tok_in_set(s, &n, &appoint_set))
				p = n.e, k++;
		}
	}
	if (lp_next_tok(s, len, p, &n) && (lp_is_dash_tok(s, len, &n) || lp_tok_punct(s, &n, ':'))) {
		static const char *const pronouns[] = { LEX_POST_PRONOUN(LEX_WRITTEN) NULL };
		p = n.e;
		k++;
		/* "pirmininkę – ja tapo ... pirmininkė X": the pronoun and
		 * its verb stand for the post, no part of the organisation */
		if (lp_next_tok(s, len, p, &n) && lp_tok_in(s, &n, pronouns) &&
		    lp_next_tok(s, len, n.e, &v) && lp_tok_in(s, &v, appoint_verbs))
			p = v.e;
	} else if (lp_next_tok(s, len, p, &n) && lp_tok_punct(s, &n, '.') &&
	           lp_next_tok(s, len, n.e, &n) && n.e - n.s < 8 && n.e - n.s > 1 &&
	           lp_next_tok(s, len, n.e, &v) && lp_tok_in(s, &v, appoint_verbs)) {
		/* "išrinktas naujas tarybos pirmininkas. Juo tapo ...
		 * pirmininkas X": the next sentence's pronoun opening it */
		static const char *const pronouns[] = { LEX_POST_PRONOUN(LEX_WRITTEN) NULL };
		char low[8];
		size_t i;
		for (i = 0; i < n.e - n.s; i++)
			low[i] = (char)(s[n.s + i] >= 'A' && s[n.s + i] <= 'Z' ? s[n.s + i] + 32 : s[n.s + i]);
		low[i] = '\0';
		for (i = 0; pronouns[i]; i++)
			if (!strcmp(low, pronouns[i]) && low[0] != s[n.s]) {
				p = v.e;
				k++;
				break;
			}
	}
	/* "pirmininkauja" is a role word written as a verb */
	if (!st->verb && t->e - t->s > 4 &&
	    (memcmp(s + t->e - 4, "auja", 4) == 0 || memcmp(s + t->e - 4, "auju", 4) == 0))
		st->verb = 2;
	/* "Tarybai pirmininkauju aš, Rasa Bagdonienė" */
	if (st->verb && lp_next_tok(s, len, p, &n) && lp_tok_is(s, &n, "aš")) {
		p = n.e;
		if (lp_next_tok(s, len, p, &n) && lp_tok_punct(s, &n, ','))
			p = n.e;
	}
	while (p < len && lp_is_space((unsigned char)s[p]))
		p++;
	st->ds = st->de = 0;
	after = name_at(s, len, p, &st->ns, &st->ne);
	/* "tarybos pirmininkė, Viečiūnų bendruomenės pirmininkė Ramunė
	 * Grigienė": the person's own post after a comma, then the name */
	if (!after && k == 0 && !st->verb && lp_next_tok(s, len, st->rt.e, &n) &&
	    lp_tok_punct(s, &n, ',') && org_opens(s, len, n.e) &&
	    post_before_name(s, len, n.e, &st->de, &st->ns, &st->ne, &second)) {
		st->ds = second ? second : n.e;
		while (st->ds < st->de && s[st->ds] == ' ')
			st->ds++;
		after = 1;
	}
	if (!after && (k > 0 || st->verb) &&
	    post_before_name(s, len, p, &st->de, &st->ns, &st->ne, &second)) {
		tok last;
		council_role pr;
		st->ds = second ? second : p;
		after = 1;
		/* "sekretore išrinkta Tarybos narė Inga Mockienė, Savivaldybės
		 * administracijos ...": membership of the council is no
		 * organisation; the one after the name is */
		if (lp_prev_tok(s, len, st->ds, st->de, &last) && role_word(s, &last, &pr) &&
		    pr == COUNCIL_ROLE_MEMBER) {
			/* ... but another body's membership is: "lieka
			 * Savivaldybės tarybos narys X" represents the
			 * Savivaldybės taryba */
			tok first;
			if (lp_next_tok(s, len, st->ds, &first) && first.e < last.s && first.word &&
			    lp_is_upper_cp(lp_tok_cp(s, len, &first)) && !lp_tok_is(s, &first, "tarybos") &&
			    !lp_tok_is(s, &first, "bo") && !lp_tok_is(s, &first, "bot") &&
			    !lp_tok_is(s, &first, "nvo")) {
				st->de = last.s;
				while (st->de > st->ds && s[st->de - 1] == ' ')
					st->de--;
			} else {
				st->ds = st->de = 0;
			}
		}
	}
	if (!after)
		return 0;
	/* the phrase starts at an appointment verb just before the role
	 * ("išrinktas tarybos pirmininku X") */
	p = st->rt.s;
	if (lp_prev_tok(s, len, lo, p, &v) && lp_tok_is(s, &v, "tarybos"))
		p = v.s;
	if (lp_prev_tok(s, len, lo, p, &v) && lp_tok_in(s, &v, appoint_verbs))
		st->start = v.s;
	return 1;
}

/* The name before the role: "Jonas Marcinkus išrinktas tarybos
 * pirmininku", "Jonas Marcinkus - pirmininkas". */
static int name_before_role(role_state *st, const char *s, size_t len, size_t lo)
{
	tok n, v;
	size_t p = st->rt.s;
	int k;

	for (k = 0; k < 3 && lp_prev_tok(s, len, lo, p, &v) && v.word &&
	            (lp_tok_is(s, &v, "tarybos") || lp_tok_is(s, &v, "bo") || lp_tok_is(s, &v, "nvo") ||
	             lp_tok_is(s, &v, "bot"));
	     k++)
		p = v.s;
	if (lp_prev_tok(s, len, lo, p, &v) && lp_tok_in(s, &v, appoint_verbs)) {
		p = v.s;
		if (lp_prev_tok(s, len, lo, p, &v) && (lp_tok_is(s, &v, "buvo") || lp_tok_is(s, &v, "vėl")))
			p = v.s;
	} else if (lp_prev_tok(s, len, lo, p, &v) && (lp_is_dash_tok(s, len, &v) || lp_tok_punct(s, &v, '(')) &&
	           (!lp_next_tok(s, len, st->rt.e, &n) || !n.word)) {
		p = v.s;
	} else {
		return 0;
	}
	if (!name_before(s, len, lo, p, &st->ns, &st->ne))
		return 0;
	st->ds = st->de = 0;
	st->start = st->ns;
	st->rt.e = st->rt.e > st->ne ? st->rt.e : st->ne;
	return 1;
}

/* The match: the phrase, the name in the nominative, the organisation
 * told before the name or else after it. */
static void role_fill(lt_role_match *r, const role_state *st, const char *s, size_t len)
{
	size_t os, oe;

	memset(r, 0, sizeof *r);
	r->role = st->role;
	r->start = st->start;
	r->end = st->ne > st->rt.e ? st->ne : st->rt.e;
	r->name_start = st->ns;
	r->name_end = st->ne;
	lt_name_nominative(r->name, sizeof r->name, s + st->ns, st->ne - st->ns);
	r->org_start = r->org_end = st->ne;
	if (st->de > st->ds) {
		r->org_start = st->ds;
		r->org_end = st->de;
	} else if ((oe = org_after(s, len, st->ne, &os)) != 0) {
		r->org_start = os;
		r->org_end = oe;
	}
}

static int role_at(lt_role_match *r, const char *s, size_t len, size_t lo, tok *t)
{
	role_state st;

	if (!role_head(&st, s, len, lo, t))
		return 0;
	/* a name after the role, else (unless a verb told it) one before */
	if (!name_after_role(&st, s, len, lo, t) &&
	    (st.verb == 1 || !name_before_role(&st, s, len, lo)))
		return 0;
	role_fill(r, &st, s, len);
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

size_t lt_former_name(char *out, size_t outsz, const char *name, const char *said)
{
	const char *sp, *last;
	size_t n, k;

	if (outsz)
		out[0] = '\0';
	if (!name || !said || !(sp = strchr(said, ' ')) || strchr(sp + 1, ' ') ||
	    !lt_former_word(said, (size_t)(sp - said)))
		return 0;
	sp++;
	/* a surname: capitalised (not a lower-case ASCII letter), two bytes or more */
	if (strlen(sp) < 2 || (*sp >= 'a' && *sp <= 'z') || (*sp >= '0' && *sp <= '9'))
		return 0;
	if (!(last = strrchr(name, ' ')))
		return 0;
	n = (size_t)(last - name) + 1;
	k = strlen(sp);
	if (n + k >= outsz)
		return 0;
	memcpy(out, name, n);
	memcpy(out + n, sp, k + 1);
	return n + k;
}

int lt_former_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; former_words[i]; i++)
		if (strlen(former_words[i]) == n && memcmp(former_words[i], s, n) == 0)
			return 1;
	return 0;
}

/* ", taip pat išrinktas į naujos kadencijos tarybą" after a name: the
 * person was elected, appointed or delegated into the council (a
 * member_joined stem, "į", up to three words, the council in the
 * accusative); another body's council ("į Savivaldybės tarybą") is not
 * it.  Returns where the phrase ends, or 0. */
size_t lt_elected_into(const char *s, size_t len, size_t p)
{
	static const char *const joined[] = { LEX_MEMBER_JOINED(LEX_WRITTEN) NULL };
	static const char *const other_body[] = { "savivaldyb", "Savivaldyb", "rajono", "miesto", NULL };
	tok t, prev;
	int k;

	if (lp_next_tok(s, len, p, &t) && lp_tok_punct(s, &t, ','))
		p = t.e;
	if (lp_next_tok(s, len, p, &t) && lp_tok_is(s, &t, "taip") && lp_next_tok(s, len, t.e, &t) &&
	    lp_tok_is(s, &t, "pat"))
		p = t.e;
	if (!lp_next_tok(s, len, p, &t) || !lp_tok_starts_any(s, &t, joined) || !lp_next_tok(s, len, t.e, &t) ||
	    !lp_tok_is(s, &t, "į"))
		return 0;
	prev = t;
	for (k = 0; k < 4 && lp_next_tok(s, len, prev.e, &t) && t.word; k++) {
		if (lt_word_starts(s + t.s, t.e - t.s, "tarybą") || lt_word_starts(s + t.s, t.e - t.s, "Tarybą"))
			return k > 0 && lp_tok_starts_any(s, &prev, other_body) ? 0 : t.e;
		prev = t;
	}
	return 0;
}
