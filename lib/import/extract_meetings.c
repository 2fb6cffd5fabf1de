/* SPDX-License-Identifier: MIT */
/*
 * extract_meetings.c -- the council's own meetings and stated figures: meeting dates,
 * counts and their remote parts, "label: value" forms, other bodies'
 * sittings that are not the council's.
 */
#include "extract_int.h"
#include "lexicon.h"

void ex_add_figure(ctx *c, int year, council_metric metric, int64_t value,
                       council_qualifier q, size_t s, size_t e)
{
	size_t i;
	x_figure *f;

	for (i = 0; i < c->x->n_figures; i++) {
		f = &c->x->figures[i];
		if (f->year == year && f->metric == metric) {
			/* An exact statement beats a lower bound; of two of a kind the
			 * larger holds. */
			if ((q == COUNCIL_QUAL_EXACT && f->qualifier != COUNCIL_QUAL_EXACT) ||
			    (q == f->qualifier && value > f->value)) {
				f->value = value;
				f->qualifier = q;
				x_span_set(&f->span, c->t, s, e);
			}
			return;
		}
	}
	if (!(f = ex_push(c, (void **)&c->x->figures, &c->x->n_figures, sizeof *f)))
		return;
	f->year = year;
	ex_made(c, &f->span);
	f->metric = metric;
	f->value = value;
	f->qualifier = q;
	x_span_set(&f->span, c->t, s, e);
}

/* The format the folded words g give a meeting; "Nuotolinių posėdžių
 * nebuvo" (there were no remote ones) makes none remote. */
static council_format format_of(const char *g)
{
	if (strstr(g, "nuotoli") && !strstr(g, "nebuvo") && !strstr(g, "nevyko"))
		return COUNCIL_FORMAT_REMOTE;
	if (ex_mentions_any(g, ex_hybrid_words))
		return COUNCIL_FORMAT_HYBRID;
	if (ex_mentions_any(g, ex_in_person_words))
		return COUNCIL_FORMAT_IN_PERSON;
	return COUNCIL_FORMAT_UNKNOWN;
}

void ex_add_meeting(ctx *c, council_period date, const char *f, size_t s, size_t e,
                        const char *own)
{
	size_t i;
	x_meeting *m;
	char a[COUNCIL_DATE_BUFSIZE], b[COUNCIL_DATE_BUFSIZE];

	/* a page about several councils, none its subject: its sittings are
	 * the councils' its sentences name, none the one the import keeps */
	if (c->several_councils)
		return;
	/* a protocol's "kitas posėdis – 2020 m. gegužės 7 d.": a sitting
	 * after the protocol's own date had not been held when it was
	 * written */
	if (c->x->doc_date.day && date.start.day && council_date_cmp(&date.start, &c->x->doc_date) > 0 &&
	    ex_is_protocol(c))
		return;
	for (i = 0; i < c->x->n_meetings; i++) {
		m = &c->x->meetings[i];
		/* The same meeting mentioned again, or a month-only mention of a
		 * meeting we know to the day ("Balandžio posėdis vyko nuotoliniu
		 * būdu"): one meeting, which may learn its format here. */
		if (council_date_cmp(&m->date.start, &date.start) == 0 ||
		    (m->date.start.year == date.start.year && m->date.start.month == date.start.month &&
		     (!m->date.start.day || !date.start.day))) {
			const char *g = own ? own : f;
			if (!m->date.start.day && date.start.day)
				m->date = date;
			if (m->format == COUNCIL_FORMAT_UNKNOWN)
				m->format = format_of(g);
			return;
		}
	}
	if (!(m = ex_push(c, (void **)&c->x->meetings, &c->x->n_meetings, sizeof *m)))
		return;
	m->date = date;
	m->participants = -1;
	ex_made(c, &m->span);
	/* In a list of dates, "(nuotolinis)" after one describes that one. */
	if (own)
		f = own;
	m->format = format_of(f);
	if (strstr(f, "zoom"))
		m->platform = cdb_strdup("Zoom");
	else if (strstr(f, "teams"))
		m->platform = cdb_strdup("Microsoft Teams");
	m->summary = ex_clean_capped(c, s, e, 600);
	x_span_set(&m->span, c->t, s, e);
	(void)a;
	(void)b;
}

/* A word naming a council sitting: "posėdis", "posėdyje", "susirinkimas";
 * but "posėdžių salėje" is a room. */
int ex_meeting_word(ctx *c, const word *w, size_t e)
{
	word n;

	/* "susirinkome", "rinkomės", "susitikome": the council gathering, told
	 * in the first person in a paragraph about its meetings */
	if (c->para.mentions_meetings &&
	    ex_word_has_stem(c->t, w, (const char *const[]){ "susirinkome", "rinkomes", "susitikome",
	                                                   "posedziavome", NULL }))
		return 1;
	if (!ex_word_has_stem(c->t, w, ex_meeting_stems))
		return 0;
	if (ex_next_word(c->t, w->end, e, &n) &&
	    ex_word_has_stem(c->t, &n, (const char *const[]){ "sal", NULL }))
		return 0;
	return 1;
}

