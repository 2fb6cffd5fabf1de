/* SPDX-License-Identifier: MIT */
/*
 * lt_lemma.c -- dictionary forms: an event's or a plan's title, a place and
 * a person's name back in the nominative, as a list would write them.
 * The case endings are data (lexicon.def: noun_ending, adjective_ending,
 * adjective_stem_end); which nominative an ending came from, where it could
 * be several, is settled by the lexicon's lists (title_noun,
 * place_nominative), by the morphology dictionary where there is one
 * (lt_dict.c) and, for names, by the other forms the document writes.
 * Where a personal name's endings are read is lt_name.c; which records these
 * forms are applied to is extract_forms.c.
 */
#define _GNU_SOURCE 1 /* memmem */
#include <pthread.h>
#include <stdlib.h>

#include "lt_int.h"
#include "lexicon.h"

/* ---- the endings -------------------------------------------------------- */

struct erow {
	const char *end, *fend;  /* as written, folded */
	const char *nom[3];      /* the nominatives it may come from, first the guess */
	enum ncase c;
	int number;              /* 1 singular, 2 plural */
	enum ngender g;
	const char *plural;      /* a singular nominative's plural ending, or NULL */
	unsigned char len, flen; /* the byte lengths of end and fend (no strlen a try) */
};

#define NROW(w, f, a, b, c3, cs, num, g, pl) { w, f, { a, b, c3 }, cs, num, g, pl, sizeof w - 1, sizeof f - 1 },
#define AROW(w, f, a, b, c3, cs, num, g) { w, f, { a, b, c3 }, cs, num, g, NULL, sizeof w - 1, sizeof f - 1 },
static const struct erow noun_rows[] = { LEX_NOUN_ENDING(NROW) };
static const struct erow adj_rows[] = { LEX_ADJECTIVE_ENDING(AROW) };
static const struct erow adj_u_rows[] = { LEX_ADJECTIVE_U_ENDING(AROW) };
#undef NROW
#undef AROW

#define N_NOUN (sizeof noun_rows / sizeof noun_rows[0])
#define N_ADJ (sizeof adj_rows / sizeof adj_rows[0])
#define N_ADJ_U (sizeof adj_u_rows / sizeof adj_u_rows[0])

static const char *const stem_ends[] = { LEX_ADJECTIVE_STEM_END(LEX_WRITTEN) NULL };
static const char *const u_stems[] = { LEX_ADJECTIVE_U_STEM(LEX_FOLDED) NULL };
static const char *const verb_ends[] = { LEX_VERB_PAST_END(LEX_WRITTEN) NULL };
static const char *const title_nouns[] = { LEX_TITLE_NOUN(LEX_FOLDED) NULL };
#define TN_SINGULAR(w, f, one) one,
static const int title_singular_only[] = { LEX_TITLE_NOUN(TN_SINGULAR) 0 };
#undef TN_SINGULAR
static const char *const places[] = { LEX_PLACE_NOMINATIVE(LEX_FOLDED) NULL };

/* The longest a word is worked on; a longer one is left as it is. */
#define WMAX 128

/* Is s[0..n) typed without Lithuanian letters?  Then its endings are read
 * folded ("sventeje" is "šventėje"); a phrase with one such letter is not,
 * though a quotation mark or a dash is beyond ASCII. */
static int is_plain(const char *s, size_t n)
{
	static const char lt[] = "ąčęėįšųūžĄČĘĖĮŠŲŪŽ";
	size_t i = 0, k;
	uint32_t cp, l;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) { /* most of a title: no decoding */
			i++;
			continue;
		}
		i += utf8_decode(&cp, s + i, n - i);
		/* a combining mark (ogonek, dot, caron, macron): a text saved in
		 * NFD writes its Lithuanian letters so */
		if (cp >= 0x300 && cp <= 0x36F)
			return 0;
		for (k = 0; k < sizeof lt - 1; k += utf8_decode(&l, lt + k, sizeof lt - 1 - k))
			if (utf8_decode(&l, lt + k, sizeof lt - 1 - k) && l == cp)
				return 0;
	}
	return 1;
}

/* Does w[0..n) end with suf, letter case aside?  Returns suf's length in
 * w (the Lithuanian letters' cases have the same byte lengths), or 0. */
static size_t ends_n(const char *w, size_t n, const char *suf, size_t sl)
{
	size_t used;

	int ascii;

	if (sl >= n || lt_last_letter_differs(w, n, suf, sl))
		return 0;
	if ((ascii = lt_ascii_tail_is(w, n, suf, sl)) >= 0)
		return ascii ? sl : 0;
	if (!lt_match_prefix(&used, w + n - sl, sl, suf, 1) || used != sl)
		return 0;
	return sl;
}

static size_t ends(const char *w, size_t n, const char *suf)
{
	return ends_n(w, n, suf, strlen(suf));
}

/* The ending row r shows on w, or 0: a text typed without Lithuanian
 * letters is read by the folded endings ("konferencijoje", "sventeje"). */
static size_t row_ends(const struct erow *r, const char *w, size_t n, int ascii)
{
	return ascii ? ends_n(w, n, r->fend, r->flen) : ends_n(w, n, r->end, r->len);
}

/* stem + nom into out, nom folded for an ASCII text and in capitals after
 * a stem in capitals.  0 when it does not fit. */
