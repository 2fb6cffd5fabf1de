/* SPDX-License-Identifier: MIT */
/*
 * extract_protocol.c -- one sitting's protocol ("POSĖDŽIO PROTOKOLAS"): the
 * sitting itself (its day under the title, remote or not), who attended it
 * ("Dalyvavo:", "Nedalyvavo:" lists, the quorum "9 iš 12 narių"), which of
 * its officers are the council's, and its agenda (topics, no happenings).
 * What the items tell of earlier happenings is read as any prose is
 * (extract_sentence.c); names are read by lt_name.c, the quorum by
 * lt_quorum.c.
 */
#include "extract_int.h"
#include "lexicon.h"

/* ---- the document -------------------------------------------------------- */

/* The start of the line after the one at p (or e). */
static size_t line_after(const char *v, size_t p, size_t e)
{
	const char *nl = memchr(v + p, '\n', e - p);
	return nl ? (size_t)(nl - v) + 1 : e;
}

/* The end of the line at p, before its newline. */
static size_t line_end(const char *v, size_t p, size_t e)
{
	const char *nl = memchr(v + p, '\n', e - p);
	return nl ? (size_t)(nl - v) : e;
}

/* Past blanks and a list marker ("1.", "2)", "-", "•") at p. */
static size_t skip_marker(const char *v, size_t p, size_t e)
{
	size_t q = p;

	while (q < e && (v[q] == ' ' || v[q] == '\t'))
		q++;
	p = q;
	while (q < e && v[q] >= '0' && v[q] <= '9')
		q++;
	if (q > p && q < e && (v[q] == '.' || v[q] == ')'))
		q++;
	else if (q + 3 <= e && !memcmp(v + q, "\xE2\x80\xA2", 3)) /* • */
		q += 3;
	else if (q < e && (v[q] == '-' || v[q] == '*'))
		q++;
	else
		q = p;
	while (q < e && (v[q] == ' ' || v[q] == '\t'))
		q++;
	return q;
}

/* Does the line at p open with word (folded, a stem)? */
static int line_opens(ctx *c, size_t p, size_t e, const char *stem)
{
	word w;
	char buf[64];
	size_t n;

	e = line_end(c->t->view, p, e);
	if (!ex_next_word(c->t, skip_marker(c->t->view, p, e), e, &w) || w.end - w.start >= sizeof buf)
		return 0;
	n = ex_fold_into(c->t, buf, w.start, w.end);
	return n >= strlen(stem) && !strncmp(buf, stem, strlen(stem));
}

/* Where a protocol's head starts: after the title's first paragraph (the
 * title range may take in a short list of who attended). */
static size_t head_start(const ctx *c)
{
	size_t i;

	for (i = 0; i < c->doc.n_blocks; i++)
		if (c->doc.blocks[i].span.end > c->title_start)
			return c->doc.blocks[i].span.end;
	return c->title_end;
}

/* "POSĖDŽIO PROTOKOLAS", "tarybos posėdžio protokolas Nr. 1": the title
 * names one sitting's protocol.  Its head ends where the agenda or the
 * first item discussed begins. */
int ex_is_protocol(ctx *c)
{
	const char *v = c->t->view;
	size_t p, e = c->t->len, lim;
	char *f;

	if (c->protocol >= 0)
		return c->protocol;
	c->protocol = 0;
	c->head_end = e;
	lim = c->title_end > c->title_start ? c->title_end : (e < 400 ? e : 400);
	f = ex_fold(c->t, c->title_start, lim);
	/* one sitting's ("posėdžio"), not a summary of the year's protocols
	 * ("POSĖDŽIŲ PROTOKOLŲ SANTRAUKA") */
	c->protocol = f && strstr(f, "posedzio") && strstr(f, "protokolas") && !strstr(f, "ataskait");
	free(f);
	if (!c->protocol)
		return 0;
	for (p = head_start(c); p < e; p = line_after(v, p, e))
		if (line_opens(c, p, e, "darbotvark") || line_opens(c, p, e, "svarstyt")) {
			c->head_end = p;
			break;
		}
	return 1;
}