/* Is the word t "tarybos" of another council: "Savivaldybės tarybos",
 * "miesto tarybos", "Utenos regiono plėtros tarybos", "jaunimo reikalų
 * tarybos"?  Ours is "Tarybos", "BO tarybos", "bendruomeninių organizacijų
 * tarybos", "šios tarybos"; an adjective ("eiliniame tarybos posėdyje")
 * ends otherwise than a genitive noun. */
int ex_other_council(ctx *c, size_t s, const word *t)
{
	static const char *const ours[] = { "organizaciju", "bendruomeniniu", "nevyriausybiniu",
		                             "sios", "musu", "bo", "nvo", "bot", "kadencijos",
		                             "sudeties", NULL };
	word p;
	char *f;
	size_t n;
	int other;

	if (!ex_word_has_stem(c->t, t, (const char *const[]){ "tarybos", NULL }) ||
	    !ex_prev_word(c->t, s, t->start, &p))
		return 0;
	if (ex_word_has_stem(c->t, &p, (const char *const[]){ "savivaldybes", "miesto", "rajono", NULL }))
		return 1;
	/* the other kind: an NVO council's report on the BO council's sitting */
	if (ex_word_has_stem(c->t, &p, (const char *const[]){ "organizaciju", NULL })) {
		word k;
		if (ex_prev_word(c->t, s, p.start, &k) &&
		    ex_word_has_stem(c->t, &k, c->x->council.kind == COUNCIL_KIND_NVO
		                                ? (const char *const[]){ "bendruomeniniu", NULL }
		                                : (const char *const[]){ "nevyriausybiniu", NULL }))
			return 1;
		return 0;
	}
	if (ex_word_has_stem(c->t, &p, c->x->council.kind == COUNCIL_KIND_NVO
	                                ? (const char *const[]){ "bo", "bot", NULL }
	                                : (const char *const[]){ "nvo", NULL }))
		return 1;
	/* "Tarybos" written with a capital is the council the report calls
	 * "Taryba" ("naujos kadencijos Tarybos posėdyje") */
	if (ex_is_capitalised(c->t, t) || ex_is_capitalised(c->t, &p) || ex_word_has_stem(c->t, &p, ours) ||
	    p.end - p.start < 4)
		return 0;
	if (!(f = ex_fold(c->t, p.start, p.end)))
		return 0;
	n = strlen(f);
	other = (n >= 2 && (!strcmp(f + n - 2, "os") || !strcmp(f + n - 2, "es") ||
	                    !strcmp(f + n - 2, "io") || !strcmp(f + n - 2, "ko"))) ||
	        (n >= 3 && !strcmp(f + n - 3, "ono")) ||
	        (n >= 2 && f[n - 1] == 'u' && strcmp(f + n - 2, "mu") != 0);
	free(f);
	return other;
}

/* A meeting word within five words after a date ending at p: 1, with
 * the word in *w; an event's noun first: -1; neither: 0. */
/* "Gegužės 14 d. Šilalės rajono savivaldybėje vyko bendras Šilalės
 * rajono, Rietavo ir Pagėgių savivaldybių bendruomeninių organizacijų
 * tarybų posėdis": a joint sitting of several councils ("tarybų posėdis")
 * names them all between the date and its noun; their names are no
 * distance, at most four other words are. */
static int joint_sitting_after(ctx *c, size_t p, size_t e, word *found)
{
	word w, prev = { 0, 0 };
	int k;

	for (k = 0; k < 4 && ex_next_word(c->t, p, e, &w); ) {
		council_event_kind kind;
		const char *stem;
		if (ex_word_has_stem(c->t, &w, ex_meeting_stems)) {
			if (prev.end && ex_word_has_stem(c->t, &prev, (const char *const[]){ "tarybu", NULL }) &&
			    ex_meeting_word(c, &w, e)) {
				*found = w;
				return 1;
			}
			return 0;
		}
		if (ex_event_keyword(c->t, &w, &kind, &stem))
			return 0;
		if (!ex_word_has_stem(c->t, &w, (const char *const[]){ "miesto", "rajono", "savivaldyb",
		                   "bendruomenin", "nevyriausybin", "organizacij", "tarybu", "bo", NULL }) &&
		    !ex_municipality_word(c, &w) && !lt_word_is(c->t->view + w.start, w.end - w.start, "ir"))
			k++;
		prev = w;
		p = w.end;
	}
	return 0;
}

static int meeting_word_after(ctx *c, size_t p, size_t e, word *found)
{
	word w;
	int k;
	size_t start = p;

	/* After the date: "vykusiame posėdyje", "d. posėdis", "- posėdis",
	 * "įvykusiame Palangos miesto savivaldybės bendruomeninių organizacijų
	 * tarybos posėdyje" (the words of a council's name do not count). */
	for (k = 0; k < 5 && ex_next_word(c->t, p, e, &w); ) {
		council_event_kind kind;
		const char *stem;
		if (ex_meeting_word(c, &w, e)) {
			*found = w;
			return 1;
		}
		if (ex_event_keyword(c->t, &w, &kind, &stem))
			return -1;
		/* a council's name, a meeting room ("posėdžių salėje") and
		 * that it took place ("įvyko pirmasis naujos sudėties ...
		 * tarybos posėdis") are no distance; other capitalised words
		 * only at first */
		if (!ex_word_has_stem(c->t, &w, (const char *const[]){ "miesto", "rajono", "savivaldybes",
		                   "bendruomenin", "nevyriausybin", "organizacij", "posedziu", "saleje",
		                   "ivyko", "vyko", "naujos", "sudeties", NULL }) &&
		    (k >= 2 || !ex_is_capitalised(c->t, &w)))
			k++;
		p = w.end;
	}
	return joint_sitting_after(c, start, e, found);
}

