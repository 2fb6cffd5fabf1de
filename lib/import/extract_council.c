/* SPDX-License-Identifier: MIT */
/*
 * extract_council.c -- which council a document is about: its municipality
 * and kind, other councils a page names (a page about several, and whose
 * events are whose: "event.council").  What the document says of itself
 * (title, year, own number, legal acts) is extract_document.c.
 */
#include "extract_int.h"
#include "lexicon.h"

/* ---- municipalities ------------------------------------------------------ */

typedef enum { MUNI_CITY, MUNI_DISTRICT, MUNI_PLAIN } muni_type;

static const struct muni {
	const char *genitive;  /* as it stands before "miesto/rajono savivaldybė" */
	const char *key;       /* folded */
	muni_type type;
} munis[] = {
#define MUNI_ROW(w, f, type) { w, f, type },
	LEX_MUNICIPALITY(MUNI_ROW)
#undef MUNI_ROW
};

/* Finds the first municipality named in folded text f (whitespace already
 * collapsed).  Returns its index or -1; *end gets the offset after it. */
static int find_municipality(const char *f, size_t *at, size_t *end)
{
	static const char *const city[] = { " miesto", " m. sav", " m.sav", NULL };
	static const char *const district[] = { " rajono", " r. sav", " r.sav", " raj.", " r.", NULL };
	static const char *const plain[] = { " savivaldyb", " sav.", " sav ", NULL };
	size_t best = (size_t)-1, best_end = 0, i, j;
	int found = -1;

	for (i = 0; i < sizeof munis / sizeof munis[0]; i++) {
		const char *const *suffix = munis[i].type == MUNI_CITY ? city
		                          : munis[i].type == MUNI_DISTRICT ? district : plain;
		const char *p = f;
		size_t kn = strlen(munis[i].key);
		while ((p = ex_find_stem(p, munis[i].key)) != NULL) {
			for (j = 0; suffix[j]; j++) {
				size_t sn = strlen(suffix[j]);
				if (strncmp(p + kn, suffix[j], sn) == 0 && (size_t)(p - f) < best) {
					best = (size_t)(p - f);
					best_end = best + kn + sn;
					found = (int)i;
				}
			}
			p += kn;
		}
	}
	*at = best;
	*end = best_end;
	return found;
}

/* Whether the clause before pos speaks of another municipality's council:
 * "Kalvarijos savivaldybės BO tarybos pirmininkė" (a municipality other
 * than the council's, "taryb-" within four words after it) or the same
 * clause cut short, "Pagėgių – pirmininko pavaduotojas", "Biržų – 12
 * (pirmininkė – ...)" (the municipality and a dash).  The clause is read
 * back to a period, comma, semicolon, colon or line end, at most eight
 * words.  "Birštono bendruomenės pirmininkė" names a community, no
 * council. */
static int other_councils_in(ctx *c, const char *f, unsigned char *seen);

int ex_other_municipality_before(ctx *c, size_t s, size_t pos)
{
	const char *v = c->t->view;
	const char *own = c->x->council.municipality;
	size_t from = pos;
	int words = 0;
	word w;
	char *f;
	int other = 0;

	if (!own)
		return 0;
	while (from > s && words < 8 && ex_prev_word(c->t, s, from, &w)) {
		size_t q;
		int stop = 0;
		for (q = w.end; q < from; q++)
			if (strchr(".,;:\n", v[q]))
				stop = 1;
		if (stop)
			break;
		from = w.start;
		words++;
	}
	if (from >= pos || !(f = ex_fold(c->t, from, pos)))
		return 0;
	other = other_councils_in(c, f, NULL) > 0;
	free(f);
	return other;
}

/* The councils of municipalities other than this council's that folded
 * text f names: a municipality with "taryb-" within four words after it,
 * or with a dash (the same phrase cut short).  Marks seen[i] for each when
 * seen is given; returns how many f names. */
static int other_councils_in(ctx *c, const char *f, unsigned char *seen)
{
	const char *own = c->x->council.municipality;
	size_t i;
	int n = 0;

	for (i = 0; i < sizeof munis / sizeof munis[0]; i++) {
		const char *p = f;
		size_t kn = strlen(munis[i].key), gn = strlen(munis[i].genitive);
		int named = 0, same_name = 0;
		/* "Panevėžio rajono" beside the council of "Panevėžio miesto":
		 * the same name, another municipality, told by its type word */
		if (own && strncmp(own, munis[i].genitive, gn) == 0 && own[gn] == ' ') {
			muni_type own_type = !strncmp(own + gn, " miesto", 7)   ? MUNI_CITY
			                     : !strncmp(own + gn, " rajono", 7) ? MUNI_DISTRICT
			                                                        : MUNI_PLAIN;
			if (own_type == munis[i].type || munis[i].type == MUNI_PLAIN)
				continue;
			same_name = 1;
		}
		while (!named && (p = ex_find_stem(p, munis[i].key)) != NULL) {
			const char *after = p + kn, *t;
			int k;
			if (*after && *after != ' ') {
				p = after;
				continue;
			}
			while (*after == ' ')
				after++;
			if (same_name && strncmp(after, munis[i].type == MUNI_CITY ? "miesto" : "rajono", 6) != 0 &&
			    strncmp(after, munis[i].type == MUNI_CITY ? "m." : "r.", 2) != 0) {
				p = after;
				continue;
			}
			if (*after == '-')
				named = 1;
			for (k = 0, t = after; k < 4 && *t && !named; k++) {
				if (strncmp(t, "taryb", 5) == 0)
					named = 1;
				while (*t && *t != ' ')
					t++;
				while (*t == ' ')
					t++;
			}
			p = after;
		}
		if (named) {
			n++;
			if (seen)
				seen[i] = 1;
		}
	}
	return n;
}

