/* SPDX-License-Identifier: MIT */
/*
 * extract_sentence.c -- reading prose: the year a date takes and the sentence
 * reader that hands each date to the meeting or event rules (what did not
 * happen: extract_planned.c).
 */
#include <pthread.h>

#include "extract_int.h"
#include "lexicon.h"

/* The year a yearless date takes: the nearest year written before it in the
 * same paragraph or cell, else the report year.  A year in parentheses
 * already closed is an aside, no context. */
static int paren_mark(char ch)
{
	return ch == '(' || ch == ')' || ch == '\n';
}

/* Settles the pending years of ys against the first parenthesis or line
 * break after them, if one stands before limit: ")" makes them asides,
 * "(" or a line break makes them hold. */
static void settle_pending(const char *v, year_scan *ys, size_t limit)
{
	size_t q;

	if (!ys->pending)
		return;
	for (q = ys->pending_end; q < limit && !paren_mark(v[q]); q++)
		;
	if (q < limit) {
		if (v[q] != ')')
			ys->settled = ys->pending;
		ys->pending = 0;
	} else {
		ys->pending_end = q; /* nothing in [pending_end, limit): skip it next time */
	}
}

/* A date inside parentheses that close before pos ("5 posėdžiai (2022
 * m. – 4)" compares with another year in passing) is an aside: the last
 * mark before it is "(" and the first after it a ")" before pos.  The
 * block's dates are walked once:  Asking again at a later pos of the same
 * block goes on from where the last question stopped. */
int ex_context_year(ctx *c, size_t block_start, size_t pos)
{
	const char *v = c->t->view;
	year_scan *ys = &c->para.ys;
	lt_date_match m;

	if (ys->block != block_start || ys->year != c->year || pos < ys->pos) {
		memset(ys, 0, sizeof *ys);
		ys->block = block_start;
		ys->year = c->year;
		ys->pos = ys->next = ys->mark_at = block_start;
		ys->settled = c->year;
	}
	while (lt_date_find(&m, v, pos, ys->next, 0)) {
		ys->next = m.end > ys->next ? m.end : ys->next + 1;
		if ((m.flags & LT_DATE_YEAR_SPAN) || ex_excluded(c, m.start, m.end) ||
		    (c->year && m.period.start.year > c->year) || m.period.start.year < c->year - 1)
			continue;
		settle_pending(v, ys, m.start);
		for (; ys->mark_at < m.start; ys->mark_at++)
			if (paren_mark(v[ys->mark_at]))
				ys->last_mark = v[ys->mark_at];
		if (ys->last_mark == '(') {
			if (!ys->pending)
				ys->pending_end = m.end;
			ys->pending = m.period.start.year;
		} else {
			ys->settled = m.period.start.year;
		}
	}
	ys->pos = pos;
	settle_pending(v, ys, pos);
	return ys->pending ? ys->pending : ys->settled;
}

/* "Šių metų sausio 25 d." -- this year's: the year the text was written
 * (the publication date near the title, else the report's own date), not
 * the year it reports on. */
void ex_this_year(ctx *c, size_t s, lt_date_match *m)
{
	word w1, w2;
	int y = c->pub_year ? c->pub_year : c->x->doc_date.year;

	if (!(m->flags & LT_DATE_YEAR_INFERRED) || !y)
		return;
	/* "Taryba sausio 30 d. posėdyje ... pritarė 2023 metų veiklos
	 * ataskaitai", on a page written in 2024: the meeting that approved
	 * the report is in the year the text was written. */
	if (y == c->year + 1 && m->period.start.month && m->period.start.month <= 4) {
		char *f = ex_fold(c->t, s, m->start + 200 < c->t->len ? m->start + 200 : c->t->len);
		int approves = f && ex_find_stem(f, "ataskait") &&
		               (ex_find_stem(f, "pritar") || ex_find_stem(f, "patvirtin") || ex_find_stem(f, "pristat") ||
		                ex_find_stem(f, "aptare") || ex_find_stem(f, "svarst"));
		free(f);
		if (approves) {
			council_period p = m->period;
			p.start.year = p.end.year = y;
			if (council_date_valid(&p.start) && council_date_valid(&p.end))
				m->period = p;
			return;
		}
	}
	if (ex_prev_word(c->t, s, m->start, &w2) && ex_prev_word(c->t, s, w2.start, &w1) &&
	    ex_word_has_stem(c->t, &w1, (const char *const[]){ "siu", "siais", NULL }) &&
	    ex_word_has_stem(c->t, &w2, (const char *const[]){ "metu", "metais", NULL })) {
		council_period p = m->period;
		p.start.year = y;
		p.end.year = y;
		if (council_date_valid(&p.start) && council_date_valid(&p.end))
			m->period = p;
	}
}

/* "2023.05.12 ir 2023.06.02", "2023-03-01, 2023-03-08 ir 2023-03-15":
 * whole dates joined by "ir" or commas are one event's days; the event
 * runs from the first to the last. */
static void listed_dates(ctx *c, size_t e, lt_date_match *m)
{
	const char *v = c->t->view;
	lt_date_match nx;
	size_t p = m->end;

	for (;;) {
		size_t q = p;
		while (q < e && (v[q] == ' ' || v[q] == ','))
			q++;
		if (q + 3 <= e && v[q] == 'i' && v[q + 1] == 'r' && v[q + 2] == ' ')
			q += 3;
		while (q < e && v[q] == ' ')
			q++;
		if (q == p || !lt_date_find(&nx, v, e, q, m->period.end.year) || nx.start != q ||
		    nx.period.start.year != m->period.start.year || !nx.period.start.day ||
		    council_date_cmp(&nx.period.end, &m->period.end) <= 0)
			return;
		m->period.end = nx.period.end;
		m->end = nx.end;
		p = nx.end;
	}
}

typedef struct sent_ctx {
	ctx *c;
	size_t block_start;
} sent_ctx;

