/* SPDX-License-Identifier: MIT */
/*
 * extract_roster.c -- a composition written a line at a time (rule
 * "member.roster"): a name on its own line with its organisation and office
 * on the next, contacts between; "Name – organisation;" or "Name,
 * organisation" lines; headings "Pirmininkas:", "Nariai:" giving the office
 * of the lines under them.  Sentences and tables are extract_members.c's
 * and extract_tables.c's.
 */
#include "extract_int.h"
#include "lexicon.h"

/* The byte range of one line, blanks and a list marker ("1.", "-", "•")
 * trimmed. */
typedef struct line {
	size_t s, e;
	int colon;           /* the line ended with ":" (not in [s,e)) */
	int stop;            /* ... or with "." */
} line;

static line trim_line(const char *v, size_t s, size_t e)
{
	line l;

	while (s < e && (v[s] == ' ' || v[s] == '\t'))
		s++;
	/* a list marker: digits and a period or parenthesis, or a dash or bullet */
	{
		size_t p = s;
		while (p < e && v[p] >= '0' && v[p] <= '9')
			p++;
		if (p > s && p < e && (v[p] == '.' || v[p] == ')') && p + 1 < e && v[p + 1] == ' ')
			s = p + 2;
		else if (p == s && s + 1 < e && (v[s] == '-' || v[s] == '*') && v[s + 1] == ' ')
			s += 2;
		else if (p == s && s + 3 < e && (unsigned char)v[s] == 0xE2 &&
		         (unsigned char)v[s + 1] == 0x80 && (unsigned char)v[s + 2] == 0xA2)
			s += 3;
	}
	while (s < e && v[s] == ' ')
		s++;
	while (e > s && (v[e - 1] == ' ' || v[e - 1] == '\t' || v[e - 1] == '\r'))
		e--;
	l.colon = e > s && v[e - 1] == ':';
	l.stop = e > s && v[e - 1] == '.';
	while (e > s && (v[e - 1] == ' ' || v[e - 1] == ';' || v[e - 1] == ',' || v[e - 1] == '.' ||
	                 v[e - 1] == ':'))
		e--;
	l.s = s;
	l.e = e;
	return l;
}

/* The line opens with a name ("Inga Ingaitė – …"). */
static int name_first(ctx *c, line l)
{
	size_t ns, ne;

	return lt_name_at(c->t->view, l.e, l.s, &ns, &ne) && ns == l.s;
}

/* A line of contacts: "el. p. ...", "tel. 8 459 ...", an e-mail address,
 * a web address. */
static int contact_line(ctx *c, line l)
{
	static const char *const labels[] = {
#define CONTACT_ROW(w, f) f,
		LEX_CONTACT_LABEL(CONTACT_ROW)
#undef CONTACT_ROW
		NULL
	};
	char *f = ex_fold(c->t, l.s, l.e);
	int yes = 0;
	size_t k;

	if (!f)
		return 0;
	for (k = 0; labels[k] && !yes; k++)
		yes = strncmp(f, labels[k], strlen(labels[k])) == 0;
	/* "Inga Ingaitė – koordinatorė, tel. …, el. p. inga@…": a member's
	 * line that ends with contacts is the member's, not a contact line */
	yes = yes || (memchr(c->t->view + l.s, '@', l.e - l.s) != NULL && !name_first(c, l)) ||
	      strncmp(f, "http", 4) == 0 || strncmp(f, "www.", 4) == 0 ||
	      (f[0] == '+' || (f[0] >= '0' && f[0] <= '9'));
	free(f);
	return yes;
}

/* A heading naming an office alone, with its colon: "Pirmininkas:",
 * "Pirmininko pavaduotoja:", "Sekretorė:", "Nariai:", or a dash
 * ("Pirmininkas –").  Returns the role, or -1. */
