/* SPDX-License-Identifier: MIT */
/*
 * extract_members.c -- the council's members and roles: role phrases, lists of
 * members, changes of members.  Not here: what a member represents and who
 * delegated it (extract_org.c), composition sentences, the council's size
 * and seats (extract_composition.c).
 */
#include "extract_int.h"
#include "lexicon.h"

/* ---- members ------------------------------------------------------------- */

/* Whether two written names are one person: equal when folded, or the
 * same surname with one first name given only as its initial ("R.
 * Gedvilienė" and "Rūta Gedvilienė"). */
int ex_same_person(const char *a, const char *b)
{
	char *fa = utf8_fold(a, strlen(a)), *fb = utf8_fold(b, strlen(b));
	const char *sa, *sb;
	int same = 0;

	if (!fa || !fb)
		goto out;
	if (strcmp(fa, fb) == 0) {
		same = 1;
		goto out;
	}
	sa = strrchr(fa, ' ');
	sb = strrchr(fb, ' ');
	if (!sa || !sb)
		goto out;
	if (strcmp(sa, sb) != 0) {
		/* "Vlado Šimkaus" and "Vladui Šimkui" give "Vladas Šimkus" and
		 * "Vladas Šimkas": a male surname's ending read back from a
		 * dative or accusative is a guess.  The same first name and the
		 * surname's stem (all but "-as", "-us", "-is", "-ys") are one
		 * person. */
		size_t la = strlen(sa), lb = strlen(sb);
		if (sa - fa == sb - fb && strncmp(fa, fb, (size_t)(sa - fa)) == 0 && la == lb &&
		    la > 4 && strncmp(sa, sb, la - 2) == 0 && sa[la - 1] == 's' && sb[lb - 1] == 's' &&
		    strchr("auiy", sa[la - 2]) && strchr("auiy", sb[lb - 2]))
			same = 1;
		goto out;
	}
	/* Same surname: an initial must match the other's first letter. */
	if ((fa[1] == '.' || fb[1] == '.') && fa[0] == fb[0])
		same = 1;
out:
	free(fa);
	free(fb);
	return same;
}

/* The side an organisation's or a heading's folded words name: the
 * municipality's institutions or community organisations. */
council_side ex_side_of(const char *f)
{
	if (strstr(f, "savivaldyb") || strstr(f, "administracij") || strstr(f, "seniunij") ||
	    strstr(f, "institucij") || strstr(f, "biur") || strstr(f, "bibliotek") ||
	    strstr(f, "mokykl"))
		return COUNCIL_SIDE_MUNICIPALITY;
	if (strstr(f, "bendruomen") || strstr(f, "asociacij") || strstr(f, "draugij") ||
	    strstr(f, "sajung") || strstr(f, "klub") || strstr(f, "centr") || strstr(f, "organizacij") ||
	    strstr(f, "nvo") || strstr(f, "labdar") || strstr(f, "fond"))
		return COUNCIL_SIDE_COMMUNITY; /* "Labdaros ir paramos fondas": a charity, an NGO */
	return COUNCIL_SIDE_UNKNOWN;
}

/* The member named so; on a page about several councils, of the same
 * council (ref: member.council), for one person may sit on two. */
static x_member *find_member(ctx *c, const char *name, const x_council_ref *ref)
{
	size_t i;

	for (i = 0; i < c->x->n_members; i++) {
		const x_council_ref *r = &c->x->members[i].council;
		if (!ex_same_person(c->x->members[i].name, name))
			continue;
		if (ref && (r->present != ref->present ||
		            (r->present && strcmp(r->name, ref->name) != 0)))
			continue;
		return &c->x->members[i];
	}
	return NULL;
}

/* "Panemunėlio bendruomenė.“" closing a decision's quoted text: a
 * closing quotation mark no opening one in r matches, and the period
 * before it, are the document's, not the organisation's name. */
static void trim_unopened_quote(char *r)
{
	size_t n;

	if (!r || strstr(r, "„") || strchr(r, '"'))
		return;
	n = strlen(r);
	if (n >= 3 && (!strcmp(r + n - 3, "“") || !strcmp(r + n - 3, "”"))) {
		n -= 3;
		while (n > 0 && (r[n - 1] == '.' || r[n - 1] == ' ' || r[n - 1] == ';'))
			n--;
		r[n] = '\0';
	}
}

