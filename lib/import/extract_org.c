/* SPDX-License-Identifier: MIT */
/*
 * extract_org.c -- what a member represents: the organisation named beside
 * the name (a post's body, "atstovaujantis X", a head noun made nominative)
 * and the body that delegated the member.  The member rules that call these
 * are in extract_members.c, extract_roster.c, extract_inline.c and
 * extract_tables.c.
 */
#include "extract_int.h"
#include "lexicon.h"

/* "Taryboje atstovaujantis Savivaldybės tarybai": whom the person
 * represents follows the participle, in the dative.  Returns 1 when the
 * participle is there, with *found that (in the nominative) or NULL. */
static int represented_after(ctx *c, size_t start, size_t end, char **found)
{
	word w;
	size_t q = start;

	*found = NULL;
	while (ex_next_word(c->t, q, end, &w)) {
		if (ex_word_has_stem(c->t, &w, (const char *const[]){ "atstovaujan", "atstovauja", NULL })) {
			word last, x1;
			size_t r = w.end;
			char *out;
			last.end = 0;
			while (ex_next_word(c->t, r, end, &x1) && x1.end - w.end < 120) {
				last = x1;
				r = x1.end;
			}
			if (!last.end)
				return 1;
			out = ex_clean(c, w.end, last.end);
			if (out) {
				size_t n = strlen(out);
				/* dative -> nominative on the head noun */
				if (n > 3 && !strcmp(out + n - 2, "ai"))
					out[n - 1] = '\0';
				else if (n > 3 && !strcmp(out + n - 2, "ei"))
					memcpy(out + n - 2, "ė", sizeof "ė");
			}
			*found = out;
			return 1;
		}
		q = w.end;
	}
	return 0;
}

/* s with its head noun (the word head of the text) turned from the
 * genitive into the nominative ("Savivaldybės administracijos" ->
 * "Savivaldybės administracija", "centro" -> "centras"). */
char *ex_head_nominative(ctx *c, char *s, word head)
{
	char *f;

	f = ex_fold(c->t, head.start, head.end);
	if (f) {
		size_t off = 0, hn;
		char *h = ex_clean(c, head.start, head.end);
		const char *pos;
		if (h && (pos = strstr(s, h)) != NULL) {
			off = (size_t)(pos - s);
			hn = strlen(h);
			static const struct { const char *gen, *nom; } ends[] = {
				{ "ijos", "ija" }, { "os", "a" }, { "ės", "ė" }, { "ies", "is" },
				{ "io", "ys" }, { "ų", "ai" },
				/* masculine: "centro" -> "centras", "klubo" -> "klubas",
				 * "muziejaus" -> "muziejus" */
				{ "aus", "us" }, { "o", "as" },
			};
			for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
				size_t gn = strlen(ends[i].gen), nn = strlen(ends[i].nom);
				if (hn > gn + 2 && memcmp(s + off + hn - gn, ends[i].gen, gn) == 0 &&
				    strcmp(ends[i].gen, "ų") != 0 && strcmp(ends[i].gen, "io") != 0 &&
				    /* "-io" is ambiguous ("nario" of "narys"): left alone */
				    !(strcmp(ends[i].gen, "o") == 0 && s[off + hn - 2] == 'i')) {
					if (nn > gn) {
						/* "centro" -> "centras" grows the text */
						char *grown = realloc(s, strlen(s) + nn - gn + 1);
						if (!grown)
							break;
						s = grown;
					}
					memmove(s + off + hn - gn + nn, s + off + hn, strlen(s + off + hn) + 1);
					memcpy(s + off + hn - gn, ends[i].nom, nn);
					/* "visuotinio susirinkimo" -> "visuotinis
					 * susirinkimas": an adjective in -inis before a
					 * masculine head agrees with it */
					if ((!strcmp(ends[i].gen, "o") || !strcmp(ends[i].gen, "aus")) && off > 6 &&
					    s[off - 1] == ' ' && !memcmp(s + off - 5, "inio", 4))
						memcpy(s + off - 5, "inis", 4);
					break;
				}
			}
		}
		free(h);
		free(f);
	}
	return s;
}

/* The body that delegated a member, in the nominative, from [s,e):
 * "Savivaldybės tarybos deleguoti atstovai" -> "Savivaldybės taryba",
 * "Savivaldybės administracijos direktoriaus deleguota atstovė" ->
 * "Savivaldybės administracijos direktorius" (the agent's genitives before
 * the participle, the last made nominative), "atstovai, kuriuos delegavo
 * Jonavos rajono bendruomenių asociacija" (the subject after the verb, as
 * written).  NULL when [s,e) names none. */