/* The names a council of municipality m and kind is stored by: "Kupiškio
 * rajono savivaldybė", "Kupiškio rajono savivaldybės nevyriausybinių
 * organizacijų taryba" (malloc'd; NULL on OOM). */
static const char *muni_type_word(int m)
{
	return munis[m].type == MUNI_CITY ? "miesto " : munis[m].type == MUNI_DISTRICT ? "rajono " : "";
}

static char *muni_name(int m)
{
	char buf[256];

	snprintf(buf, sizeof buf, "%s %ssavivaldybė", munis[m].genitive, muni_type_word(m));
	return cdb_strdup(buf);
}

static char *council_name(int m, council_kind kind)
{
	char buf[256];

	snprintf(buf, sizeof buf, "%s %ssavivaldybės %s organizacijų taryba", munis[m].genitive,
	         muni_type_word(m), kind == COUNCIL_KIND_NVO ? "nevyriausybinių" : "bendruomeninių");
	return cdb_strdup(buf);
}

int ex_municipality_and_council(ctx *c, size_t start, size_t end)
{
	council_extraction *x = c->x;
	char *cl = ex_clean(c, start, end), *f;
	size_t at, after;
	int m;
	council_kind kind = COUNCIL_KIND_BO;

	if (!cl)
		return c->rc;
	f = utf8_fold(cl, strlen(cl));
	free(cl);
	if (!f)
		return ex_oom(c);
	m = find_municipality(f, &at, &after);
	if (m < 0) {
		free(f);
		return 0;
	}
	/* The kind is what the council's own name says right after the
	 * municipality; a report may mention the other council too. */
	{
		const char *rest = f + after;
		const char *bo = NULL, *nvo = NULL;
		while (*rest && *rest != ' ')
			rest++; /* the rest of "savivaldybes" */
		const char *const bo_stems[] = { "bendruomenin", "bo ", "bot", "bo taryb", NULL };
		const char *const nvo_stems[] = { "nevyriausybin", "nvo", NULL };
		for (size_t i = 0; bo_stems[i]; i++) {
			const char *p = strstr(rest, bo_stems[i]);
			if (p && (!bo || p < bo))
				bo = p;
		}
		for (size_t i = 0; nvo_stems[i]; i++) {
			const char *p = strstr(rest, nvo_stems[i]);
			if (p && (!nvo || p < nvo))
				nvo = p;
		}
		if (nvo && (!bo || nvo < bo))
			kind = COUNCIL_KIND_NVO;
	}
	free(f);
	x->council.municipality = muni_name(m);
	x->council.name = council_name(m, kind);
	x->council.kind = kind;
	if (!x->council.name || !x->council.municipality)
		return ex_oom(c);
	if (x_span_set(&x->council.span, c->t, start, end) != COUNCIL_OK)
		return ex_oom(c);
	return 1;
}

/* Whether the folded text f holds w as a whole word. */
static int find_word(const char *f, const char *w)
{
	const char *p = f;
	size_t n = strlen(w);

	while ((p = ex_find_stem(p, w)) != NULL) {
		if (p[n] == '\0' || p[n] == ' ' || p[n] == ',' || p[n] == '.' || p[n] == ')')
			return 1;
		p += n;
	}
	return 0;
}

/* What a heading line naming a council says of it: 1 this council, -1
 * another (the other kind, another municipality's, or another body's:
 * "Jaunimo reikalų taryba"), 0 no council or the municipality's own
 * ("SAVIVALDYBĖS TARYBA", the issuer of a decision). */
static int heading_council(ctx *c, size_t s, size_t e)
{
	char *f;
	int r = 0, bo, nvo, other;

	if (e - s > 80 || c->t->view[e - 1] == '.' || !(f = ex_fold(c->t, s, e)))
		return 0;
	/* a council's name: its last word "taryba" ("NVO tarybos posėdžių
	 * protokolai" is a link, "Tarybos sudėtis" a part of this page) */
	{
		size_t n = strlen(f);
		while (n > 0 && (f[n - 1] == ' ' || f[n - 1] == '>' || f[n - 1] == ':'))
			f[--n] = '\0';
		while (n > 0 && f[n - 1] != ' ')
			n--;
		if (strncmp(f + n, "taryb", 5) != 0 || strstr(f, "savivaldybes taryb") ||
		    strstr(f, "sav. taryb")) {
			free(f);
			return 0;
		}
	}
	bo = ex_find_stem(f, "bendruomenin") || find_word(f, "bo") || find_word(f, "bot");
	nvo = ex_find_stem(f, "nevyriausybin") || find_word(f, "nvo") || find_word(f, "nvot");
	/* another body's name ends in "taryba": "Jaunimo reikalų taryba";
	 * "Tarybos sudėtis" is this council's */
	{
		size_t n = strlen(f), k;
		other = n > 7 && !strcmp(f + n - 7, " taryba") && !strchr(f, ',') && !strchr(f, '\t');
		/* the word before it a genitive: "reikalu", "sveikatos" */
		for (k = n - 7; other && k > 0 && f[k - 1] == ' '; k--)
			;
		other = other && k >= 2 &&
		        (f[k - 1] == 'u' || (f[k - 1] == 's' && (f[k - 2] == 'o' || f[k - 2] == 'e')) ||
		         (f[k - 1] == 'o' && f[k - 2] == 'i'));
	}
	free(f);
	if (ex_other_municipality_before(c, s, e))
		r = -1;
	else if (bo || nvo)
		r = (c->x->council.kind == COUNCIL_KIND_NVO ? nvo && !bo : bo && !nvo) ? 1 : -1;
	else if (other)
		r = -1;
	return r;
}