static size_t make(char *out, size_t outsz, const char *w, size_t stem, const char *nom, int ascii)
{
	char buf[WMAX];
	size_t i = 0, k, o = stem;
	uint32_t cp;
	int upper = stem > 1 && lp_all_upper(w, stem);
	const char *src = nom;
	size_t sl = strlen(nom);

	if (ascii) {
		if (sl >= sizeof buf)
			return 0;
		sl = utf8_fold_into(buf, nom, sl);
		src = buf;
	}
	if (stem + sl * 2 + 1 > outsz)
		return 0;
	memcpy(out, w, stem);
	while (i < sl) {
		i += utf8_decode(&cp, src + i, sl - i);
		k = utf8_encode(out + o, upper ? utf8_upper(cp) : cp);
		o += k;
	}
	out[o] = '\0';
	return o;
}

/* The gender a nominative ending shows (-a, -ė, -os, -ės, -oji, -osios
 * are feminine). */
static enum ngender nom_gender(const char *nom)
{
	static const char *const fem[] = { "a", "ė", "os", "ės", "oji", "osios", NULL };
	size_t n = strlen(nom), k, l;

	for (k = 0; fem[k]; k++)
		if ((l = strlen(fem[k])) <= n && strcmp(nom + n - l, fem[k]) == 0)
			return NG_FEMALE;
	return NG_MALE;
}

/* Is the folded f[0..fl) one of list?  Most entries differ in the first
 * byte, refused before their length is taken. */
static int in_folded_list(const char *const *list, const char *f, size_t fl)
{
	size_t k;

	for (k = 0; list[k]; k++)
		if ((!fl || list[k][0] == f[0]) && strlen(list[k]) == fl && memcmp(list[k], f, fl) == 0)
			return 1;
	return 0;
}

/* A place list entry may be two words ("Kazlų Rūda"): its last word is
 * what declines. */
static int known_place(const char *w, size_t n)
{
	char f[WMAX];
	size_t k, fl, ll;

	if (n >= sizeof f)
		return 0;
	fl = utf8_fold_into(f, w, n);
	for (k = 0; places[k]; k++) {
		const char *sp = strrchr(places[k], ' ');
		const char *last = sp ? sp + 1 : places[k];
		ll = strlen(last);
		if (ll == fl && memcmp(last, f, fl) == 0)
			return 1;
	}
	return 0;
}

typedef int (*known_fn)(const char *w, size_t n);

/* The title nouns' plurals, folded ("renginiai" of "renginys"): each
 * singular nominative row's plural ending put on every title noun that row
 * fits, once a process (the words are compared with them for every word a
 * title's head could be).  Sized by a first pass, so no lexicon outgrows
 * it; held for the process's life.  Out of memory: none are known. */
static const char *const *tn_plurals;
static const char *const tn_none[] = { NULL };
static pthread_once_t tn_plurals_once = PTHREAD_ONCE_INIT;

/* Writes the plurals into buf (when not NULL) and list; returns how many
 * bytes they take, *count how many there are. */
static size_t tn_plurals_make(char *buf, const char **list, size_t *count)
{
	char pe[16];
	size_t k, r, tl, el, pel, used = 0, n = 0;

	for (k = 0; title_nouns[k]; k++) {
		if (title_singular_only[k])
			continue;
		tl = strlen(title_nouns[k]);
		for (r = 0; r < N_NOUN; r++) {
			const struct erow *row = &noun_rows[r];
			if (!row->plural || (el = strlen(row->fend)) >= tl ||
			    memcmp(title_nouns[k] + tl - el, row->fend, el) != 0 ||
			    strlen(row->plural) >= sizeof pe)
				continue;
			pel = utf8_fold_into(pe, row->plural, strlen(row->plural));
			if (buf) {
				memcpy(buf + used, title_nouns[k], tl - el);
				memcpy(buf + used + tl - el, pe, pel);
				buf[used + tl - el + pel] = '\0';
				list[n] = buf + used;
			}
			n++;
			used += tl - el + pel + 1;
		}
	}
	*count = n;
	return used;
}

static void tn_plurals_init(void)
{
	size_t n, bytes = tn_plurals_make(NULL, NULL, &n);
	const char **list = malloc((n + 1) * sizeof *list + bytes);

	tn_plurals = tn_none;
	if (!list)
		return;
	tn_plurals_make((char *)(list + n + 1), list, &n);
	list[n] = NULL;
	tn_plurals = list;
}

/* A title noun, or the plural of one. */
static int known_title_noun(const char *w, size_t n)
{
	char f[WMAX];
	size_t fl;

	pthread_once(&tn_plurals_once, tn_plurals_init);
	if (n >= sizeof f)
		return 0;
	fl = utf8_fold_into(f, w, n); /* once for both lists */
	return in_folded_list(title_nouns, f, fl) || in_folded_list(tn_plurals, f, fl);
}

/* One reading of a word: the row and the nominative chosen. */
struct reading {
	const struct erow *row;
	char nom[WMAX];
	size_t len;
	int known;     /* the nominative is a word of the list or dictionary */
};

/*
 * The nominative of the noun w[0..n) in one of the cases of mask (bits
 * 1 << NC_*).  need_known: only one the list `known` has.  Else one the
 * list (may be NULL) or the dictionary has wins, and the first row's first
 * nominative is the guess (the table's order).  Returns 1 and fills *rd.
 */