/* The default year for a date search of [pos, e) in a sentence: the
 * context year, which rescans the paragraph up to pos.  Past the last word
 * that could start a yearless date (*yearless_end, found on first need;
 * SIZE_MAX before) the default changes nothing, and 0 does as well. */
static int default_year(ctx *c, const sent_ctx *sc, size_t pos, size_t e, size_t *yearless_end)
{
	if (pos == sc->block_start)
		return ex_context_year(c, sc->block_start, pos); /* nothing to rescan */
	if (*yearless_end == SIZE_MAX)
		*yearless_end = lt_date_yearless_end(c->t->view, e, pos);
	return pos < *yearless_end ? ex_context_year(c, sc->block_start, pos) : 0;
}

/* A questionnaire's question the next sentence answers: "Kiek posėdžių
 * įvyko? - 5, iš jų 2 nuotoliniai.", "Nurodykite posėdžių datas. -
 * 2023-02-16, ...". */
enum { Q_NONE, Q_MEETING_COUNT, Q_MEETING_DATES };

static int question_topic(ctx *c, size_t s, size_t e, const char *f)
{
	const char *v = c->t->view;

	if (!strstr(f, "posedz"))
		return Q_NONE;
	if (v[e - 1] == '?' && strstr(f, "kiek"))
		return Q_MEETING_COUNT;
	if ((v[e - 1] == '?' || v[e - 1] == '.') && strstr(f, "dat") &&
	    (strstr(f, "nurodykite") || strstr(f, "kada") || strstr(f, "kokios")))
		return Q_MEETING_DATES;
	(void)s;
	return Q_NONE;
}

/* "Sausio, kovo ir gruodžio posėdžiai vyko nuotoliniu būdu": the months'
 * meetings listed before were remote (or hybrid, "mišriu būdu"). */
static void months_format(ctx *c, size_t s, size_t e, const char *f)
{
	int months[12], n = 0, k;
	size_t p = s, i;
	word w;
	council_format fmt;

	if (!strstr(f, "nuotolin") && !strstr(f, "misriu"))
		return;
	fmt = strstr(f, "misriu") && !strstr(f, "nuotolin") ? COUNCIL_FORMAT_HYBRID
	                                                      : COUNCIL_FORMAT_REMOTE;
	while (ex_next_word(c->t, p, e, &w) && n < 12) {
		int mo = lt_month_from_word(c->t->view + w.start, w.end - w.start);
		if (mo > 0) {
			months[n++] = mo;
		} else if (lt_word_is(c->t->view + w.start, w.end - w.start, "ir") ||
		           lt_word_is(c->t->view + w.start, w.end - w.start, "bei")) {
			/* the list goes on */
		} else if (n > 0 && ex_word_has_stem(c->t, &w, (const char *const[]){ "posedz", NULL })) {
			break;
		} else {
			return;
		}
		p = w.end;
	}
	if (n == 0)
		return;
	for (i = 0; i < c->x->n_meetings; i++) {
		x_meeting *m = &c->x->meetings[i];
		for (k = 0; k < n; k++)
			if (m->date.start.month == months[k] && m->date.start.year == c->year &&
			    m->format == COUNCIL_FORMAT_UNKNOWN) {
				m->format = fmt;
				ex_fired(c);
			}
	}
}

/* The answer to a meeting-count question: "- 5, iš jų 2 nuotoliniai". */
static void answer_meeting_count(ctx *c, size_t s, size_t e)
{
	const char *v = c->t->view;
	size_t p = s;
	int64_t n, remote;
	size_t k;

	while (p < e && (v[p] == ' ' || v[p] == '-'))
		p++;
	if (!(k = lt_number_parse(&n, v + p, e - p)) || n < 0 || n > 100 || !c->year)
		return;
	ex_add_figure(c, c->year, COUNCIL_METRIC_MEETINGS, n, COUNCIL_QUAL_EXACT, s, e);
	if (ex_label_remote(c, p, e, n, &remote))
		ex_add_figure(c, c->year, COUNCIL_METRIC_MEETINGS_REMOTE, remote, COUNCIL_QUAL_EXACT, s, e);
}

static int sentence_one(sent_ctx *sc, size_t s, size_t e);

static int day_under_month(ctx *c, size_t s, size_t e, lt_date_match *m);

/* Does the clause [s,e) start with a date (1), and name a happening (2)? */
static int dated_event_clause(ctx *c, size_t s, size_t e)
{
	lt_date_match m;
	council_event_kind kind;
	const char *stem;
	word w;
	size_t p;

	while (s < e && c->t->view[s] == ' ')
		s++;
	if (!lt_date_find(&m, c->t->view, e, s, c->year) || m.start != s)
		return 0;
	for (p = m.end; ex_next_word(c->t, p, e, &w); p = w.end)
		if (ex_event_keyword(c->t, &w, &kind, &stem))
			return 2;
	return 1;
}

/* "Renginiai: 2024-04-26, mokymai „…“, 18 dalyvių; 2024-08-17,
 * sąskrydis Vilkyškiuose, apie 350 dalyvių; …": a sentence whose clauses
 * after semicolons each open with a date and name a happening is a list
 * of events, one a clause, each with its own count and place. */
static int sentence(void *vs, size_t s, size_t e)
{
	sent_ctx *sc = vs;
	ctx *c = sc->c;
	const char *v = c->t->view;
	size_t semis[32], n = 0, q, k;
	int depth = 0;

	if (s >= e || !memchr(v + s, ';', e - s))
		return sentence_one(sc, s, e); /* most sentences: no clause list */
	for (q = s; q < e && n < 32; q++) {
		if (v[q] == '(')
			depth++;
		else if (v[q] == ')' && depth > 0)
			depth--;
		else if (v[q] == ';' && depth == 0 && !ex_inside_quote(c->t, s, q))
			semis[n++] = q;
	}
	if (n == 0 || n == 32)
		return sentence_one(sc, s, e);
	{
		/* every clause after a semicolon opens with a date, and one names
		 * a happening (a list of meeting dates names none) */
		int events = 0, r;
		for (k = 0; k < n; k++) {
			if (!(r = dated_event_clause(c, semis[k] + 1, k + 1 < n ? semis[k + 1] : e)))
				return sentence_one(sc, s, e);
			events += r == 2;
		}
		if (!events)
			return sentence_one(sc, s, e);
	}
	if (sentence_one(sc, s, semis[0]) != COUNCIL_OK)
		return c->rc;
	for (k = 0; k < n; k++) {
		size_t a = semis[k] + 1, b = k + 1 < n ? semis[k + 1] : e;
		while (a < b && v[a] == ' ')
			a++;
		if (a < b && sentence_one(sc, a, b) != COUNCIL_OK)
			return c->rc;
	}
	return c->rc;
}

