/* SPDX-License-Identifier: MIT */
/*
 * extract_council.c -- which council and year a report is about: its municipality,
 * title, report year, plan period, the document's own number, and the
 * legal acts it cites (whose dates are no happenings).
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

int ex_municipality_and_council(ctx *c, size_t start, size_t end)
{
	council_extraction *x = c->x;
	char *cl = ex_clean(c, start, end), *f;
	size_t at, after;
	int m;
	council_kind kind = COUNCIL_KIND_BO;
	char buf[256];

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
	snprintf(buf, sizeof buf, "%s %ssavivaldybė", munis[m].genitive,
	         munis[m].type == MUNI_CITY ? "miesto " : munis[m].type == MUNI_DISTRICT ? "rajono " : "");
	x->council.municipality = cdb_strdup(buf);
	snprintf(buf, sizeof buf, "%s %ssavivaldybės %s organizacijų taryba", munis[m].genitive,
	         munis[m].type == MUNI_CITY ? "miesto " : munis[m].type == MUNI_DISTRICT ? "rajono " : "",
	         kind == COUNCIL_KIND_NVO ? "nevyriausybinių" : "bendruomeninių");
	x->council.name = cdb_strdup(buf);
	x->council.kind = kind;
	if (!x->council.name || !x->council.municipality)
		return ex_oom(c);
	if (x_span_set(&x->council.span, c->t, start, end) != COUNCIL_OK)
		return ex_oom(c);
	return 1;
}

/* ---- title, year, document number ---------------------------------------- */

/* The title: the opening paragraphs up to the first long one or table. */
void ex_title_range(const ctx *c, size_t *start, size_t *end)
{
	size_t i;

	*start = *end = 0;
	for (i = 0; i < c->doc.n_blocks && i < 4; i++) {
		const seg_block *b = &c->doc.blocks[i];
		/* A title is short and is no sentence: the first paragraph of the
		 * report proper ends the title even where no "ataskaita" ended it. */
		if (b->is_table || b->span.end - b->span.start > 300 ||
		    (i > 0 && c->t->view[b->span.end - 1] == '.' && b->span.end - b->span.start > 80) ||
		    (i > 0 && c->t->view[b->span.end - 1] == ':')) /* a list's introduction */
			break;
		if (i == 0)
			*start = b->span.start;
		*end = b->span.end;
		/* A title ends where the report's own date or number begins. */
		{
			char *f = ex_fold(c->t, b->span.start, b->span.end);
			int stop = f && (strstr(f, "ataskait") || strstr(f, "a t a s k a i t a") ||
			                 strstr(f, "apzvalg"));
			free(f);
			if (stop)
				break;
		}
	}
}

/* Does the text use a letter of ą č ę ė į š ų ū ž (either case)?  All of
 * them are two bytes in UTF-8, led by 0xC4 or 0xC5. */
int ex_has_lithuanian_letters(const lt_text *t)
{
	size_t i;

	for (i = 0; i + 1 < t->len; i++) {
		unsigned char a = (unsigned char)t->view[i], b = (unsigned char)t->view[i + 1];
		if ((a == 0xC4 && (b == 0x84 || b == 0x85 || b == 0x8C || b == 0x8D || b == 0x96 ||
		                   b == 0x97 || b == 0x98 || b == 0x99 || b == 0xAE || b == 0xAF)) ||
		    (a == 0xC5 && (b == 0xA0 || b == 0xA1 || b == 0xAA || b == 0xAB || b == 0xB2 ||
		                   b == 0xB3 || b == 0xBD || b == 0xBE)))
			return 1;
	}
	return 0;
}

/* The year a letter's subject line names: "DĖL INFORMACIJOS APIE
 * BENDRUOMENINIŲ ORGANIZACIJŲ TARYBOS VEIKLĄ 2023 METAIS PATEIKIMO"; 0 if
 * none. */