/* "protocol.agenda": the agenda's items are topics to discuss, so their
 * dates ("Dėl 2024 m. II pusmečio renginių") are no happenings; what was
 * said of them follows under "SVARSTYTA", whose "Dėl ..." topic is no
 * happening either. */
void ex_protocol_agenda(ctx *c)
{
	const char *v = c->t->view;
	size_t p, e = c->t->len, end;

	if (!ex_is_protocol(c) || c->head_end >= e || !line_opens(c, c->head_end, e, "darbotvark"))
		return;
	for (end = p = line_after(v, c->head_end, e); p < e; p = line_after(v, p, e)) {
		size_t q = skip_marker(v, p, e);
		if (line_end(v, p, e) == q)
			continue; /* a blank line inside the list */
		if (q == p || line_opens(c, p, e, "svarstyt"))
			break; /* no item, or the first item discussed */
		end = line_end(v, p, e);
	}
	end = end > line_end(v, c->head_end, e) ? end : line_end(v, c->head_end, e);
	ex_exclude(c, c->head_end, end);
	c->agenda_end = end;
	ex_fired(c);
	/* "1. SVARSTYTA. Dėl 2024 m. rugpjūčio 24 d. išvykos ...
	 * apibendrinimo.": each item discussed is named again as a topic,
	 * up to the end of that sentence; what was said of it follows */
	for (p = end; p < e; p = line_after(v, p, e)) {
		size_t le = line_end(v, p, e), q;
		word w;
		if (!line_opens(c, p, e, "svarstyt") ||
		    !ex_next_word(c->t, skip_marker(v, p, le), le, &w) ||
		    !ex_next_word(c->t, w.end, le, &w) || !lt_word_is(v + w.start, w.end - w.start, "dėl"))
			continue;
		for (q = w.end; q < le; q++)
			if (v[q] == '.' && (q + 1 == le || (v[q + 1] == ' ' && q + 2 < le &&
			                                    v[q + 2] >= 'A' && v[q + 2] <= 'Z')))
				break;
		ex_exclude(c, p, q);
	}
}

/* "protocol.officers": the sitting's chair and secretary sign it
 * ("Pirmininkė A. Markevičienė" at its end, as "Posėdžio pirmininkė"
 * above): the sitting's officers, the council's only where the text says
 * so ("Posėdžio pirmininkė - tarybos pirmininkė X", "Tarybos pirmininku
 * išrinkti X", a list's "X - ..., Tarybos pirmininko pavaduotoja").  A
 * role read only from such a signature line is none. */
void ex_protocol_officers(ctx *c)
{
	const char *v = c->t->view;
	lt_role_match r;
	size_t pos = 0, i;
	unsigned char *seen; /* per member: 1 signed, 2 held on the council */

	if (!ex_is_protocol(c) || !c->x->n_members)
		return;
	if (!(seen = calloc(c->x->n_members, 1))) {
		ex_oom(c);
		return;
	}
	while (lt_role_find(&r, v, c->t->len, pos)) {
		size_t ls = r.start;
		int sign = 0;
		pos = r.end > pos ? r.end : pos + 1;
		if (!r.name[0])
			continue;
		while (ls > 0 && v[ls - 1] != '\n')
			ls--;
		/* the bare role word opens its line: a signature */
		if (ls == r.start || skip_marker(v, ls, r.start) == r.start) {
			char buf[32];
			word w;
			if (ex_next_word(c->t, r.start, r.end, &w) && w.end - w.start < sizeof buf) {
				ex_fold_into(c->t, buf, w.start, w.end);
				sign = strncmp(buf, "taryb", 5) != 0 && strcmp(buf, "bo") != 0 &&
				       strcmp(buf, "bot") != 0 && strcmp(buf, "nvo") != 0;
			}
		}
		for (i = 0; i < c->x->n_members; i++)
			if (c->x->members[i].role == r.role && ex_same_person(c->x->members[i].name, r.name))
				seen[i] |= sign ? 1 : 2;
	}
	for (i = 0; i < c->x->n_members; i++)
		if (seen[i] == 1) {
			c->x->members[i].role = COUNCIL_ROLE_MEMBER;
			ex_fired(c);
		}
	free(seen);
}