/* "… specialistei Editai Rakauskienei (Tarybos narė nėra, balsavimo
 * teisės neturi)": the parenthesis right after the name says the person
 * is no member (lexicon not_member), or the words of its sentence before
 * it do ("sekretoriaus funkcijas (be balso teisės) atlieka X").  A yearly report (its title names a
 * report, "ataskaita") lists its council's officers, and keeps such a
 * secretary as the council's secretary; a composition, decision or page
 * names the members, and this person is none of them. */
int ex_yearly_report(ctx *c)
{
	char *f;
	int r = 0;

	if (c->title_end > c->title_start) {
		f = ex_fold(c->t, c->title_start, c->title_end);
		r = f && ex_find_stem(f, "ataskait") != NULL;
		free(f);
	}
	return r;
}

static int not_member_around(ctx *c, size_t before, size_t name_start, size_t name_end)
{
	static const char *const phrases[] = { LEX_NOT_MEMBER(LEX_FOLDED) NULL };
	const char *v = c->t->view;
	size_t p = name_end, q;
	char *f;
	int r;

	if (ex_yearly_report(c))
		return 0;
	/* "Tarybos sekretoriaus funkcijas (be balso teisės) atlieka
	 * specialistė X": said in the words before the name */
	if (before < name_start && (f = ex_fold(c->t, before, name_start)) != NULL) {
		r = ex_mentions_any(f, phrases);
		free(f);
		if (r)
			return 1;
	}
	while (p < c->t->len && v[p] == ' ')
		p++;
	if (p >= c->t->len || v[p] != '(')
		return 0;
	for (q = p + 1; q < c->t->len && q < p + 200 && v[q] != ')' && v[q] != '\n'; q++)
		;
	f = ex_fold(c->t, p + 1, q);
	r = f && ex_mentions_any(f, phrases);
	free(f);
	return r;
}

x_member *ex_add_member(ctx *c, const char *name_in, council_role role, char *represents,
                        size_t name_start, size_t name_end, size_t span_start, size_t span_end)
{
	/* "Petras Lukauskas." at a sentence's end: the period is not the
	 * name's (an initial's is: "J.") */
	char name[256];
	size_t nl = strlen(name_in);
	x_council_ref ref;
	x_member *m;

	trim_unopened_quote(represents);
	if (nl >= sizeof name)
		nl = sizeof name - 1;
	memcpy(name, name_in, nl);
	name[nl] = '\0';
	if (nl > 3 && name[nl - 1] == '.' && (unsigned char)name[nl - 2] >= 'a' && name[nl - 3] != ' ' &&
	    name[nl - 3] != '.') {
		name[--nl] = '\0';
		if (name_end > name_start && c->t->view[name_end - 1] == '.')
			name_end--;
	}
	/* "Kalvarijos savivaldybės BO tarybos pirmininkė Inga Pečiulienė" on
	 * a page of one council is another council's member; on a page of
	 * several, the council its words or heading name (member.council:
	 * one they do not name is left out there) */
	if (not_member_around(c, span_start, name_start, name_end)) {
		free(represents);
		return NULL;
	}
	memset(&ref, 0, sizeof ref);
	if (c->several_councils) {
		if (ex_member_council(c, name_start, name_end, &ref) < 0 || c->rc != COUNCIL_OK) {
			free(represents);
			return NULL;
		}
	} else if (ex_other_municipality_before(c, 0, name_start) || ex_in_other_council(c, name_start)) {
		free(represents);
		return NULL;
	}
	m = find_member(c, name, c->several_councils ? &ref : NULL);
	if (m)
		x_council_ref_clear(&ref);

	if (m) {
		m->listed |= c->listing;
		/* A role statement and a member list name the same person; keep
		 * the fuller form of the name. */
		if (m->name[1] == '.' && name[0] && name[1] != '.') {
			char *full = cdb_strdup(name);
			if (full) {
				free(m->name);
				m->name = full;
			}
		}
		if (m->role == COUNCIL_ROLE_MEMBER)
			m->role = role;
		if (!m->represents) {
			m->represents = represents;
			if (represents && m->side == COUNCIL_SIDE_UNKNOWN) {
				char *f = utf8_fold(represents, strlen(represents));
				if (f)
					m->side = ex_side_of(f);
				free(f);
			}
		} else {
			free(represents);
		}
		if (c->side_heading != COUNCIL_SIDE_UNKNOWN)
			m->side = c->side_heading;
		return m;
	}
	m = x_push((void **)&c->x->members, &c->x->n_members, sizeof *m);
	/* A text typed without Lithuanian letters keeps its names so: the
	 * nominative of "Zukauskiene" is no "Zukauskienė".  So does a name
	 * so typed in a text with them ("Jurate Paskeviciene - …"), when
	 * its nominative differs from it only by those letters ("Onai
	 * Petraitei" is Ona Petraitė). */
	if (m) {
		char *w = ex_clean(c, name_start, name_end);
		if (w && lt_name_typed_plain(w, strlen(w), name, c->no_diacritics))
			m->name = w;
		else
			free(w);
		if (m->name)
			goto named;
	}
	if (!m || !(m->name = cdb_strdup(name))) {
		free(represents);
		x_council_ref_clear(&ref);
		ex_oom(c);
		return NULL;
	}
named:
	m->council = ref;
	m->role = role;
	m->listed = c->listing;
	ex_made(c, &m->span);
	m->represents = represents;
	m->as_written = ex_clean(c, name_start, name_end);
	if (represents) {
		char *f = utf8_fold(represents, strlen(represents));
		if (f)
			m->side = ex_side_of(f);
		free(f);
	}
	if (c->side_heading != COUNCIL_SIDE_UNKNOWN)
		m->side = c->side_heading;
	x_span_set(&m->span, c->t, span_start, span_end);
	return m;
}