/* Whether the date m of sentence [s,e) is passed over before asking what
 * it dates: an act's or a quotation's, a plan's period, a later year in
 * passing, a deadline ("iki ...") or a period's start.  *later: the date
 * lies after the report year. */
static int date_passed_over(ctx *c, size_t s, const char *f, lt_date_match *m, int *later)
{
	word w;

	if (ex_excluded(c, m->start, m->end) || (m->flags & LT_DATE_YEAR_SPAN) ||
	    ex_inside_quote(c->t, s, m->start))
		return 1;
	ex_this_year(c, s, m);
	/* A later year mentioned in passing is no happening; but the
	 * meeting that approved the report early next year is a meeting. */
	*later = c->year && m->period.start.year > c->year;
	if (*later && (m->period.start.year > c->year + 1 || !m->period.start.day))
		return 1;
	/* Early next year: the meeting that approved this report, but not
	 * one planned ("pirmąjį – 2025 m. vasario 13 d.", "posėdžius
	 * rengti ...") nor the date the report was prepared ("Parengta
	 * 2024-02-05, pristatyta Tarybos posėdyje"). */
	if (*later && (ex_has_any_stem(f, (const char *const[]){ "planuo", "numat", "rengti",
	                                                     "pirmaji", "pirmojo", "grafik", NULL }) ||
	              ex_find_stem(f, "bus ") ||
	              (ex_prev_word(c->t, s, m->start, &w) &&
	               ex_word_has_stem(c->t, &w, (const char *const[]){ "parengt", "pasirasyt",
	                                                              "data", NULL }))))
		return 1;
	if (ex_prev_word(c->t, s, m->start, &w) &&
	    (lt_word_is(c->t->view + w.start, w.end - w.start, "iki") ||
	     lt_word_is(c->t->view + w.start, w.end - w.start, "nuo") ||
	     /* not "nuotolinis): sausio 27 d." */
	     ex_word_has_stem(c->t, &w, (const char *const[]){ "terminas", NULL })))
		return 1; /* a deadline or a period, not a happening */
	return 0;
}

/* A date of the council's meeting: each day of a list is one; a single
 * date keeps the words up to the next date as its own. */
static void dated_meeting(ctx *c, size_t s, size_t e, const char *f, const lt_date_match *m)
{
	/* The words up to the next date are this date's own. */
	lt_date_match nx;
	int y = c->year ? c->year : m->period.start.year;
	size_t own_end = lt_date_find(&nx, c->t->view, e, m->end, y) ? nx.start : e;
	char *own = lt_date_find(&nx, c->t->view, e, m->end, y) ||
	            lt_date_find(&nx, c->t->view, m->start, s, y)
	            ? ex_fold(c->t, m->end, own_end) : NULL;
	if (m->flags & LT_DATE_LIST) {
		int d;
		for (d = 0; d < m->n_days; d++) {
			council_period one = m->period;
			one.start.day = one.end.day = m->days[d];
			one.end.month = one.start.month;
			c->rule = "meeting.dated";
			ex_add_meeting(c, one, f, s, e, NULL);
		}
	} else {
		c->rule = "meeting.dated";
		ex_add_meeting(c, m->period, f, s, e, own);
	}
	free(own);
}

/* The event noun after the date m (within 25 words, 16 without a day)
 * into kw with its kind and stem; kw->end stays 0 when there is none or
 * it names no happening the date dates. */
static void noun_after_date(ctx *c, size_t s, size_t e, const char *f, const lt_date_match *m,
                            word *kw, council_event_kind *kind, const char **stem)
{
	word w;
	size_t p;
	int k;

	/* The event noun nearest after the date, else just before it.  A date
	 * without its day needs the noun close: "2023 m. kovo–balandžio mėn.
	 * atlikta apklausa: ... transportas renginiams" names no happening. */
	p = m->end;
	for (k = 0; k < (m->period.start.day ? 25 : 16) && ex_next_word(c->t, p, e, &w); k++) {
		if (ex_event_keyword(c->t, &w, kind, stem)) {
			*kw = w;
			break;
		}
		p = w.end;
	}
	/* A season ("2023 m. rudenį") dates a happening its noun names, not
	 * one a verb tells of ("... sueigose, kuriose pristatė ...") */
	if (kw->end && (m->flags & LT_DATE_COARSE) && *stem && ex_verb_stem(*stem))
		kw->end = 0;
	/* A bare year needs its noun close after it ("2023 m. Drevernoje
	 * organizuotoje konferencijoje"); "Konferencijoje pristatyti 2019 m.
	 * įgyvendinti projektai" dates the projects, not the conference. */
	if (kw->end && !m->period.start.month && k > 6)
		kw->end = 0;
	/* "2025 m. renginiai" is a heading, not a happening. */
	if (kw->end && !m->period.start.month && e - s < 40 && c->t->view[e - 1] != '.')
		kw->end = 0;
	/* Nor, dated by a year alone: a list's introduction ("2023 m.
	 * organizavo šiuos renginius:"), a total ("Iš viso 2022 m.
	 * surengti 2 mokymai"), or the year's report or plan ("2022 m.
	 * veiklos ataskaita ir jos pristatymas"). */
	if (kw->end && !m->period.start.month) {
		word nw, pw;
		int64_t cnt;
		if (c->t->view[e - 1] == ':' || strstr(f, "is viso") ||
		    (ex_prev_word(c->t, s, kw->start, &pw) &&
		     (ex_word_has_stem(c->t, &pw, (const char *const[]){ "siuos", "siuose", "sie", "siu",
		                                                     "minetus", "minetuose", NULL }) ||
		      (lt_number_parse(&cnt, c->t->view + pw.start, pw.end - pw.start) == pw.end - pw.start &&
		       cnt > 1))) ||
		    (ex_next_word(c->t, m->end, e, &nw) &&
		     ex_word_has_stem(c->t, &nw, (const char *const[]){ "veiklos", NULL })))
			kw->end = 0;
		/* an earlier year named alone with events in general is the
		 * background ("2021 m., kai dėl karantino dauguma renginių ..."),
		 * unlike a happening it names ("2023 m. ... konferencijoje") */
		if (c->year && m->period.start.year < c->year && *stem && !strcmp(*stem, "rengin"))
			kw->end = 0;
	}
}