/* One to three capitalised words at [s,e), no digits, no colon: a place
 * ("Varniai", "Kazlų Rūda").  Returns it cleaned, or NULL. */
static char *place_at(ctx *c, size_t s, size_t e)
{
	const char *v = c->t->view;
	size_t p = s;
	word w;
	int words = 0;

	while (s < e && (v[s] == ' ' || v[s] == ','))
		s++;
	while (e > s && (v[e - 1] == ' ' || v[e - 1] == '.'))
		e--;
	if (e <= s || e - s > 60)
		return NULL;
	for (p = s; p < e; p++)
		if ((v[p] >= '0' && v[p] <= '9') || v[p] == ':' || v[p] == ',')
			return NULL;
	for (p = s; ex_next_word(c->t, p, e, &w); p = w.end)
		if (++words > 3 || !ex_is_capitalised(c->t, &w) || lt_month_from_word(v + w.start, w.end - w.start))
			return NULL;
	return words ? ex_clean(c, s, e) : NULL;
}

/* Where the sitting was: the place a protocol names with its date, after
 * it on the line ("2025-02-06, Druskininkai") or on the next line alone
 * ("2024.06.27 Nr. BOT-PR-3" / "Varniai"). */
static char *sitting_place(ctx *c, size_t date_end)
{
	const char *v = c->t->view;
	size_t le = line_end(v, date_end, c->t->len), p;
	char *place = NULL;

	if (date_end < le && v[date_end] == ',')
		place = place_at(c, date_end + 1, le);
	for (p = line_after(v, date_end, c->t->len); !place && p < c->head_end;
	     p = line_after(v, p, c->t->len)) {
		size_t pe = line_end(v, p, c->t->len);
		if (pe == lt_skip_blank(v, pe, p))
			continue; /* a blank line */
		place = place_at(c, p, pe);
		break;
	}
	return place;
}

/* "protocol.meeting": the sitting the protocol records, on the day under
 * its title (the protocol's own date), remote when its head says so. */
void ex_protocol_meeting(ctx *c)
{
	council_period day;
	size_t s = c->title_start, e, place_end = 0, n;
	char *f;

	if (!ex_is_protocol(c))
		return;
	e = c->head_end;
	{
		/* the day under the title: the protocol's own date, else the
		 * first whole day there */
		lt_date_match m;
		size_t lim = e < c->title_end + 400 ? e : c->title_end + 400, from = c->title_start;
		while (lt_date_find(&m, c->t->view, lim, from, 0)) {
			from = m.end;
			if (!m.period.start.day || council_date_cmp(&m.period.start, &m.period.end) != 0)
				continue;
			if (c->x->doc_date.day && council_date_cmp(&m.period.start, &c->x->doc_date) != 0)
				continue;
			c->sitting = m.period.start;
			place_end = m.end;
			break;
		}
		if (!c->sitting.year)
			return;
	}
	memset(&day, 0, sizeof day);
	day.start = day.end = c->sitting;
	if (!(f = ex_fold(c->t, s, e))) {
		ex_oom(c);
		return;
	}
	ex_add_meeting(c, day, f, s, line_end(c->t->view, c->title_end, c->t->len), NULL);
	free(f);
	for (n = 0; n < c->x->n_meetings; n++) {
		x_meeting *m = &c->x->meetings[n];
		if (council_date_cmp(&m->date.start, &c->sitting) != 0)
			continue;
		if (!m->location)
			m->location = sitting_place(c, place_end);
		/* what the sitting discussed: its agenda ("DARBOTVARKĖ: 1. ...") */
		if (c->agenda_end > c->head_end) {
			char *agenda = ex_clean_capped(c, c->head_end, c->agenda_end, 600);
			if (agenda) {
				free(m->summary);
				m->summary = agenda;
			}
		}
	}
	if (c->x->kind == COUNCIL_SOURCE_OTHER)
		c->x->kind = COUNCIL_SOURCE_PROTOCOL;
}