static int noun_reading(struct reading *rd, const char *w, size_t n, unsigned mask, known_fn known,
                        int need_known, int ascii)
{
	size_t longest[NC_LOC + 1] = { 0 };
	/* each row's ending on w, matched once: the passes below ask again */
	size_t row_sl[N_NOUN];
	int have = 0, count = 0;
	size_t k, j, sl;
	char cand[WMAX];

	if (n >= WMAX / 2)
		return 0;
	/* a case's longest ending is its reading: "Lentvaryje" is -yje, not
	 * -e; "sąskrydžio" -džio, not -io (a row of a case not in mask is
	 * left 0, and so is its case's longest) */
	for (k = 0; k < N_NOUN; k++) {
		const struct erow *r = &noun_rows[k];
		row_sl[k] = (mask & (1u << r->c)) ? row_ends(r, w, n, ascii) : 0;
		if ((sl = row_sl[k]) && n - sl >= 2 && sl > longest[r->c])
			longest[r->c] = sl;
	}
	for (k = 0; k < N_NOUN; k++)
		if (longest[noun_rows[k].c] && row_sl[k] == longest[noun_rows[k].c])
			for (j = 0; j < 3 && noun_rows[k].nom[j]; j++)
				count++;
	for (k = 0; k < N_NOUN; k++) {
		const struct erow *r = &noun_rows[k];
		if (!longest[r->c] || (sl = row_sl[k]) != longest[r->c])
			continue;
		for (j = 0; j < 3 && r->nom[j]; j++) {
			size_t cl = make(cand, sizeof cand, w, n - sl, r->nom[j], ascii);
			int kn;
			if (!cl)
				continue;
			/* a list that must know the word (a title's head) is not
			 * widened by the dictionary, which knows every noun; nor is
			 * the dictionary asked where the endings leave one reading */
			kn = (known && known(cand, cl)) ||
			     (!need_known && count > 1 && lt_dict_has_stem(w, n, cand, cl));
			if (kn || (!have && !need_known)) {
				rd->row = r;
				memcpy(rd->nom, cand, cl + 1);
				rd->len = cl;
				rd->known = kn;
				have = 1;
				if (kn)
					return 1;
			}
		}
	}
	return have;
}

unsigned lt_lemma_noun_cases(const char *w, size_t n, int title_noun, int ascii)
{
	int folded_nom = 0;
	unsigned mask = 0;
	size_t k, j, sl, loc = 0;
	char cand[WMAX];

	if (n >= WMAX / 2)
		return 0;
	for (k = 0; k < N_NOUN; k++) {
		const struct erow *r = &noun_rows[k];
		if (!(sl = row_ends(r, w, n, ascii)) || n - sl < 2)
			continue;
		for (j = 0; j < 3 && r->nom[j]; j++) {
			size_t cl = make(cand, sizeof cand, w, n - sl, r->nom[j], ascii);
			if (!cl || (title_noun && !known_title_noun(cand, cl)))
				continue;
			mask |= 1u << r->c;
			if (r->c == NC_LOC && sl > loc)
				loc = sl;
			if (r->c == NC_NOM && strcmp(r->end, r->fend) != 0)
				folded_nom = 1;
		}
	}
	/* Typed without Lithuanian letters, "Drevernoje" also ends like a
	 * nominative in -ė: a locative ending of three letters or more is the
	 * likelier reading (no nominative ends in -oje, -uose, -yje) */
	if (ascii && folded_nom && loc >= 3) {
		int exact_nom = 0;
		for (k = 0; k < N_NOUN; k++)
			if (noun_rows[k].c == NC_NOM && strcmp(noun_rows[k].end, noun_rows[k].fend) == 0 &&
			    row_ends(&noun_rows[k], w, n, 1) && n - strlen(noun_rows[k].fend) >= 2)
				exact_nom = 1;
		if (!exact_nom)
			mask &= ~(1u << NC_NOM);
	}
	return mask;
}

/* Is the word before a noun in case c, number num and gender g an
 * adjective or participle agreeing with it ("išvykstamajame
 * informaciniame seminare")?  Writes its nominative into *rd.  A definite
 * form (-asis, -oji ...) is one by its ending; an indefinite one outside
 * the locative needs an adjective's stem ("regionin-", "organizuot-"),
 * since "rajono", "krašto" and "idėją" end like adjectives too. */
static int adjective_reading(struct reading *rd, const char *w, size_t n, enum ncase c, int num,
                             enum ngender g, int ascii)
{
	size_t k, j, sl, e;
	char stem[WMAX];

	if (n >= WMAX / 2)
		return 0;
	/* an adjective in -us by its stem: "gražiame" is gražus, not "gražis" */
	for (k = 0; k < N_ADJ_U; k++) {
		const struct erow *r = &adj_u_rows[k];
		const char *nom;
		size_t fl;
		if (r->c != c || r->number != num || (r->g != NG_EITHER && r->g != g) ||
		    !(sl = row_ends(r, w, n, ascii)) || n - sl < 3)
			continue;
		fl = ascii ? n - sl : utf8_fold_into(stem, w, n - sl);
		if (ascii)
			memcpy(stem, w, fl);
		for (e = 0; u_stems[e]; e++)
			if (strlen(u_stems[e]) == fl && memcmp(u_stems[e], stem, fl) == 0)
				break;
		if (!u_stems[e])
			continue;
		nom = r->g == NG_EITHER && g == NG_FEMALE && r->nom[1] ? r->nom[1] : r->nom[0];
		if (!(rd->len = make(rd->nom, sizeof rd->nom, w, n - sl, nom, ascii)))
			return 0;
		rd->row = r;
		rd->known = 0;
		return 1;
	}
	for (k = 0; k < N_ADJ; k++) {
		const struct erow *r = &adj_rows[k];
		if (r->c != c || r->number != num || !(sl = row_ends(r, w, n, ascii)) || n - sl < 2)
			continue;
		for (j = 0; j < 3 && r->nom[j]; j++) {
			const char *nom = r->nom[j];
			size_t nl = strlen(nom);
			int definite = nl >= 3 && (strcmp(nom + nl - 3, "sis") == 0 ||
			                           strcmp(nom + nl - 2, "ji") == 0 || strcmp(nom, "osios") == 0);
			/* two nouns in one case stand side by side ("rajono
			 * seminaro", "pristatė idėją forumą"), but hardly two
			 * locatives: there a word that agrees is the adjective
			 * ("daugiakultūriame centre") */
			int stem_ok = definite || c == NC_LOC;
			if (nom_gender(nom) != g)
				continue;
			if (!stem_ok) {
				size_t fl = ascii ? n - sl : utf8_fold_into(stem, w, n - sl);
				const char *fs = ascii ? w : stem;
				for (e = 0; stem_ends[e] && !stem_ok; e++) {
					char fe[16];
					size_t el = utf8_fold_into(fe, stem_ends[e], strlen(stem_ends[e]));
					stem_ok = fl > el && memcmp(fs + fl - el, fe, el) == 0;
				}
			}
			if (!stem_ok)
				continue;
			if (!(rd->len = make(rd->nom, sizeof rd->nom, w, n - sl, nom, ascii)))
				continue;
			rd->row = r;
			rd->known = 0;
			return 1;
		}
		/* the longest ending of the case decides: "-iame" is not "-ame" */
		return 0;
	}
	return 0;
}