/* Is the subject before a meeting count [s,cs) another body: "VVG
 * valdyba per metus posėdžiavo 9 kartus", "Savivaldybės nevyriausybinių
 * organizacijų taryba 2022 m. surengė 6 posėdžius" (in a BO council's
 * report), "komisija"?  The nominative "taryba" is judged like
 * other_council's genitive. */
int ex_other_body_subject(ctx *c, size_t s, size_t cs)
{
	static const char *const bodies[] = { "valdyba", "komisija", "grupe", "komitetas", "sueiga", NULL };
	word w, p, k;
	size_t q = s;

	while (ex_next_word(c->t, q, cs, &w)) {
		if (ex_word_has_stem(c->t, &w, bodies) && w.end - w.start <= 10)
			return 1;
		if (lt_word_is(c->t->view + w.start, w.end - w.start, "taryba") &&
		    ex_prev_word(c->t, s, w.start, &p)) {
			if (ex_word_has_stem(c->t, &p, (const char *const[]){ "savivaldybes", "miesto", "rajono", NULL }))
				return 1;
			if (ex_word_has_stem(c->t, &p, c->x->council.kind == COUNCIL_KIND_NVO
			                                ? (const char *const[]){ "bo", "bot", NULL }
			                                : (const char *const[]){ "nvo", NULL }))
				return 1;
			if (ex_word_has_stem(c->t, &p, (const char *const[]){ "organizaciju", NULL }) &&
			    ex_prev_word(c->t, s, p.start, &k) &&
			    ex_word_has_stem(c->t, &k, c->x->council.kind == COUNCIL_KIND_NVO
			                                ? (const char *const[]){ "bendruomeniniu", NULL }
			                                : (const char *const[]){ "nevyriausybiniu", NULL }))
				return 1;
		}
		q = w.end;
	}
	return 0;
}

/* Before the date at ds: "posėdis vyko 2023 m. kovo 14 d.", "posėdyje,
 * įvykusiame ...", "Posėdžių datos: 2025-01-28, 2025-03-27, ..." (other
 * dates of the list do not count as words).  Sets *w to the meeting word. */
static int meeting_word_before(ctx *c, size_t s, size_t e, size_t ds, word *w)
{
	size_t p = ds;
	int k, steps;

	for (k = 0, steps = 0; k < 8 && steps < 60 && ex_prev_word(c->t, s, p, w); steps++) {
		const char *wv = c->t->view + w->start;
		size_t wn = w->end - w->start;
		/* "Protokolą surašė K. Žukienė, 2022-09-29": when it was
		 * written down */
		if (ex_word_has_stem(c->t, w, (const char *const[]){ LEX_DRAFTED_VERB(LEX_FOLDED) NULL }))
			return 0;
		if (ex_meeting_word(c, w, e))
			return 1;
		/* "... surengė 17 posėdžių, o 2024 m. lapkričio 28 d. ...
		 * surengė renginį": ", o" / ", bet" open another clause */
		if (lt_word_is(wv, wn, "o") || lt_word_is(wv, wn, "bet")) {
			size_t q = w->start;
			while (q > s && c->t->view[q - 1] == ' ')
				q--;
			if (q > s && c->t->view[q - 1] == ',')
				return 0;
		}
		if (!(wv[0] >= '0' && wv[0] <= '9') && !lt_month_from_word(wv, wn) &&
		    !lt_word_is(wv, wn, "d") && !lt_word_is(wv, wn, "m") && !lt_word_is(wv, wn, "ir") &&
		    !lt_word_is(wv, wn, "nuotolinis") && !lt_word_is(wv, wn, "nuotoliniu") &&
		    !lt_word_is(wv, wn, "būdu"))
			k++;
		p = w->start;
	}
	return 0;
}

/* Whether a word of view[from, to) names a happening. */
static int names_event(ctx *c, size_t from, size_t to)
{
	council_event_kind kind;
	const char *stem;
	word w;

	for (; ex_next_word(c->t, from, to, &w); from = w.end)
		if (ex_event_keyword(c->t, &w, &kind, &stem))
			return 1;
	return 0;
}

/* "posėdžiai vyko: vasario 2 d., gegužės 11 d. ir ...", "įvyko 3
 * posėdžiai - kovo 15 d., ...": dates listed after a clause that speaks
 * of the council's meetings.  1 they are, 0 the clause names a happening
 * (no meeting), -1 no such clause. */
static int listed_after_meetings(ctx *c, size_t s, size_t ds)
{
	const char *v = c->t->view;
	size_t q, r, delim = 0;
	int meeting = 0;
	word w;

	for (q = ds; q > s; q--)
		if (v[q - 1] == ':' || (v[q - 1] == '-' && q >= s + 2 && v[q - 2] == ' ' && v[q] == ' ')) {
			delim = q - 1;
			break;
		}
	if (!delim)
		return -1;
	for (r = s; ex_next_word(c->t, r, delim, &w); r = w.end)
		if (ex_meeting_word(c, &w, delim))
			meeting = 1;
	if (names_event(c, s, delim))
		return 0;
	return meeting && !names_event(c, delim, ds) ? 1 : -1;
}