/* ---- who attended -------------------------------------------------------- */

/* What a line opening a list says of those it lists: 1 present members,
 * 0 absent members, -1 guests; -2 when it opens no list. */
static int list_kind(ctx *c, size_t p, size_t e)
{
	static const struct { const char *stem; int present; } heads[] = {
#define HEAD(w, f, present) { f, present },
		LEX_ATTENDANCE_LIST(HEAD)
#undef HEAD
	};
	size_t i;

	for (i = 0; i < sizeof heads / sizeof heads[0]; i++)
		if (line_opens(c, p, e, heads[i].stem))
			return heads[i].present;
	/* "Posėdyje dalyvavo tarybos nariai: A, B" lists members present;
	 * "Posėdyje (taip pat) dalyvavo: C" guests */
	if (line_opens(c, p, e, "posedyje")) {
		const char *colon = memchr(c->t->view + p, ':', e - p);
		char *f = colon ? ex_fold(c->t, p, (size_t)(colon - c->t->view)) : NULL;
		int k = -2;
		if (f && strstr(f, "dalyvavo"))
			k = strstr(f, "nari") && !strstr(f, "taip pat") ? 1 : -1;
		free(f);
		return k;
	}
	return -2;
}

/* The attendance of the sitting just read, and what it adds. */
typedef struct roll {
	int present, absent;    /* names listed under each */
	size_t first_attendance; /* this protocol's first record in x->attendance */
} roll;

/* One person of a list at [s,e): "Loreta Kazlauskienė", "1. Algirdas
 * Jurgaitis", "Juozas Bartkus (dėl ligos)", "Kęstutis Jonušas - Varnių
 * bendruomenės pirmininkas, Tarybos pirmininkas".  Returns 0 when [s,e)
 * is no person. */