static int office_heading(ctx *c, line l)
{
	const char *v = c->t->view;
	char *f;
	int r = -1, dash = 0;

	/* "Pirmininkas –" with the name on the next line: a dash for the
	 * colon */
	if (!l.colon && l.e - l.s > 2 && v[l.e - 1] == '-')
		dash = 1, l.e--;
	else if (!l.colon && l.e - l.s > 4 && (unsigned char)v[l.e - 3] == 0xE2 &&
	         (unsigned char)v[l.e - 2] == 0x80 &&
	         ((unsigned char)v[l.e - 1] == 0x93 || (unsigned char)v[l.e - 1] == 0x94))
		dash = 1, l.e -= 3;
	while (dash && l.e > l.s && v[l.e - 1] == ' ')
		l.e--;
	if ((!l.colon && !dash) || l.e - l.s > 40)
		return -1;
	f = ex_fold(c->t, l.s, l.e);
	if (f && ex_bare_role(f))
		r = ex_role_in(c, l.s, l.e);
	else if (f && (!strcmp(f, "nariai") || !strcmp(f, "tarybos nariai") || !strcmp(f, "kiti nariai")))
		r = COUNCIL_ROLE_MEMBER;
	free(f);
	return r;
}

/* A line that opens a composition: "Tarybos sudėtis (2024–2027 m.
 * kadencija)", "Tarybos nariai:", "Narių sąrašas".  A short line, no
 * sentence. */
static int roster_heading(ctx *c, line l)
{
	char *f;
	int yes;

	const char *at;

	if (l.e - l.s > 100 || l.stop)
		return 0;
	f = ex_fold(c->t, l.s, l.e);
	/* a heading, not a sentence about the composition: at most three
	 * words after it, besides a parenthesis ("(2024–2027 m. kadencija)") */
	if (f && (at = ex_find_stem(f, "sudetis")) != NULL) {
		int words = 0, depth = 0;
		for (at += 7; *at; at++) {
			depth += *at == '(' ? 1 : *at == ')' ? -1 : 0;
			words += !depth && at[0] == ' ' && at[1] && at[1] != ' ' && at[1] != '(';
		}
		free(f);
		return words <= 3;
	}
	/* "Tarybos nariai" alone on its line, a web page's heading, opens
	 * the list under it as its colon would; a longer line without one
	 * ("Tarybos nariai aptarė ...") is a sentence */
	yes = f && (strstr(f, "nariu sarasas") ||
	            (l.colon && ex_find_stem(f, "nariai") &&
	             !strstr(f, "dalyv")) ||
	            !strcmp(f, "tarybos nariai") || !strcmp(f, "nariai"));
	free(f);
	return yes;
}

/* The whole of [s,e) is a name: two to four capitalised words that
 * lt_name_at reads as one. */
static int whole_name(ctx *c, size_t s, size_t e)
{
	size_t ns, ne;

	return e > s && lt_name_at(c->t->view, e, s, &ns, &ne) && ns == s && ne == e;
}

/* "Tarybos narys", "tarybos narė": membership of the council itself,
 * two words, said of a member with no office -- no organisation ("Ignalinos
 * rajono savivaldybės tarybos narys" is one: the municipal council's). */
static int council_member_words(const char *f)
{
	const char *sp = strchr(f, ' ');

	return !strncmp(f, "taryb", 5) && sp && !strncmp(sp + 1, "nar", 3) && !strchr(sp + 1, ' ');
}

/* "organisation, office" or "office, organisation" after a name: the
 * part that names an office on the council ("tarybos pirmininkė",
 * "pirmininko pavaduotoja") gives *role, the first other part is the
 * organisation (NULL when none).  A protocol's attendance list reads its
 * lines so too. */
char *ex_description(ctx *c, size_t s, size_t e, int *role)
{
	const char *v = c->t->view;
	char *org = NULL;
	size_t ps = s;

	while (ps < e) {
		size_t pe = ps, oe;
		char *f;
		int r;
		/* "Kultūros, turizmo ir sporto skyriaus" is one unit */
		while (pe < e && v[pe] != ';' &&
		       (v[pe] != ',' || ex_enumerated_genitive(c, ps, pe, e)))
			pe++;
		while (ps < pe && v[ps] == ' ')
			ps++;
		oe = pe;
		while (oe > ps && (v[oe - 1] == '.' || v[oe - 1] == ' '))
			oe--;
		f = ex_fold(c->t, ps, oe);
		/* an office alone after the organisation is the organisation's
		 * ("Kurklių bendruomenė, pirmininkas"); on the council it says
		 * so ("…, tarybos pirmininkė") */
		if (f && ((ex_bare_role(f) && !org) ||
		          (strncmp(f, "taryb", 5) == 0 && ex_role_in(c, ps, oe) >= 0))) {
			if ((r = ex_role_in(c, ps, oe)) >= 0)
				*role = r;
		} else if (f && council_member_words(f)) {
			/* "Tarybos narys": a plain member, no organisation */
		} else if (oe > ps && !org) {
			org = ex_organisation(c, ps, oe);
			if (!org)
				org = ex_clean(c, ps, oe);
		}
		free(f);
		ps = pe + 1;
	}
	return org;
}