/* "Savivaldybės institucijų ir įstaigų atstovai", "Bendruomeninių
 * organizacijų deleguoti nariai": a heading naming a side's members, in a
 * table's row or a line of its own.  Returns the side, or
 * COUNCIL_SIDE_UNKNOWN when [s,e) is no such heading. */
council_side ex_side_heading(ctx *c, size_t s, size_t e)
{
	char *f;
	council_side side = COUNCIL_SIDE_UNKNOWN;
	size_t ns, ne;

	if (e <= s || e - s > 120 || (lt_name_at(c->t->view, e, s, &ns, &ne) && ns == s))
		return side;
	f = ex_fold(c->t, s, e);
	if (f && (ex_find_stem(f, "atstov") || ex_find_stem(f, "deleguot") || ex_find_stem(f, "nariai")))
		side = ex_side_of(f);
	free(f);
	return side;
}

/* "Rimantas Kavaliauskas (Upninkų bendruomenė)": an organisation in
 * parentheses right after the name.  "(Tarybos narė nėra)" is a remark. */
char *ex_parenthesised_org(ctx *c, size_t name_end, size_t limit)
{
	const char *v = c->t->view;
	size_t p = name_end, close;
	char *f, *org;

	char open_c, close_c;

	while (p < limit && v[p] == ' ')
		p++;
	/* "(Nidos bendruomenė)", and a form's "[Smeltės bendruomenė]" */
	if (p >= limit || (v[p] != '(' && v[p] != '['))
		return NULL;
	open_c = v[p];
	close_c = open_c == '(' ? ')' : ']';
	for (close = p + 1; close < limit && v[close] != close_c && close - p < 160; close++)
		;
	if (close >= limit || v[close] != close_c)
		return NULL;
	(void)open_c;
	f = ex_fold(c->t, p + 1, close);
	/* "(išrinkti 2023 m. birželio 15 d. posėdyje)": when, not whom */
	if (!f || strstr(f, "nera") || strstr(f, "toliau") || ex_find_stem(f, "nare") ||
	    ex_find_stem(f, "narys") || (f[0] >= '0' && f[0] <= '9') ||
	    ex_has_any_stem(f, ex_meeting_stems)) {
		free(f);
		return NULL;
	}
	free(f);
	/* "(pirmininkė, Juodkrantės bendruomenė)": the role is not the org */
	{
		size_t comma, o = p + 1;
		for (comma = o; comma < close && v[comma] != ','; comma++)
			;
		if (comma < close) {
			char *g = ex_fold(c->t, o, comma);
			if (g && ex_mentions_any(g, ex_office_stems))
				o = comma + 1;
			free(g);
			while (o < close && v[o] == ' ')
				o++;
		}
		org = ex_organisation(c, o, close);
	}
	return org;
}

/* "pirmininku išrinktas Josvainių bendruomenės pirmininkas Saulius
 * Jankūnas": the organisation before the name, after the role and verb. */