static int list_person(ctx *c, roll *rl, int present, size_t s, size_t e)
{
	const char *v = c->t->view;
	size_t ns, ne, cut = s, rs = 0, re = 0;
	char name[256];
	x_attendance *a;
	int lead_role = -1;

	s = skip_marker(v, s, e);
	/* "Tarybos pirmininko pavaduotojas Kęstutis Jokubauskas (…)": the
	 * office on the council before the name, in a few words */
	if (!lt_name_at(v, e, s, &ns, &ne) || ns != s) {
		word w;
		size_t p = s;
		int k;
		for (k = 0; k < 5 && ex_next_word(c->t, p, e, &w); k++, p = w.end)
			if (k > 0 && lt_name_at(v, e, w.start, &ns, &ne) && ns == w.start) {
				if ((lead_role = ex_role_in(c, s, w.start)) >= 0)
					s = w.start;
				break;
			}
	}
	cut = s;
	while (cut < e && v[cut] != '(' && !(v[cut] == '-' && cut > s && v[cut - 1] == ' '))
		cut++;
	if (cut < e && v[cut] == '(') {
		rs = cut + 1;
		re = rs;
		while (re < e && v[re] != ')')
			re++;
	}
	while (cut > s && (v[cut - 1] == ' ' || v[cut - 1] == '.' || v[cut - 1] == ';' ||
	                   v[cut - 1] == ','))
		cut--;
	/* an initial's period is the name's: "D. Černiauskienė" */
	if (cut < e && v[cut] == '.' && cut >= s + 2 && v[cut - 2] == ' ')
		cut++;
	if (cut <= s || !lt_name_at(v, cut, s, &ns, &ne) || ns != s || ne < cut - 1)
		return 0;
	if (!lt_name_nominative(name, sizeof name, v + ns, ne - ns))
		return 0;
	if (present < 0)
		return 1; /* a guest: no member */
	{
		/* "Rolandas Kairys – Gražiškių bendruomenės pirmininkas;": the
		 * organisation after the dash, up to a reason in parentheses */
		char *org = NULL;
		int role = COUNCIL_ROLE_MEMBER;
		if (cut < e && v[cut] != '(') {
			size_t ds = cut, de;
			while (ds < e && (v[ds] == ' ' || v[ds] == '-'))
				ds++;
			for (de = ds; de < e && v[de] != '(' && v[de] != ';'; de++)
				;
			while (de > ds && (v[de - 1] == ' ' || v[de - 1] == '.' || v[de - 1] == ','))
				de--;
			/* "– tarybos pirmininkė, Rukos bendruomenė;" */
			if (de > ds)
				org = ex_description(c, ds, de, &role);
		}
		/* "Mindaugas Žilinskas (Rėkyvos bendruomenė)": a parenthesis
		 * naming an organisation of either side is no reason */
		if (!org && re > rs) {
			char *f = ex_fold(c->t, rs, re);
			if (f && !ex_find_stem(f, "deleguot") && ex_side_of(f) != COUNCIL_SIDE_UNKNOWN &&
			    (org = ex_organisation(c, rs, re)) != NULL)
				re = rs;
			free(f);
		}
		if (role == COUNCIL_ROLE_MEMBER && lead_role >= 0)
			role = lead_role;
		ex_add_member(c, name, (council_role)role, org, ns, ne, s, e);
	}
	if (!c->sitting.year)
		return 1;
	if (!(a = ex_push(c, (void **)&c->x->attendance, &c->x->n_attendance, sizeof *a)))
		return 0;
	a->date = c->sitting;
	a->present = present;
	ex_made(c, &a->span);
	/* the name as the member list keeps it (an initial's fuller form) */
	{
		size_t i;
		const char *kept = name;
		for (i = 0; i < c->x->n_members; i++)
			if (ex_same_person(c->x->members[i].name, name))
				kept = c->x->members[i].name;
		a->name = cdb_strdup(kept);
	}
	/* "(6 iš 8 narių)" closing a list is no reason */
	if (re > rs && !present) {
		char *why = ex_clean(c, rs, re);
		lt_quorum q;
		size_t i;
		if (why && lt_quorum_find(&q, why, strlen(why))) {
			free(why);
			why = NULL;
		}
		/* nor is a reason ("komandiruotė") the member's organisation, as
		 * an inline list of members reads a parenthesis */
		for (i = 0; why && i < c->x->n_members; i++) {
			x_member *m = &c->x->members[i];
			if (m->represents && !strcmp(m->represents, why) && ex_same_person(m->name, name)) {
				free(m->represents);
				m->represents = NULL;
				m->side = COUNCIL_SIDE_UNKNOWN;
			}
		}
		a->reason = why;
	}
	if (!a->name)
		return ex_oom(c), 0;
	x_span_set(&a->span, c->t, s, e);
	if (present)
		rl->present++;
	else
		rl->absent++;
	return 1;
}

/* The names of a list after its colon on the same line: "A, B ir C." --
 * commas and "ir" outside parentheses part them.  A first part that is no
 * name makes it no list of names ("Dalyvavo: 9 tarybos nariai"). */
static void inline_list(ctx *c, roll *rl, int present, size_t s, size_t e)
{
	const char *v = c->t->view;
	size_t p = s;
	int first = 1, depth = 0;

	for (size_t q = s; q <= e && c->rc == COUNCIL_OK; q++) {
		int cut = q == e;
		if (!cut && v[q] == '(')
			depth++;
		else if (!cut && v[q] == ')' && depth > 0)
			depth--;
		else if (!cut && !depth && (v[q] == ',' || v[q] == ';'))
			cut = 1;
		else if (!cut && !depth && q + 4 <= e && !memcmp(v + q, " ir ", 4))
			cut = 1;
		if (!cut)
			continue;
		while (p < q && v[p] == ' ')
			p++;
		if (p < q && !list_person(c, rl, present, p, q) && first)
			return;
		first = 0;
		if (q + 4 <= e && !memcmp(v + q, " ir ", 4))
			q += 3;
		p = q + 1;
	}
}