/* The kind of council the folded text f[a,b) names, by its last kind
 * word: 1 BO ("bendruomeninių organizacijų", "BO"), 2 NVO, 0 none or both
 * ("bendruomeninių ir nevyriausybinių organizacijų": one combined). */
static int kind_in(const char *f, size_t a, size_t b)
{
	int bo = 0, nvo = 0;
	size_t i;

	for (i = a; i < b; i++) {
		if (!strncmp(f + i, "bendruomenin", 12) ||
		    ((i == 0 || f[i - 1] == ' ') && !strncmp(f + i, "bo ", 3)))
			bo = 1;
		if (!strncmp(f + i, "nevyriausybin", 13) ||
		    ((i == 0 || f[i - 1] == ' ') && !strncmp(f + i, "nvo ", 4)))
			nvo = 1;
	}
	return bo == nvo ? 0 : bo ? 1 : 2;
}

/* "Kupiškio rajono savivaldybės bendruomeninių organizacijų tarybos ir
 * Kupiškio rajono savivaldybės nevyriausybinių organizacijų tarybos
 * posėdis", "9 BO tarybos ir 7 NVO tarybos nariai": the two kinds of
 * council named as two, joined by "ir" (a short name in parentheses may
 * stand between: "... taryba (BO taryba) ir ..."). */
static int two_kinds_joined(const char *f)
{
	const char *p = f;

	while ((p = strstr(p, "taryb")) != NULL) {
		size_t at = (size_t)(p - f), from = at > 48 ? at - 48 : 0, end;
		const char *q = p, *r;
		int k1;
		p += 5;
		while (*q && *q != ' ')
			q++;
		/* "... taryba (BO taryba) ir ...": its short name between */
		if (!strncmp(q, " (", 2) && (r = strchr(q, ')')) != NULL && r - q < 24)
			q = r + 1;
		if (strncmp(q, " ir ", 4) != 0 || !(k1 = kind_in(f, from, at)))
			continue;
		r = strstr(q + 4, "taryb");
		end = r ? (size_t)(r - f) : 0;
		if (r && r - q < 80 && kind_in(f, (size_t)(q - f) + 4, end) == 3 - k1)
			return 1;
	}
	return 0;
}

/* Whether the title names this council: a line of it naming a council
 * ("taryb-") or a municipality ("... savivaldybė") and this council's
 * municipality -- not a county's or region's ("Šiaulių apskrities ...
 * tarybos", "Panevėžio regiono"), nor the municipality of a site's header
 * over a headline that names a region's councils ("Pasvalio rajono
 * savivaldybė / ... / Pasvalyje susitiko Panevėžio regiono bendruomeninių
 * organizacijų tarybos"). */
static int title_names_own(ctx *c)
{
	const char *v = c->t->view, *own = c->x->council.municipality ? c->x->council.municipality : "";
	size_t pos = c->title_start;
	int region = 0, yes = 0;

	while (pos < c->title_end && yes < 2) {
		size_t e = pos, k;
		char *t;
		while (e < c->title_end && v[e] != '\n')
			e++;
		if (e > pos && (t = ex_fold(c->t, pos, e)) != NULL) {
			int taryb = ex_find_stem(t, "taryb") != NULL;
			int named = taryb || ex_find_stem(t, "savivaldyb");
			/* "Vilniaus rotušėje – apskrities ... tarybų forumas": a
			 * county's councils, whatever municipality the line names */
			if (taryb && (ex_find_stem(t, "apskrit") || ex_find_stem(t, "region"))) {
				region = 1;
				named = 0;
			}
			for (k = 0; named && k < sizeof munis / sizeof munis[0]; k++) {
				const char *at = ex_find_stem(t, munis[k].key);
				if (at && (!strncmp(at + strlen(munis[k].key), " apskrit", 8) ||
				           !strncmp(at + strlen(munis[k].key), " region", 7))) {
					region |= taryb;
					continue;
				}
				/* the genitive itself: "Biržuose" is no "Biržų" */
				if (at && (unsigned char)at[strlen(munis[k].key)] >= 'a' &&
				    (unsigned char)at[strlen(munis[k].key)] <= 'z')
					continue;
				if (at && !strncmp(own, munis[k].genitive, strlen(munis[k].genitive)) && yes < 2)
					yes = taryb ? 2 : 1;
			}
			free(t);
		}
		pos = e + 1;
	}
	/* a line of the municipality alone, over a region's councils */
	return yes == 2 || (yes == 1 && !region);
}

/* A page about several councils, none its subject: a list of councils
 * under headings of their own, two or more of them others' (an
 * overview of a municipality's advisory bodies), or a text whose title
 * names no council that names the councils of three or more other
 * municipalities (a ministry's summary), or a title naming both kinds
 * of council over a text that names them as two (a joint sitting's news).
 * Nobody it names is a member of
 * the council the importer had to pick (ex_add_member asks). */
static int councils_named_before(ctx *c, size_t first);

