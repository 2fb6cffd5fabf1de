/* SPDX-License-Identifier: MIT */
/*
 * extract_changes.c -- sentences about the composition changing: members
 * who joined or replaced others (member.change), a name elected into the
 * council (member.elected), and who a sentence says left or joined, and
 * when (member.term).  The member rules of whole documents are
 * extract_members.c's.
 */
#include "extract_int.h"
#include "lexicon.h"

/* "... iš Tarybos pasitraukė Ramygalos bendruomenės atstovas Jonas Liutkus,
 * jį pakeitė Gintaras Urbonas (Krekenavos bendruomenė)", "vietoj Onos
 * Petraitienės į Tarybą deleguota Rūta Kairė": a sentence about a change
 * of the council's composition names members (the one who left was a
 * member during the year too).  Names after an issuer ("mero", "direktoriaus
 * ... įsakymu") are not members. */
const char *const ex_member_change_stems[] = { "pasitrauk", "pakeit", "vietoj", "isbrauk", NULL };

/* "Tarybos nariu buvo ... Kęstutis Mažrimas, jį pakeitė Jūratė Kalnietė":
 * the name before ", jį (ją) pakeitė" is of the one replaced, no longer a
 * member of the composition a page states */
static int replaced_after(ctx *c, size_t ne, size_t e)
{
	static const char *const him[] = { "ji", "ja", "juos", "jas", NULL };
	static const char *const replace[] = { LEX_MEMBER_REPLACED(LEX_FOLDED) NULL };
	const char *v = c->t->view;
	word w;

	if (ne >= e || v[ne] != ',' || !ex_next_word(c->t, ne + 1, e, &w))
		return 0;
	{
		char *g = ex_fold(c->t, w.start, w.end);
		int pron = 0, k;
		for (k = 0; g && him[k]; k++)
			pron |= !strcmp(g, him[k]);
		free(g);
		if (!pron)
			return 0;
	}
	return ex_next_word(c->t, w.end, e, &w) && ex_word_has_stem(c->t, &w, replace);
}