/* "Savivaldybės tarybos deleguoti: A, B, C;" under "Dalyvavo Tarybos
 * nariai:": the members a body delegated, on the side it is of.  1 when
 * [p,e) was such a line. */
static int delegated_group(ctx *c, roll *rl, int present, size_t p, size_t e)
{
	const char *v = c->t->view;
	const char *cp = memchr(v + p, ':', e - p);
	size_t colon, a0 = c->x->n_attendance, k;
	char *body, *f;

	if (!cp || (colon = (size_t)(cp - v)) - p > 100)
		return 0;
	f = ex_fold(c->t, p, colon);
	if (!f || !ex_find_stem(f, "deleguot") || !(body = ex_delegating_body(c, p, colon + 1))) {
		free(f);
		return 0;
	}
	c->side_heading = ex_side_of(f);
	free(f);
	inline_list(c, rl, present, colon + 1, e);
	c->side_heading = COUNCIL_SIDE_UNKNOWN;
	for (k = a0; k < c->x->n_attendance; k++) {
		size_t i;
		for (i = 0; i < c->x->n_members; i++) {
			x_member *m = &c->x->members[i];
			if (!m->delegated_by && ex_same_person(m->name, c->x->attendance[k].name) &&
			    !(m->delegated_by = cdb_strdup(body)))
				ex_oom(c);
		}
	}
	free(body);
	return 1;
}

/* "Posėdžio pirmininkas – Raimondas Kuliešius, tarybos pirmininkas.":
 * the sitting's officer says the office is the council's too; the
 * listed member of that name holds it. */
static void office_after_officer(ctx *c, const char *name, size_t p, size_t le)
{
	const char *v = c->t->view;
	char *f;
	int role = -1;
	size_t i;

	while (p < le && (v[p] == ' ' || v[p] == ','))
		p++;
	f = ex_fold(c->t, p, le);
	if (f && strncmp(f, "taryb", 5) == 0)
		role = ex_role_in(c, p, le);
	free(f);
	if (role < 0 || role == COUNCIL_ROLE_MEMBER)
		return;
	for (i = 0; i < c->x->n_members; i++)
		if (c->x->members[i].role == COUNCIL_ROLE_MEMBER && ex_same_person(c->x->members[i].name, name))
			c->x->members[i].role = (council_role)role;
}

/* The member m, written with an initial, takes its full name (and so do
 * the attendance records of it). */
static void give_full_name(ctx *c, x_member *m, const char *name)
{
	char *full = cdb_strdup(name);
	size_t a;

	if (!full) {
		ex_oom(c);
		return;
	}
	for (a = 0; a < c->x->n_attendance; a++)
		if (!strcmp(c->x->attendance[a].name, m->name)) {
			char *af = cdb_strdup(name);
			if (!af) {
				free(full);
				ex_oom(c);
				return;
			}
			free(c->x->attendance[a].name);
			c->x->attendance[a].name = af;
		}
	free(m->name);
	m->name = full;
}

/* "Nedalyvavo: … D. Kazakevičius …" and, further on, "pavesti Dariui
 * Kazakevičiui": a member listed by initial whom the text names in full
 * elsewhere, in any case, is that full name -- where the text names one
 * such person only.  The surname's stem (the nominative less its ending:
 * "Kazakevič-i-", "Šimk-") finds the mentions; the name read there, in
 * the nominative, must be the same person. */