static int subject_year(ctx *c)
{
	lt_date_match m;
	size_t i;

	for (i = 0; i < c->doc.n_blocks && i < 12; i++) {
		const seg_block *b = &c->doc.blocks[i];
		if (!b->is_table && b->span.end - b->span.start > 5 &&
		    memcmp(c->t->view + b->span.start, "DĖL ", 5) == 0 &&
		    lt_date_find(&m, c->t->view, b->span.end, b->span.start, 0) &&
		    !(m.flags & LT_DATE_YEAR_SPAN) && !m.period.start.month)
			return m.period.start.year;
	}
	return 0;
}

void ex_report_year_and_plan(ctx *c, size_t ts, size_t te)
{
	council_extraction *x = c->x;
	lt_date_match m;
	size_t pos = ts;
	int year = 0, after_uz = 0, day_year = 0;
	char *f;

	while (lt_date_find(&m, c->t->view, te, pos, 0)) {
		word w;
		pos = m.end > pos ? m.end : pos + 1;
		if (m.flags & LT_DATE_YEAR_SPAN) {
			/* "2023-2025 m. veiklos plano": the plan's period and title. */
			size_t p = m.end;
			int k;
			for (k = 0; k < 4 && ex_next_word(c->t, p, te, &w); k++) {
				if (ex_word_has_stem(c->t, &w, (const char *const[]){ "plan", NULL })) {
					x->plan.present = 1;
					x->plan.year_from = m.period.start.year;
					x->plan.year_to = m.period.end.year;
					free(x->plan.title);
					x->plan.title = ex_clean(c, m.start, w.end);
					x_span_set(&x->plan.span, c->t, m.start, w.end);
					break;
				}
				p = w.end;
			}
			continue;
		}
		if (ex_prev_word(c->t, ts, m.start, &w) &&
		    ex_word_has_stem(c->t, &w, (const char *const[]){ "uz", NULL }) && w.end - w.start == 3) {
			year = m.period.start.year;
			after_uz = 1;
		} else if (!after_uz && !m.period.start.day) {
			/* A full date near the title is when the text was written
			 * or published, not the year it reports on. */
			year = m.period.start.year;
		} else if (!after_uz && !year) {
			day_year = m.period.start.year;
		}
	}
	f = ex_fold(c->t, ts, te);
	/* "apžvelgė 2023-iuosius", "2023-ųjų veikla": ordinal year forms. */
	if (f && !year) {
		const char *p;
		for (p = f; *p; p++)
			if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
			    p[2] <= '9' && p[3] >= '0' && p[3] <= '9' && p[4] == '-' &&
			    (p[5] == 'i' || p[5] == 'u' || p[5] == 'a') && (p == f || p[-1] == ' ')) {
				year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
				break;
			}
	}
	/* A letter's subject names the year ("DĖL INFORMACIJOS APIE ...
	 * TARYBOS VEIKLĄ 2023 METAIS PATEIKIMO") where its head has only the
	 * letter's date; else a full date near the title gives its year. */
	if (!year)
		year = subject_year(c);
	if (!year)
		year = day_year;
	c->pub_year = day_year;
	if (f) {
		char *nospace = f, *p, *q;
		for (p = q = nospace; *p; p++)
			if (*p != ' ')
				*q++ = *p;
		*q = '\0';
		if (strstr(nospace, "protokol"))
			x->kind = COUNCIL_SOURCE_PROTOCOL;
		else if (strstr(nospace, "ataskait") || strstr(nospace, "apzvalg"))
			x->kind = x->plan.present ? COUNCIL_SOURCE_PLAN_REPORT : COUNCIL_SOURCE_ANNUAL_REPORT;
		free(f);
	}
	if (year)
		x->report_year = year;
}

/* When the title names no year: "per 2021 metus", or the year most dated
 * happenings fall in. */
