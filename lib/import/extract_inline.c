/* SPDX-License-Identifier: MIT */
/*
 * extract_inline.c -- "member.inline": a list of members inside a
 * sentence ("Tarybos nariai: Rūta Šimkienė (pirmininkė, Juodkrantės
 * bendruomenė), Audronė Jurgaitienė (...), ..."), with the roles,
 * organisations and delegating bodies its parentheses give.  Lists one
 * member a line are extract_roster.c; lists under a heading
 * extract_members.c.
 */
#include "extract_int.h"
#include "lexicon.h"

/* Does [s,p) introduce a list of members, p its colon or dash?
 * "nariai:", "sudėtis:", "Kiti Tarybos nariai, deleguoti bendruomeninių
 * organizacijų:", "Kiti NVO atstovai taryboje:" speak of members; a dash
 * only right after "nariams" / "nariai". */
static int members_intro(ctx *c, size_t s, size_t p)
{
	const char *v = c->t->view;
	char *intro;
	size_t n, q;
	int ok;

	/* "Tarybos pirmininkė A (org),\n... sekretorė B (org),\nnariai: C
	 * (org), ...": the last clause before the colon introduces the list */
	for (q = p; q > s && v[q - 1] != ',' && v[q - 1] != '\n' && v[q - 1] != ';'; q--)
		;
	if (q > s && p - q < 60 && members_intro(c, q, p))
		return 1;
	/* a decision's long operative sentence ("1. Sudaryti ... tarybą
	 * (toliau – Taryba) iš 8 narių ir patvirtinti tokios sudėties
	 * Tarybą:"): its last words before the colon introduce the list */
	if (p - s >= 160) {
		for (q = p - 150; q < p && v[q] != ' '; q++)
			;
		s = q;
	}
	intro = ex_fold(c->t, s, p);
	n = intro ? strlen(intro) : 0;
	while (n > 0 && intro[n - 1] == ' ')
		intro[--n] = '\0';
	ok = intro && p - s < 160 &&
	         (v[p] == ':' ? (strstr(intro, "nariai") || strstr(intro, "sudetis") ||
	                         /* a protocol's absent members */
	                         !strcmp(intro, "nedalyvavo") ||
	                         strstr(intro, "nariu:") ||
	                         /* a decision's "Patvirtinti tokios sudėties ...
	                          * tarybą 2023–2027 m. kadencijai:" */
	                         (strstr(intro, "sudeties") && strstr(intro, "taryb")) ||
	                         /* "Savivaldybės administracijos direktoriaus
	                          * deleguoti atstovai:", "bendruomeninių
	                          * organizacijų atstovai:" */
	                         (strstr(intro, "atstovai") &&
	                          (strstr(intro, "taryb") || strstr(intro, "deleguot") ||
	                           ex_side_of(intro) != COUNCIL_SIDE_UNKNOWN)))
	                      /* a dash: right after "nariams" / "nariai" */
	                      : (n >= 7 && (!strcmp(intro + n - 7, "nariams") ||
	                                    !strcmp(intro + n - 6, "nariai"))));
	free(intro);
	return ok;
}

/* Where an inline list of members opens: past a colon, or a dash right
 * after the members word ("dėkoju ir kitiems tarybos nariams - Valdemarui
 * Šimkevičiui (...), ..."), whose clause members_intro accepts; e when
 * s..e holds no such list.  *absent says the list is a protocol's absent
 * members ("Nedalyvavo:"). */
static size_t inline_list_start(ctx *c, size_t s, size_t e, int *absent)
{
	const char *v = c->t->view;
	size_t p;
	char *g;

	if (s >= e || (!memchr(v + s, ':', e - s) && !memchr(v + s, '-', e - s)))
		return e; /* most sentences: neither, found without a byte walk */
	for (p = s; p < e; p++) {
		if (v[p] != ':' && !(v[p] == '-' && p > s && v[p - 1] == ' '))
			continue;
		if (members_intro(c, s, p))
			break;
		/* a dash of a period ("2023 - 2027 m. kadencijai:") goes on
		 * to the colon */
		if (v[p] == ':')
			return e;
	}
	if (p >= e)
		return e;
	g = ex_fold(c->t, s, p);
	*absent = g && ex_find_stem(g, "nedalyvavo") != NULL;
	free(g);
	return p + 1;
}

/* "Savivaldybės tarybos deleguoti atstovai: Monika Šeškutė, Vitalijus
 * Kanapeckas;": after the comma at p-1 comes another name alone (up to the
 * next comma, semicolon or period), not the organisation of a "Name,
 * organisation;" entry. */