static void several_councils(ctx *c, int other_headings, int own_headings, size_t first)
{
	unsigned char seen[sizeof munis / sizeof munis[0]];
	const char *v = c->t->view;
	size_t pos = 0;
	int n = 0;
	size_t i;

	if (other_headings >= 2 && first != SIZE_MAX) {
		c->several_councils = c->x->council.several = 1;
		return;
	}
	/* "VISUOMENINĖS TARYBOS / ... / BENDRUOMENINIŲ ORGANIZACIJŲ TARYBA /
	 * ... / NEVYRIAUSYBINIŲ ORGANIZACIJŲ TARYBA": sections of both kinds
	 * under a title and opening that name neither alone */
	if (other_headings >= 1 && own_headings >= 1 && first != SIZE_MAX &&
	    !councils_named_before(c, first)) {
		c->several_councils = c->x->council.several = 1;
		return;
	}
	/* a title naming both kinds of council ("bendruomeninių ir
	 * nevyriausybinių organizacijų tarybos") is one combined council's,
	 * unless the text names the two as two: a joint sitting's page */
	if (c->title_end > c->title_start) {
		char *t = ex_fold(c->t, c->title_start, c->title_end);
		int both = t && ex_find_stem(t, "bendruomenin") &&
		           (ex_find_stem(t, "nevyriausybin") || ex_find_stem(t, "nvo "));
		free(t);
		if (both && (t = ex_fold(c->t, c->title_end, c->t->len)) != NULL) {
			both = two_kinds_joined(t);
			free(t);
			if (both) {
				c->several_councils = c->x->council.several = 1;
				return;
			}
		}
	}
	if (c->x->council.span.start < c->title_end && c->title_end > c->title_start &&
	    title_names_own(c))
		return; /* the title names the council: the page is that council's */
	memset(seen, 0, sizeof seen);
	while (pos < c->t->len) {
		size_t e = pos;
		char *f;
		while (e < c->t->len && v[e] != '\n')
			e++;
		if (e > pos && (f = ex_fold(c->t, pos, e)) != NULL) {
			other_councils_in(c, f, seen);
			free(f);
		}
		pos = e + 1;
	}
	for (i = 0; i < sizeof seen; i++)
		n += seen[i];
	c->several_councils = c->x->council.several = n >= 3;
}

/* "council.others": the parts of a page under a heading naming another
 * council ("Taip pat žr.: / NEVYRIAUSYBINIŲ ORGANIZACIJŲ TARYBA", "Jaunimo
 * reikalų taryba"), up to a heading naming this council again: who holds
 * an office there is no member here (ex_add_member asks
 * ex_in_other_council).
 *
 * A site's menu lists the municipality's councils one a
 * line, with no blank line between, this council among them ("Kolegialios
 * institucijos / Jaunimo reikalų taryba / Bendruomeninių organizacijų
 * taryba / Nuostatai / Sudėtis / Turizmo taryba"): such a block is
 * navigation, not sections, and its lines are no headings. */
typedef struct {
	size_t s;
	int h, row;
} heading_at;

typedef struct {
	size_t open, first;
	int in_other, other_headings, own_headings, menu;
} others_state;

static void take_heading(ctx *c, others_state *st, size_t s, int h)
{
	if (st->first == SIZE_MAX)
		st->first = s;
	st->other_headings += h < 0;
	st->own_headings += h > 0;
	if (h < 0 && !st->in_other) {
		st->in_other = 1;
		st->open = s;
	} else if (h > 0 && st->in_other) {
		excl *x = ex_push(c, (void **)&c->others, &c->n_others, sizeof *x);
		if (!x)
			return;
		x->start = st->open;
		x->end = s;
		st->in_other = 0;
	}
}

/* the headings of one block of lines, a menu's left out */
static void take_block(ctx *c, others_state *st, const heading_at *b, size_t n)
{
	int own = 0, other = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!b[i].row) {
			own |= b[i].h > 0;
			other |= b[i].h < 0;
		}
	st->menu |= own && other;
	for (i = 0; i < n; i++)
		if (b[i].row || !(own && other))
			take_heading(c, st, b[i].s, b[i].h);
}

void ex_other_councils(ctx *c)
{
	const char *v = c->t->view;
	size_t pos = c->title_end, nb = 0;
	others_state st = {0, SIZE_MAX, 0, 0, 0, 0};
	heading_at block[32];

	while (pos < c->t->len && c->rc == COUNCIL_OK) {
		size_t s = pos, e;
		int h, row = 0;
		while (s < c->t->len && (v[s] == ' ' || v[s] == '\t'))
			s++;
		e = ex_eol(v, s, c->t->len);
		pos = e + 1;
		if (e <= s) { /* a blank line ends a block */
			take_block(c, &st, block, nb);
			nb = 0;
			continue;
		}
		/* a table's row naming a council in its first cell ("| Jaunimo
		 * reikalų taryba | Mantas Arlauskas | ..."): a heading of its
		 * own row */
		if (v[s] == '|') {
			size_t k = s + 1;
			while (k < e && v[k] != '|')
				k++;
			if (k >= e)
				continue;
			for (s++; s < k && v[s] == ' '; s++)
				;
			e = k;
			row = 1;
		}
		while (e > s && (v[e - 1] == ' ' || v[e - 1] == ':'))
			e--;
		if (e <= s || (h = heading_council(c, s, e)) == 0)
			continue;
		if (nb == sizeof block / sizeof block[0]) {
			take_block(c, &st, block, nb);
			nb = 0;
		}
		block[nb].s = s;
		block[nb].h = h;
		block[nb++].row = row;
	}
	take_block(c, &st, block, nb);
	if (st.in_other) {
		excl *x = ex_push(c, (void **)&c->others, &c->n_others, sizeof *x);
		if (!x)
			return;
		x->start = st.open;
		x->end = c->t->len;
	}
	several_councils(c, st.other_headings, st.own_headings, st.first);
	if (c->n_others || c->several_councils || st.menu)
		ex_fired(c);
}