void ex_guess_year(ctx *c)
{
	int counts[200] = { 0 }, best = 0, i;
	size_t pos = 0;
	lt_date_match m;

	while (lt_date_find(&m, c->t->view, c->t->len, pos, 0)) {
		pos = m.end > pos ? m.end : pos + 1;
		if (ex_excluded(c, m.start, m.end) || (m.flags & LT_DATE_YEAR_SPAN))
			continue;
		if (m.period.start.year >= 1990 && m.period.start.year < 2190 && m.period.start.month)
			counts[m.period.start.year - 1990]++;
	}
	for (i = 1; i < 200; i++)
		if (counts[i] > counts[best])
			best = i;
	if (counts[best] > 0)
		c->x->report_year = 1990 + best;
}

/* A web page's own date, stamped on a short line: "Paskelbta 2025-05-22,
 * atnaujinta 2025-05-23", "Atnaujinta: 2024-02-05 10:47", "Paskutinis
 * atnaujinimas: 2025-02-19".  The publication wins over an update.  The
 * stamp's word stands right before the date, at most two words before it
 * on its line ("Paskutinį kartą"); "sudėtis atnaujinta 2021 m. kovo 31 d.
 * sprendimu" tells of an act.  Returns 1 when the page's date was set. */
static int page_date(ctx *c)
{
	static const struct { const char *stem; int rank; } words[] = {
#define PAGE_WORD(w, f, rank) { f, rank },
		LEX_PAGE_DATE(PAGE_WORD)
#undef PAGE_WORD
	};
	const char *v = c->t->view;
	size_t pos = 0;
	int best = 0;
	council_date when = { 0, 0, 0 };

	while (pos < c->t->len && best != 1) {
		size_t ls = pos, le = ex_eol(v, pos, c->t->len), p;
		lt_date_match m;
		pos = le + 1;
		for (p = ls; le - ls <= 100 && p < le && lt_date_find(&m, v, le, p, 0); p = m.end) {
			word w, prev;
			size_t q = m.start, before = 0;
			char *f;
			int rank = 0;
			if (m.period.start.day == 0 || !ex_prev_word(c->t, ls, m.start, &w))
				continue;
			f = ex_fold(c->t, w.start, w.end);
			for (size_t k = 0; f && k < sizeof words / sizeof words[0]; k++)
				if (!strncmp(f, words[k].stem, strlen(words[k].stem)))
					rank = words[k].rank;
			free(f);
			for (q = w.start; rank && ex_prev_word(c->t, ls, q, &prev); q = prev.start)
				before++;
			if (!rank || before > 2)
				continue;
			/* nothing but a time, a separator or another stamp after it */
			q = m.end;
			while (q < le && (v[q] == ' ' || v[q] == ','))
				q++;
			if (q < le && !(v[q] >= '0' && v[q] <= '9') && v[q] != '|' &&
			    !ex_next_word(c->t, q, le, &w))
				continue;
			if (q < le && !(v[q] >= '0' && v[q] <= '9') && ex_next_word(c->t, q, le, &w) &&
			    w.start == q) {
				int stamp = 0;
				f = ex_fold(c->t, w.start, w.end);
				for (size_t k = 0; f && k < sizeof words / sizeof words[0]; k++)
					stamp |= !strncmp(f, words[k].stem, strlen(words[k].stem));
				free(f);
				if (!stamp)
					continue;
			}
			if (!best || rank < best) {
				best = rank;
				when = m.period.start;
			}
			if (best == 1)
				break;
		}
	}
	if (!best)
		return 0;
	/* not excluded: a page reporting on no year of its own is dated by
	 * it (ex_guess_year), and no rule reads it as a happening */
	c->x->doc_date = when;
	return 1;
}

