/* SPDX-License-Identifier: MIT */
/*
 * extract_document.c -- what a document says of itself: its title, the
 * report year and plan period the title states, its own number and date
 * (a decision's, a protocol's, a web page's stamp), and the legal acts it
 * cites (whose dates are no happenings) or is.  Which council it is about
 * is extract_council.c; reading the file's format is document.c.
 */
#include "extract_int.h"
#include "lexicon.h"

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