static char *org_before_name(ctx *c, size_t start, size_t name_start)
{
	static const char *const skip[] = {
		LEX_ROLE(LEX_FOLDED) "tarybos", "taryb", "bot", "isrinkt",
		"perrinkt", "paskirt", "tapo", "yra", "buvo", "funkcij", "atlieka", "eina",
		"vadovauj", "vadovav", "vadovaus", "pirmininkaus", "as", /* "Tarybai vadovauja", "pirmininkauju aš" */
		"nario", "nariu", "narys", "nare", "nares", NULL   /* "Tarybos nario X" */
	};
	word w;
	size_t p = start, from = 0;

	while (ex_next_word(c->t, p, name_start, &w)) {
		if (!ex_word_has_stem(c->t, &w, skip) || from) {
			if (!from)
				from = w.start;
		}
		p = w.end;
		if (from && ex_word_has_stem(c->t, &w, skip) && w.end >= name_start)
			break;
	}
	if (!from || from >= name_start)
		return NULL;
	return ex_organisation(c, from, name_start);
}

/* "Rasa Bagdonienė iš Troškūnų bendruomenės": "iš" and an organisation in
 * the genitive right after the name, up to a comma or a period. */
static char *org_from(ctx *c, size_t name_end)
{
	static const char *const org_nouns[] = {
		"bendruomen", "administracij", "asociacij", "centr", "draugij", "seniunij",
		"bendrij", "klub", "sajung", "mokykl", "bibliotek", "organizacij", "grup", "skyri",
		"fond", "savivaldyb", "tarnyb", "muziej", "gimnazij", "parapij", NULL
	};
	const char *v = c->t->view;
	word w, last = { 0, 0 };
	size_t p, start;
	int k;

	if (!ex_next_word(c->t, name_end, c->t->len, &w) || w.start > name_end + 2 ||
	    !lt_word_is(v + w.start, w.end - w.start, "iš"))
		return NULL;
	start = p = w.end;
	for (k = 0; k < 6 && ex_next_word(c->t, p, c->t->len, &w); k++) {
		size_t g;
		for (g = p; g < w.start; g++)
			if (v[g] == ',' || v[g] == '.' || v[g] == ';' || v[g] == '(' || v[g] == ')' ||
			    v[g] == '\n')
				goto done;
		last = w;
		p = w.end;
	}
done:
	if (!last.end || !ex_word_has_stem(c->t, &last, org_nouns))
		return NULL;
	while (start < last.start && v[start] == ' ')
		start++;
	return ex_organisation(c, start, last.end);
}

/* "tel. 8 46 45 21 07", "el. p. vardas@…", "+370 …": a contact after a
 * name, no organisation. */
static int contact(ctx *c, size_t s, size_t e)
{
	const char *v = c->t->view;
	char buf[8];
	word w;

	if (memchr(v + s, '@', e - s))
		return 1;
	while (s < e && v[s] == ' ')
		s++;
	if (s < e && (v[s] == '+' || (v[s] >= '0' && v[s] <= '9')))
		return 1;
	if (!ex_next_word(c->t, s, e, &w) || w.start != s || w.end - w.start >= sizeof buf)
		return 0;
	ex_fold_into(c->t, buf, w.start, w.end);
	return !strcmp(buf, "tel") || !strcmp(buf, "mob") || !strcmp(buf, "faks") ||
	       (!strcmp(buf, "el") && w.end < e && v[w.end] == '.');
}