/* The report's own date and number under the title: "2022-02-18 Nr. B28-2-1". */
static void own_number(ctx *c)
{
	/* The opening blocks, then the closing ones: some reports sign and
	 * date at the end ("2022-01-14" on a line of its own). */
	size_t n = c->doc.n_blocks, head = n < 6 ? n : 6;

	for (size_t k = 0; k < head + 3; k++) {
		/* blocks 0..5, then the last three not already seen */
		size_t i = k < head ? k : n - (k - head) - 1;
		int closing = i + 3 >= n && i >= 2; /* one of the last three blocks */
		const seg_block *b;
		if (k >= head && (k - head >= n || i < head))
			break;
		b = &c->doc.blocks[i];
		const char *v = c->t->view;
		const char *nr;
		lt_date_match m;
		size_t len = b->span.end - b->span.start;

		if (b->is_table || len > 120)
			continue;
		/* "PATVIRTINTA / Savivaldybės tarybos / 2023 m. gegužės 25 d.
		 * sprendimu Nr. T-145": the stamp names the act that approved
		 * the document (act.cited's), not the document's own number */
		{
			char *sf = ex_fold(c->t, b->span.start, b->span.end);
			int stamp = sf && !strncmp(sf, "patvirtint", 10);
			free(sf);
			if (stamp)
				continue;
		}
		nr = NULL;
		for (size_t q = b->span.start; q + 3 <= b->span.end; q++)
			if (strncmp(v + q, "Nr.", 3) == 0) {
				nr = v + q;
				break;
			}
		if (!lt_date_find(&m, v, b->span.end, b->span.start, 0) || m.period.start.day == 0)
			continue;
		/* "1 POSĖDIS – 2024 m. sausio 25 d. (protokolas Nr. BOT-1)": a
		 * sitting's heading names its own minutes, not the report's */
		{
			char *pf = ex_fold(c->t, b->span.start, m.start);
			int sitting = pf && ex_find_stem(pf, "posedis");
			free(pf);
			if (sitting)
				continue;
		}
		/* At the end only a date on a line of its own is the report's. */
		if (closing) {
			size_t q = m.end;
			while (q < b->span.end && v[q] == ' ')
				q++;
			int signed_line = 0;
			{
				/* "Ataskaitą parengė X, 2024-01-19": the signature's date */
				size_t ls = m.start;
				char *lf;
				while (ls > b->span.start && v[ls - 1] != '\n')
					ls--;
				lf = ex_fold(c->t, ls, m.start);
				signed_line = lf && ex_has_any_stem(lf, (const char *const[]){
				                        LEX_DRAFTED_VERB(LEX_FOLDED) NULL });
				free(lf);
			}
			if (nr || (m.start != b->span.start && v[m.start - 1] != '\n' && !signed_line) ||
			    (q < b->span.end && v[q] != '\n'))
				continue;
			c->x->doc_date = m.period.start;
			ex_exclude(c, m.start, m.end);
			return;
		}
		if (!nr && len > 40)
			continue;
		c->x->doc_date = m.period.start;
		ex_exclude(c, b->span.start, b->span.end);
		if (nr) {
			size_t s = (size_t)(nr - v) + 3, e;
			while (s < b->span.end && v[s] == ' ')
				s++;
			e = s;
			while (e < b->span.end && v[e] != ' ' && v[e] != '\n' && v[e] != ',')
				e++;
			if (e > s)
				c->x->doc_number = ex_clean(c, s, e);
		}
		return;
	}
}

/* "doc.number": the document's own number and date under its title, else
 * (a web page) the date its page stamps. */
void ex_document_number(ctx *c)
{
	own_number(c);
	if (!c->x->doc_date.year && page_date(c))
		ex_fired(c);
}

/* ---- legal acts ---------------------------------------------------------- */

/* What an act did to the council: the nearest verb before it in its
 * sentence ("sudaryta ... sprendimu", "(pakeista ... sprendimu", "nuostatai
 * patvirtinti ... sprendimu"). */