/* The event noun just before the date m, within six words of its clause
 * ("Mokymai „Lyderis: komanda“ vyko dviem etapais - 2024 m. balandžio
 * 11 d.": a quoted name between counts as none). */
static void noun_before_date(ctx *c, size_t s, const lt_date_match *m, word *kw,
                             council_event_kind *kind, const char **stem)
{
	word w;
	size_t p;
	int k;

	p = m->start;
	for (k = 0; k < 6 && ex_prev_word(c->t, s, p, &w);) {
		size_t g;
		if (ex_inside_quote(c->t, s, w.start)) {
			p = w.start;
			continue;
		}
		for (g = w.end; g < p; g++)
			if ((c->t->view[g] == ',' || c->t->view[g] == ';' || c->t->view[g] == ':') &&
			    !ex_inside_quote(c->t, s, g))
				break;
		if (g < p)
			break;
		k++;
		if (ex_event_keyword(c->t, &w, kind, stem)) {
			*kw = w;
			break;
		}
		p = w.start;
	}
}

/* "Artimiausias (Tarybos) posėdis – 2024 m. kovo 14 d.": the folded
 * sentence names the next sitting, still to come (lexicon upcoming_word,
 * a meeting noun within the two words after it). */
static int upcoming_sitting(const char *f)
{
	static const char *const words[] = { LEX_UPCOMING_WORD(LEX_FOLDED) NULL };
	size_t k;

	for (k = 0; words[k]; k++) {
		const char *p = f;
		while ((p = ex_find_stem(p, words[k])) != NULL) {
			const char *q = p;
			int n;
			for (n = 0; n < 2; n++) {
				q = strchr(q, ' ');
				if (!q)
					break;
				q++;
				for (size_t i = 0; ex_meeting_stems[i]; i++)
					if (!strncmp(q, ex_meeting_stems[i], strlen(ex_meeting_stems[i])))
						return 1;
			}
			p++;
		}
	}
	return 0;
}

/* One date of sentence [s,e) (folded f): a meeting of the council's, a
 * happening's date, or nothing. */
static void sentence_date(ctx *c, size_t s, size_t e, const char *f, lt_date_match *m,
                          int *made_event)
{
	int md, later = 0;
	word kw = { 0, 0 };
	council_event_kind kind = COUNCIL_EVENT_OTHER;
	const char *stem = NULL;

	if (date_passed_over(c, s, f, m, &later))
		return;
	md = ex_meeting_date(c, s, e, m->start, m->end);
	if (md != 0) {
		if (md > 0 && !ex_did_not_happen(c, s, e, m->start, m->end) && !upcoming_sitting(f) &&
		    m->period.start.month &&
		    !(m->flags & LT_DATE_COARSE))
			dated_meeting(c, s, e, f, m);
		return;
	}
	if (later || *made_event)
		return;
	noun_after_date(c, s, e, f, m, &kw, &kind, &stem);
	if (!kw.end && m->period.start.month)
		noun_before_date(c, s, m, &kw, &kind, &stem);
	if (!kw.end && c->para.list_event_kind >= 0 && m->start < c->para.block_start + 40) {
		/* An item of "Mokymai:": the item is the event; its name is
		 * the quoted title, else the words after the date. */
		c->rule = "event.list_item";
		ex_new_list_event(c, s, e, m, f, (council_event_kind)c->para.list_event_kind);
		*made_event = 1;
		return;
	}
	if (!kw.end)
		return;
	if (ex_did_not_happen(c, s, e, m->start < kw.start ? m->start : kw.start,
	                   m->end > kw.end ? m->end : kw.end))
		return;
	listed_dates(c, e, m);
	c->rule = "event.dated";
	ex_new_event(c, s, e, m, f, &kw, kind, stem);
	*made_event = 1;
}

/* One sentence being read: what each sentence rule is given. */
typedef struct sentence_st {
	sent_ctx *sc;          /* the paragraph being read */
	size_t s, e;           /* the sentence's bytes of the view */
	const char *f;         /* the sentence folded, once */
	int asked;             /* the sentence before asked this (Q_*) */
	int counted;           /* meeting.count read a count in it */
	int made_event;        /* one of its dates made an event */
} sentence_st;

/* "meeting.answer": the answer to a questionnaire's "Kiek posėdžių
 * įvyko?" in the sentence after it. */
static void rule_answer(ctx *c, sentence_st *st)
{
	if (st->asked == Q_MEETING_COUNT && c->sent.question == Q_NONE)
		answer_meeting_count(c, st->s, st->e);
}

/* "meeting.none_remote": "Nuotolinių posėdžių nebuvo", "visi posėdžiai
 * vyko kontaktiniu būdu": none of the year's meetings was remote. */