static int name_follows(ctx *c, size_t p, size_t e)
{
	const char *v = c->t->view;
	size_t end, ns, ne;

	while (p < e && v[p] == ' ')
		p++;
	for (end = p; end < e && v[end] != ',' && v[end] != ';' && v[end] != '.' && v[end] != '('; end++)
		;
	while (end > p && v[end - 1] == ' ')
		end--;
	return end > p && lt_name_at(v, end, p, &ns, &ne) && ns == p && ne == end;
}

/* What an inline entry says after its name (one entry's reading). */
typedef struct {
	int role;          /* COUNCIL_ROLE_*, from "- pirmininkė" or the parenthesis */
	char *org;         /* the organisation (owned), or NULL */
	char *delegated;   /* the delegating body (owned), or NULL */
	size_t close;      /* the parenthesis' ')', or 0: where the span ends */
} inline_tail;

/* Reads what follows a name at *p: "- pirmininkė", then "(pirmininkė,
 * Juodkrantės bendruomenė)", "(Nidos bendruomenė)" or, in a list of
 * semicolon-separated entries ("Ona Venckienė, Rumšiškių bendruomenė;
 * Tomas ..."), ", organisation".  Advances *p past it.  Returns 0 when a
 * parenthesis does not close before e (the list is not read further). */
static int inline_entry_tail(ctx *c, size_t *pp, size_t e, int semis, inline_tail *t)
{
	const char *v = c->t->view;
	size_t p = *pp;
	int r;

	/* "Giedrė Mockevičienė - pirmininkė (...)" */
	if (p < e && v[p] == '-') {
		size_t end = p + 1;
		while (end < e && v[end] != '(' && v[end] != ',' && v[end] != ';' && v[end] != '.')
			end++;
		if ((r = ex_role_in(c, p + 1, end)) >= 0)
			t->role = r;
		p = end;
		while (p < e && v[p] == ' ')
			p++;
	}
	if (p < e && v[p] == '(') {
		size_t o = p + 1, comma, close;
		for (close = o; close < e && v[close] != ')'; close++)
			;
		if (close >= e)
			return 0;
		for (comma = o; comma < close && v[comma] != ','; comma++)
			;
		if (comma < close && (r = ex_role_in(c, o, comma)) >= 0) {
			t->role = r;
			o = comma + 1;
		}
		while (o < close && v[o] == ' ')
			o++;
		if (close > o && !(comma >= close && ex_role_in(c, o, close) >= 0)) {
			/* "(Savivaldybės tarybos deleguoti atstovai)": the
			 * body that delegated them, which they represent */
			/* "(Alantos seniūnijos seniūnas)": the post's body,
			 * in the nominative, as a line's organisation is */
			word first;
			t->delegated = ex_delegating_body(c, o, close);
			if (t->delegated || (ex_next_word(c->t, o, close, &first) && first.start == o &&
			                     ex_is_capitalised(c->t, &first)))
				t->org = ex_organisation(c, o, close);
			if (!t->org)
				t->org = ex_clean(c, o, close);
		} else if (comma >= close && (r = ex_role_in(c, o, close)) >= 0)
			t->role = r;
		t->close = close;
		p = close + 1;
	} else if (p < e && v[p] == ',' && semis && !name_follows(c, p + 1, e)) {
		size_t o = p + 1, end = o;
		while (end < e && v[end] != ';' && v[end] != '.')
			end++;
		while (o < end && v[o] == ' ')
			o++;
		if (end > o)
			t->org = ex_organisation(c, o, end);
		p = end;
	}
	*pp = p;
	return 1;
}

/* "Lina Pūrienė (Birštono jaunimo bendruomenė „Versmė“) (bendruomeninių
 * organizacijų atstovų susirinkimo deleguoti atstovai)": a second
 * parenthesis at *p labels the members since *group_from with the body that
 * delegated them.  Returns 0 when it does not close before e. */
static int inline_group_label(ctx *c, size_t *pp, size_t e, size_t *group_from)
{
	const char *v = c->t->view;
	size_t p = *pp, end = p + 1;
	char *body;

	if (p >= e || v[p] != '(')
		return 1;
	while (end < e && v[end] != ')')
		end++;
	if (end >= e)
		return 0;
	if ((body = ex_delegating_body(c, p + 1, end)) != NULL) {
		for (size_t k = *group_from; k < c->x->n_members; k++)
			if (!c->x->members[k].delegated_by)
				c->x->members[k].delegated_by = cdb_strdup(body);
		*group_from = c->x->n_members;
		free(body);
	}
	p = end + 1;
	while (p < e && v[p] == ' ')
		p++;
	*pp = p;
	return 1;
}

/* Earlier names with no parenthesis of their own share the one that
 * follows them ("Dalia Butkevičienė ir Eglė Valentienė (Savivaldybės
 * taryba)"): its organisation, side and delegating body. */
