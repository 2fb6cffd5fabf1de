/* SPDX-License-Identifier: MIT */
/*
 * extract_forms.c -- rule forms.dictionary: every record's words in their
 * dictionary form, once, after all rules have read the document, so that
 * whatever rule made an event, a plan or a member, its title, place and
 * name reach the views as a list writes them.  How a form is found is
 * lt_lemma.c; the quoted original stays in each record's span.
 */
#include "extract_int.h"

/* How far around a name the text is searched for its other forms: the
 * paragraphs near it, and a cost that grows with the document, not with
 * its members times its length. */
#define NAME_CONTEXT 8192

/* *p (owned) replaced by a copy of form, which differs from it. */
static void replace_form(ctx *c, char **p, const char *form)
{
	char *d = cdb_strdup(form);

	if (!d) {
		ex_oom(c);
		return;
	}
	free(*p);
	*p = d;
	ex_fired(c);
}

/* The text around [start, end) a form is read against: NAME_CONTEXT
 * either side. */
static void around(const ctx *c, size_t start, size_t end, size_t *from, size_t *to)
{
	*from = start > NAME_CONTEXT ? start - NAME_CONTEXT : 0;
	*to = end + NAME_CONTEXT < c->t->orig_len ? end + NAME_CONTEXT : c->t->orig_len;
	if (*from > *to)
		*from = *to;
}

typedef size_t (*form_fn)(char *, size_t, const char *, size_t, const char *, size_t);

/* *p made fn's form of itself, when that differs; sp is the record's
 * span, whose surroundings tell whether the text is typed plain. */
static void to_form(ctx *c, char **p, form_fn fn, const x_span *sp)
{
	char buf[1024];
	size_t n, from, to;

	if (!*p)
		return;
	n = strlen(*p);
	if (n >= sizeof buf / 2)
		return;
	around(c, sp->start, sp->end, &from, &to);
	if (fn(buf, sizeof buf, *p, n, c->t->orig + from, to - from) == n && memcmp(buf, *p, n) == 0)
		return;
	replace_form(c, p, buf);
}

/* "Jonas Marcinkus" and "J. Marcinkus": one person once both are in
 * their dictionary form. */
static int same_person(const char *a, const char *b)
{
	const char *sa = strrchr(a, ' '), *sb = strrchr(b, ' ');

	if (strcmp(a, b) == 0)
		return 1;
	if (!sa || !sb || strcmp(sa, sb) != 0 || a[0] != b[0])
		return 0;
	return (sa - a == 2 && a[1] == '.') || (sb - b == 2 && b[1] == '.');
}

/* Whether two members are of one council: on a page about several,
 * the council each carries (member.council); one person on two councils
 * is two members. */
static int same_council(const x_member *a, const x_member *b)
{
	if (a->council.present != b->council.present)
		return 0;
	return !a->council.present || (a->council.name && b->council.name &&
	                                strcmp(a->council.name, b->council.name) == 0);
}

/* Members whose names became one: the first keeps the fuller name, an
 * office and an organisation the other had. */
static void merge_members(council_extraction *x)
{
	size_t i, j;

	for (i = 0; i < x->n_members; i++) {
		for (j = i + 1; j < x->n_members;) {
			x_member *a = &x->members[i], *b = &x->members[j];
			if (!same_person(a->name, b->name) || !same_council(a, b)) {
				j++;
				continue;
			}
			if (strlen(b->name) > strlen(a->name)) {
				char *t = a->name;
				a->name = b->name;
				b->name = t;
			}
			if (a->role == COUNCIL_ROLE_MEMBER)
				a->role = b->role;
			if (!a->represents) {
				a->represents = b->represents;
				b->represents = NULL;
			}
			if (a->side == COUNCIL_SIDE_UNKNOWN)
				a->side = b->side;
			x_member_clear(b);
			memmove(b, b + 1, (x->n_members - j - 1) * sizeof *b);
			x->n_members--;
		}
	}
}

void ex_form_name(ctx *c, char **name, const char *as_written, size_t start, size_t end)
{
	char nom[256], buf[256];
	size_t n, from, to;
	const char *o = c->t->orig;

	if (!as_written || !*name)
		return;
	n = strlen(as_written);
	/* only a name its rule made nominative the plain way, or kept as
	 * written (a text typed without Lithuanian letters): a rule that
	 * wrote it otherwise knew better */
	lt_name_nominative(nom, sizeof nom, as_written, n);
	if (strcmp(nom, *name) != 0 && strcmp(as_written, *name) != 0)
		return;
	around(c, start, end, &from, &to);
	lt_lemma_name(buf, sizeof buf, as_written, n, o + from, to - from);
	if (strcmp(buf, *name) == 0)
		return;
	/* a name kept as typed without Lithuanian letters ("Jurate
	 * Paskeviciene") gets none back from the dictionary */
	if (strcmp(as_written, *name) == 0 && lt_name_typed_plain(as_written, n, buf, 0))
		return;
	replace_form(c, name, buf);
}

/* Every kind of record that holds a title, a place or a person's name is
 * listed here, once: a new kind (a meeting's attendance, say) adds its
 * line. */
void ex_dictionary_forms(ctx *c)
{
	council_extraction *x = c->x;
	size_t i;

	for (i = 0; i < x->n_events && c->rc == COUNCIL_OK; i++) {
		to_form(c, &x->events[i].title, lt_lemma_title_in, &x->events[i].span);
		to_form(c, &x->events[i].location, lt_lemma_place_in, &x->events[i].span);
	}
	/* where a sitting was held (a protocol's head: "Varniuose") */
	for (i = 0; i < x->n_meetings && c->rc == COUNCIL_OK; i++)
		to_form(c, &x->meetings[i].location, lt_lemma_place_in, &x->meetings[i].span);
	to_form(c, &x->plan.title, lt_lemma_title_in, &x->plan.span);
	for (i = 0; i < x->n_members && c->rc == COUNCIL_OK; i++)
		ex_form_name(c, &x->members[i].name, x->members[i].as_written, x->members[i].span.start,
		             x->members[i].span.end);
	merge_members(x);
}