int ex_in_other_council(const ctx *c, size_t pos)
{
	size_t i;

	for (i = 0; i < c->n_others; i++)
		if (pos >= c->others[i].start && pos < c->others[i].end)
			return 1;
	return 0;
}

/* ---- "event.council": the events of a page about several councils ----- */

/* A council a text names: of municipality munis[muni], a council of ours
 * (kind BO or NVO), or another body's ("Jaunimo reikalų taryba": kind
 * other, its words view[body_s, body_e)). */
typedef struct named_council {
	int muni;
	council_kind kind;
	size_t body_s, body_e;
} named_council;

#define MAX_NAMED 4

/* What a text says of councils (councils_named). */
typedef struct named_set {
	named_council c[MAX_NAMED];
	int n;
	int joint;             /* it speaks of several councils at once: "tarybų",
	                          "savivaldybių ... tarybos", a county's */
	int unplaced;          /* it names one whose municipality is unknown */
} named_set;

/* The municipalities folded text w names ("joniskio rajono savivaldybes",
 * "akmenes"), added to ms (at most MAX_NAMED); own when the name is own's
 * and no type word tells another of the same name.  Returns -1 for a
 * county or region ("Šiaulių apskrities"), many municipalities at once. */
static int munis_in(const char *w, int own, int *ms, int *n)
{
	size_t i;

	for (i = 0; i < sizeof munis / sizeof munis[0]; i++) {
		const char *p = w;
		size_t kn = strlen(munis[i].key);
		while ((p = ex_find_stem(p, munis[i].key)) != NULL) {
			const char *after = p + kn;
			int typed, m = (int)i, k;
			p = after;
			if (*after && *after != ' ')
				continue;
			while (*after == ' ')
				after++;
			if (!strncmp(after, "apskrit", 7) || !strncmp(after, "region", 6))
				return -1;
			typed = !strncmp(after, "miesto", 6) || !strncmp(after, "m.", 2) ? MUNI_CITY
			        : !strncmp(after, "rajono", 6) || !strncmp(after, "r.", 2) ? MUNI_DISTRICT
			                                                                    : -1;
			/* "Panevėžio rajono": not the city of that name */
			if (typed >= 0 && munis[i].type != MUNI_PLAIN && (int)munis[i].type != typed)
				continue;
			if (typed < 0 && own >= 0 && !strcmp(munis[own].key, munis[i].key))
				m = own;
			for (k = 0; k < *n && ms[k] != m; k++)
				;
			if (k == *n && *n < MAX_NAMED)
				ms[(*n)++] = m;
		}
	}
	return 0;
}

static void named_add(named_set *ns, int muni, council_kind kind, const char *v, size_t bs,
                      size_t be)
{
	int k;

	for (k = 0; k < ns->n; k++)
		if (ns->c[k].muni == muni && ns->c[k].kind == kind &&
		    ns->c[k].body_e - ns->c[k].body_s == be - bs &&
		    !memcmp(v + ns->c[k].body_s, v + bs, be - bs))
			return;
	if (ns->n < MAX_NAMED) {
		ns->c[ns->n].muni = muni;
		ns->c[ns->n].kind = kind;
		ns->c[ns->n].body_s = bs;
		ns->c[ns->n].body_e = be;
		ns->n++;
	}
}

/* Whether folded word f is a genitive naming a body ("jaunimo",
 * "reikalu", "sveikatos"): not a pronoun, nor a municipality's word
 * ("savivaldybės taryba" is the municipality's own council). */
static int body_word(const char *f)
{
	static const char *const not_body[] = { "sios", "tos", "musu", "jusu", "ju", "jos", "kitu",
		"kitos", "savo", "visu", "abieju", "savivaldybes", "miesto", "rajono", "sav", "m", "r",
		"bo", "nvo", NULL };
	size_t n = strlen(f), i;

	for (i = 0; not_body[i]; i++)
		if (!strcmp(f, not_body[i]))
			return 0;
	return n >= 4 && (f[n - 1] == 'u' || f[n - 1] == 'o' ||
	                  (f[n - 1] == 's' && (f[n - 2] == 'o' || f[n - 2] == 'e')));
}

/* The councils view[s,e) names, into ns: each "taryb-" word with the
 * words before it, back to a clause mark or another "taryb-" (six at
 * most).  A kind there ("bendruomeninių organizacijų", "BO", "NVO") makes
 * it a council of ours, of the municipalities named there ("Joniškio
 * rajono savivaldybės BO tarybos") or else of own ("NVO tarybos
 * nariai"); both kinds at once is one combined council, none placed;
 * genitives right before it and no kind, another body of own
 * municipality ("Jaunimo reikalų taryba").  A bare "taryba" names none. */