typedef struct roster {
	int active;          /* inside a composition */
	int heading_role;    /* the office a heading gave the lines under it, or -1 */
	int pending;         /* a name line waits for its description */
	size_t ns, ne;       /* ... its bytes */
	int described;       /* ... and its description was read */
	int added;           /* members this composition named */
	size_t last;         /* 1 + the index of the member the description's
	                        first line gave an office but no organisation
	                        ("Tarybos pirmininkė"), or 0 */
	seg_col cols[8];     /* a converted table's heading cells, in order */
	int n_cols;
	int cell;            /* the column of the row's line being read, or -1 */
	size_t row_member;   /* 1 + the index of the row's member, or 0 */
} roster;

static void add(ctx *c, roster *r, size_t ns, size_t ne, size_t ds, size_t de, size_t span_end)
{
	char name[256];
	int role = COUNCIL_ROLE_MEMBER;
	char *org = NULL;
	x_member *m;

	if (!lt_name_nominative(name, sizeof name, c->t->view + ns, ne - ns))
		return;
	if (de > ds)
		org = ex_description(c, ds, de, &role);
	if (r->heading_role >= 0)
		role = r->heading_role;
	c->listing = 1;
	m = ex_add_member(c, name, (council_role)role, org, ns, ne, ns, span_end);
	c->listing = 0;
	r->last = m && !org && de > ds ? c->x->n_members : 0;
	r->row_member = m ? (size_t)(m - c->x->members) + 1 : 0;
	r->added++;
}

/* A line that is a list's number alone ("1."), as a converted table
 * writes its first cell. */
static int number_line(ctx *c, line l)
{
	size_t p;

	for (p = l.s; p < l.e; p++)
		if (c->t->view[p] < '0' || c->t->view[p] > '9')
			return 0;
	return l.e > l.s && l.e - l.s <= 3;
}

/* "Renata Kavaliauskienė / Socialinės paramos skyriaus vedėja / Tarybos
 * pirmininkė": an office on the council after the organisation is the
 * last member's, who had none.  1 when [l] named one. */
static int office_after(ctx *c, roster *r, line l)
{
	x_member *m;
	char *f;
	int role = -1;

	if (!r->added || !c->x->n_members || l.e - l.s > 60)
		return 0;
	f = ex_fold(c->t, l.s, l.e);
	if (f && (ex_bare_role(f) || strncmp(f, "taryb", 5) == 0))
		role = ex_role_in(c, l.s, l.e);
	free(f);
	m = &c->x->members[c->x->n_members - 1];
	if (role < 0 || m->role != COUNCIL_ROLE_MEMBER)
		return role >= 0;
	m->role = (council_role)role;
	return 1;
}

/* "Vilma Jurkšaitienė / Tarybos pirmininkė / Asociacijos „Tytuvėnų
 * bendruomenė“ pirmininkė": the line after an office is the member's
 * organisation. */
static void second_description(ctx *c, roster *r, line l)
{
	x_member *m;
	int role = COUNCIL_ROLE_MEMBER;
	char *org;

	if (!r->last || r->last > c->x->n_members)
		return;
	m = &c->x->members[r->last - 1];
	r->last = 0;
	if (m->represents || !(org = ex_description(c, l.s, l.e, &role)))
		return;
	m->represents = org;
	if (m->side == COUNCIL_SIDE_UNKNOWN) {
		char *f = utf8_fold(org, strlen(org));
		if (f)
			m->side = ex_side_of(f);
		free(f);
	}
}