/* "organizacijų atstovų susirinkime", "rinkiminis susirinkimas",
 * "visuotinio susirinkimo", "organizacijų 2023 m. gruodžio 12 d. …
 * susirinkimo": w an assembly's, after the word a (a council sits, it
 * holds no general assembly). */
static int assembly_of(ctx *c, const word *w, const word *a)
{
	return ex_word_has_stem(c->t, w, (const char *const[]){ "susirinkim", NULL }) &&
	       ex_word_has_stem(c->t, a, (const char *const[]){ "atstovu", "nariu", "gyventoju",
	                                                        "rinkimin", "visuotin",
	                                                        "organizaciju", NULL });
}

/* The meeting word w of a date at [ds,de) in sentence [s,e) names another
 * body's sitting or an assembly (-1), a sitting not held yet (0), or the
 * council's (1). */
static int whose_sitting(ctx *c, size_t s, size_t e, size_t ds, size_t de, const word *w)
{
	word prev1;
	int k;

	/* Another body's sitting named before the date: "... komiteto rugsėjo
	 * 19 d. posėdyje", "Savivaldybės tarybos 2024 m. kovo 5 d. posėdyje". */
	if (w->start >= de) {
		word b;
		size_t q = ds;
		for (k = 0; k < 2 && ex_prev_word(c->t, s, q, &b); k++) {
			word a;
			if (ex_word_has_stem(c->t, &b, ex_other_bodies) || ex_other_council(c, s, &b))
				return -1;
			/* "atstovų 2021 m. birželio 3 d. susirinkimo
			 * protokolą": the assembly's words on both sides */
			if (k == 0 && assembly_of(c, w, &b))
				return -1;
			/* "atstovų susirinkimo 2023 m. rugsėjo 12 d. protokolą":
			 * an assembly's minutes */
			if (ex_word_has_stem(c->t, &b, (const char *const[]){ "susirinkim", NULL }) &&
			    ex_prev_word(c->t, s, b.start, &a) && assembly_of(c, &b, &a))
				return -1;
			q = b.start;
		}
	}
	/* Another body's sitting: "Savivaldybės tarybos posėdyje", "valdybos". */
	if (!ex_prev_word(c->t, s, w->start, &prev1))
		return 1;
	if (ex_word_has_stem(c->t, &prev1, ex_other_bodies) || ex_other_council(c, s, &prev1))
		return -1;
	/* "kitą posėdį sušaukti kovo 12 d.": the next sitting, the object of a
	 * plan, is none held yet */
	{
		const char *pv = c->t->view + prev1.start, *wv = c->t->view + w->start;
		size_t pn = prev1.end - prev1.start, wn = w->end - w->start;
		if ((lt_word_is(pv, pn, "kitą") || lt_word_is(pv, pn, "kita")) &&
		    (lt_word_is(wv, wn, "posėdį") || lt_word_is(wv, wn, "posedi")))
			return 0;
	}
	/* "... vykusiame susirinkime delegavo rajono bendruomeninės
	 * organizacijos": the assembly that delegated members */
	{
		word nx;
		if (ex_word_has_stem(c->t, w, (const char *const[]){ "susirinkim", NULL }) &&
		    ex_next_word(c->t, w->end, e, &nx) &&
		    ex_word_has_stem(c->t, &nx, (const char *const[]){ LEX_MEMBER_JOINED(LEX_FOLDED) NULL }))
			return -1;
	}
	/* "organizacijų atstovų susirinkime", "rinkiminis susirinkimas": an
	 * assembly, not a sitting */
	if (assembly_of(c, w, &prev1))
		return -1;
	return 1;
}

/* "Gegužės 31 d. Telšių rajono savivaldybėje susirinko naujos sudėties
 * Bendruomeninių organizacijų taryba": after the date, a council_gathered
 * verb whose subject, within five words, is our council in the nominative
 * ("Savivaldybės taryba" is another body). */
static int council_gathered(ctx *c, size_t de, size_t e)
{
	static const char *const verbs[] = { LEX_COUNCIL_GATHERED(LEX_WRITTEN) NULL };
	const char *v = c->t->view;
	word w, t;
	size_t p = de, q, k;
	int n, m;

	for (n = 0; n < 8 && ex_next_word(c->t, p, e, &w); n++, p = w.end) {
		int verb = 0;
		for (k = 0; verbs[k] && !verb; k++)
			verb = lt_word_is(v + w.start, w.end - w.start, verbs[k]);
		if (!verb)
			continue;
		/* the words of a council's name ("naujos kadencijos Lazdijų
		 * rajono savivaldybės bendruomeninių organizacijų taryba") are
		 * no distance */
		for (q = w.end, m = 0, k = 0; m < 6 && k < 14 && ex_next_word(c->t, q, e, &t);
		     q = t.end, k++) {
			if (!ex_word_has_stem(c->t, &t, (const char *const[]){ "miesto", "rajono", "savivaldybes",
			                      "bendruomenin", "nevyriausybin", "organizaciju", "naujos",
			                      "sudeties", "kadencijos", NULL }) &&
			    !ex_municipality_word(c, &t))
				m++;
			if (lt_word_is(v + t.start, t.end - t.start, "taryba")) {
				word b;
				/* "Savivaldybės taryba", "miesto taryba": another body */
				return !(ex_prev_word(c->t, w.end, t.start, &b) &&
				         ex_word_has_stem(c->t, &b, (const char *const[]){ "savivaldybes", "miesto",
				                                                          "rajono", NULL }));
			}
		}
		return 0;
	}
	return 0;
}