static void councils_named(ctx *c, size_t s, size_t e, int own, named_set *ns)
{
	const char *v = c->t->view;
	word ws[8], w;
	size_t nw = 0, pos = s, last = s;

	memset(ns, 0, sizeof *ns);
	while (c->rc == COUNCIL_OK && ex_next_word(c->t, pos, e, &w)) {
		char *f = ex_fold(c->t, w.start, w.end), *win;
		size_t from, k;
		int kind, ms[MAX_NAMED], nm = 0, taryb;
		pos = w.end;
		if (!f) {
			ex_oom(c);
			return;
		}
		taryb = !strncmp(f, "taryb", 5);
		if (taryb && !strcmp(f, "tarybu"))
			ns->joint = 1; /* "tarybų": several */
		free(f);
		/* the clause before w: back to a mark between words */
		for (k = last; k < w.start; k++)
			if (strchr(".,;:()\"\n", v[k]))
				nw = 0;
		last = w.end;
		if (!taryb) {
			if (nw == sizeof ws / sizeof ws[0]) {
				memmove(ws, ws + 1, (nw - 1) * sizeof *ws);
				nw--;
			}
			ws[nw++] = w;
			continue;
		}
		from = nw > 6 ? ws[nw - 6].start : nw ? ws[0].start : w.start;
		nw = 0; /* the next council's words start after this one */
		if (!(win = ex_fold(c->t, from, w.start))) {
			ex_oom(c);
			return;
		}
		kind = kind_in(win, 0, strlen(win));
		if (kind) {
			if (munis_in(win, own, ms, &nm) < 0 || ex_find_stem(win, "savivaldybiu"))
				ns->joint = 1; /* a county's, "savivaldybių": several */
			if (!nm && own >= 0)
				ms[nm++] = own;
			if (!nm)
				ns->unplaced = 1;
			for (k = 0; k < (size_t)nm; k++)
				named_add(ns, ms[k], kind == 2 ? COUNCIL_KIND_NVO : COUNCIL_KIND_BO, v, 0, 0);
		} else if (!ex_find_stem(win, "bendruomenin") && !ex_find_stem(win, "nevyriausybin")) {
			/* another body: the genitives right before "taryba" */
			size_t bs = w.start, q = w.start;
			word b;
			while (ex_prev_word(c->t, from, q, &b)) {
				char *g = ex_fold(c->t, b.start, b.end);
				int ok = g && body_word(g);
				size_t j;
				free(g);
				for (j = b.end; ok && j < q; j++)
					ok = v[j] == ' ';
				if (!ok)
					break;
				bs = q = b.start;
			}
			if (bs < w.start && own >= 0)
				named_add(ns, own, COUNCIL_KIND_OTHER, v, bs, w.start - 1);
			else if (bs < w.start)
				ns->unplaced = 1;
		}
		free(win);
	}
}

/* The name a named council is stored by: a council of ours by its
 * municipality and kind, another body by its own words after its
 * municipality's ("Alytaus rajono savivaldybės jaunimo reikalų taryba"). */
static char *named_name(ctx *c, const named_council *n)
{
	char buf[512], *b, *lower;
	uint32_t cp;
	size_t k;

	if (n->kind != COUNCIL_KIND_OTHER)
		return council_name(n->muni, n->kind);
	if (!(b = lt_text_clean(c->t, n->body_s, n->body_e)))
		return NULL;
	/* the body's first word lower-cased, as inside a name */
	k = utf8_decode(&cp, b, strlen(b));
	if (!k || !(lower = malloc(strlen(b) + 8))) {
		free(b);
		return NULL;
	}
	lower[utf8_encode(lower, utf8_lower(cp))] = '\0';
	strcat(lower, b + k);
	snprintf(buf, sizeof buf, "%s %ssavivaldybės %s taryba", munis[n->muni].genitive,
	         muni_type_word(n->muni), lower);
	free(lower);
	free(b);
	return cdb_strdup(buf);
}

/* The index of the kept council's municipality in munis[], or -1. */
static int own_municipality(ctx *c)
{
	const char *mu = c->x->council.municipality;
	int ms[MAX_NAMED], nm = 0;
	char *f;

	if (!mu)
		return -1;
	if (!(f = utf8_fold(mu, strlen(mu)))) {
		ex_oom(c);
		return -1;
	}
	if (munis_in(f, -1, ms, &nm) != 0 || !nm)
		nm = 0;
	free(f);
	return nm ? ms[0] : -1;
}

/* The council the event at view[s,e) belongs to, into *to: 1 the kept
 * one, 0 *to, -1 the text does not make it clear.  Its sentence decides
 * first: the kept council when it names it, or several councils at once
 * (a joint event is each one's; the kept council is one the text names),
 * else the first council it names; then its paragraph, then the nearest
 * heading above it naming a council, each when it names one only. */
static int event_council_of(ctx *c, size_t s, size_t e, int own, named_council *to)
{
	council_kind kept = c->x->council.kind;
	named_set ns;
	size_t b;
	int k;

	councils_named(c, s, e, own, &ns);
	if (ns.joint)
		return 1;
	for (k = 0; k < ns.n; k++)
		if (ns.c[k].muni == own && ns.c[k].kind == kept)
			return 1;
	if (ns.n) {
		*to = ns.c[0];
		return 0;
	}
	if (ns.unplaced)
		return -1;
	for (b = 0; b < c->doc.n_blocks; b++)
		if (c->doc.blocks[b].span.start <= s && s < c->doc.blocks[b].span.end)
			break;
	if (b == c->doc.n_blocks)
		return -1;
	if (!c->doc.blocks[b].is_table) {
		councils_named(c, c->doc.blocks[b].span.start, c->doc.blocks[b].span.end, own, &ns);
		if (ns.n || ns.joint || ns.unplaced)
			goto found;
	}
	while (b-- > 0) {
		const seg_block *h = &c->doc.blocks[b];
		size_t hs = h->span.start, he = h->span.end;
		if (hs < c->title_end || h->is_table)
			break;
		while (he > hs && strchr(" :\n", c->t->view[he - 1]))
			he--;
		if (he > hs && !memchr(c->t->view + hs, '\n', he - hs) && heading_council(c, hs, he)) {
			councils_named(c, hs, he, own, &ns);
			goto found;
		}
	}
	return -1;
found:
	if (ns.n != 1 || ns.joint || ns.unplaced)
		return -1;
	if (ns.c[0].muni == own && ns.c[0].kind == kept)
		return 1;
	*to = ns.c[0];
	return 0;
}