/* A line "Name – description", "Name, description" or "Name
 * (description)": 1 when it was one (and its member added). */
static int name_and_description(ctx *c, roster *r, line l)
{
	const char *v = c->t->view;
	size_t ns, ne, p, ds, de = l.e;

	if (!lt_name_at(v, l.e, l.s, &ns, &ne) || ns != l.s)
		return 0;
	p = ne;
	while (p < l.e && v[p] == ' ')
		p++;
	if (p >= l.e || !(v[p] == ',' || v[p] == '(' || (v[p] == '-' && p > ne)))
		return 0;
	ds = p + 1;
	if (v[p] == '(') {
		for (de = ds; de < l.e && v[de] != ')'; de++)
			;
	}
	while (ds < de && v[ds] == ' ')
		ds++;
	add(c, r, ns, ne, ds, de, l.e);
	return 1;
}

/* A line "pirmininkas – Raimondas Jakštas, asociacijos „Alantos
 * bendruomenė“ pirmininkas": an office alone, a dash, then the name and
 * its description.  1 when it was one (and its member added). */
static int office_and_name(ctx *c, roster *r, line l)
{
	const char *v = c->t->view;
	size_t d, ds, ns, ne, p, oe;
	char *f;
	int role = -1, saved;

	for (d = l.s; d + 3 < l.e && d < l.s + 40; d++)
		if (v[d] == ' ' && (v[d + 1] == '-' ||
		                    ((unsigned char)v[d + 1] == 0xE2 && (unsigned char)v[d + 2] == 0x80 &&
		                     ((unsigned char)v[d + 3] == 0x93 || (unsigned char)v[d + 3] == 0x94))))
			break;
	if (d + 3 >= l.e || d >= l.s + 40)
		return 0;
	oe = d;
	while (oe > l.s && v[oe - 1] == ' ')
		oe--;
	f = ex_fold(c->t, l.s, oe);
	if (f && (ex_bare_role(f) || (strncmp(f, "tarybos ", 8) == 0 && ex_bare_role(f + 8))))
		role = ex_role_in(c, l.s, oe);
	free(f);
	if (role < 0)
		return 0;
	ds = d + (v[d + 1] == '-' ? 2 : 4);
	while (ds < l.e && v[ds] == ' ')
		ds++;
	if (!lt_name_at(v, l.e, ds, &ns, &ne) || ns != ds)
		return 0;
	p = ne;
	while (p < l.e && (v[p] == ' ' || v[p] == ','))
		p++;
	saved = r->heading_role;
	r->heading_role = role;
	add(c, r, ns, ne, p, l.e, l.e);
	r->heading_role = saved;
	return 1;
}

/* "Eil. Nr.", "Vardas, pavardė", "Atstovaujama institucija, organizacija",
 * "Pareigos Taryboje": a converted table's heading cells, one a line,
 * between a composition's heading and its first member: a short line that
 * names a column of a members table (seg_column_role). */
static int column_heading(ctx *c, roster *r, line l)
{
	seg_col col;
	size_t i;

	if (r->added || r->pending || l.e - l.s > 60)
		return 0;
	/* a table the segmenter recognised is the table readers' */
	for (i = 0; i < c->doc.n_blocks; i++)
		if (c->doc.blocks[i].is_table && c->doc.blocks[i].span.start <= l.s &&
		    l.s < c->doc.blocks[i].span.end)
			return 0;
	col = seg_column_role(c->t->view + l.s, l.e - l.s);
	if (!(col == COL_SEQ || col == COL_PERSON || col == COL_ROLE || col == COL_ORG ||
	      col == COL_DELEGATED))
		return 0;
	/* "Savivaldybės deleguoti atstovai" heads a side, not a column */
	if (col == COL_DELEGATED && ex_side_heading(c, l.s, l.e) != COUNCIL_SIDE_UNKNOWN)
		return 0;
	if (r->n_cols < (int)(sizeof r->cols / sizeof r->cols[0]))
		r->cols[r->n_cols++] = col;
	return 1;
}