/* ---- phrases ------------------------------------------------------------ */

#define MAXW 48

struct phrase {
	size_t s[MAXW], e[MAXW];  /* each word's letters (punctuation outside) */
	char *rep[MAXW];          /* its replacement, or NULL */
	unsigned char quoted[MAXW]; /* inside quotation marks */
	int n;
	int cut;                  /* words from here on are a name or an aside */
	int plain;                /* typed without Lithuanian letters */
};

static int word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
	       (c >= '0' && c <= '9');
}

/* Splits s[0..n) into words, each marked when it stands inside quotation
 * marks (a quoted name, never declined); a parenthesis starts the part no
 * rule reads (an aside), and so do, in a title (cuts), a colon and a dash
 * between spaces outside quotes. */
static void split(struct phrase *p, const char *s, size_t n, int cuts)
{
	size_t i = 0, j;
	uint32_t cp;
	int inq = 0;

	memset(p, 0, sizeof *p);
	p->cut = -1;
	while (i < n && p->n < MAXW) {
		size_t k = utf8_decode(&cp, s + i, n - i);
		/* „…“ as Lithuanian writes it, “…” and "…" as others do */
		if (cp == 0x201E || cp == 0xAB) {
			inq = 1;
		} else if (cp == 0x201C) {
			inq = !inq;
		} else if (cp == 0x201D || cp == 0xBB) {
			inq = 0;
		} else if (cp == '"') {
			inq = !inq;
		} else if (!inq && (cp == '(' || (cuts && (cp == ':' || cp == 0x2013 || cp == 0x2014 ||
		                                           (cp == '-' && i > 0 && s[i - 1] == ' '))))) {
			if (p->cut < 0)
				p->cut = p->n;
		}
		if (!word_byte((unsigned char)s[i]) || cp == 0x2013 || cp == 0x2014 || cp == 0x201E ||
		    cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB || cp == 0x2026) {
			i += k;
			continue;
		}
		for (j = i; j < n && word_byte((unsigned char)s[j]); ) {
			size_t kk = utf8_decode(&cp, s + j, n - j);
			if (cp == 0x2013 || cp == 0x2014 || cp == 0x201E || cp == 0x201C || cp == 0x201D ||
			    cp == 0xAB || cp == 0xBB || cp == 0x2026)
				break;
			j += kk;
		}
		while (j > i && s[j - 1] == '-')
			j--;
		if (j == i) {
			i += k;
			continue;
		}
		p->s[p->n] = i;
		p->e[p->n] = j;
		p->quoted[p->n] = (unsigned char)inq;
		p->n++;
		i = j;
	}
	if (p->cut < 0)
		p->cut = p->n;
	p->plain = is_plain(s, n);
}

/* Appends b[0..bl) to out at *o, cut short at a character's start when
 * out is full. */
static void put(char *out, size_t outsz, size_t *o, const char *b, size_t bl)
{
	if (*o + bl >= outsz) {
		bl = outsz - 1 - *o;
		while (bl > 0 && ((unsigned char)b[bl] & 0xC0) == 0x80)
			bl--;
	}
	memcpy(out + *o, b, bl);
	*o += bl;
	out[*o] = '\0';
}

/* The phrase with its replacements: what lies between words as it was. */
static size_t emit(char *out, size_t outsz, struct phrase *p, const char *s, size_t n)
{
	size_t o = 0, i = 0;
	int w;

	if (!out || outsz == 0)
		return 0;
	out[0] = '\0';
	for (w = 0; w < p->n; w++) {
		put(out, outsz, &o, s + i, p->s[w] - i);
		if (p->rep[w])
			put(out, outsz, &o, p->rep[w], strlen(p->rep[w]));
		else
			put(out, outsz, &o, s + p->s[w], p->e[w] - p->s[w]);
		i = p->e[w];
	}
	put(out, outsz, &o, s + i, n - i);
	return o;
}

static void phrase_free(struct phrase *p)
{
	int w;

	for (w = 0; w < p->n; w++)
		free(p->rep[w]);
}

/* Has the word a genitive reading (a noun's or an adjective's)?  Such a
 * word may stand between a noun and its adjective ("regioninėje
 * bendruomenių konferencijoje"). */