static void none_remote(ctx *c, size_t s, size_t e, const char *f)
{
	if (c->year && strstr(f, "posedz") &&
	    ((strstr(f, "nuotolini") && (strstr(f, "nebuvo") || strstr(f, "nevyko") ||
	                                 strstr(f, "neorganizuot"))) ||
	     (strstr(f, "visi") && (strstr(f, "kontaktiniu budu") || strstr(f, "gyvai")))))
		ex_add_figure(c, c->year, COUNCIL_METRIC_MEETINGS_REMOTE, 0, COUNCIL_QUAL_EXACT, s, e);
}

/* The year a stated count of sentence [s,e) is of: a date in the sentence
 * before the report year, unless it is last year's figure in passing ("7
 * posėdžiai (2022 m. - 5)"). */
static int count_year(ctx *c, size_t s, size_t e, const lt_meeting_count *mc)
{
	lt_date_match m;

	if (lt_date_find(&m, c->t->view, e, s, 0) && !ex_excluded(c, m.start, m.end) &&
	    !(m.flags & LT_DATE_YEAR_SPAN) && m.period.start.year <= c->year &&
	    !(m.start > s + mc->start && ex_in_parentheses(c->t->view, s, m.start)))
		return m.period.start.year;
	return c->year;
}

/* The figures a stated count gives: the year's, another year's with the
 * noun left out ("2023 m. ... keturis posėdžius; 2024 m. - šešis"), an
 * earlier year's in parentheses, the remote part. */
static void count_figures(ctx *c, size_t s, size_t e, lt_meeting_count *mc, int year,
                          council_qualifier q)
{
	int before;
	int64_t n;
	size_t par = s + mc->start;

	/* "sušaukti septyni posėdžiai, įvyko šeši": convened is not held. */
	if (mc->total > 0)
		ex_held_of_convened(c, s, e, s + mc->start, s + mc->end, &mc->total);
	if (mc->total >= 0)
		ex_add_figure(c, year, COUNCIL_METRIC_MEETINGS, mc->total, q, s, e);
	if (mc->total >= 0 && q == COUNCIL_QUAL_EXACT)
		ex_elided_year_count(c, s + mc->end, e, year);
	while (par < e && par < s + mc->start + 60 && c->t->view[par] != '(')
		par++;
	if (mc->total >= 0 && q == COUNCIL_QUAL_EXACT &&
	    ex_earlier_year_count(c->t->view, par, e, year, &before, &n))
		ex_add_figure(c, before, COUNCIL_METRIC_MEETINGS, n, COUNCIL_QUAL_EXACT, s, e);
	if (mc->remote >= 0)
		ex_add_figure(c, year, COUNCIL_METRIC_MEETINGS_REMOTE, mc->remote,
		              mc->total >= 0 ? q : COUNCIL_QUAL_AT_LEAST, s, e);
}

/* "meeting.count": a stated count of the council's meetings ("įvyko 5
 * posėdžiai, iš kurių 2 nuotoliniai"), unless its own clause says they
 * are planned or did not take place, or another body's. */
static void rule_meeting_count(ctx *c, sentence_st *st)
{
	size_t s = st->s, e = st->e;
	const char *f = st->f;
	lt_meeting_count mc;
	council_qualifier q;
	int year;

	size_t semi;

	if (!lt_meeting_count_find(&mc, c->t->view + s, e - s) || !c->year)
		return;
	/* after a semicolon another statement: "įvyko 5 posėdžiai, iš jų 3
	 * nuotoliniu būdu; vienas posėdis ... neįvyko" counts the five held */
	for (semi = s + mc.end; semi < e && c->t->view[semi] != ';'; semi++)
		;
	if (ex_did_not_happen(c, s, semi, s + mc.start, s + mc.end) ||
	    ex_other_body_subject(c, s, s + mc.start))
		return;
	st->counted = 1;
	/* in a plan's table a count is a lower bound, unless the measure is
	 * about the meetings or the cell says it is the year's */
	q = c->para.in_table && !c->para.measure_about_meetings &&
	    !(strstr(f, "is viso") || strstr(f, "per metus") || strstr(f, "ataskaitin"))
	    ? COUNCIL_QUAL_AT_LEAST : COUNCIL_QUAL_EXACT;
	year = count_year(c, s, e, &mc);
	/* A council meets a few times a month at most: a "count" of hundreds
	 * is a year or a document number misread. */
	if (mc.total > 100)
		mc.total = mc.remote = -1;
	count_figures(c, s, e, &mc, year, q);
	/* a later sentence of the paragraph may give its remote part */
	c->count_sentence_end = mc.total > 0 && mc.remote < 0 ? e : 0;
	c->count_block = c->para.block_start;
	c->count_year = year;
	c->count_total = mc.total;
}

/* "meeting.remote_later": the remote part of a count an earlier sentence
 * of the paragraph stated ("Įvyko 6 posėdžiai. Du iš jų – nuotoliniu
 * būdu."). */
static void rule_remote_later(ctx *c, sentence_st *st)
{
	if (!st->counted && c->count_sentence_end && c->count_block == c->para.block_start)
		ex_remote_of_previous(c, st->s, st->e);
}

/* "date.happening": each date of the sentence, in order, is the council's
 * meeting (meeting.dated), a happening (event.dated, event.list_item) or
 * nothing (an act's, a deadline, a plan). */
static void rule_dates(ctx *c, sentence_st *st)
{
	lt_date_match m;
	size_t pos = st->s, yearless_end = SIZE_MAX;

	if (day_under_month(c, st->s, st->e, &m)) {
		pos = m.end;
		sentence_date(c, st->s, st->e, st->f, &m, &st->made_event);
	}
	while (c->rc == COUNCIL_OK &&
	       lt_date_find(&m, c->t->view, st->e, pos, default_year(c, st->sc, pos, st->e, &yearless_end))) {
		pos = m.end > pos ? m.end : pos + 1;
		c->rule = "date.happening";
		sentence_date(c, st->s, st->e, st->f, &m, &st->made_event);
	}
}