void ex_member_changes(ctx *c, size_t s, size_t e, const char *f)
{
	const char *const *const change = ex_member_change_stems; /* a cue class: fold_index.c */
	static const char *const issuers[] = { "mero", "meres", "direktoriaus", "direktores",
		                                "vadovo", "vadoves", "isakymu", "potvarkiu", "sprendimu", NULL };
	static const char *const posts[] = { "atstov", "pirminink", "seniun", "nar", "vedej",
		                              "specialist", "deleguot", NULL };
	static const char *const decide[] = { LEX_DECISION_VERB(LEX_FOLDED) NULL };
	static const char *const struck_verb[] = { "isbraukt", "isbrauk", NULL };
	static const char *const added_verb[] = { "irasyt", "vietoj", "deleguot", "paskirt", NULL };
	static const char *const enters[] = { LEX_MEMBER_ENTERS(LEX_FOLDED) NULL };
	const char *v = c->t->view;
	word w;
	size_t p = s;
	int decision, struck = 0;

	if (!(ex_find_stem(f, "taryb") || ex_find_stem(f, "sudet")))
		return;
	if (!ex_has_any_stem(f, change)) {
		/* "padėkojo Kęstučiui Ambrazui, o jo vietą taryboje užims
		 * ... Jurgita Sadauskaitė": only who comes after the verb joins */
		if (!ex_has_any_stem(f, enters))
			return;
		while (ex_next_word(c->t, p, e, &w) && !ex_word_has_stem(c->t, &w, enters))
			p = w.end;
		p = w.end;
	}
	/* "vietoj Tado Karaliaus ... į Tarybą įrašyti Gediminą Vilką": a
	 * decision replacing a member; the one replaced is no longer one */
	decision = ex_has_any_stem(f, decide);
	while (ex_next_word(c->t, p, e, &w) && c->rc == COUNCIL_OK) {
		size_t ns, ne;
		word pw, first;
		char name[256], *org = NULL;
		int org_before = 0;
		if (!lt_name_at(v, e, w.start, &ns, &ne)) {
			/* "išbraukti iš tarybos sudėties Oną Kazlauskienę ...
			 * ir vietoj ... įrašyti Joną Gedvilą": a decision's
			 * names struck out, up to the verb that adds, are no
			 * longer members */
			if (decision && ex_word_has_stem(c->t, &w, struck_verb))
				struck = 1;
			else if (ex_word_has_stem(c->t, &w, added_verb))
				struck = 0;
			p = w.end;
			continue;
		}
		p = ne;
		if (struck)
			continue;
		if (ex_prev_word(c->t, s, ns, &pw) && ex_word_has_stem(c->t, &pw, issuers))
			continue;
		/* a composition names its members now: the chair it says was
		 * replaced, or the member before ", jį pakeitė", is none (a
		 * yearly report's year had both) */
		if (!ex_yearly_report(c) && (lt_replaced_before(v, e, s, ns) || replaced_after(c, ne, e)))
			continue;
		/* "Pakeisti Rokiškio ..." is a verb and a place, no name */
		if (ex_next_word(c->t, ns, ne, &first) && ex_word_has_stem(c->t, &first, decide))
			continue;
		if (decision && ex_prev_word(c->t, s, ns, &pw) &&
		    ex_word_has_stem(c->t, &pw, (const char *const[]){ "vietoj", NULL }))
			continue;
		if (!lt_name_nominative(name, sizeof name, v + ns, ne - ns))
			continue;
		org = ex_parenthesised_org(c, ne, e);
		if (!org && ex_prev_word(c->t, s, ns, &pw) && ex_word_has_stem(c->t, &pw, posts)) {
			/* "Ramygalos bendruomenės atstovas": genitives before the post */
			size_t from = pw.start;
			word g;
			int k;
			for (k = 0; k < 8 && ex_prev_word(c->t, s, from, &g); k++) {
				char *gf = ex_fold(c->t, g.start, g.end);
				size_t n = gf ? strlen(gf) : 0;
				int gen = n >= 3 && (!strcmp(gf + n - 2, "os") || !strcmp(gf + n - 2, "es") ||
				                     !strcmp(gf + n - 2, "io") || gf[n - 1] == 'u' ||
				                     !strcmp(gf + n - 3, "aus") || !strcmp(gf + n - 2, "mo") ||
				                     (gf[n - 1] == 'o' && ex_is_capitalised(c->t, &g)));
				/* a participle ("perėjusios") is no part of the name */
				if (gen && n >= 5 && (strstr(gf, "usios") || strstr(gf, "usio") || strstr(gf, "usiu")))
					gen = 0;
				/* "Strateginio planavimo ir investicijų skyriaus" */
				if (!strcmp(gf ? gf : "", "ir") || (gf && !strcmp(gf, "bei")))
					gen = 1;
				/* a quoted name: "bendruomenės „Versmė“ pirmininkė" */
				if (!gen && g.end + 3 <= e && memcmp(v + g.end, "“", 3) == 0)
					gen = 1;
				free(gf);
				if (!gen)
					break;
				from = g.start;
			}
			if (from < pw.start && (org = ex_organisation(c, from, ne)) != NULL)
				org_before = 1;
		}
		if (!org && decision && ne + 2 < e && v[ne] == ',') {
			/* "įrašyti Joną Gedvilą, Tytuvėnų bendruomenės centro
			 * pirmininką;" */
			size_t os = ne + 1, oe;
			while (os < e && v[os] == ' ')
				os++;
			for (oe = os; oe < e && !strchr(",;.\n", v[oe]); oe++)
				;
			if (oe > os)
				org = ex_organisation(c, os, oe);
		}
		{
			/* "Birštono bendruomenės „Versmė“ deleguota Jurgita
			 * Sadauskaitė": the organisation before "deleguota"
			 * delegated her */
			int delegated = org_before && ex_prev_word(c->t, s, ns, &pw) &&
			                ex_word_has_stem(c->t, &pw, (const char *const[]){ "deleguot", NULL });
			char *body = delegated ? cdb_strdup(org) : NULL;
			x_member *m = ex_add_member(c, name, COUNCIL_ROLE_MEMBER, org, ns, ne, s, e);
			if (m && body && !m->delegated_by)
				m->delegated_by = body, body = NULL;
			free(body);
		}
	}
}

/* Where the members the extraction holds are named in [s,e): by the text
 * each was read from (as_written), first occurrence. */
typedef struct named {
	size_t member;          /* index in x->members */
	size_t at;              /* where its name starts in the view */
} named;

static size_t named_in(ctx *c, size_t s, size_t e, named *out, size_t max)
{
	const char *v = c->t->view;
	size_t i, n = 0, k, j;

	for (i = 0; i < c->x->n_members && n < max; i++) {
		const char *w = c->x->members[i].as_written;
		size_t len = w ? strlen(w) : 0;
		if (!len || len > e - s)
			continue;
		for (k = s; k + len <= e; k++)
			if (v[k] == w[0] && memcmp(v + k, w, len) == 0)
				break;
		if (k + len > e)
			continue;
		/* in order of position */
		for (j = n; j > 0 && out[j - 1].at > k; j--)
			out[j] = out[j - 1];
		out[j].member = i;
		out[j].at = k;
		n++;
	}
	return n;
}

/* "member.elected": "Buvęs tarybos pirmininkas Algimantas Dirgėla, taip
 * pat išrinktas į naujos kadencijos tarybą, ...": a name followed by its
 * election into the council (lt_elected_into) is a member, whatever post
 * the sentence says the person had before. */
void ex_member_elected(ctx *c, size_t s, size_t e, const char *f)
{
	const char *v = c->t->view;
	size_t p = s, ns, ne;
	char name[256];
	word w;

	if (!ex_find_stem(f, "taryb"))
		return;
	while (ex_next_word(c->t, p, e, &w) && c->rc == COUNCIL_OK) {
		p = w.end;
		if (!lt_name_at(v, e, w.start, &ns, &ne))
			continue;
		p = ne;
		if (lt_elected_into(v, e, ne) && lt_name_nominative(name, sizeof name, v + ns, ne - ns))
			ex_add_member(c, name, COUNCIL_ROLE_MEMBER, NULL, ns, ne, s, e);
	}
}