/* Is the date at [ds,de) in sentence [s,e) a council meeting's date?
 * Returns 1 for ours, -1 for another body's meeting, 0 for no meeting. */
int ex_meeting_date(ctx *c, size_t s, size_t e, size_t ds, size_t de)
{
	word w;
	int r;

	/* "direktoriaus 2023 m. rugsėjo 14 d. raštą Nr. …": a letter's date */
	if (ex_next_word(c->t, de, e, &w) &&
	    ex_word_has_stem(c->t, &w, (const char *const[]){ LEX_LETTER_NOUN(LEX_FOLDED) NULL }))
		return 0;
	switch (meeting_word_after(c, de, e, &w)) {
	case 1:
		return whose_sitting(c, s, e, ds, de, &w);
	case -1:
		return 0;
	default:
		break;
	}
	/* "Pirmieji du (sausio 20 d. ir kovo 3 d.) vyko nuotoliniu būdu" after
	 * a stated count: the sentence tells of those meetings */
	if (c->sent.refers_to_meetings)
		return 1;
	if (meeting_word_before(c, s, e, ds, &w))
		return whose_sitting(c, s, e, ds, de, &w);
	if (council_gathered(c, de, e))
		return 1;
	if ((r = listed_after_meetings(c, s, ds)) >= 0)
		return r;
	/* An item of a list the text introduced as the council's meetings
	 * ("Posėdžiai:", "Įvyko šie posėdžiai:"), dated at its start; or a
	 * line dated at its start after a "Posėdžiai: 4" label line; or the
	 * answer to a questionnaire's "Nurodykite posėdžių datas". */
	if ((c->para.in_meeting_list && ds < c->para.block_start + 40) || (c->label_meetings && ds == s) ||
	    c->sent.answering_dates)
		return !names_event(c, s, e);
	return 0;
}

/* "Sušaukti 7 posėdžiai, įvyko 6", "sušaukti septyni ..., iš kurių įvyko
 * šeši": when the count [cs,ce) is of meetings convened ("sušaukti",
 * "šaukta") and the sentence goes on to say how many took place, that
 * number is the count. */
void ex_held_of_convened(ctx *c, size_t s, size_t e, size_t cs, size_t ce, int64_t *total)
{
	const char *v = c->t->view;
	word w, n;
	size_t p = s;
	int convened = 0;
	int64_t held;

	while (ex_next_word(c->t, p, ce, &w)) {
		if (ex_word_has_stem(c->t, &w, (const char *const[]){ "susaukt", "saukt", "sauk", NULL }))
			convened = 1;
		p = w.end;
	}
	if (!convened)
		return;
	/* from the count on: its remote share may reach past "įvyko šeši" */
	for (p = cs; ex_next_word(c->t, p, e, &w); p = w.end) {
		if (!lt_word_is(v + w.start, w.end - w.start, "įvyko"))
			continue;
		if (ex_next_word(c->t, w.end, e, &n) &&
		    lt_number_parse(&held, v + n.start, e - n.start) > 0 && held >= 0 && held <= *total)
			*total = held;
		return;
	}
}

/* Is position i inside a parenthesis opened after s? */
int ex_in_parentheses(const char *v, size_t s, size_t i)
{
	int depth = 0;

	for (; s < i; s++) {
		if (v[s] == '(')
			depth++;
		else if (v[s] == ')' && depth > 0)
			depth--;
	}
	return depth > 0;
}

/* "5 posėdžiai (2022 m. - 4)", "(2022 m. - 4 posėdžiai)": the count of an
 * earlier year in parentheses right after this year's, at p.  Returns 1
 * and fills *year and *n. */
int ex_earlier_year_count(const char *v, size_t p, size_t e, int ex_this_year, int *year,
                              int64_t *n)
{
	size_t q, used;
	int y = 0;

	while (p < e && v[p] == ' ')
		p++;
	if (p + 6 >= e || v[p] != '(')
		return 0;
	for (q = p + 1; q < p + 5; q++) {
		if (v[q] < '0' || v[q] > '9')
			return 0;
		y = y * 10 + (v[q] - '0');
	}
	if (y >= ex_this_year || y < ex_this_year - 5)
		return 0;
	if (q + 3 <= e && memcmp(v + q, " m.", 3) == 0)
		q += 3;
	while (q < e && (v[q] == ' ' || v[q] == '-' || v[q] == ':'))
		q++;
	if (!(used = lt_number_parse(n, v + q, e - q)) || *n < 0 || *n > 100)
		return 0;
	for (q += used; q < e && q < p + 60 && v[q] != ')'; q++)
		if (v[q] == '(' || v[q] == ',' || (v[q] >= '0' && v[q] <= '9'))
			return 0;
	if (q >= e || v[q] != ')')
		return 0;
	*year = y;
	return 1;
}