/* The column a converted table's name cell stands in, or -1. */
static int person_column(const roster *r)
{
	int i;

	for (i = 0; i < r->n_cols; i++)
		if (r->cols[i] == COL_PERSON)
			return i;
	return -1;
}

/* "Kas delegavo" / "Savivaldybės administracijos direktorius": a cell of
 * a converted table's delegating column, one cell a line after the
 * member's name and organisation, is the body that delegated the row's
 * member (member.delegated).  1 when [l] was that cell. */
static int delegated_cell(ctx *c, roster *r, line l)
{
	x_member *m;

	if (r->cell < 0 || ++r->cell >= r->n_cols || r->cols[r->cell] != COL_DELEGATED ||
	    !r->row_member || r->row_member > c->x->n_members)
		return 0;
	m = &c->x->members[r->row_member - 1];
	if (!m->delegated_by && !(m->delegated_by = ex_clean(c, l.s, l.e)))
		ex_oom(c);
	return 1;
}

/* "(deleguoja Raseinių rajono savivaldybės administracijos direktorius)"
 * under a side heading: that side's delegating body, for
 * member.delegated.  1 when [l] was such a line. */
static int side_delegation_line(ctx *c, line l)
{
	const char *v = c->t->view;
	council_side sd = c->side_heading;
	char *f;
	int yes;

	if (sd == COUNCIL_SIDE_UNKNOWN || l.e - l.s < 3 || v[l.s] != '(')
		return 0;
	f = ex_fold(c->t, l.s + 1, l.e);
	yes = f && (strncmp(f, "deleguoj", 8) == 0 || strncmp(f, "delegav", 7) == 0);
	free(f);
	if (yes && !c->side_body[sd])
		c->side_body[sd] = ex_delegating_body(c, l.s + 1, l.e);
	return yes;
}

/* "Savivaldybės deleguoti atstovai", "Bendruomeninių organizacijų
 * deleguoti atstovai": a side heading that names who delegated the side's
 * members gives that side's delegating body, as "(deleguoja …)" under it
 * does (member.delegated). */
static void side_heading_body(ctx *c, line l)
{
	council_side sd = c->side_heading;
	word w, last;
	char *f, *g;
	int named = 0;

	if (sd == COUNCIL_SIDE_UNKNOWN || c->side_body[sd] || l.stop || l.colon ||
	    memchr(c->t->view + l.s, '(', l.e - l.s) || !ex_prev_word(c->t, l.s, l.e, &last) ||
	    !ex_prev_word(c->t, l.s, last.start, &w))
		return;
	/* the heading's last two words: the participle and the members */
	f = ex_fold(c->t, w.start, w.end);
	g = ex_fold(c->t, last.start, last.end);
	named = f && g && w.start > l.s && strncmp(f, "deleguot", 8) == 0 &&
	        (strncmp(g, "atstov", 6) == 0 || strncmp(g, "nari", 4) == 0);
	free(f);
	free(g);
	if (named)
		c->side_body[sd] = ex_delegating_body(c, l.s, l.e);
}

static void finish_pending(ctx *c, roster *r)
{
	if (r->pending && !r->described)
		add(c, r, r->ns, r->ne, 0, 0, r->ne);
	r->pending = 0;
}