static void initials_named_in_full(ctx *c)
{
	const char *v = c->t->view;
	size_t i;

	for (i = 0; i < c->x->n_members && c->rc == COUNCIL_OK; i++) {
		x_member *m = &c->x->members[i];
		const char *sur = strrchr(m->name, ' '), *at;
		char stem[128], found[256] = "";
		size_t sl, from = 0;
		int many = 0;

		if (m->name[1] != '.' || !sur || strchr(m->name, '-'))
			continue;
		sur++;
		sl = strlen(sur);
		if (sl >= sizeof stem || sl < 4)
			continue;
		memcpy(stem, sur, sl);
		/* less the last letter, and a vowel before a final "s" */
		if (stem[sl - 1] == 's' && strchr("auiy", stem[sl - 2]))
			sl -= 2;
		else
			while (sl > 0 && ((unsigned char)stem[--sl] & 0xC0) == 0x80)
				;
		stem[sl] = '\0';
		if (sl < 3)
			continue;
		while (!many && (at = strstr(v + from, stem)) != NULL && (size_t)(at - v) < c->t->len) {
			size_t p = (size_t)(at - v), ns, ne;
			char name[256];
			word w;
			from = p + sl;
			if (p == 0 || v[p - 1] != ' ' || !ex_prev_word(c->t, p > 40 ? p - 40 : 0, p, &w) ||
			    w.end + 1 != p || w.end - w.start < 3 || v[w.start] != m->name[0] ||
			    !lt_name_at(v, c->t->len, w.start, &ns, &ne) || ns != w.start || ne < p + sl)
				continue;
			if (!lt_lemma_name(name, sizeof name, v + ns, ne - ns, v, c->t->len) ||
			    name[1] == '.' || !ex_same_person(m->name, name))
				continue;
			if (!found[0])
				snprintf(found, sizeof found, "%s", name);
			else if (!ex_same_person(found, name))
				many = 1;
		}
		if (found[0] && !many) {
			ex_fired(c);
			give_full_name(c, m, found);
		}
	}
}

/* "Posėdžio pirmininkė - Aistė Markevičienė" above a list naming "A.
 * Markevičienė": the sitting's officer gives a listed member's first name
 * (the line makes no office on the council: protocol.officers). */
static void officers_full_names(ctx *c, size_t p, size_t e)
{
	const char *v = c->t->view;
	word w;

	while (ex_next_word(c->t, p, e, &w)) {
		size_t ns = 0, ne = 0, i, le = line_end(v, w.start, e);
		char name[256], buf[16];
		word n;
		int k;

		p = w.end;
		if (w.end - w.start >= sizeof buf)
			continue;
		ex_fold_into(c->t, buf, w.start, w.end);
		if (strcmp(buf, "posedzio") != 0)
			continue;
		/* the office, maybe the council's too, then the name */
		for (k = 0, n = w; k < 5 && ex_next_word(c->t, n.end, le, &n); k++)
			if (k > 0 && lt_name_at(v, le, n.start, &ns, &ne))
				break;
		if (ne <= ns || !lt_name_nominative(name, sizeof name, v + ns, ne - ns))
			continue;
		office_after_officer(c, name, ne, le);
		if (name[1] == '.')
			continue;
		p = ne;
		for (i = 0; i < c->x->n_members; i++) {
			x_member *m = &c->x->members[i];
			if (m->name[1] == '.' && ex_same_person(m->name, name))
				give_full_name(c, m, name);
		}
	}
}

/* Does the protocol say someone it names is no member of the council? */
static int says_not_member(ctx *c)
{
	static const char *const phrases[] = { LEX_NOT_MEMBER(LEX_FOLDED) NULL };
	char *f = ex_fold(c->t, 0, c->t->len);
	int r = f && ex_mentions_any(f, phrases);

	free(f);
	return r;
}

/* "protocol.attendance": the head's lists of who attended.  A list opens
 * with "Dalyvavo", "Nedalyvavo" or "Kviestiniai asmenys" and a colon; its
 * names follow on the line, or one a line below it (numbered or not). */