/* After a year's meeting count, at p: "; 2024 m. - šešis, iš jų du
 * nuotolinius" gives 2024's count and its remote part. */
void ex_elided_year_count(ctx *c, size_t p, size_t e, int first_year)
{
	const char *v = c->t->view;
	size_t q, used;
	int y = 0, k;
	int64_t n, r;
	word w;

	while (p < e && v[p] != ';' && v[p] != ',')
		p++;
	for (; p < e; p++) {
		if (v[p] != ';' && v[p] != ',')
			continue;
		q = p + 1;
		while (q < e && v[q] == ' ')
			q++;
		if (q + 4 > e || !(v[q] >= '1' && v[q] <= '2'))
			continue;
		for (y = 0, k = 0; k < 4 && q + k < e && v[q + k] >= '0' && v[q + k] <= '9'; k++)
			y = y * 10 + (v[q + k] - '0');
		if (k != 4 || y == first_year || y < c->year - 5 || y > c->year)
			continue;
		q += 4;
		if (q + 3 <= e && memcmp(v + q, " m.", 3) == 0)
			q += 3;
		while (q < e && (v[q] == ' ' || v[q] == '-' || v[q] == ':'))
			q++;
		if (!(used = lt_number_parse(&n, v + q, e - q)) || n < 0 || n > 100)
			continue;
		q += used;
		/* the count alone: no noun of its own after it */
		if (ex_next_word(c->t, q, e, &w) && w.start < q + 2 && !lt_word_is(v + w.start, w.end - w.start, "iš"))
			continue;
		ex_add_figure(c, y, COUNCIL_METRIC_MEETINGS, n, COUNCIL_QUAL_EXACT, p + 1, e);
		/* ", iš jų du nuotolinius" */
		while (q < e && (v[q] == ',' || v[q] == ' '))
			q++;
		{
			word a, b;
			if (ex_next_word(c->t, q, e, &a) && a.start == q && lt_word_is(v + a.start, a.end - a.start, "iš") &&
			    ex_next_word(c->t, a.end, e, &b) && lt_word_is(v + b.start, b.end - b.start, "jų") &&
			    ex_next_word(c->t, b.end, e, &w) &&
			    (used = lt_number_parse(&r, v + w.start, e - w.start)) != 0 && r <= n &&
			    ex_next_word(c->t, w.start + used, e, &w) &&
			    ex_word_has_stem(c->t, &w, (const char *const[]){ "nuotolin", NULL }))
				ex_add_figure(c, y, COUNCIL_METRIC_MEETINGS_REMOTE, r, COUNCIL_QUAL_EXACT, p + 1, e);
		}
		return;
	}
}

/* "Įvyko šeši posėdžiai. Vienas iš jų (birželio 20 d.) vyko nuotoliniu
 * būdu": the sentence after a stated count gives its remote part. */
void ex_remote_of_previous(ctx *c, size_t s, size_t e)
{
	const char *v = c->t->view;
	word w, x, y;
	int64_t n;
	size_t p, ce;

	if (c->count_sentence_end == 0 || c->count_year == 0 || !ex_next_word(c->t, s, e, &w))
		return;
	/* "Pirmasis įvyko vasario mėnesį; ... jis vyko nuotoliniu būdu": one
	 * meeting, told of to the sentence's end */
	if (ex_word_has_stem(c->t, &w, (const char *const[]){ "pirmasis", "antrasis", "treciasis",
	                                                   "ketvirtasis", "paskutinis", NULL }) &&
	    w.end - w.start <= 12) {
		c->sent.refers_to_meetings = 1;
		for (ce = w.end; ce < e && !(v[ce] == ',' && ce + 6 < e && !strncmp(v + ce, ", kiti", 6)); ce++)
			;
		/* a later sentence may still give the remote part if this one
		 * does not */
		for (p = w.end; ex_next_word(c->t, p, ce, &x); p = x.end)
			if (ex_word_has_stem(c->t, &x, (const char *const[]){ "nuotolin", NULL })) {
				ex_add_figure(c, c->count_year, COUNCIL_METRIC_MEETINGS_REMOTE, 1, COUNCIL_QUAL_EXACT, s, e);
				c->count_sentence_end = 0;
				break;
			}
		return;
	}
	/* "Pirmieji du (sausio 20 d. ir kovo 3 d.) ... vyko nuotoliniu būdu",
	 * "Paskutiniai trys ...": an ordinal before the number */
	if (ex_word_has_stem(c->t, &w, (const char *const[]){ "pirmiej", "pirmosios", "paskutin",
	                                                   "kiti", NULL }) &&
	    !ex_next_word(c->t, w.end, e, &w))
		return;
	if (!lt_number_parse(&n, v + w.start, w.end - w.start) || n < 0 || n > c->count_total)
		return;
	y = w;
	if (ex_next_word(c->t, w.end, e, &x) && lt_word_is(v + x.start, x.end - x.start, "iš") &&
	    ex_next_word(c->t, x.end, e, &y) && lt_word_is(v + y.start, y.end - y.start, "jų")) {
		/* "Du iš jų" */
	} else {
		y = w;
	}
	/* the dates this sentence gives are those meetings' */
	c->sent.refers_to_meetings = 1;
	/* the clause up to ", kiti" (the others) */
	for (ce = y.end; ce < e && v[ce] != ';' && !(v[ce] == ',' && ce + 6 < e &&
	                                             !strncmp(v + ce, ", kiti", 6)); ce++)
		;
	for (p = y.end; ex_next_word(c->t, p, ce, &w); p = w.end)
		if (ex_word_has_stem(c->t, &w, (const char *const[]){ "nuotolin", NULL })) {
			ex_add_figure(c, c->count_year, COUNCIL_METRIC_MEETINGS_REMOTE, n, COUNCIL_QUAL_EXACT, s, e);
			break;
		}
	c->count_sentence_end = 0;
}