/* "member.roster" */
void ex_roster(ctx *c)
{
	const char *v = c->t->view;
	roster r = { 0, -1, 0, 0, 0, 0, 0, 0, { COL_OTHER }, 0, -1, 0 };
	size_t pos = 0;
	int total = 0;

	while (pos < c->t->len && c->rc == COUNCIL_OK) {
		size_t eol = ex_eol(v, pos, c->t->len);
		line l;
		int h;
		l = trim_line(v, pos, eol);
		pos = eol + 1;
		if (l.e <= l.s) {
			finish_pending(c, &r);
			continue;
		}
		if (!r.active) {
			if (roster_heading(c, l)) {
				r.active = 1;
				r.heading_role = -1;
			} else if ((h = office_heading(c, l)) >= 0) {
				/* "Pirmininkas:" after prose opens a composition too */
				r.active = 1;
				r.heading_role = h;
			} else if (!l.stop && !l.colon &&
			           (c->side_heading = ex_side_heading(c, l.s, l.e)) != COUNCIL_SIDE_UNKNOWN) {
				/* so does a heading of one side's members
				 * ("Savivaldybės institucijų atstovai") */
				side_heading_body(c, l);
				r.active = 1;
				r.heading_role = -1;
			}
			continue;
		}
		if ((h = office_heading(c, l)) >= 0) {
			finish_pending(c, &r);
			r.heading_role = h;
			continue;
		}
		if (contact_line(c, l) || side_delegation_line(c, l) || column_heading(c, &r, l))
			continue;
		if (number_line(c, l)) {
			/* a converted table's "1." cell: the next member */
			finish_pending(c, &r);
			continue;
		}
		/* a delegating body's cell ("NVO atstovų susirinkimas") is no
		 * side heading */
		if (r.pending && r.described && delegated_cell(c, &r, l))
			continue;
		if (!(r.pending && !r.described)) {
			council_side sd = ex_side_heading(c, l.s, l.e);
			if (sd != COUNCIL_SIDE_UNKNOWN) {
				finish_pending(c, &r);
				c->side_heading = sd;
				side_heading_body(c, l);
				continue;
			}
		}
		if (whole_name(c, l.s, l.e)) {
			finish_pending(c, &r);
			r.cell = person_column(&r);
			r.row_member = 0;
			r.pending = 1;
			r.described = 0;
			r.ns = l.s;
			r.ne = l.e;
			continue;
		}
		if (name_and_description(c, &r, l)) {
			finish_pending(c, &r);
			continue;
		}
		if (!(r.pending && !r.described) && office_and_name(c, &r, l)) {
			finish_pending(c, &r);
			continue;
		}
		if (r.pending && !r.described) {
			add(c, &r, r.ns, r.ne, l.s, l.e, l.e);
			r.described = 1;
			if (r.cell >= 0)
				r.cell++;
			continue;
		}
		if (r.pending && r.described) {
			if (!r.last && office_after(c, &r, l))
				continue;
			second_description(c, &r, l);
			continue; /* a second line of the description */
		}
		/* Prose or another heading: the composition has ended, though
		 * a heading may open another. */
		finish_pending(c, &r);
		total += r.added;
		r.active = 0;
		c->side_heading = COUNCIL_SIDE_UNKNOWN;
		r.added = 0;
		if (roster_heading(c, l))
			r.active = 1, r.heading_role = -1;
	}
	finish_pending(c, &r);
	c->side_heading = COUNCIL_SIDE_UNKNOWN;
	total += r.added;
	if (total)
		ex_fired(c);
}

/* "member.count": a composition listed whole and no size stated: the size
 * is the number of members named.  Needs a list of three or more, so that
 * a report naming its officers alone states no size.  When the list (of
 * as many as a stated size) gives every member's side (under side headings, or by the side of each one's
 * organisation) and no seats were stated, each side's seats are its
 * members. */
void ex_count_listed(ctx *c)
{
	size_t i, n = 0, by_side[3] = { 0, 0, 0 };

	for (i = 0; i < c->x->n_members; i++)
		if (c->x->members[i].listed) {
			n++;
			if (c->x->members[i].side == COUNCIL_SIDE_MUNICIPALITY)
				by_side[0]++;
			else if (c->x->members[i].side == COUNCIL_SIDE_COMMUNITY)
				by_side[1]++;
		}
	if (n < 3 || n > 200 || (c->x->council.size >= 0 && c->x->council.size != (int)n))
		return;
	c->x->council.size = (int)n;
	if (by_side[0] && by_side[1] && by_side[0] + by_side[1] == n &&
	    c->x->council.seats_municipality < 0 && c->x->council.seats_community < 0) {
		c->x->council.seats_municipality = (int)by_side[0];
		c->x->council.seats_community = (int)by_side[1];
	}
	ex_fired(c);
}

/* Gives body to the members idx[0..k) that have no delegating body yet;
 * returns how many took it (ex_oom on a failed copy). */