int lt_lemma_past_verb(const char *w, size_t n, int plain)
{
	size_t v;

	for (v = 0; verb_ends[v]; v++) {
		char fe[16];
		const char *e = verb_ends[v];
		if (plain) {
			utf8_fold_into(fe, e, strlen(e));
			e = fe;
		}
		if (ends(w, n, e) && n > strlen(e) + 2)
			return 1;
	}
	return 0;
}

static int genitive_like(const char *w, size_t n, int ascii)
{
	size_t k;

	if (lt_lemma_past_verb(w, n, ascii))
		return 0; /* "organizavo" is no genitive */
	for (k = 0; k < N_NOUN; k++)
		if (noun_rows[k].c == NC_GEN && row_ends(&noun_rows[k], w, n, ascii))
			return 1;
	return 0;
}

/* The head noun at word h read as rd: it and the adjectives agreeing with
 * it before it go to the nominative. */
static int decline_head(struct phrase *p, const char *s, int from, int h, const struct reading *rd)
{
	enum ngender g = nom_gender(rd->nom);
	int w;

	if (rd->row->c == NC_NOM)
		return h;
	p->rep[h] = strdup(rd->nom);
	for (w = h - 1; w >= from && !p->quoted[w]; w--) {
		struct reading a;
		const char *ws = s + p->s[w];
		size_t wn = p->e[w] - p->s[w];
		if (adjective_reading(&a, ws, wn, rd->row->c, rd->row->number, g, p->plain)) {
			p->rep[w] = strdup(a.nom);
			continue;
		}
		if (rd->row->c != NC_GEN && genitive_like(ws, wn, p->plain))
			continue;
		break;
	}
	return w;
}

static const char *const abbreviations[] = { LEX_ABBREVIATION(LEX_WRITTEN) NULL };

/* May a word stand before a title's noun phrase, the title still a name?
 * A number, an abbreviation ("2023−2025 m."), an acronym ("LVBOS") or a
 * genitive ("veiklos"); a verb or a preposition ("organizavo",
 * "prie", "dėl") makes the title a clause, which stays as written. */
static int title_prefix(const struct phrase *p, const char *s, int w)
{
	const char *ws = s + p->s[w];
	size_t wn = p->e[w] - p->s[w], k;

	for (k = 0; k < wn; k++)
		if (ws[k] >= '0' && ws[k] <= '9')
			return 1;
	for (k = 0; abbreviations[k]; k++)
		if (lt_word_is(ws, wn, abbreviations[k]))
			return 1;
	return (wn >= 2 && lp_all_upper(ws, wn)) || genitive_like(ws, wn, p->plain);
}

static size_t copy_as_is(char *out, size_t outsz, const char *s, size_t n)
{
	if (!out || outsz == 0)
		return 0;
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, s, n);
	out[n] = '\0';
	return n;
}

size_t lt_lemma_title(char *out, size_t outsz, const char *s, size_t n)
{
	return lt_lemma_title_in(out, outsz, s, n, NULL, 0);
}

/* A phrase without Lithuanian letters is typed plain only when the text
 * around it has none either: "Raudondvario dvare" in a text that writes
 * "ė" elsewhere is read as written, the -e a locative, not a folded -ė. */
static void plain_in(struct phrase *p, const char *ctx, size_t ctxlen)
{
	if (p->plain && ctx && !is_plain(ctx, ctxlen))
		p->plain = 0;
}

size_t lt_lemma_title_in(char *out, size_t outsz, const char *s, size_t n, const char *ctx,
                         size_t ctxlen)
{
	struct phrase p;
	struct reading rd, next;
	int w, h = -1;
	size_t o;

	if (!s)
		return copy_as_is(out, outsz, "", 0);
	split(&p, s, n, 1);
	plain_in(&p, ctx, ctxlen);
	/* the head: the first title noun outside quotes, unless it is a
	 * genitive another title noun follows ("Bendruomenių dienos šventė",
	 * "renginio „…“ pristatymas") */
	for (w = 0; w < p.cut && h < 0; w++) {
		int v, later = 0;
		if (p.quoted[w] ||
		    !noun_reading(&rd, s + p.s[w], p.e[w] - p.s[w], ~0u, known_title_noun, 1, p.plain))
			continue;
		for (v = w + 1; rd.row->c == NC_GEN && v < p.cut && !later; v++)
			later = !p.quoted[v] &&
			        noun_reading(&next, s + p.s[v], p.e[v] - p.s[v], ~0u, known_title_noun, 1, p.plain);
		if (!later)
			h = w;
	}
	if (h >= 0 && !noun_reading(&rd, s + p.s[h], p.e[h] - p.s[h], ~0u, known_title_noun, 1, p.plain))
		h = -1;
	/* "konsultacijos", "šventės": a genitive singular or a plural
	 * nominative; a word that may be a nominative stays as written */
	if (h >= 0 && rd.row->c != NC_NOM &&
	    (lt_lemma_noun_cases(s + p.s[h], p.e[h] - p.s[h], 1, p.plain) & (1u << NC_NOM)))
		h = -1;
	if (h < 0)
		return copy_as_is(out, outsz, s, n);
	for (w = decline_head(&p, s, 0, h, &rd); w >= 0; w--)
		if (!p.quoted[w] && !title_prefix(&p, s, w)) {
			/* "organizavo išvykstamąjį seminarą", "prisijungė prie
			 * LVBOS seminaro": a clause, not a name; declined it
			 * would read "organizavo išvykstamasis seminaras" */
			phrase_free(&p);
			return copy_as_is(out, outsz, s, n);
		}
	o = emit(out, outsz, &p, s, n);
	phrase_free(&p);
	return o;
}