char *ex_delegating_body(ctx *c, size_t s, size_t e)
{
	const char *v = c->t->view;
	word w, head;
	size_t p = s;

	while (ex_next_word(c->t, p, e, &w)) {
		char *f = ex_fold(c->t, w.start, w.end);
		int participle = f && strncmp(f, "deleguot", 8) == 0;
		int verb = f && (strncmp(f, "delegav", 7) == 0 || strncmp(f, "deleguoj", 8) == 0);
		free(f);
		if (participle) {
			size_t from = w.start;
			char *body;
			while (from > s && !strchr("(,;:\n", v[from - 1]))
				from--;
			while (from < w.start && v[from] == ' ')
				from++;
			if (from >= w.start) {
				/* "(deleguotas bendruomeninių organizacijų
				 * susirinkimo)": the agent's genitives after
				 * the participle, the last made nominative */
				size_t to;
				from = w.end;
				while (from < e && v[from] == ' ')
					from++;
				for (to = from; to < e && !strchr(",.;)\n", v[to]); to++)
					;
				while (to > from && v[to - 1] == ' ')
					to--;
				if (to <= from || !ex_prev_word(c->t, from, to, &head))
					return NULL;
				body = ex_clean(c, from, head.end);
				return body ? ex_head_nominative(c, body, head) : NULL;
			}
			if (!ex_prev_word(c->t, from, w.start, &head))
				return NULL;
			body = ex_clean(c, from, head.end);
			return body ? ex_head_nominative(c, body, head) : NULL;
		}
		if (verb) {
			size_t from = w.end, to;
			while (from < e && v[from] == ' ')
				from++;
			for (to = from; to < e && !strchr(",.;)\n", v[to]); to++)
				;
			while (to > from && v[to - 1] == ' ')
				to--;
			return to > from ? ex_clean(c, from, to) : NULL;
		}
		p = w.end;
	}
	return NULL;
}

/* "Troškūnų seniūnas": a post alone after a place's genitive is the head
 * of that place's body, "Troškūnų seniūnija" (lexicon post_body).  NULL
 * when [start,end) is not one capitalised word and such a post. */
static char *post_body_org(ctx *c, size_t start, size_t end)
{
	static const struct { const char *post, *body; } rows[] = {
#define POST_ROW(w, f, body) { f, body },
		LEX_POST_BODY(POST_ROW)
#undef POST_ROW
	};
	word place, post, more;
	char *f, *out = NULL;
	size_t i;

	if (!ex_next_word(c->t, start, end, &place) || !ex_is_capitalised(c->t, &place) ||
	    !ex_next_word(c->t, place.end, end, &post) || ex_next_word(c->t, post.end, end, &more))
		return NULL;
	if (!(f = ex_fold(c->t, post.start, post.end)))
		return NULL;
	for (i = 0; i < sizeof rows / sizeof rows[0] && !out; i++)
		if (!strcmp(f, rows[i].post)) {
			size_t n = place.end - place.start, m = strlen(rows[i].body);
			if ((out = malloc(n + m + 2)) != NULL) {
				memcpy(out, c->t->view + place.start, n);
				out[n] = ' ';
				memcpy(out + n + 1, rows[i].body, m + 1);
			} else {
				ex_oom(c);
			}
		}
	free(f);
	return out;
}

/* The organisation a member represents, in the nominative: "asociacijos
 * „Baltijos žmogus“ pirmininkas" -> "asociacija „Baltijos žmogus“",
 * "Savivaldybės administracijos vyriausiasis specialistas" ->
 * "Savivaldybės administracija".  The post after it is dropped and the head
 * noun (the last word before the post or the quotation) made nominative. */