static int give_body(ctx *c, const size_t *idx, size_t k, const char *body)
{
	int given = 0;
	size_t i;

	for (i = 0; i < k; i++) {
		x_member *m = &c->x->members[idx[i]];
		if (m->delegated_by)
			continue;
		if (!(m->delegated_by = cdb_strdup(body))) {
			ex_oom(c);
			break;
		}
		given++;
	}
	return given;
}

/* "Tarybos nariai, atstovaujantys Savivaldybei (V. Žilinskienė, I.
 * Šulcaitė), deleguoti Molėtų rajono savivaldybės tarybos, o
 * bendruomeninių organizacijų atstovai (R. Jakštas, G. Bernotas) – Molėtų
 * rajono bendruomeninių organizacijų visuotinio susirinkimo": a
 * parenthesis naming only members (two or more), then "deleguoti" or a
 * dash and the delegating body's genitives: that body delegated them.
 * Returns how many members it gave a body. */
int ex_delegated_groups(ctx *c)
{
	const char *v = c->t->view;
	size_t p, n = c->t->len;
	int given = 0;

	for (p = 0; p < n && c->rc == COUNCIL_OK; p++) {
		size_t q, a, b, from, to, idx[32];
		size_t k = 0, all = 1, i;
		word w, head;
		char *body, *f;

		if (v[p] != '(')
			continue;
		for (q = p + 1; q < n && q < p + 400 && v[q] != ')' && v[q] != '\n' && v[q] != '('; q++)
			;
		if (q >= n || v[q] != ')')
			continue;
		/* each part a member's name */
		for (a = p + 1; a < q && all; a = b + 1) {
			char name[256];
			size_t s0 = a, e0;
			for (b = a; b < q && v[b] != ','; b++)
				;
			while (s0 < b && v[s0] == ' ')
				s0++;
			e0 = b;
			while (e0 > s0 && v[e0 - 1] == ' ')
				e0--;
			all = 0;
			if (e0 <= s0 || e0 - s0 >= sizeof name)
				break;
			memcpy(name, v + s0, e0 - s0);
			name[e0 - s0] = '\0';
			for (i = 0; i < c->x->n_members && !all; i++)
				if (ex_same_person(c->x->members[i].name, name) && k < 32) {
					idx[k++] = i;
					all = 1;
				}
		}
		if (!all || k < 2)
			continue;
		/* then "deleguoti" or a dash, and the body up to the clause's end */
		from = q + 1;
		while (from < n && (v[from] == ' ' || v[from] == ','))
			from++;
		if (from < n && v[from] == '-') {
			from++;
		} else if (ex_next_word(c->t, from, n, &w) && w.start == from &&
		           (f = ex_fold(c->t, w.start, w.end)) != NULL) {
			int part = strncmp(f, "deleguot", 8) == 0;
			free(f);
			if (!part)
				continue;
			from = w.end;
		} else {
			continue;
		}
		while (from < n && v[from] == ' ')
			from++;
		for (to = from; to < n && !strchr(",.;()\n", v[to]); to++)
			;
		while (to > from && v[to - 1] == ' ')
			to--;
		/* the body's name starts capitalised ("Molėtų rajono …",
		 * "Savivaldybės tarybos") */
		if (to <= from || !ex_prev_word(c->t, from, to, &head) ||
		    !ex_next_word(c->t, from, to, &w) || !ex_is_capitalised(c->t, &w))
			continue;
		if (!(body = ex_clean(c, from, head.end)) || !(body = ex_head_nominative(c, body, head)))
			continue;
		given += give_body(c, idx, k, body);
		free(body);
		p = to;
	}
	return given;
}

/* "Tarybos narius Daivą Lukauskienę, Ingą Bertulytę ir Vaidotą Rudį
 * delegavo Akmenės rajono savivaldybė, o Rimantą Gedvilą ir Saulių Pocių
 * – Akmenės rajono bendruomeninių organizacijų atstovų visuotinis
 * susirinkimas": members named (in any case) before "delegavo" and the
 * body after it, up to a comma; after ", o" more members and a dash for
 * the verb left out, and their body; "(delegavo X)" after one member's
 * name and description, that member's.  Returns how many members it gave
 * a body. */