static council_act_effect act_effect(ctx *c, size_t act_start)
{
	static const struct { const char *stem; council_act_effect e; } verbs[] = {
		{ "pakeist", COUNCIL_ACT_AMENDS }, { "papildyt", COUNCIL_ACT_AMENDS },
		{ "pakeitim", COUNCIL_ACT_AMENDS },
		{ "sudaryt", COUNCIL_ACT_ESTABLISHES }, { "isteigt", COUNCIL_ACT_ESTABLISHES },
		{ "sudarymo", COUNCIL_ACT_ESTABLISHES },
		{ "nuostat", COUNCIL_ACT_APPROVES_RULES }, { "reglament", COUNCIL_ACT_APPROVES_RULES },
		{ "patvirtint", COUNCIL_ACT_APPROVES_RULES },
		{ "paskirt", COUNCIL_ACT_APPOINTS }, { "deleguot", COUNCIL_ACT_APPOINTS },
		{ "skirt", COUNCIL_ACT_APPOINTS },
	};
	size_t lo = act_start > 300 ? act_start - 300 : 0, i;
	size_t best = 0;
	council_act_effect e = COUNCIL_ACT_OTHER;
	char *f;

	/* Only the act's own sentence counts. */
	for (i = act_start; i > lo; i--) {
		const char *v = c->t->view;
		if ((v[i - 1] == '.' && i < act_start && v[i] == ' ' && i >= 3 &&
		     !(v[i - 2] == 'm' || v[i - 2] == 'd' || v[i - 2] == 'r')) || v[i - 1] == '\n') {
			lo = i;
			break;
		}
	}
	f = ex_fold(c->t, lo, act_start);
	if (!f)
		return e;
	for (i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
		const char *p = f, *last = NULL;
		while ((p = ex_find_stem(p, verbs[i].stem)) != NULL)
			last = p++;
		if (last && (size_t)(last - f) + 1 > best) {
			best = (size_t)(last - f) + 1;
			e = verbs[i].e;
		}
	}
	free(f);
	return e;
}

/* The act numbers seen, an open-addressing hash set of indexes into
 * x->acts: a report citing thousands of acts must not compare each with
 * every one before it. */
typedef struct act_set {
	size_t *slot;          /* index + 1 into x->acts, 0 for empty */
	size_t cap;            /* a power of two, at least twice the acts */
} act_set;

static uint64_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

/* Is number among acts?  If not and add, makes room for it at index add-1. */
static int act_seen(act_set *set, const x_act *acts, size_t n, const char *number)
{
	size_t i;

	if (2 * (n + 1) > set->cap) {
		size_t cap = set->cap ? 2 * set->cap : 64, k, *slot = calloc(cap, sizeof *slot);
		if (!slot)
			return -1;
		for (k = 0; k < n; k++) {
			for (i = str_hash(acts[k].number) & (cap - 1); slot[i]; i = (i + 1) & (cap - 1))
				;
			slot[i] = k + 1;
		}
		free(set->slot);
		set->slot = slot;
		set->cap = cap;
	}
	for (i = str_hash(number) & (set->cap - 1); set->slot[i]; i = (i + 1) & (set->cap - 1))
		if (strcmp(acts[set->slot[i] - 1].number, number) == 0)
			return 1;
	return 0;
}

static void act_set_add(act_set *set, const x_act *acts, size_t k)
{
	size_t i;

	for (i = str_hash(acts[k].number) & (set->cap - 1); set->slot[i]; i = (i + 1) & (set->cap - 1))
		;
	set->slot[i] = k + 1;
}

/* A title in quotes right after the act's number: „Dėl ...“ closing
 * within 400 bytes. */
static void act_title(ctx *c, x_act *act, size_t s)
{
	const char *v = c->t->view;
	size_t q, lim;

	while (s < c->t->len && v[s] == ' ')
		s++;
	if (s + 3 > c->t->len || memcmp(v + s, "„", 3) != 0)
		return;
	lim = c->t->len - s > 400 ? s + 400 : c->t->len;
	for (q = s + 3; q < lim && q + 3 <= c->t->len; q++)
		if (memcmp(v + q, "“", 3) == 0) {
			act->title = ex_clean(c, s + 3, q);
			return;
		}
}

