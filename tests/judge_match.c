/* SPDX-License-Identifier: MIT */
/*
 * judge_match.c -- how the fixture judge (test_import_fixtures.c) compares a
 * stored value with a gold one: folded containment, the same body in
 * another case or as a job title, a council named without its
 * municipality.  Each reading is one a gold's notes allow; their tests are
 * the judge's own (test_same_body, test_job_title_body,
 * test_same_council_name).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "council.h"
#include "lexicon.h"
#include "judge_match.h"

char *fold(const char *s)
{
	char *f = NULL;

	if (!s)
		return strdup("");
	assert_int_equal(council_text_fold(&f, s), COUNCIL_OK);
	return f;
}

/* Folded containment: case and diacritics do not matter, and neither do
 * dash or space variants (NBSP, en dash vs hyphen). */
int contains(const char *hay, const char *needle)
{
	char *h, *n, *p, *q;
	int r;

	if (!needle)
		return 1;
	if (!hay)
		return 0;
	h = fold(hay);
	n = fold(needle);
	for (char **s = (char *[]){ h, n, NULL }; *s; s++) {
		for (p = q = *s; *p; p++) {
			unsigned char c = (unsigned char)*p;
			if (c == ' ' || c == '-' || c >= 0x80)
				continue; /* drop spaces, dashes and non-Latin marks */
			*q++ = *p;
		}
		*q = '\0';
	}
	r = strstr(h, n) != NULL;
	free(h);
	free(n);
	return r;
}

/* The same body named in another case: the golds of the genre sets copy
 * `represents` and `delegated_by` as the text has them, often in the
 * genitive (`Savivaldybės tarybos`, `Tytuvėnų bendruomenės centro`), and
 * their notes take the nominative body name as an equivalent reading.  So
 * two names are the same when they have the same number of words and each
 * word's folded stem is the other's: a stem is the folded word without its
 * ending, the trailing vowels and `s` of any Lithuanian case ending (three
 * letters at least are kept).  A different body is still different
 * (`Kultūros skyrius` is not `Finansų skyrius`), and so is a longer phrase
 * (`Savivaldybės tarybos narys` is a job, not the body `Savivaldybės
 * taryba`). */
static size_t next_word(const char *s, size_t *at, char *out, size_t cap)
{
	size_t i = *at, n = 0;

	while (s[i] && !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
		i++;
	while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')) {
		if (n + 1 < cap)
			out[n++] = s[i];
		i++;
	}
	out[n] = '\0';
	while (n > 3 && strchr("aeiouys", out[n - 1]))
		out[--n] = '\0';
	*at = i;
	return n;
}

int same_words_stemmed(const char *a, const char *b)
{
	char *fa, *fb, wa[128], wb[128];
	size_t ia = 0, ib = 0, na, nb;
	int r = 1;

	if (!a || !b)
		return 0;
	fa = fold(a);
	fb = fold(b);
	for (;;) {
		na = next_word(fa, &ia, wa, sizeof wa);
		nb = next_word(fb, &ib, wb, sizeof wb);
		if (!na && !nb)
			break;
		if (na != nb || strcmp(wa, wb) != 0) {
			r = 0;
			break;
		}
	}
	free(fa);
	free(fb);
	return r;
}

/* A post's holder's body: a gold `represents` may copy a person's whole job
 * title (`Kazlų Rūdos kultūros centro direktorius`, `Kauno miesto
 * savivaldybės tarybos narė`) where the importer stores the body the post
 * is in (`Kazlų Rūdos kultūros centras`), the reading the golds' notes call
 * equivalent.  So a gold whose last word is a post -- a noun for people or
 * an office of the lexicon (people_noun, role), in lower case -- is the
 * stored body when what stands before that word names it
 * (same_words_stemmed).  Nothing else is dropped: a department before the
 * post (`administracijos Kultūros skyriaus vedėja`) is not the
 * administration, nor a council's member the municipality. */
#define POST_STEM(written, folded, ...) folded,
static const char *const post_stems[] = { LEX_PEOPLE_NOUN(POST_STEM) LEX_ROLE(POST_STEM) };
#undef POST_STEM

int body_of_job_title(const char *stored, const char *gold)
{
	const char *last;
	char *body, *word;
	size_t i;
	int r = 0;

	if (!stored || !gold || !(last = strrchr(gold, ' ')) || last == gold)
		return 0;
	last++;
	if (!(*last >= 'a' && *last <= 'z') && (unsigned char)*last < 0x80)
		return 0; /* a post is written in lower case; no digit, no quote */
	if ((unsigned char)*last >= 0x80 || !(word = fold(last)))
		return 0;
	for (i = 0; i < sizeof post_stems / sizeof post_stems[0] && !r; i++)
		r = strncmp(word, post_stems[i], strlen(post_stems[i])) == 0;
	free(word);
	if (!r || !(body = strndup(gold, (size_t)(last - 1 - gold))))
		return 0;
	r = same_words_stemmed(stored, body);
	free(body);
	return r;
}

int streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The council's name: as the gold gives it, or -- where the gold gives it
 * as a page's breadcrumb or heading does, without the municipality
 * ("Bendruomeninių organizacijų taryba") -- that name after the gold's
 * municipality in the genitive ("Kauno miesto savivaldybės
 * bendruomeninių organizacijų taryba"), which is how the registry names a
 * council so that two municipalities' councils differ.  The municipality
 * must be the gold's and nothing else added or missing; the case of the
 * name's first letter aside. */
int same_council_name(const char *stored, const char *gold, const char *municipality)
{
	static const char nom[] = "savivaldybė", gen[] = "savivaldybės";
	char full[512], *a, *b;
	size_t n;
	int r;

	if (streq(stored, gold))
		return 1;
	if (!stored || !gold || !municipality)
		return 0;
	n = strlen(municipality);
	if (n < sizeof nom - 1 || strcmp(municipality + n - (sizeof nom - 1), nom) != 0 ||
	    (size_t)snprintf(full, sizeof full, "%.*s%s %s", (int)(n - (sizeof nom - 1)), municipality, gen,
	                     gold) >= sizeof full)
		return 0;
	a = fold(stored);
	b = fold(full);
	r = strcmp(a, b) == 0;
	free(a);
	free(b);
	return r;
}