char *ex_organisation(ctx *c, size_t start, size_t end)
{
	static const char *const posts[] = {
		LEX_ROLE(LEX_FOLDED) "direktor", "specialist", "vadov", "atstov",
		"nar", "koordinator", "vedej", "seniun", "virsinink",
		"darbuotoj", "tarnautoj", "patarej", "vyriausi", "vyresn", "vyr", "l. e. p",
		"valdybos", "savanor", "ikurej", "buhalter", "skyriaus", "poskyrio", "deleguot", NULL,
	};
	word w, head = { 0, 0 };
	size_t p = start, cut = end;
	char *s;
	int inquote = 0;

	if (represented_after(c, start, end, &s))
		return s;
	if ((s = post_body_org(c, start, end)) != NULL)
		return s;
	/* "Savivaldybės administracija (Strateginės plėtros skyrius)": the
	 * department in parentheses is not the organisation. */
	/* "Joniškio (Molėtų r.) bendruomenės pirmininkas": a parenthesis
	 * inside the name, where words go on after it, stays. */
	{
		size_t q, r;
		for (q = start; q < end; q++)
			if (c->t->view[q] == '(') {
				for (r = q + 1; r < end && c->t->view[r] != ')'; r++)
					;
				if (r < end && q > start) {
					size_t k = r + 1;
					while (k < end && c->t->view[k] == ' ')
						k++;
					if (k < end && c->t->view[k] != '(' && c->t->view[k] != ',' &&
					    c->t->view[k] != ';') {
						q = r;
						continue;
					}
				}
				end = q;
				cut = q;
				break;
			}
	}
	while (p < end && ex_next_word(c->t, p, end, &w)) {
		if (!ex_inside_quote(c->t, start, w.start)) {
			if (ex_word_has_stem(c->t, &w, posts) && w.start > start &&
			    /* "seniūnijos seniūnas": the eldership is the organisation */
			    !ex_word_has_stem(c->t, &w, (const char *const[]){ "seniunij", NULL })) {
				/* "Kultūros ir turizmo skyriaus vedėjas": a department
				 * chain belongs to the post, not the organisation; it
				 * starts at its capitalised first word. */
				word d;
				size_t q = w.start;
				cut = w.start;
				if (ex_word_has_stem(c->t, &w, (const char *const[]){ "skyriaus", "poskyrio", NULL })) {
					while (ex_prev_word(c->t, start, q, &d) && d.start > start) {
						q = d.start;
						if (ex_is_capitalised(c->t, &d)) {
							cut = d.start;
							break;
						}
					}
					/* "Kultūros skyriaus specialistė": a department
					 * with no body named before it is the organisation
					 * ("Kultūros skyrius") */
					if (cut == w.start && ex_next_word(c->t, start, w.start, &d) &&
					    ex_is_capitalised(c->t, &d)) {
						cut = w.end;
						head = w;
					}
				}
				break;
			}
			if (!inquote)
				head = w;
		} else {
			inquote = 1;
		}
		p = w.end;
	}
	/* "Savivaldybės administracijos Bendruomenių ir nevyriausybinių
	 * organizacijų koordinatorė": a post cut off, the capitalised unit
	 * right after "administracijos" is the post's too, not the body */
	if (cut < end) {
		word a, b;
		size_t q = start;
		while (ex_next_word(c->t, q, cut, &a) && ex_next_word(c->t, a.end, cut, &b)) {
			if (ex_word_has_stem(c->t, &a, (const char *const[]){ "administracijos", NULL }) &&
			    ex_is_capitalised(c->t, &b) && !ex_inside_quote(c->t, start, b.start)) {
				/* "administracijos Plutiškių seniūnijos
				 * seniūnė": the eldership is the organisation */
				word d;
				size_t r = b.start;
				int eldership = 0;
				while (!eldership && ex_next_word(c->t, r, cut, &d)) {
					eldership = ex_word_has_stem(c->t, &d, (const char *const[]){ "seniunij", NULL });
					r = d.end;
				}
				if (!eldership) {
					cut = b.start;
					head = a;
				}
				break;
			}
			q = a.end;
		}
	}
	while (cut > start && (c->t->view[cut - 1] == ' ' || c->t->view[cut - 1] == ','))
		cut--;
	/* The department chain was cut off: the head noun is the last word
	 * left ("Savivaldybės administracijos"). */
	if (head.end > cut && !ex_prev_word(c->t, start, cut, &head))
		return NULL;
	if (cut <= start || head.end == 0 || head.end > cut)
		return NULL;
	s = ex_clean(c, start, cut);
	if (!s)
		return NULL;
	return ex_head_nominative(c, s, head);
}

/* "Bendruomeninių organizacijų atstovų susirinkimas" delegates the
 * community's members, "Savivaldybės administracijos direktorius" the
 * municipality's: a body naming the community organisations is theirs even
 * where it names the municipality too ("Savivaldybės bendruomeninių
 * organizacijų atstovų susirinkimas"). */
council_side ex_side_of_body(const char *body)
{
	char *f = body ? utf8_fold(body, strlen(body)) : NULL;
	council_side sd = COUNCIL_SIDE_UNKNOWN;

	if (f)
		sd = strstr(f, "bendruomen") || strstr(f, "organizacij") || strstr(f, "asociacij") ||
		             strstr(f, "sajung") || strstr(f, "nvo")
		             ? COUNCIL_SIDE_COMMUNITY
		             : ex_side_of(f);
	free(f);
	return sd;
}