void ex_legal_acts(ctx *c)
{
	lt_act_match a;
	size_t pos = 0;
	act_set set = { NULL, 0 };

	while (c->rc == COUNCIL_OK && lt_act_find(&a, c->t->view, c->t->len, pos)) {
		x_act *act;
		int dup;
		pos = a.end > pos ? a.end : pos + 1;
		if (a.date_end > a.date_start)
			ex_exclude(c, a.date_start, a.date_end);
		ex_exclude(c, a.start, a.end);
		if ((dup = act_seen(&set, c->x->acts, c->x->n_acts, a.number)) < 0) {
			ex_oom(c);
			break;
		}
		/* The report's own number is not an act about the council. */
		if (dup || (c->x->doc_number && strcmp(c->x->doc_number, a.number) == 0))
			continue;
		act = x_push((void **)&c->x->acts, &c->x->n_acts, sizeof *act);
		if (!act || !(act->number = cdb_strdup(a.number))) {
			ex_oom(c);
			return;
		}
		act_set_add(&set, c->x->acts, c->x->n_acts - 1);
		act->date = a.date;
		ex_made(c, &act->span);
		act->effect = act_effect(c, a.start);
		act_title(c, act, a.end);
		x_span_set(&act->span, c->t, a.start, a.end);
	}
	free(set.slot);
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
 * council named as two, joined by "ir". */
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
		if (strncmp(q, " ir ", 4) != 0 || !(k1 = kind_in(f, from, at)))
			continue;
		r = strstr(q + 4, "taryb");
		end = r ? (size_t)(r - f) : 0;
		if (r && r - q < 80 && kind_in(f, (size_t)(q - f) + 4, end) == 3 - k1)
			return 1;
	}
	return 0;
}

/* A page about several councils, none its subject: a list of councils
 * under headings of their own, two or more of them others' (an
 * overview of a municipality's advisory bodies), or a text whose title
 * names no council that names the councils of three or more other
 * municipalities (a ministry's summary), or a title naming both kinds
 * of council over a text that names them as two (a joint sitting's news).
 * Nobody it names is a member of
 * the council the importer had to pick (ex_add_member asks). */
static void several_councils(ctx *c, int other_headings, size_t first)
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
	/* a title naming both kinds of council ("bendruomeninių ir
	 * nevyriausybinių organizacijų tarybos") is one combined council's,
	 * unless the text names the two as two: a joint sitting's page */
	if (c->title_end > c->title_start) {
		char *t = ex_fold(c->t, c->title_start, c->title_end);
		int both = t && ex_find_stem(t, "bendruomenin") && ex_find_stem(t, "nevyriausybin");
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
	if (c->x->council.span.start < c->title_end && c->title_end > c->title_start) {
		/* the title names the council: the page is that council's */
		char *t = ex_fold(c->t, c->title_start, c->title_end);
		int named = t && (ex_find_stem(t, "taryb") || ex_find_stem(t, "savivaldyb"));
		size_t k;
		for (k = 0; named && k < sizeof munis / sizeof munis[0]; k++) {
			const char *at = ex_find_stem(t, munis[k].key);
			/* "Šiaulių apskrities ... tarybos", "Šiaulių regiono":
			 * a county's or region's, no municipality's */
			if (at && (!strncmp(at + strlen(munis[k].key), " apskrit", 8) ||
			           !strncmp(at + strlen(munis[k].key), " region", 7)))
				continue;
			if (at && !strncmp(c->x->council.municipality ? c->x->council.municipality : "",
			                   munis[k].genitive, strlen(munis[k].genitive))) {
				free(t);
				return;
			}
		}
		free(t);
	}
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
 * ex_in_other_council). */