/* Leaves out event i, saying why in the extraction's notes. */
static void drop_event(ctx *c, size_t i)
{
	council_extraction *x = c->x;
	x_event *ev = &x->events[i];
	char d[COUNCIL_DATE_BUFSIZE], buf[400], **note;

	council_date_format(d, &ev->date.start);
	snprintf(buf, sizeof buf, "events: %s \"%.200s\" (line %d) left out: the text is about "
	         "several councils and does not say whose it is", d, ev->title ? ev->title : "",
	         ev->span.line);
	if (!(note = x_push((void **)&x->notes, &x->n_notes, sizeof *note)) ||
	    !(*note = cdb_strdup(buf))) {
		ex_oom(c);
		return;
	}
	x_event_clear(ev);
	memmove(ev, ev + 1, (x->n_events - i - 1) * sizeof *ev);
	x->n_events--;
}

/* "event.council": on a page about several councils, or in a part of one
 * under another council's heading (council.others), an event is the
 * council's its sentence, paragraph or heading names: the kept council's
 * stays as it is, another's carries that council (x_event.council), and
 * one whose council the text does not make clear is left out with a note
 * -- storing it under the kept council would invent a fact. */
void ex_event_councils(ctx *c)
{
	council_extraction *x = c->x;
	int own;
	size_t i;

	if (!c->several_councils && !c->n_others)
		return;
	if ((own = own_municipality(c)) < 0 && c->rc != COUNCIL_OK)
		return;
	for (i = 0; i < x->n_events && c->rc == COUNCIL_OK;) {
		x_event *ev = &x->events[i];
		size_t s = lt_text_norm_offset(c->t, ev->span.start);
		size_t e = lt_text_norm_offset(c->t, ev->span.end);
		named_council to;
		int r;
		if (!c->several_councils && !ex_in_other_council(c, s)) {
			i++;
			continue;
		}
		if ((r = event_council_of(c, s, e, own, &to)) < 0) {
			ex_fired(c);
			drop_event(c, i);
			continue;
		}
		i++;
		if (r > 0)
			continue;
		ex_fired(c);
		ev->council.present = 1;
		ev->council.kind = to.kind;
		if (!(ev->council.name = named_name(c, &to)) ||
		    !(ev->council.municipality = muni_name(to.muni)))
			ex_oom(c);
	}
}

/* The one council of ours view[s,e) names, into *to: 1 found, 0 none or
 * more than one, or several at once ("tarybų"), or one of no known
 * municipality. */
static int one_council_named(ctx *c, size_t s, size_t e, int own, named_council *to)
{
	named_set ns;

	councils_named(c, s, e, own, &ns);
	if (ns.n != 1 || ns.joint || ns.unplaced || ns.c[0].kind == COUNCIL_KIND_OTHER)
		return 0;
	*to = ns.c[0];
	return 1;
}

/* "Šalčininkų rajono tarybos pirmininkė Teresa Kozłowska" on a page about
 * several councils of one kind: a municipal council has no chair (the
 * mayor leads it), so the chair, or the chair's deputy, of a
 * municipality's "taryba" is that municipality's council of the page's
 * kind.  A member ("Rokiškio rajono tarybos narys") may be a municipal
 * councillor: no answer; nor is "savivaldybės taryba", the municipal
 * council by name.  [cs, t) is the clause before "tarybos" (t), the
 * office up to the name; the municipality is in the two words before t. */
static int chair_of_district(ctx *c, size_t cs, const word *t, size_t name_start, int own,
                             named_council *to)
{
	council_kind kind = c->x->council.kind;
	int ms[MAX_NAMED], nm = 0, role;
	char *win;

	if (kind != COUNCIL_KIND_BO && kind != COUNCIL_KIND_NVO)
		return 0;
	role = ex_role_in(c, t->end, name_start);
	if (role != COUNCIL_ROLE_CHAIR && role != COUNCIL_ROLE_DEPUTY)
		return 0;
	/* the municipality: the two words before "tarybos" ("Švenčionių
	 * rajono"), not a list's earlier person's */
	{
		word b;
		size_t from = t->start;
		int k;
		for (k = 0; k < 2 && ex_prev_word(c->t, cs, from, &b); k++)
			from = b.start;
		cs = from;
	}
	if (!(win = ex_fold(c->t, cs, t->start)))
		return ex_oom(c), 0;
	if (ex_find_stem(win, "savivaldyb") || kind_in(win, 0, strlen(win)) ||
	    munis_in(win, own, ms, &nm) < 0 || nm != 1) {
		free(win);
		return 0;
	}
	free(win);
	to->muni = ms[0];
	to->kind = kind;
	to->body_s = to->body_e = 0;
	return 1;
}

/* "member.council": on a page about several councils, a member read there
 * is the council's its own words name -- "Kupiškio rajono savivaldybės
 * bendruomeninių organizacijų tarybos narys Vilmantas Šukys", the council
 * at most two words (its office) before the name, in the same clause --
 * else the council the nearest heading above it names ("NEVYRIAUSYBINIŲ
 * ORGANIZACIJŲ TARYBA" over its list).  Only one council of ours named
 * there will do: "Rokiškio rajono tarybos narys" (whose council?) or a
 * heading of two is no answer.  Returns 1 with *ref filled (the kept
 * council's too: the loader finds it by name), 0 when the text does not
 * make it clear -- then the member is not stored at all. */