void ex_roles(ctx *c)
{
	const char *v = c->t->view;
	lt_role_match r;
	size_t pos = 0;

	while (c->rc == COUNCIL_OK && lt_role_find(&r, c->t->view, c->t->len, pos)) {
		char *org = NULL;
		pos = r.end > pos ? r.end : pos + 1;
		if (!r.name[0])
			continue;
		/* "Savivaldybės tarybos narys Edvardas Kairys … išrinktas mero
		 * pavaduotoju": a member of the municipal council, another
		 * body; that alone makes no member of this one */
		if (r.role == COUNCIL_ROLE_MEMBER && r.name_start > r.start) {
			word b1, b2;
			size_t from = r.start;
			char *g;
			if (ex_prev_word(c->t, 0, from, &b1) && ex_prev_word(c->t, 0, b1.start, &b2))
				from = b2.start;
			g = ex_fold(c->t, from, r.name_start);
			int other = g && ex_find_stem(g, "savivaldybes tarybos nar") != NULL;
			free(g);
			if (other)
				continue;
		}
		/* "…\tpirmininko pavaduotojas\nSvetlana Orlova\t…": the last
		 * cell of a tab-separated row is that row's; the name on the
		 * next line is another row's */
		if (r.name_start > r.start && memchr(v + r.start, '\n', r.name_start - r.start)) {
			size_t ls = r.start;
			while (ls > 0 && v[ls - 1] != '\n')
				ls--;
			if (memchr(v + ls, '\t', r.start - ls))
				continue;
		}
		/* "pirmininkė Teresa Kozłowska, Trakų rajono tarybos narys
		 * Martynas Rudis ir ...": what follows the comma is the next
		 * person's, read on from there */
		if (r.org_end > r.org_start && r.org_start > r.name_end) {
			size_t q = r.org_start, ns, ne, le = r.org_start;
			word x;
			while (le < r.org_end && v[le] != '\n')
				le++; /* in the same line: a page's next line is its own */
			for (; ex_next_word(c->t, q, le, &x); q = x.end) {
				if (v[x.start - 1] == ':' || (x.start >= 2 && v[x.start - 2] == ':')) {
					q = le; /* "…, administracija Sekretorė: Name": a new line's */
					break;
				}
				if (lt_name_at(v, le, x.start, &ns, &ne) && ns == x.start)
					break;
			}
			if (q < le && ex_next_word(c->t, q, le, &x)) {
				r.org_end = r.org_start;
				pos = r.name_end;
			}
		}
		if (r.org_end > r.org_start && !contact(c, r.org_start, r.org_end))
			org = ex_organisation(c, r.org_start, r.org_end);
		if (!org)
			org = ex_parenthesised_org(c, r.name_end, c->t->len);
		/* "Vilija Gudonienė – pirmininkė (Stakliškių bendruomenė)":
		 * the name before its office, the organisation after both */
		if (!org && r.end > r.name_end && (org = ex_parenthesised_org(c, r.end, c->t->len))) {
			/* only one of either side's bodies: "(išrinkta …)" is a remark */
			char *f = utf8_fold(org, strlen(org));
			if (!f || ex_side_of(f) == COUNCIL_SIDE_UNKNOWN) {
				free(org);
				org = NULL;
			}
			free(f);
		}
		if (!org && r.name_start > r.start)
			org = org_before_name(c, r.start, r.name_start);
		if (!org)
			org = org_from(c, r.name_end);
		ex_add_member(c, r.name, r.role, org, r.name_start, r.name_end, r.start, r.end);
	}
}

/* One line of a member list: the name (in the nominative) at [s,ne),
 * then after the comma, dash or parenthesis at open and up to close the
 * organisation and the office on the council. */