static int delegated_by_verb(ctx *c)
{
	const char *v = c->t->view;
	size_t p = 0, n = c->t->len;
	int given = 0;

	while (p < n && c->rc == COUNCIL_OK) {
		size_t le = ex_eol(v, p, n), q = p, idx[32], k = 0, prev_end = p, last = SIZE_MAX;
		int verb_seen = 0;
		word w;
		while (q < le && ex_next_word(c->t, q, le, &w) && c->rc == COUNCIL_OK) {
			size_t ns, ne, from = SIZE_MAX, to, i;
			char *f;
			int verb = 0, dash = 0;
			for (i = prev_end; i < w.start; i++) {
				dash |= v[i] == '-';
				if (v[i] == ';' || v[i] == '.')
					last = SIZE_MAX;
			}
			if (lt_name_at(v, le, w.start, &ns, &ne) && ns == w.start) {
				char name[256];
				last = SIZE_MAX;
				if (lt_name_nominative(name, sizeof name, v + ns, ne - ns))
					for (i = 0; i < c->x->n_members; i++)
						if (ex_same_person(c->x->members[i].name, name) && k < 32) {
							idx[k++] = last = i;
							break;
						}
				q = prev_end = ne;
				continue;
			}
			f = ex_fold(c->t, w.start, w.end);
			verb = f && (strncmp(f, "delegavo", 8) == 0 || strncmp(f, "deleguoja", 9) == 0);
			/* "Ramunę Šukytę, ... specialistę (delegavo Savivaldybės
			 * administracijos direktorius)": the parenthesis after a
			 * member's name and description is that member's */
			if (verb && w.start > p && v[w.start - 1] == '(') {
				free(f);
				for (to = w.end; to < le && v[to] != ')'; to++)
					;
				if (last != SIZE_MAX && to < le && !c->x->members[last].delegated_by &&
				    (c->x->members[last].delegated_by = ex_delegating_body(c, w.start, to)) != NULL)
					given++;
				k = 0;
				last = SIZE_MAX;
				q = prev_end = to < le ? to + 1 : le;
				continue;
			}
			if (verb && k > 0)
				from = w.end;
			else if (dash && verb_seen && k > 0)
				from = w.start;
			verb_seen |= verb;
			if (from == SIZE_MAX) {
				/* a word other than "ir", "bei", "o" ends a list of
				 * names: they are not the verb's */
				if (!f || (strcmp(f, "ir") && strcmp(f, "bei") && strcmp(f, "o")))
					k = 0;
				free(f);
				q = prev_end = w.end;
				continue;
			}
			free(f);
			while (from < le && v[from] == ' ')
				from++;
			for (to = from; to < le && !strchr(",.;()", v[to]); to++)
				;
			while (to > from && v[to - 1] == ' ')
				to--;
			if (ex_next_word(c->t, from, to, &w) && ex_is_capitalised(c->t, &w)) {
				char *body = ex_clean(c, from, to);
				if (body)
					given += give_body(c, idx, k, body);
				free(body);
			}
			k = 0;
			q = prev_end = to > from ? to : from + 1;
		}
		p = le + 1;
	}
	return given;
}

/* "member.delegated": the members a parenthesis names before the body
 * that delegated them (ex_delegated_groups), those a sentence names
 * before "delegavo" and its body (delegated_by_verb), then the members of a side
 * whose delegating body a composition sentence named ("5 bendruomeninių
 * organizacijų atstovai, kuriuos delegavo X") and no line of their own
 * did. */
void ex_side_delegated(ctx *c)
{
	size_t i;
	int fired = ex_delegated_groups(c) > 0;

	fired |= delegated_by_verb(c) > 0;

	for (i = 0; i < c->x->n_members && c->rc == COUNCIL_OK; i++) {
		x_member *m = &c->x->members[i];
		const char *body = c->side_body[m->side];
		if (m->delegated_by || m->side == COUNCIL_SIDE_UNKNOWN || !body)
			continue;
		if (!(m->delegated_by = cdb_strdup(body))) {
			ex_oom(c);
			return;
		}
		fired = 1;
	}
	if (fired)
		ex_fired(c);
}