static int place_known(const char *w, size_t n)
{
	return known_place(w, n);
}

/* One place of a list: its last word, if in the locative, and what agrees
 * with it. */
static void place_part(struct phrase *p, const char *s, int from, int to)
{
	struct reading rd;
	int h = to - 1;
	unsigned cs;

	if (h < from)
		return;
	cs = lt_lemma_noun_cases(s + p->s[h], p->e[h] - p->s[h], 0, p->plain);
	/* a trip's destination ("į Latviją", "į Biržų kraštą") is in the
	 * accusative: read so only where no other case fits ("Biržų" may be
	 * a genitive), and not without Lithuanian letters ("Sventoji" is no
	 * folded accusative) */
	if ((cs & (1u << NC_ACC)) && !p->plain &&
	    !(cs & ((1u << NC_NOM) | (1u << NC_GEN) | (1u << NC_LOC) | (1u << NC_DAT))) &&
	    noun_reading(&rd, s + p->s[h], p->e[h] - p->s[h], 1u << NC_ACC, place_known, 0, p->plain)) {
		decline_head(p, s, from, h, &rd);
		return;
	}
	if (!(cs & (1u << NC_LOC)))
		return;
	/* "Kaune" or "Kelme" (Kelmė) typed without Lithuanian letters: only
	 * a place known in the locative's nominative decides */
	if ((cs & (1u << NC_NOM)) &&
	    (!p->plain || !noun_reading(&rd, s + p->s[h], p->e[h] - p->s[h], 1u << NC_LOC, place_known, 1, 1)))
		return;
	if (!(cs & (1u << NC_NOM)) &&
	    !noun_reading(&rd, s + p->s[h], p->e[h] - p->s[h], 1u << NC_LOC, place_known, 0, p->plain))
		return;
	decline_head(p, s, from, h, &rd);
}

size_t lt_lemma_place(char *out, size_t outsz, const char *s, size_t n)
{
	return lt_lemma_place_in(out, outsz, s, n, NULL, 0);
}

size_t lt_lemma_place_in(char *out, size_t outsz, const char *s, size_t n, const char *ctx,
                         size_t ctxlen)
{
	struct phrase p;
	int w, from = 0;
	size_t o;

	if (!s)
		return copy_as_is(out, outsz, "", 0);
	split(&p, s, n, 0);
	plain_in(&p, ctx, ctxlen);
	/* "Molėtuose ir Utenoje", "Laukžemės, Kalnalio bendruomenėse": each
	 * place of a list on its own */
	for (w = 0; w < p.cut; w++) {
		size_t a = p.e[w], b = w + 1 < p.n ? p.s[w + 1] : n;
		int comma = memchr(s + a, ',', b - a) != NULL;
		int ir = w + 1 < p.cut && lt_word_is(s + p.s[w + 1], p.e[w + 1] - p.s[w + 1], "ir");
		if (comma || ir || w + 1 == p.cut) {
			place_part(&p, s, from, w + 1);
			from = w + 1 + ir;
			if (ir)
				w++;
		}
	}
	o = emit(out, outsz, &p, s, n);
	phrase_free(&p);
	return o;
}

/* ---- names -------------------------------------------------------------- */


/* The singular forms of the nominative noun x[0..xl) by the first row
 * of its nominative ending ("Šimkus": Šimkaus, Šimkui, Šimkų, Šimkumi,
 * Šimkuje and Šimkus itself), each through fn until fn says stop. */
static int each_form(const char *x, size_t xl, int (*fn)(void *, const char *, size_t), void *arg)
{
	int ascii = is_plain(x, xl);
	size_t k, j, sl = 0, stem;
	const char *nend = NULL;
	char f[WMAX];

	for (k = 0; k < N_NOUN && !nend; k++)
		if (noun_rows[k].c == NC_NOM && noun_rows[k].number == 1 &&
		    (sl = row_ends(&noun_rows[k], x, xl, ascii)) != 0 && xl - sl >= 2)
			nend = noun_rows[k].nom[0];
	if (!nend)
		return fn(arg, x, xl);
	stem = xl - sl;
	for (k = 0; k < N_NOUN; k++) {
		const struct erow *r = &noun_rows[k];
		if (r->number != 1)
			continue;
		for (j = 0; j < 3 && r->nom[j]; j++) {
			size_t fl;
			if (strcmp(r->nom[j], nend) != 0)
				continue;
			const char *e = r->c == NC_NOM ? r->nom[j] : ascii ? r->fend : r->end;
			if (stem + strlen(e) >= sizeof f)
				continue;
			memcpy(f, x, stem);
			memcpy(f + stem, e, strlen(e) + 1);
			fl = strlen(f);
			if (fn(arg, f, fl))
				return 1;
		}
	}
	return 0;
}

struct evidence {
	const char *ctx;
	size_t ctxlen;
	const char *written;   /* the form being read: no evidence of itself */
	size_t written_len;
	const char *other;     /* the competing nominative */
	size_t other_len;
	const char *form;      /* each_form's check: is form one of other's? */
	size_t form_len;
};

static int same_form(void *arg, const char *f, size_t fl)
{
	struct evidence *ev = arg;

	return fl == ev->form_len && memcmp(f, ev->form, fl) == 0;
}

static int word_in(const char *doc, size_t len, const char *w, size_t n);

/* A form of the candidate that is no form of its competitor, written in
 * the text around the name. */