void ex_other_councils(ctx *c)
{
	const char *v = c->t->view;
	size_t pos = c->title_end, open = 0, first = SIZE_MAX;
	int in_other = 0, other_headings = 0;

	while (pos < c->t->len && c->rc == COUNCIL_OK) {
		size_t s = pos, e;
		int h;
		while (s < c->t->len && (v[s] == ' ' || v[s] == '\t'))
			s++;
		e = ex_eol(v, s, c->t->len);
		pos = e + 1;
		/* a table's row naming a council in its first cell ("| Jaunimo
		 * reikalų taryba | Mantas Arlauskas | ..."): a heading of its
		 * own row */
		if (s < e && v[s] == '|') {
			size_t k = s + 1;
			while (k < e && v[k] != '|')
				k++;
			if (k >= e)
				continue;
			for (s++; s < k && v[s] == ' '; s++)
				;
			e = k;
		}
		while (e > s && (v[e - 1] == ' ' || v[e - 1] == ':'))
			e--;
		if (e <= s || (h = heading_council(c, s, e)) == 0)
			continue;
		if (first == SIZE_MAX)
			first = s;
		other_headings += h < 0;
		if (h < 0 && !in_other) {
			in_other = 1;
			open = s;
		} else if (h > 0 && in_other) {
			excl *x = ex_push(c, (void **)&c->others, &c->n_others, sizeof *x);
			if (!x)
				return;
			x->start = open;
			x->end = s;
			in_other = 0;
		}
	}
	if (in_other) {
		excl *x = ex_push(c, (void **)&c->others, &c->n_others, sizeof *x);
		if (!x)
			return;
		x->start = open;
		x->end = c->t->len;
	}
	several_councils(c, other_headings, first);
	if (c->n_others || c->several_councils)
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

/* "act.own": a document that is itself a decision or an order
 * ("SPRENDIMAS" or "ĮSAKYMAS" on a line of its own under the issuer, then
 * "DĖL ... SUDĖTIES PATVIRTINIMO" and its own date and number) is a legal
 * act about the council: its number and date, and what its title says it
 * does. */
void ex_own_act(ctx *c)
{
	const char *v = c->t->view;
	size_t pos = c->title_start, s, e;
	int decision = 0;
	council_act_effect effect = COUNCIL_ACT_OTHER;
	char *f;
	x_act *act;
	size_t i;

	if (!c->x->doc_number || !c->x->doc_date.year)
		return;
	for (i = 0; i < c->x->n_acts; i++)
		if (!strcmp(c->x->acts[i].number, c->x->doc_number))
			return;
	while (pos < c->title_end && !decision) {
		for (s = pos; s < c->title_end && v[s] == ' '; s++)
			;
		for (e = s; e < c->title_end && v[e] != '\n'; e++)
			;
		pos = e + 1;
		while (e > s && v[e - 1] == ' ')
			e--;
		if ((f = ex_fold(c->t, s, e)) != NULL) {
			decision = !strcmp(f, "sprendimas") || !strcmp(f, "isakymas") || !strcmp(f, "nutarimas");
			free(f);
		}
	}
	if (!decision || !(f = ex_fold(c->t, c->title_start, c->title_end)))
		return;
	effect = strstr(f, "pakeitim") ? COUNCIL_ACT_AMENDS
	       : ex_find_stem(f, "sudeties") ? COUNCIL_ACT_APPOINTS
	       : strstr(f, "nuostat") ? COUNCIL_ACT_APPROVES_RULES
	       : strstr(f, "sudarym") ? COUNCIL_ACT_ESTABLISHES : COUNCIL_ACT_OTHER;
	free(f);
	act = x_push((void **)&c->x->acts, &c->x->n_acts, sizeof *act);
	if (!act || !(act->number = cdb_strdup(c->x->doc_number))) {
		ex_oom(c);
		return;
	}
	act->date = c->x->doc_date;
	act->effect = effect;
	ex_made(c, &act->span);
	x_span_set(&act->span, c->t, c->title_start, c->title_end);
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