int ex_member_council(ctx *c, size_t name_start, size_t name_end, x_council_ref *ref)
{
	const char *v = c->t->view;
	int own = own_municipality(c), found = 0;
	named_council to;
	size_t cs = name_start, b;
	word w;

	memset(ref, 0, sizeof *ref);
	if (!cs)
		return 0;
	/* "NEVYRIAUSYBINIŲ ORGANIZACIJŲ TARYBA / Pirmininkė" read on as a
	 * list's next name: a council's heading, nobody */
	{
		const char *nl = memchr(v + name_start, '\n', c->t->len - name_start);
		size_t he = nl ? (size_t)(nl - v) : name_start;
		while (he > name_start && strchr(" :\t", v[he - 1]))
			he--;
		if (nl && (size_t)(nl - v) < name_end && he > name_start &&
		    heading_council(c, name_start, he))
			return -1;
	}
	/* the clause before the name: back to a mark between words */
	while (cs > 0 && !strchr(".,;:()\n", v[cs - 1]))
		cs--;
	{
		size_t pos = name_start;
		int back = 0;
		while (back < 3 && ex_prev_word(c->t, cs, pos, &w)) {
			char *f = ex_fold(c->t, w.start, w.end);
			int taryb = f && !strncmp(f, "taryb", 5);
			free(f);
			if (taryb) {
				found = one_council_named(c, cs, w.end, own, &to) ||
				        chair_of_district(c, cs, &w, name_start, own, &to);
				break;
			}
			pos = w.start;
			back++;
		}
	}
	/* the nearest line above the name's that is a council's heading */
	for (b = name_start; b > 0 && v[b - 1] != '\n'; b--)
		;
	for (b = b ? b - 1 : 0; !found && b > c->title_end;) {
		size_t ls = b, le;
		while (ls > 0 && v[ls - 1] != '\n')
			ls--;
		le = ls;
		while (le < c->t->len && v[le] != '\n')
			le++;
		if (ls < c->title_end)
			break;
		b = ls ? ls - 1 : 0;
		while (ls < le && (v[ls] == ' ' || v[ls] == '\t'))
			ls++;
		while (le > ls && strchr(" :\t", v[le - 1]))
			le--;
		if (le > ls && heading_council(c, ls, le)) {
			found = one_council_named(c, ls, le, own, &to);
			break;
		}
		if (!ls)
			break;
	}
	if (!found || c->rc != COUNCIL_OK)
		return 0;
	ref->present = 1;
	ref->kind = to.kind;
	if (!(ref->name = council_name(to.muni, to.kind)) ||
	    !(ref->municipality = muni_name(to.muni))) {
		free(ref->name);
		free(ref->municipality);
		memset(ref, 0, sizeof *ref);
		ex_oom(c);
		return 0;
	}
	return 1;
}

/* Whether the text from the top to offset first (the first council
 * heading) names one council of ours on its own; "tarybos" and "abiejų
 * tarybų" name none, and an opening that names one of each kind
 * ("veikia dvi ... institucijos: ... bendruomeninių organizacijų taryba
 * ir ... nevyriausybinių organizacijų taryba") announces the two
 * sections, it names neither alone. */
static int councils_named_before(ctx *c, size_t first)
{
	named_set ns;
	int i, bo = 0, nvo = 0;

	councils_named(c, 0, first, -1, &ns);
	for (i = 0; i < ns.n; i++) {
		bo |= ns.c[i].kind == COUNCIL_KIND_BO;
		nvo |= ns.c[i].kind == COUNCIL_KIND_NVO;
	}
	return ns.n > 0 && !(bo && nvo);
}

/* "member.council": on a page about several councils, each member read
 * there carries the council its words or heading name (ex_member_council,
 * asked as it is read, for one person may sit on two); one whose council
 * the text does not make clear is left out with a note -- storing it
 * under the council kept, the first the text names, would invent a
 * membership. */
void ex_member_councils(ctx *c)
{
	council_extraction *x = c->x;
	size_t i;

	if (!c->several_councils)
		return;
	for (i = 0; i < x->n_members && c->rc == COUNCIL_OK;) {
		x_member *m = &x->members[i];
		char buf[400], **note;
		if (m->council.present) {
			ex_fired(c);
			i++;
			continue;
		}
		ex_fired(c);
		snprintf(buf, sizeof buf, "members: \"%.200s\" (line %d) left out: the text is about "
		         "several councils and does not say whose member this is", m->name, m->span.line);
		if (!(note = x_push((void **)&x->notes, &x->n_notes, sizeof *note)) ||
		    !(*note = cdb_strdup(buf))) {
			ex_oom(c);
			return;
		}
		x_member_clear(m);
		memmove(m, m + 1, (x->n_members - i - 1) * sizeof *m);
		x->n_members--;
	}
}

/* Whether w is a municipality's name as it stands before "savivaldybė"
 * ("Šilalės", "Rietavo"; "Kazlų" of "Kazlų Rūdos"). */
int ex_municipality_word(ctx *c, const word *w)
{
	char *f = ex_fold(c->t, w->start, w->end);
	size_t i, n = f ? strlen(f) : 0;
	int yes = 0;

	for (i = 0; f && !yes && i < sizeof munis / sizeof munis[0]; i++)
		yes = strncmp(munis[i].key, f, n) == 0 && (munis[i].key[n] == '\0' || munis[i].key[n] == ' ');
	free(f);
	return yes;
}