/* "Iš šešių per metus įvykusių BOT posėdžių du vyko nuotoliu": the total
 * in the genitive after "iš", the remote part after the noun. */
void ex_of_which_remote(ctx *c, size_t s, size_t e, const char *f)
{
	const char *v = c->t->view;
	word w;
	size_t q;
	int64_t total, remote;
	int k;

	if (!c->year || !ex_next_word(c->t, s, e, &w) || w.end - w.start != 3 ||
	    !ex_word_has_stem(c->t, &w, (const char *const[]){ "is", NULL }) || !strstr(f, "nuotoli"))
		return;
	q = w.end;
	while (q < e && v[q] == ' ')
		q++;
	if (!lt_number_parse(&total, v + q, e - q) || total <= 0 || total > 100)
		return;
	for (k = 0; k < 8 && ex_next_word(c->t, q, e, &w); k++, q = w.end)
		if (ex_word_has_stem(c->t, &w, (const char *const[]){ "posedziu", NULL }))
			break;
	if (k == 8 || !ex_next_word(c->t, w.end, e, &w))
		return;
	if (!lt_number_parse(&remote, v + w.start, e - w.start) || remote < 0 || remote > total)
		return;
	ex_add_figure(c, c->year, COUNCIL_METRIC_MEETINGS, total, COUNCIL_QUAL_EXACT, s, e);
	ex_add_figure(c, c->year, COUNCIL_METRIC_MEETINGS_REMOTE, remote, COUNCIL_QUAL_EXACT, s, e);
}

/* "label: N" with a number right after the colon. */
static int label_value(ctx *c, size_t s, size_t e, size_t *colon, int64_t *value)
{
	const char *v = c->t->view, *cp;
	size_t i, k;

	/* a colon past the label's first 81 bytes is none */
	if (s >= e || !(cp = memchr(v + s, ':', e - s < 81 ? e - s : 81)))
		return 0;
	i = (size_t)(cp - v);
	*colon = i;
	for (i++; i < e && v[i] == ' '; i++)
		;
	k = lt_number_parse(value, v + i, e - i);
	return k > 0;
}

/* The remote share a label line gives after its count: "4 (nuotoliniai -
 * 1)", "4 (iš jų nuotoliniai 1)", "4, iš jų 1 nuotolinis": a number next
 * to a word for remote, no more than the total. */
int ex_label_remote(ctx *c, size_t from, size_t e, int64_t total, int64_t *remote)
{
	const char *v = c->t->view;
	word w, prev = { 0, 0 }, count = { 0, 0 };
	size_t p = from;
	int64_t x;
	int after_remote = 0;

	while (ex_next_word(c->t, p, e, &w)) {
		int number = lt_number_parse(&x, v + w.start, w.end - w.start) > 0;
		if (number && !count.end) {
			count = w;   /* the count itself */
		} else if (ex_word_has_stem(c->t, &w, (const char *const[]){ "nuotolin", "virtual", NULL })) {
			if (prev.end && prev.start != count.start &&
			    lt_number_parse(&x, v + prev.start, prev.end - prev.start) > 0 && x <= total) {
				*remote = x;
				return 1;
			}
			after_remote = 1;
		} else if (after_remote && number) {
			if (x > total)
				return 0;
			*remote = x;
			return 1;
		} else if (after_remote) {
			return 0;
		}
		prev = w;
		p = w.end;
	}
	return 0;
}

void ex_label_counts(ctx *c, size_t s, size_t e, const char *f)
{
	size_t colon;
	int64_t n;
	char *label;

	if (!c->year || !label_value(c, s, e, &colon, &n) || n > 100)
		return; /* a year or a document number after the colon is no count */
	label = ex_fold(c->t, s, colon);
	if (!label)
		return;
	/* A label names a field; "Įvyko 4 posėdžiai:" is a sentence that
	 * introduces a list, and its count is read as a phrase. */
	if (strpbrk(label, "0123456789")) {
		free(label);
		return;
	}
	if (strstr(label, "neivyk") || strstr(label, "planuo")) {
		/* meetings that did not take place are not counted */
	} else if (strstr(label, "nuotoli") && (strstr(label, "posed") || c->label_meetings)) {
		ex_add_figure(c, c->year, COUNCIL_METRIC_MEETINGS_REMOTE, n, COUNCIL_QUAL_EXACT, s, e);
	} else if (strstr(label, "posed") &&
	           (strstr(label, "skaic") || strstr(label, "ivyk") ||
	            /* "Posėdžiai: 4 (nuotoliniai - 1)" */
	            ((strstr(label, "posedziai") || strstr(label, "posedziu")) &&
	             !strstr(label, "dat") && !strstr(label, "protokol")))) {
		int64_t remote;
		ex_add_figure(c, c->year, COUNCIL_METRIC_MEETINGS, n, COUNCIL_QUAL_EXACT, s, e);
		if (ex_label_remote(c, colon + 1, e, n, &remote))
			ex_add_figure(c, c->year, COUNCIL_METRIC_MEETINGS_REMOTE, remote, COUNCIL_QUAL_EXACT,
			           s, e);
		c->label_meetings = 1;
		free(label);
		return;
	}
	c->label_meetings = 0;
	(void)f;
	free(label);
}