static void list_member(ctx *c, const char *name, size_t s, size_t ne, size_t open, size_t close,
                        const seg_block *it)
{
	const char *v = c->t->view;
	/* "Name, Alsėdžių bendruomenės pirmininkė - Tarybos
	 * pirmininkė;": the organisation (made nominative), then
	 * the office on the council after a dash */
	int role = COUNCIL_ROLE_MEMBER, r;
	size_t dash = open + 1, os = open + 1, p;
	char *org = NULL;
	x_member *m;
	if (v[open] == ',') {
		while (dash + 2 < close && !(v[dash] == ' ' && v[dash + 1] == '-' &&
		                             v[dash + 2] == ' '))
			dash++;
		if (dash + 2 < close && (r = ex_role_in(c, dash + 2, close)) >= 0) {
			role = r;
		} else {
			dash = close;
		}
		while (os < dash && v[os] == ' ')
			os++;
		/* "Name, Tarybos pirmininkė, Kuršėnų bendruomenė": the office on
		 * this council first, the organisation after it */
		if (dash == close) {
			size_t pe = os;
			char *rf;
			while (pe < close && v[pe] != ',')
				pe++;
			rf = pe < close ? ex_fold(c->t, os, pe) : NULL;
			if (rf && strncmp(rf, "taryb", 5) == 0 && (r = ex_role_in(c, os, pe)) >= 0) {
				role = r;
				for (os = pe + 1; os < dash && v[os] == ' '; os++)
					;
			}
			free(rf);
		}
		while (dash > os && (v[dash - 1] == '.' || v[dash - 1] == ' '))
			dash--;
		if (dash > os)
			org = ex_organisation(c, os, dash);
		if (!org && dash > os)
			org = ex_clean(c, os, dash);
	} else if (v[open] == '-') {
		/* "Name - Ariogalos bendruomenės pirmininkė, Tarybos
		 * pirmininkė;" or "Name - Tarybos sekretorė, Ylakių
		 * bendruomenės atstovė;": of the parts between commas,
		 * one starting with "Tarybos" is the office on this
		 * council, the other the organisation */
		size_t ps = open + 1, pe, oe = 0;
		while (ps < close) {
			char *rf;
			pe = ps;
			/* "Švietimo, kultūros ir sporto skyriaus" is one part */
			while (pe < close && (v[pe] != ',' || ex_enumerated_genitive(c, ps, pe, close)))
				pe++;
			while (ps < pe && v[ps] == ' ')
				ps++;
			oe = pe;
			while (oe > ps && (v[oe - 1] == '.' || v[oe - 1] == ' ' || v[oe - 1] == ';'))
				oe--;
			rf = ex_fold(c->t, ps, oe);
			if (rf && (strncmp(rf, "taryb", 5) == 0 || ex_bare_role(rf))) {
				if ((r = ex_role_in(c, ps, oe)) >= 0)
					role = r;
			} else if (oe > ps && !org && !(org = ex_organisation(c, ps, oe))) {
				org = ex_clean(c, ps, oe);
			}
			free(rf);
			ps = pe + 1;
		}
	} else if (close > open + 1) {
		org = ex_clean(c, open + 1, close);
	}
	c->listing = 1;
	m = ex_add_member(c, name, (council_role)role, org, s, ne, it->span.start, it->span.end);
	c->listing = 0;
	/* "... (deleguotas bendruomeninių organizacijų susirinkimo)." */
	for (p = open; m && !m->delegated_by && p < it->span.end; p++) {
		char *f;
		if (v[p] != '(')
			continue;
		f = ex_fold(c->t, p + 1, it->span.end);
		if (f && strncmp(f, "deleguot", 8) == 0)
			m->delegated_by = ex_delegating_body(c, p + 1, it->span.end);
		free(f);
	}
}

/* Member lists: "Vardas Pavardė (Organizacija);" lines, one per person, in
 * a paragraph introduced by "nariai" / "sudėtis". */