void ex_protocol_attendance(ctx *c)
{
	const char *v = c->t->view;
	size_t p, e;
	roll rl = { 0, 0, c->x->n_attendance };

	if (!ex_is_protocol(c))
		return;
	e = c->head_end;
	for (p = head_start(c); p < e && c->rc == COUNCIL_OK;) {
		size_t le = line_end(v, p, e), colon;
		int kind = list_kind(c, p, le);
		const char *cp;

		if (kind < -1 || !(cp = memchr(v + p, ':', le - p))) {
			p = line_after(v, p, e);
			continue;
		}
		colon = (size_t)(cp - v) + 1;
		if (lt_skip_blank(v, le, colon) < le) {
			/* "Dalyvavo: A, B, C." -- a line hard-wrapped after a comma
			 * goes on */
			while (le < e && v[le - 1] == ',' )
				le = line_end(v, le + 1, e);
			inline_list(c, &rl, kind, colon, le);
			p = line_after(v, le, e);
			continue;
		}
		/* one a line, up to a blank line or a line that is no person */
		for (p = line_after(v, p, e); p < e; p = line_after(v, p, e)) {
			size_t ie = line_end(v, p, e);
			if (kind >= 0 && delegated_group(c, &rl, kind, p, ie))
				continue;
			if (ie == lt_skip_blank(v, ie, p) || memchr(v + p, ':', ie - p) ||
			    !list_person(c, &rl, kind, p, ie))
				break;
		}
	}
	if (rl.present + rl.absent == 0)
		return;
	officers_full_names(c, head_start(c), e);
	initials_named_in_full(c);
	/* Whom the lists name together with the quorum's total is the whole
	 * council: where the protocol says an officer is no member ("Tarybos
	 * sekretore paskirti X", an employee "nesantis tarybos nariu"), one
	 * named elsewhere but in neither list is none. */
	if (c->x->council.size > 0 && rl.present + rl.absent == c->x->council.size &&
	    says_not_member(c)) {
		size_t i, n = 0, k;
		for (i = 0; i < c->x->n_members; i++) {
			x_member *m = &c->x->members[i];
			int listed = 0;
			for (k = rl.first_attendance; k < c->x->n_attendance && !listed; k++)
				listed = ex_same_person(c->x->attendance[k].name, m->name);
			if (listed || !c->sitting.year)
				c->x->members[n++] = *m;
			else
				x_member_clear(m);
		}
		c->x->n_members = n;
	}
	for (size_t i = 0; i < c->x->n_meetings; i++)
		if (!council_date_cmp(&c->x->meetings[i].date.start, &c->sitting) &&
		    c->x->meetings[i].participants < 0 && c->sitting.year)
			c->x->meetings[i].participants = rl.present;
	ex_fired(c);
}

/* ---- the quorum ---------------------------------------------------------- */

static int quorum_sentence(void *vc, size_t s, size_t e)
{
	ctx *c = vc;
	lt_quorum q;
	size_t i;

	if (!lt_quorum_find(&q, c->t->view + s, e - s))
		return 0;
	if (c->x->council.size < 0) {
		c->x->council.size = (int)q.total;
		ex_fired(c);
	}
	/* the protocol's own sitting: who attended it */
	if (c->protocol == 1 && c->sitting.year && s < c->head_end)
		for (i = 0; i < c->x->n_meetings; i++)
			if (!council_date_cmp(&c->x->meetings[i].date.start, &c->sitting))
				c->x->meetings[i].participants = (int)q.present;
	return 0;
}

/* "protocol.quorum": "dalyvavo 9 iš 12 tarybos narių" says the council has
 * 12 members (and, in a protocol's head, that 9 attended its sitting). */
void ex_quorum(ctx *c)
{
	size_t i;

	for (i = 0; i < c->doc.n_blocks && c->rc == COUNCIL_OK; i++) {
		const seg_block *b = &c->doc.blocks[i];
		/* a paragraph without a member noun has no attendance
		 * (lt_quorum_find): not split into sentences */
		if (b->is_table ||
		    !lt_has_ascii(c->t->view + b->span.start, b->span.end - b->span.start, "nar"))
			continue;
		ex_sentences(c, b->span.start, b->span.end, quorum_sentence, c);
	}
}