/* A qualifier before a bare count ("apie 200", "per 60", "daugiau nei
 * 50"): moves *i past it and sets *q; 0 when there is none. */
int ex_field_qualifier(ctx *c, size_t *i, size_t e, council_qualifier *q)
{
	static const struct { const char *words; council_qualifier q; } quals[] = {
		{ "ne maziau kaip ", COUNCIL_QUAL_AT_LEAST }, { "ne maziau nei ", COUNCIL_QUAL_AT_LEAST },
		{ "daugiau nei ", COUNCIL_QUAL_MORE_THAN }, { "daugiau kaip ", COUNCIL_QUAL_MORE_THAN },
		{ "per ", COUNCIL_QUAL_MORE_THAN }, { "virs ", COUNCIL_QUAL_MORE_THAN },
		{ "apie ", COUNCIL_QUAL_ABOUT }, { "mazdaug ", COUNCIL_QUAL_ABOUT }, { "beveik ", COUNCIL_QUAL_ABOUT },
		{ "iki ", COUNCIL_QUAL_ABOUT },
	};
	char *g = ex_fold(c->t, *i, e < *i + 24 ? e : *i + 24);
	size_t j;
	int hit = 0;

	for (j = 0; g && j < sizeof quals / sizeof quals[0]; j++) {
		size_t qn = strlen(quals[j].words);
		/* The phrases are ASCII once folded: step over as many
		 * characters of the text ("mažiau" is one byte longer). */
		if (strncmp(g, quals[j].words, qn) == 0) {
			size_t k;
			for (k = 0; k < qn && *i < e; k++) {
				(*i)++;
				while (*i < e && ((unsigned char)c->t->view[*i] & 0xC0) == 0x80)
					(*i)++;
			}
			*q = quals[j].q;
			hit = 1;
			break;
		}
	}
	free(g);
	return hit;
}

/* "dalyvių – 22", "dalyvių skaičius: apie 200", "dalyvių – 9 bendruomenių
 * atstovai": a count given as a field rather than a phrase. */
/* "18 dalyvių: 7 tarybos nariai ir 11 ...": a noun a number before it
 * already counts is the total, and its colon opens the breakdown, not a
 * field's value. */
static int counted_before(const char *v, size_t s, size_t at)
{
	size_t i = at;

	while (i > s && v[i - 1] == ' ')
		i--;
	return i < at && i > s && v[i - 1] >= '0' && v[i - 1] <= '9';
}

int ex_field_participants(ctx *c, size_t s, size_t e, lt_participants *p)
{
	const char *v = c->t->view;
	word w;
	size_t q = s;

	while (ex_next_word(c->t, q, e, &w)) {
		if (ex_word_has_stem(c->t, &w, (const char *const[]){ "dalyviu", "dalyves", NULL }) &&
		    !counted_before(v, s, w.start)) {
			size_t i = w.end, k;
			word n2;
			int64_t n;
			council_qualifier qual = COUNCIL_QUAL_EXACT;
			if (ex_next_word(c->t, i, e, &n2) &&
			    ex_word_has_stem(c->t, &n2, (const char *const[]){ "skaicius", NULL }) &&
			    n2.start <= i + 2)
				i = n2.end;
			while (i < e && v[i] == ' ')
				i++;
			/* "dalyvių: 22", "dalyvių - 22", and "dalyvių virš 90" with
			 * the qualifier or the number right after the noun */
			if (i < e && (v[i] == ':' || v[i] == '-')) {
				for (i++; i < e && v[i] == ' '; i++)
					;
			} else {
				size_t j = i;
				council_qualifier q2;
				if (!(i < e && ((v[i] >= '0' && v[i] <= '9') || ex_field_qualifier(c, &j, e, &q2))))
					goto next;
			}
			ex_field_qualifier(c, &i, e, &qual);
			k = lt_number_parse(&n, v + i, e - i);
			if (!k || n < 0 || n > 1000000)
				goto next;
			memset(p, 0, sizeof *p);
			p->n_groups = 1;
			p->groups[0].count = n;
			p->groups[0].qualifier = qual;
			p->groups[0].start = i;
			p->groups[0].end = i + k;
			p->total = n;
			p->qualifier = qual;
			p->start = w.start;
			p->end = i + k;
			return 1;
		}
next:
		q = w.end;
	}
	return 0;
}