void ex_member_lists(ctx *c)
{
	size_t i;

	for (i = 0; i + 1 < c->doc.n_blocks && c->rc == COUNCIL_OK; i++) {
		const seg_block *b = &c->doc.blocks[i];
		char *f;
		int intro, intro_long;
		size_t j;

		/* A short paragraph introduces a list, or a long one whose last
		 * words do ("... Tarybą sudaro 10 narių:"). */
		if (b->is_table)
			continue;
		intro_long = b->span.end - b->span.start >= 200;
		if (intro_long) {
			size_t s = b->span.end - 120;
			if (c->t->view[b->span.end - 1] != ':')
				continue;
			while (((unsigned char)c->t->view[s] & 0xC0) == 0x80)
				s++;
			f = ex_fold(c->t, s, b->span.end);
			intro = f && (strstr(f, "nariu:") || strstr(f, "nariai:") || strstr(f, "sudetis:"));
			free(f);
			if (!intro)
				continue;
			f = NULL;
		} else {
			f = ex_fold(c->t, b->span.start, b->span.end);
		}
		intro = intro_long || (f && (strstr(f, "nariai:") || strstr(f, "sudetis:") || strstr(f, "sudeti:") ||
		         /* "Tarybą sudaro 14 narių – po 7 ... atstovus:" */
		         (c->t->view[b->span.end - 1] == ':' && (strstr(f, "nariu") || strstr(f, "sudet")) &&
		          !strstr(f, "dalyv")) ||
		         strstr(f, "nariu sarasas") ||
		         /* a heading: "TARYBOS SUDĖTIS (9 nariai)" */
		         (b->span.end - b->span.start < 80 && !b->is_item &&
		          c->t->view[b->span.end - 1] != '.' &&
		          (strstr(f, "sudetis") || ex_find_stem(f, "nariai")))));
		free(f);
		if (!intro)
			continue;
		for (j = i + 1; j < c->doc.n_blocks; j++) {
			const seg_block *it = &c->doc.blocks[j];
			const char *v = c->t->view;
			size_t s = it->span.start, e = it->span.end, open, close, ne;
			char name[256];
			size_t n;
			word w;
			if (it->is_table)
				break;
			/* Skip a list marker: "4.1.", "-", "*", "1)", "•". */
			while (s < e && (v[s] == '-' || v[s] == '*' || v[s] == ' ' || v[s] == '.' ||
			                 v[s] == ')' || (v[s] >= '0' && v[s] <= '9') ||
			                 (s + 2 < e && (unsigned char)v[s] == 0xE2 &&
			                  (unsigned char)v[s + 1] == 0x80 && (unsigned char)v[s + 2] == 0xA2)))
				s += (unsigned char)v[s] == 0xE2 ? 3 : 1;
			/* "Nedalyvavo: A, B" is a list of its own, not an item */
			if (memchr(v + s, ':', (e - s) < 40 ? e - s : 40))
				break;
			open = s;
			/* a hyphen inside a name ("Jonaitė-Petrauskienė") is no dash */
			while (open < e && v[open] != '(' && v[open] != ',' &&
			       !(v[open] == '-' && open > s && v[open - 1] == ' '))
				open++;
			if (open >= e || open - s > 80)
				break;
			/* Two or three capitalised words make a name. */
			n = 0;
			{
				size_t p = s;
				int words = 0;
				while (ex_next_word(c->t, p, open, &w)) {
					/* "Eil. Nr. Vardas, pavardė": an abbreviation
					 * is no initial ("J.", "Dž.") */
					if (!ex_is_capitalised(c->t, &w) ||
					    (w.end < open && v[w.end] == '.' && utf8_length(v + w.start, w.end - w.start) > 2))
						words = 9;
					words++;
					p = w.end;
				}
				if (words < 2 || words > 4)
					break;
			}
			close = open + 1;
			while (close < e && v[close] != ')' && v[close] != ';')
				close++;
			ne = open;
			while (ne > s && v[ne - 1] == ' ')
				ne--;
			n = lt_name_nominative(name, sizeof name, v + s, ne - s);
			if (n == 0)
				break;
			list_member(c, name, s, ne, open, close, it);
		}
	}
}

/* A folded part that is an office alone: "pirmininkė", "pirmininko
 * pavaduotoja", "sekretorius". */
int ex_bare_role(const char *f)
{
	static const char *const ex_roles[] = {
		"pirmininkas", "pirmininke", "pirmininko pavaduotojas", "pirmininko pavaduotoja",
		"pirmininkes pavaduotoja", "pirmininkes pavaduotojas", "pavaduotojas", "pavaduotoja",
		"sekretorius", "sekretore", NULL
	};
	size_t k;

	for (k = 0; ex_roles[k]; k++)
		if (!strcmp(f, ex_roles[k]))
			return 1;
	return 0;
}

/* The role a word names, for member lists: "pirmininkė", "pirmininko
 * pavaduotojas", "sekretorė"; -1 for none. */
/* The offices' stems, folded. */
const char *const ex_office_stems[] = { LEX_ROLE(LEX_FOLDED) NULL };

int ex_role_in(ctx *c, size_t s, size_t e)
{
	static const struct { const char *stem; council_role role; } offices[] = {
#define ROLE_ROW(w, f, role, ...) { f, role },
		LEX_ROLE(ROLE_ROW)
#undef ROLE_ROW
	};
	char *f = ex_fold(c->t, s, e);
	int r = -1;
	size_t i;

	for (i = 0; f && r < 0 && i < sizeof offices / sizeof offices[0]; i++)
		if (strstr(f, offices[i].stem))
			r = (int)offices[i].role;
	free(f);
	return r;
}

/* "member.former": a former surname in the parenthesis after a name
 * ("Indrė Balčiūnienė (buvusi Valančiūtė)", lt_former_name) is the
 * member's former name, not whom the member represents.  Runs after the
 * names are in their dictionary form, so that the former name is too. */
void ex_former_names(ctx *c)
{
	size_t i;

	for (i = 0; i < c->x->n_members && c->rc == COUNCIL_OK; i++) {
		x_member *m = &c->x->members[i];
		char former[640];
		if (m->former_name || !lt_former_name(former, sizeof former, m->name, m->represents))
			continue;
		if (!(m->former_name = cdb_strdup(former))) {
			ex_oom(c);
			return;
		}
		free(m->represents);
		m->represents = NULL;
		ex_fired(c);
	}
}