/* "member.term": a sentence telling that members left or joined the
 * council -- "2024 m. birželio 10 d. pirmininkas Karolis Urbonas
 * atsistatydino, pirmininke išrinkta Ona Petraitienė", "Vietoj Vidos
 * Mockienės deleguota Rūta Balčiūnienė" -- marks the members the other
 * rules read from it: who left (after member_instead; else the nearest
 * name before a member_left verb, or after it when none is before) and who
 * joined (the others, when a member_joined verb or a change is there), with
 * the sentence's first date as when.  "Perrinkta" (re-elected) is no
 * change: the membership goes on.  Words: lexicon.def. */
void ex_member_terms(ctx *c, size_t s, size_t e, const char *f)
{
	static const char *const left[] = { LEX_MEMBER_LEFT(LEX_FOLDED) NULL };
	static const char *const instead[] = { LEX_MEMBER_INSTEAD(LEX_FOLDED) NULL };
	static const char *const joined[] = { LEX_MEMBER_JOINED(LEX_FOLDED) NULL };
	named nm[32];
	int gone[32] = { 0 };
	size_t n, i, p = s;
	int any_left = 0, any_join = ex_has_any_stem(f, joined);
	council_date when = { 0, 0, 0 };
	lt_date_match dm;
	word w, pw;

	if (!ex_has_any_stem(f, left) && !ex_has_any_stem(f, instead) && !any_join)
		return;
	if (!(n = named_in(c, s, e, nm, 32)))
		return;
	for (i = 0; i < n; i++)
		if (ex_prev_word(c->t, s, nm[i].at, &pw) && ex_word_has_stem(c->t, &pw, instead))
			gone[i] = any_left = 1;
	while (ex_next_word(c->t, p, e, &w)) {
		p = w.end;
		if (!ex_word_has_stem(c->t, &w, left))
			continue;
		/* the verb's subject: the last name before it, else the first after */
		for (i = n; i > 0 && nm[i - 1].at > w.start; i--)
			;
		if (i > 0)
			gone[i - 1] = any_left = 1;
		else if (n > 0)
			gone[0] = any_left = 1;
	}
	if (lt_date_find(&dm, c->t->view, e, s, c->year) && dm.start < e)
		when = dm.period.start;
	for (i = 0; i < n; i++) {
		x_member *m = &c->x->members[nm[i].member];
		const char *what = gone[i] ? "left" : (any_join || any_left) ? "joined" : NULL;
		if (!what || m->change)
			continue;
		if (!(m->change = cdb_strdup(what))) {
			ex_oom(c);
			return;
		}
		m->since = when;
		ex_fired(c);
	}
}

/* "member.struck": "1.1. išbraukti iš Tarybos sudėties Vytautą Kubilių ir
 * Editą Stankevičienę; 1.2. įrašyti ...": a decision's names struck out,
 * up to the clause's end or the verb that adds, are no members of the
 * composition it makes, though its preamble names them as the council's
 * ("Tarybos narė Edita Stankevičienė nebedirba ..."). A yearly report's
 * year had them (member.change keeps them there). */
void ex_struck_members(ctx *c)
{
	static const char *const struck_verb[] = { "isbraukt", NULL };
	static const char *const added_verb[] = { "irasyt", "itraukt", "vietoj", NULL };
	const char *v = c->t->view;
	size_t p = 0, n = c->t->len;
	int fired = 0;

	if (ex_yearly_report(c) || !c->x->n_members)
		return;
	while (p < n && c->rc == COUNCIL_OK) {
		size_t le = ex_eol(v, p, n), q = p;
		int on = 0;
		word w;
		char *f = ex_fold(c->t, p, le);
		/* struck out of the council's composition, not a list's item */
		int about = f && ex_find_stem(f, "isbraukt") &&
		            (ex_find_stem(f, "sudet") || ex_find_stem(f, "taryb"));
		free(f);
		while (about && ex_next_word(c->t, q, le, &w)) {
			size_t ns, ne, i, k;
			for (i = q; on && i < w.start; i++)
				if (v[i] == ';' || v[i] == '.')
					on = 0;
			if (ex_word_has_stem(c->t, &w, struck_verb)) {
				on = 1;
			} else if (ex_word_has_stem(c->t, &w, added_verb)) {
				on = 0;
			} else if (on && lt_name_at(v, le, w.start, &ns, &ne) && ns == w.start) {
				char name[256];
				if (lt_name_nominative(name, sizeof name, v + ns, ne - ns)) {
					for (i = k = 0; i < c->x->n_members; i++) {
						x_member *m = &c->x->members[i];
						if (ex_same_person(m->name, name)) {
							x_member_clear(m);
							fired = 1;
						} else {
							c->x->members[k++] = *m;
						}
					}
					c->x->n_members = k;
				}
				q = ne;
				continue;
			}
			q = w.end;
		}
		p = le + 1;
	}
	if (fired)
		ex_fired(c);
}