static int telling_form(void *arg, const char *f, size_t fl)
{
	struct evidence *ev = arg;
	struct evidence chk = *ev;

	chk.form = f;
	chk.form_len = fl;
	if (fl == ev->written_len && memcmp(f, ev->written, fl) == 0)
		return 0;
	if (ev->other && each_form(ev->other, ev->other_len, same_form, &chk))
		return 0;
	return word_in(ev->ctx, ev->ctxlen, f, fl);
}

/* Does the text around the name (or the dictionary) speak for the
 * nominative x, against other? */
static int supported(const char *written, size_t wl, const char *x, size_t xl, const char *other,
                     size_t ol, const char *ctx, size_t ctxlen)
{
	struct evidence ev = { ctx, ctxlen, written, wl, other, ol, NULL, 0 };

	if (lt_dict_has_stem(written, wl, x, xl))
		return 1;
	return ctx && each_form(x, xl, telling_form, &ev);
}

/* Is w[0..n) a whole word of doc[0..len)? */
static int word_in(const char *doc, size_t len, const char *w, size_t n)
{
	const char *p = doc, *end = doc + len;

	if (!doc || n == 0)
		return 0;
	while (p + n <= end && (p = memmem(p, (size_t)(end - p), w, n)) != NULL) {
		int before = p == doc || !word_byte((unsigned char)p[-1]);
		int after = p + n == end || !word_byte((unsigned char)p[n]);
		if (before && after)
			return 1;
		p++;
	}
	return 0;
}

/* The singular nominative of a name's part w[0..n) typed without
 * Lithuanian letters, read in case c by the folded endings; gender g
 * (NG_UNKNOWN: any) picks among a case's nominatives ("-a": -as or -a). */
static int plain_part(char *out, size_t outsz, const char *w, size_t n, enum ncase c, enum ngender g)
{
	size_t k, j, sl, best = 0;

	for (k = 0; k < N_NOUN; k++)
		if (noun_rows[k].c == c && noun_rows[k].number == 1 &&
		    (sl = row_ends(&noun_rows[k], w, n, 1)) > best && n - sl >= 2)
			best = sl;
	if (!best)
		return 0;
	for (k = 0; k < N_NOUN; k++) {
		const struct erow *r = &noun_rows[k];
		if (r->c != c || r->number != 1 || row_ends(r, w, n, 1) != best)
			continue;
		for (j = 0; j < 3 && r->nom[j]; j++)
			if (g == NG_UNKNOWN || nom_gender(r->nom[j]) == g)
				return make(out, outsz, w, n - best, r->nom[j], 1) != 0;
	}
	return 0;
}

/* The longest singular ending of case c that w[0..n) shows, folded. */
static size_t plain_len(const char *w, size_t n, enum ncase c)
{
	size_t k, sl, best = 0;

	for (k = 0; k < N_NOUN; k++)
		if (noun_rows[k].c == c && noun_rows[k].number == 1 &&
		    (sl = row_ends(&noun_rows[k], w, n, 1)) > best && n - sl >= 2)
			best = sl;
	return best;
}

static int initial_at(const struct phrase *p, const char *s, size_t n, int w)
{
	return p->e[w] - p->s[w] <= 2 && p->e[w] < n && s[p->e[w]] == '.';
}

/* A name typed without Lithuanian letters ("Rutos Kazlauskaites", "Jonui
 * Petraiciui"): the first case in which every part reads, the nominative
 * first, so a name that may be one stays as it is; the surname's gender
 * chooses between nominatives.  A part that reads in no common case
 * ("Anatolij Sevcenko") keeps the whole name as written. */
static size_t plain_nominative(char *out, size_t outsz, const char *name, size_t n)
{
	static const enum ncase order[] = { NC_NOM, NC_GEN, NC_DAT, NC_ACC, NC_INS };
#define N_ORDER (sizeof order / sizeof order[0])
	enum ncase ord[N_ORDER];
	size_t len[N_ORDER];
	struct phrase p;
	char buf[WMAX];
	size_t i, o;
	int w, last = -1;

	split(&p, name, n, 0);
	for (w = 0; w < p.n; w++)
		if (!initial_at(&p, name, n, w))
			last = w;
	if (last < 0)
		return copy_as_is(out, outsz, name, n);
	/* the case whose ending on the surname is longest comes first:
	 * "Marcinkaus" is -aus (genitive) before -us (nominative); ties keep
	 * the order above */
	for (i = 0; i < N_ORDER; i++) {
		enum ncase c = order[i];
		size_t l = plain_len(name + p.s[last], p.e[last] - p.s[last], c), k = i;
		while (k > 0 && len[k - 1] < l) {
			ord[k] = ord[k - 1];
			len[k] = len[k - 1];
			k--;
		}
		ord[k] = c;
		len[k] = l;
	}
	for (i = 0; i < N_ORDER; i++) {
		enum ngender g;
		int all = 1;
		if (!plain_part(buf, sizeof buf, name + p.s[last], p.e[last] - p.s[last], ord[i],
		                NG_UNKNOWN))
			continue;
		g = nom_gender(buf);
		for (w = 0; w < p.n && all; w++)
			all = initial_at(&p, name, n, w) ||
			      plain_part(buf, sizeof buf, name + p.s[w], p.e[w] - p.s[w], ord[i], g) ||
			      plain_part(buf, sizeof buf, name + p.s[w], p.e[w] - p.s[w], ord[i], NG_UNKNOWN);
		if (!all)
			continue;
		if (ord[i] == NC_NOM)
			break;
		for (w = 0; w < p.n; w++)
			if (!initial_at(&p, name, n, w) &&
			    (plain_part(buf, sizeof buf, name + p.s[w], p.e[w] - p.s[w], ord[i], g) ||
			     plain_part(buf, sizeof buf, name + p.s[w], p.e[w] - p.s[w], ord[i], NG_UNKNOWN)))
				p.rep[w] = strdup(buf);
		o = emit(out, outsz, &p, name, n);
		phrase_free(&p);
		return o;
	}
	return copy_as_is(out, outsz, name, n);
}