/* "event.after_sitting": "Po posėdžio tarybos nariai dalyvavo ...
 * vykusiame seminare „…“" -- a sentence without a date that opens "after
 * the sitting" tells of a happening its noun names on the day of the
 * sitting read last (a dated one); a visit told by a verb ("Po posėdžio
 * dalyviai lankėsi parke") is the sitting's own programme. */
static void rule_after_sitting(ctx *c, sentence_st *st)
{
	size_t s = st->s, e = st->e;
	const x_meeting *mt;
	council_event_kind kind = COUNCIL_EVENT_OTHER;
	const char *stem = NULL;
	lt_date_match m;
	word w1, w2, kw = { 0, 0 };

	if (st->made_event || !c->x->n_meetings || !ex_next_word(c->t, s, e, &w1) || w1.start != s ||
	    !lt_word_is(c->t->view + w1.start, w1.end - w1.start, "po") ||
	    !ex_next_word(c->t, w1.end, e, &w2) || !ex_meeting_word(c, &w2, e))
		return;
	/* a day of its own is date.happening's ("2025 metais" in a title
	 * is none) */
	{
		size_t pos = s;
		while (lt_date_find(&m, c->t->view, e, pos, c->year)) {
			if (m.period.start.month && !ex_inside_quote(c->t, s, m.start))
				return;
			pos = m.end > pos ? m.end : pos + 1;
		}
	}
	{
		size_t i = c->x->n_meetings;
		while (i > 0 && !c->x->meetings[i - 1].date.start.day)
			i--;
		if (!i)
			return;
		mt = &c->x->meetings[i - 1];
	}
	if (council_date_cmp(&mt->date.start, &mt->date.end) != 0)
		return;
	memset(&m, 0, sizeof m);
	m.start = m.end = w2.end;
	m.period = mt->date;
	noun_after_date(c, s, e, st->f, &m, &kw, &kind, &stem);
	/* a happening its noun names ("seminare"), not a visit a verb tells
	 * of ("lankėsi parke", "susitiko su"): the sitting's own programme */
	if (!kw.end || (stem && ex_verb_stem(stem)) || ex_did_not_happen(c, s, e, kw.start, kw.end))
		return;
	c->rule = "event.after_sitting";
	ex_new_event(c, s, e, &m, st->f, &kw, kind, stem);
	st->made_event = 1;
}

/* "event.later_participants": a count of participants in a sentence
 * after the one that told of the event ("Renginyje dalyvavo 45 ..."), and
 * its place in one opening with its noun ("Seminaras vyko Darbėnuose"). */
static void rule_later_participants(ctx *c, sentence_st *st)
{
	if (!st->made_event)
		ex_later_participants(c, st->s, st->e);
}

/* The rules every sentence of prose is read by, in this order (a count
 * read before the dates; a date's event before the participants of a
 * later sentence).  A rule that needs only the sentence (its bytes and its
 * fold) is its reader itself (`read`); one that needs what the rules before
 * it found in the sentence reads the sentence's state (`run`). */
static const struct sentence_rule {
	const char *id;
	const char *what;
	void (*run)(ctx *c, sentence_st *st);
	void (*read)(ctx *c, size_t s, size_t e, const char *f);
} sentence_rules[] = {
	{ "meeting.answer", "the answer to a questionnaire's meeting-count question", rule_answer, NULL },
	{ "meeting.label", "\"Label: N\" fields counting meetings", NULL, ex_label_counts },
	{ "member.inline", "a composition listed in one sentence", NULL, ex_inline_members },
	{ "member.change", "members who joined or replaced others", NULL, ex_member_changes },
	{ "member.elected", "a name elected into the council (\"X, taip pat išrinktas į tarybą\")", NULL,
	  ex_member_elected },
	{ "member.term", "members a sentence says left or joined, and when", NULL, ex_member_terms },
	{ "meeting.months_format", "the months whose meetings were remote", NULL, months_format },
	{ "meeting.of_which_remote", "\"iš jų N nuotoliniai\" after a count", NULL, ex_of_which_remote },
	{ "meeting.none_remote", "none of the year's meetings was remote", NULL, none_remote },
	{ "meeting.count", "a stated count of the council's meetings", rule_meeting_count, NULL },
	{ "meeting.remote_later", "the remote part of an earlier sentence's count", rule_remote_later, NULL },
	{ "date.happening", "each date: a meeting, an event, or nothing", rule_dates, NULL },
	{ "event.after_sitting", "a happening \"po posėdžio\" on the day of the sitting read last",
	  rule_after_sitting, NULL },
	{ "event.later_participants", "participants (and place) of the event a sentence before",
	  rule_later_participants, NULL },
};

#define N_SENTENCE_RULES (sizeof sentence_rules / sizeof sentence_rules[0])

/* sentence_rules[i]'s cue classes (fi_rule_cues; 0: every sentence): the
 * runner passes over a rule whose classes the sentence lacks. */
static uint32_t row_cues[N_SENTENCE_RULES];
static pthread_once_t row_cues_once = PTHREAD_ONCE_INIT;

static void row_cues_build(void)
{
	size_t i;

	for (i = 0; i < N_SENTENCE_RULES; i++)
		row_cues[i] = fi_rule_cues(sentence_rules[i].id);
}

void ex_sentence_rules_each(ex_rule_fn fn, void *arg)
{
	size_t i;

	for (i = 0; i < sizeof sentence_rules / sizeof sentence_rules[0]; i++)
		fn(arg, sentence_rules[i].id, sentence_rules[i].what);
}