static void share_with_pending(ctx *c, const size_t *pending, int n_pending,
                               const x_member *added, const inline_tail *t)
{
	for (int k = 0; k < n_pending; k++) {
		x_member *m = &c->x->members[pending[k]];
		if (!m->represents) {
			m->represents = cdb_strdup(t->org);
			if (added && m->side == COUNCIL_SIDE_UNKNOWN)
				m->side = added->side;
		}
		if (t->delegated && !m->delegated_by)
			m->delegated_by = cdb_strdup(t->delegated);
	}
}

/* "Tarybos nariai: Rūta Šimkienė (pirmininkė, Juodkrantės bendruomenė),
 * Audronė Jurgaitienė (Nidos bendruomenė), Dalia Butkevičienė ir Eglė
 * Valentienė (Savivaldybės taryba)": a list of members inside a sentence.
 * Names sharing one parenthesis share its organisation. */
void ex_inline_members(ctx *c, size_t s, size_t e, const char *f)
{
	const char *v = c->t->view;
	size_t p, pending[16], group_from;
	int n_pending = 0, semis, absent = 0;
	council_side intro_side = COUNCIL_SIDE_UNKNOWN;
	char *intro_body = NULL;

	(void)f;
	if ((p = inline_list_start(c, s, e, &absent)) >= e)
		return;
	semis = memchr(v + p, ';', e - p) != NULL;
	group_from = c->x->n_members;
	/* "Savivaldybės administracijos direktoriaus deleguoti atstovai:":
	 * the clause before the colon names the listed members' side and
	 * the body that delegated them */
	{
		size_t cs = p - 1, lo = p - 1 > s + 120 ? p - 1 - 120 : s;
		char *g;
		while (cs > lo && !strchr(",;.\n", v[cs - 1]))
			cs--;
		g = ex_fold(c->t, cs, p - 1);
		if (g && ex_find_stem(g, "atstov")) {
			intro_side = ex_side_of(g);
			if (ex_find_stem(g, "deleguot") || ex_find_stem(g, "delegav"))
				intro_body = ex_delegating_body(c, cs, p - 1);
		}
		free(g);
	}
	while (p < e && c->rc == COUNCIL_OK) {
		size_t name_s, name_e, q, before;
		word w;
		int words = 0, more;
		inline_tail t = { COUNCIL_ROLE_MEMBER, NULL, NULL, 0 };
		char name[256];
		x_member *added;

		while (p < e && (v[p] == ' ' || v[p] == ',' || v[p] == ';'))
			p++;
		if (p + 3 <= e && !strncmp(v + p, "ir ", 3))
			p += 3;
		/* two to four capitalised words (initials allowed) */
		name_s = name_e = q = p;
		while (words < 4 && ex_next_word(c->t, q, e, &w) && ex_is_capitalised(c->t, &w) &&
		       w.start <= q + 1) {
			name_e = w.end < e && v[w.end] == '.' ? w.end + 1 : w.end;
			q = name_e;
			words++;
		}
		if (words < 2)
			goto out;
		p = name_e;
		while (p < e && v[p] == ' ')
			p++;
		if (!inline_entry_tail(c, &p, e, semis, &t) ||
		    !lt_name_nominative(name, sizeof name, v + name_s, name_e - name_s)) {
			free(t.org);
			free(t.delegated);
			goto out;
		}
		before = c->x->n_members;
		/* a protocol's absent members are no composition listed whole */
		c->listing = !absent;
		added = ex_add_member(c, name, (council_role)t.role, t.org ? cdb_strdup(t.org) : NULL,
		                      name_s, name_e, name_s, t.close ? t.close + 1 : name_e);
		c->listing = 0;
		if (added && t.delegated && !added->delegated_by)
			added->delegated_by = cdb_strdup(t.delegated);
		if (added && intro_body && !added->delegated_by)
			added->delegated_by = cdb_strdup(intro_body);
		if (added && intro_side != COUNCIL_SIDE_UNKNOWN && added->side == COUNCIL_SIDE_UNKNOWN)
			added->side = intro_side;
		if (t.org) {
			share_with_pending(c, pending, n_pending, added, &t);
			n_pending = 0;
		} else if (n_pending < 16 && c->x->n_members > before) {
			pending[n_pending++] = c->x->n_members - 1;
		}
		if (t.delegated)
			group_from = c->x->n_members;
		free(t.org);
		free(t.delegated);
		while (p < e && v[p] == ' ')
			p++;
		more = inline_group_label(c, &p, e, &group_from);
		if (!more || p >= e || (v[p] != ',' && v[p] != ';' && strncmp(v + p, "ir ", 3) != 0))
			goto out;
	}
out:
	free(intro_body);
}