/* All parts of a name stand in one case, each with its own gender:
 * lt_name_nominative reads the case and gender off the surname, so in
 * "Jono Garšvos" (a man's surname in -a) it leaves "Jono".  A part it kept
 * while it declined another goes to its nominative in that case.  nom
 * holds nl bytes of lt_name_nominative's answer; returns the new length. */
static size_t agree_parts(char *nom, size_t nomsz, const char *name, size_t n, size_t nl)
{
	struct phrase wn, wo;
	const struct ending_class *sc;
	struct reading rd;
	char buf[256];
	int w, changed = 0, last = -1;
	size_t o;

	split(&wn, name, n, 0);
	split(&wo, nom, nl, 0);
	if (wn.n != wo.n || wn.n < 2)
		return nl;
	for (w = 0; w < wn.n; w++) {
		size_t a = wn.e[w] - wn.s[w], b = wo.e[w] - wo.s[w];
		if (a != b || memcmp(name + wn.s[w], nom + wo.s[w], a) != 0)
			changed = 1;
		if (!initial_at(&wn, name, n, w))
			last = w;
	}
	if (!changed || last < 0 ||
	    !(sc = lp_classify_name(name + wn.s[last], wn.e[last] - wn.s[last])) || sc->c == NC_NOM)
		return nl;
	/* "Oksanai Sidorenko": a woman's first name before what would be a
	 * man's surname -- the surname does not decline (lt_name_nominative) */
	for (w = 0; w < last; w++)
		if (!initial_at(&wn, name, n, w)) {
			const struct ending_class *fc = lp_classify_name(name + wn.s[w], wn.e[w] - wn.s[w]);
			if (fc && fc->g == NG_FEMALE && sc->g == NG_MALE)
				return nl;
			break;
		}
	for (w = 0; w < wn.n; w++) {
		const char *ws = name + wn.s[w];
		size_t a = wn.e[w] - wn.s[w];
		if (initial_at(&wn, name, n, w) || a != wo.e[w] - wo.s[w] ||
		    memcmp(ws, nom + wo.s[w], a) != 0 || lp_classify_name(ws, a) == NULL)
			continue;
		if (noun_reading(&rd, ws, a, 1u << sc->c, NULL, 0, 0) && rd.row->number == 1)
			wo.rep[w] = strdup(rd.nom);
	}
	o = emit(buf, sizeof buf, &wo, nom, nl);
	phrase_free(&wo);
	if (o >= nomsz)
		return nl;
	memcpy(nom, buf, o + 1);
	return o;
}

size_t lt_lemma_name(char *out, size_t outsz, const char *name, size_t n, const char *ctx,
                     size_t ctxlen)
{
	char nom[256], cand[WMAX];
	struct phrase wn, wo;
	size_t len, o;
	int w;

	if (!out || outsz == 0)
		return 0;
	/* a name without Lithuanian letters in a text that has them is no
	 * folded name ("Jonu Marcinkumi") */
	if (is_plain(name, n) && ctx && is_plain(ctx, ctxlen))
		len = plain_nominative(nom, sizeof nom, name, n);
	else
		len = agree_parts(nom, sizeof nom, name, n, lt_name_nominative(nom, sizeof nom, name, n));
	split(&wo, nom, len, 0);
	split(&wn, name, n, 0);
	if (wo.n != wn.n) /* "R.Pavardė" got its space: word for word no more */
		return copy_as_is(out, outsz, nom, len);
	/* a part whose nominative the endings guessed ("Marcinkui": -as or
	 * -us?) takes the one the text around it writes in a form only that
	 * one has ("J. Marcinkus", "Marcinkaus"), or the dictionary knows */
	for (w = 0; w < wo.n; w++) {
		const char *ws = name + wn.s[w], *os = nom + wo.s[w];
		size_t wl = wn.e[w] - wn.s[w], ol = wo.e[w] - wo.s[w], k, j, sl;
		int ascii = wo.plain && wn.plain, found = 0;
		if ((wl == ol && memcmp(ws, os, wl) == 0) || wl >= WMAX / 2)
			continue;
		if (supported(ws, wl, os, ol, NULL, 0, ctx, ctxlen))
			continue;
		for (k = 0; k < N_NOUN && !found; k++) {
			const struct erow *r = &noun_rows[k];
			if (r->c == NC_NOM || r->c == NC_LOC || r->number != 1 ||
			    !(sl = row_ends(r, ws, wl, ascii)) || wl - sl < 2)
				continue;
			for (j = 0; j < 3 && r->nom[j] && !found; j++) {
				size_t cl = make(cand, sizeof cand, ws, wl - sl, r->nom[j], ascii);
				if (cl && (cl != ol || memcmp(cand, os, ol) != 0) &&
				    supported(ws, wl, cand, cl, os, ol, ctx, ctxlen)) {
					wo.rep[w] = strdup(cand);
					found = 1;
				}
			}
		}
	}
	o = emit(out, outsz, &wo, nom, len);
	phrase_free(&wo);
	return o;
}