static int sentence_one(sent_ctx *sc, size_t s, size_t e)
{
	ctx *c = sc->c;
	fi_index ix; /* the rules' stem look-ups in f */
	char *f = ex_fold_open(c->t, s, e, &ix);
	sentence_st st = { sc, s, e, f, c->sent.question, 0, 0 };
	const char *outer = c->rule; /* a table's rule reads its cells' sentences */
	size_t i;

	if (!f)
		return ex_oom(c);
	c->sent.refers_to_meetings = 0;
	/* The question before this sentence, if it was one; this one's. */
	c->sent.question = question_topic(c, s, e, f);
	c->sent.answering_dates = st.asked == Q_MEETING_DATES && c->sent.question == Q_NONE;
	pthread_once(&row_cues_once, row_cues_build);
	for (i = 0; i < N_SENTENCE_RULES && c->rc == COUNCIL_OK; i++) {
		if (row_cues[i] && !(fi_cues(f) & row_cues[i]))
			continue;
		c->rule = sentence_rules[i].id;
		if (sentence_rules[i].read)
			sentence_rules[i].read(c, s, e, f);
		else
			sentence_rules[i].run(c, &st);
	}
	c->sent.refers_to_meetings = 0;
	c->rule = outer;
	fi_close(&ix);
	free(f);
	return c->rc;
}

/* The value of a "Label: value" line of [s,e) whose folded label is one of
 * labels; sets [*vs,*ve) and returns 1. */
int ex_form_field(ctx *c, size_t s, size_t e, const char *const *labels, size_t *vs,
                      size_t *ve)
{
	const char *v = c->t->view;
	size_t ls = s;

	while (ls < e) {
		size_t le = ex_eol(v, ls, e), colon;
		const char *cp = memchr(v + ls, ':', le - ls);
		colon = cp ? (size_t)(cp - v) : le;
		if (colon < le && colon - ls < 40) {
			char buf[64];
			size_t a = ls, k;
			/* past an item number: "4.1. Pavadinimas:" */
			while (a < colon && ((v[a] >= '0' && v[a] <= '9') || v[a] == '.' || v[a] == ' '))
				a++;
			if (colon - a < sizeof buf) {
				utf8_fold_into(buf, v + a, colon - a);
				for (k = 0; labels[k]; k++)
					if (!strcmp(buf, labels[k])) {
						*vs = colon + 1;
						while (*vs < le && v[*vs] == ' ')
							(*vs)++;
						*ve = le;
						while (*ve > *vs && v[*ve - 1] == ' ')
							(*ve)--;
						return *ve > *vs;
					}
			}
		}
		ls = le + 1;
	}
	return 0;
}

/* An event written as a form's record, one field a line:
 *   4.1. Pavadinimas: Seminaras „Bendruomenė mieste“
 *   Data: 2023-03-15
 *   Vieta: Klaipėdos koncertų salė
 *   Dalyvių skaičius: ne mažiau kaip 80
 *   Organizatorius: BO taryba
 * Returns 1 when [s,e) was such a record (stored unless it did not take
 * place), 0 to read the block as text. */
int ex_form_event(ctx *c, size_t s, size_t e)
{
	static const char *const name_l[] = { "pavadinimas", "renginio pavadinimas", "renginys", NULL };
	static const char *const date_l[] = { "data", "renginio data", "laikas", "data ir laikas", NULL };
	static const char *const place_l[] = { "vieta", "renginio vieta", NULL };
	static const char *const count_l[] = { "dalyviu skaicius", "dalyviai", "dalyviu", NULL };
	static const char *const org_l[] = { "organizatorius", "organizatoriai", NULL };
	static const char *const state_l[] = { "busena", "pastabos", NULL };
	size_t ns, ne, ds, de, xs, xe;
	lt_date_match m;
	council_event_kind kind = COUNCIL_EVENT_OTHER;
	const char *stem;
	x_event *ev;
	word w;
	char *f;

	if (!ex_form_field(c, s, e, name_l, &ns, &ne) || !ex_form_field(c, s, e, date_l, &ds, &de) ||
	    !lt_date_find(&m, c->t->view, de, ds, c->year) || m.start > ds + 2)
		return 0;
	f = ex_fold(c->t, s, e);
	if (!f)
		return ex_oom(c), 1;
	/* "Data: 2023-12-09 (planuota)", "Būsena: neįvyko – perkelta ..." */
	if (ex_has_any_stem(f, ex_not_happened) ||
	    (ex_form_field(c, s, e, state_l, &xs, &xe) && ex_did_not_happen(c, xs, xe, xs, xe))) {
		free(f);
		return 1;
	}
	for (xs = ns; ex_next_word(c->t, xs, ne, &w); xs = w.end)
		if (ex_event_keyword(c->t, &w, &kind, &stem))
			break;
	if (!(ev = x_push((void **)&c->x->events, &c->x->n_events, sizeof *ev))) {
		free(f);
		return ex_oom(c), 1;
	}
	ev->date = m.period;
	ex_made(c, &ev->span);
	ev->kind = kind;
	ev->year_inferred = !!(m.flags & LT_DATE_YEAR_INFERRED);
	ev->title = ex_clean(c, ns, ne);
	ev->remote = ex_sentence_remote(f);
	if (ex_form_field(c, s, e, place_l, &xs, &xe)) {
		char *pf = ex_fold(c->t, xs, xe);
		if (!(pf && ex_sentence_remote(pf) && strstr(pf, "nuotolin") == pf))
			ev->location = ex_clean(c, xs, xe);
		free(pf);
	}
	if (ex_form_field(c, s, e, org_l, &xs, &xe))
		ev->organiser = ex_clean(c, xs, xe);
	ev->description = ex_clean_capped(c, s, e, 1000);
	x_span_set(&ev->span, c->t, s, e);
	if (ex_form_field(c, s, e, count_l, &xs, &xe)) {
		lt_participants p;
		council_qualifier qual = COUNCIL_QUAL_EXACT;
		size_t i = xs, k;
		int64_t n;
		ex_field_qualifier(c, &i, xe, &qual);
		if ((k = lt_number_parse(&n, c->t->view + i, xe - i)) != 0 && n >= 0 && n <= 1000000) {
			memset(&p, 0, sizeof p);
			p.n_groups = 1;
			p.groups[0].count = n;
			p.groups[0].qualifier = qual;
			p.groups[0].start = i;
			p.groups[0].end = i + k;
			p.total = n;
			p.qualifier = qual;
			ex_set_groups(c, ev, &p);
		}
	}
	free(f);
	return 1;
}

/* A heading that is a month alone: "### Kovas", "KOVAS", "Kovo mėn.",
 * "Gegužė:"; its number, or 0. */
int ex_month_heading(ctx *c, const seg_block *b)
{
	const char *v = c->t->view;
	size_t s = b->span.start, e = b->span.end;
	word w, x;

	if (b->is_table || e - s > 30)
		return 0;
	while (s < e && (v[s] == '#' || v[s] == ' '))
		s++;
	while (e > s && (v[e - 1] == ':' || v[e - 1] == ' '))
		e--;
	if (!ex_next_word(c->t, s, e, &w) || w.start != s)
		return 0;
	/* nothing after but "mėn." */
	if (ex_next_word(c->t, w.end, e, &x) &&
	    !(lt_word_is(v + x.start, x.end - x.start, "mėn") && !ex_next_word(c->t, x.end, e, &x)))
		return 0;
	return lt_month_from_word(v + w.start, w.end - w.start);
}

/* "- **14 d., 10 val.** Kalvarijos kultūros centre – mokymai ..." under a
 * month's heading: the day at the item's start, in that month of the
 * report's year.  Fills *m and returns 1. */
static int day_under_month(ctx *c, size_t s, size_t e, lt_date_match *m)
{
	const char *v = c->t->view;
	size_t p = s, q;
	int d1 = 0, d2 = 0;

	if (!c->heading_month || !c->year || s > c->para.block_start + 8)
		return 0;
	while (p < e && (v[p] == '-' || v[p] == '*' || v[p] == ' ' ||
	                 (p + 2 < e && memcmp(v + p, "•", 3) == 0)))
		p += (unsigned char)v[p] == 0xE2 ? 3 : 1;
	for (q = p; q < e && q - p < 2 && v[q] >= '0' && v[q] <= '9'; q++)
		d1 = d1 * 10 + (v[q] - '0');
	if (q == p || d1 < 1 || d1 > 31)
		return 0;
	m->start = p;
	/* "24–25 d." (the view writes the dash " - ") */
	{
		size_t r = q;
		while (r < e && (v[r] == ' ' || v[r] == '-'))
			r++;
		if (r > q && r < e && v[r] >= '0' && v[r] <= '9') {
			size_t t2 = r;
			while (t2 < e && t2 - r < 2 && v[t2] >= '0' && v[t2] <= '9')
				d2 = d2 * 10 + (v[t2++] - '0');
			if (d2 > d1 && d2 <= 31)
				q = t2;
			else
				d2 = 0;
		}
	}
	if (q + 3 > e || memcmp(v + q, " d.", 3) != 0)
		return 0;
	memset(&m->period, 0, sizeof m->period);
	m->period.start.year = m->period.end.year = c->year;
	m->period.start.month = m->period.end.month = c->heading_month;
	m->period.start.day = d1;
	m->period.end.day = d2 ? d2 : d1;
	if (!council_date_valid(&m->period.start) || !council_date_valid(&m->period.end))
		return 0;
	m->end = q + 3;
	m->flags = 0;
	return 1;
}

/* Does s[0..n) contain the NUL-terminated w? */
static int strstr_n(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return 1;
	return 0;
}

static int first_sentence(void *vr, size_t a, size_t b)
{
	size_t *r = vr;
	r[0] = a;
	r[1] = b;
	return 1; /* stop: the first is enough */
}

/* "3.5. Konferencija "Bendruomenės ateitis: tvarumas ir inovacijos".
 * Spalio 26 d. ... vyko metinė bendruomenių konferencija": a paragraph
 * headed by a short undated sentence naming a quoted title; the events the
 * paragraph gave from index `from` on, titled without a quotation, take
 * that heading (numbering and final period dropped) as their title. */
static void titled_paragraph(ctx *c, size_t start, size_t end, size_t from)
{
	const char *v = c->t->view;
	size_t r[2] = { 0, 0 }, a, b, i;
	lt_date_match m;
	char *title;

	if (from >= c->x->n_events)
		return;
	/* past the numbering ("3.5. ", "2) "), which the splitter would take
	 * for a sentence; a date ("2023-04-07") is no numbering */
	{
		size_t q = start;
		while (q < end && ((v[q] >= '0' && v[q] <= '9') || v[q] == '.'))
			q++;
		if (q < end && v[q] == ')')
			q++;
		if (q > start && q < end && v[q] == ' ' && (v[q - 1] == '.' || v[q - 1] == ')') &&
		    q - start <= 8) {
			while (q < end && v[q] == ' ')
				q++;
			start = q;
		}
	}
	seg_sentences(c->t, start, end, first_sentence, r);
	a = r[0];
	b = r[1];
	if (b <= a || b - a > 160 || b >= end || lt_date_find(&m, v, b, a, c->year))
		return;
	if (!memchr(v + a, '"', b - a) && !strstr_n(v + a, b - a, "„"))
		return;
	while (b > a && (v[b - 1] == '.' || v[b - 1] == ' '))
		b--;
	if (b <= a)
		return;
	for (i = from; i < c->x->n_events; i++) {
		x_event *ev = &c->x->events[i];
		if (ev->title && (strstr(ev->title, "„") || strchr(ev->title, '"')))
			continue;
		if (!(title = ex_clean(c, a, b)))
			return;
		free(ev->title);
		ev->title = title;
	}
}

void ex_read_text(ctx *c, size_t start, size_t end)
{
	sent_ctx sc = { c, start };
	size_t events_before = c->x->n_events;

	if (!c->carry_event)
		c->para.open_event = c->para.last_event = -1;
	c->para.block_start = start;
	{
		char *f = ex_fold(c->t, start, end);
		c->para.mentions_meetings = f && strstr(f, "posed") != NULL;
		free(f);
	}
	ex_sentences(c, start, end, sentence, &sc);
	titled_paragraph(c, start, end, events_before);
}
