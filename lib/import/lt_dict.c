/* SPDX-License-Identifier: MIT */
/*
 * lt_dict.c -- the morphology dictionary: Debian's hunspell-lt read through
 * libhunspell, asked only which dictionary words a written form stems from.
 * Built without libhunspell, or run where the dictionary is not installed,
 * it knows no word and lt_lemma.c derives every form by its paradigms.
 */
#include "lt_int.h"

#ifdef COUNCIL_HAVE_HUNSPELL
#include <hunspell.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The dictionary's path without ".aff"/".dic"; COUNCIL_HUNSPELL_LT in the
 * environment names another (or "" for none: the paradigms alone). */
#ifndef COUNCIL_HUNSPELL_DICT
#define COUNCIL_HUNSPELL_DICT "/usr/share/hunspell/lt_LT"
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
/* libhunspell keeps state between calls on one handle: one caller at a
 * time (the importer's worker threads share it) */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Hunhandle *dict;
static iconv_t to_dict = (iconv_t)-1, from_dict = (iconv_t)-1;
static int enabled = 1;

static void load(void)
{
	const char *base = getenv("COUNCIL_HUNSPELL_LT");
	char aff[1024], dic[1024];
	const char *enc;

	if (!base)
		base = COUNCIL_HUNSPELL_DICT;
	if (!*base || (size_t)snprintf(aff, sizeof aff, "%s.aff", base) >= sizeof aff ||
	    (size_t)snprintf(dic, sizeof dic, "%s.dic", base) >= sizeof dic)
		return;
	/* Hunspell_create opens what it is given without saying it failed */
	if (access(aff, R_OK) != 0 || access(dic, R_OK) != 0)
		return;
	if (!(dict = Hunspell_create(aff, dic)))
		return;
	enc = Hunspell_get_dic_encoding(dict);
	to_dict = iconv_open(enc ? enc : "UTF-8", "UTF-8");
	from_dict = iconv_open("UTF-8", enc ? enc : "UTF-8");
	if (to_dict == (iconv_t)-1 || from_dict == (iconv_t)-1) {
		Hunspell_destroy(dict);
		dict = NULL;
	}
}

/* s[0..n) through cd into out (NUL-terminated); 0 when it cannot be said
 * in the other encoding or does not fit. */
static int convert(iconv_t cd, char *out, size_t outsz, const char *s, size_t n)
{
	char *in = (char *)s, *o = out;
	size_t il = n, ol = outsz - 1;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &in, &il, &o, &ol) == (size_t)-1 || il != 0)
		return 0;
	*o = '\0';
	return 1;
}

/* Is a (NUL-terminated) b[0..bl) but for letter case?  A surname is often
 * a common noun of the dictionary ("Kairiui" stems to "kairys"). */
static int same_but_case(const char *a, const char *b, size_t bl)
{
	size_t i = 0, j = 0, al = strlen(a);
	uint32_t x, y;

	while (i < al && j < bl) {
		i += utf8_decode(&x, a + i, al - i);
		j += utf8_decode(&y, b + j, bl - j);
		if (utf8_lower(x) != utf8_lower(y))
			return 0;
	}
	return i == al && j == bl;
}

int lt_dict_available(void)
{
	pthread_once(&once, load);
	return enabled && dict != NULL;
}

int lt_dict_use(int on)
{
	int was = enabled;

	enabled = on;
	return was;
}

int lt_dict_has_stem(const char *w, size_t n, const char *nom, size_t nl)
{
	char word[256], stem[256];
	char **list = NULL;
	int k, count, found = 0;

	if (!lt_dict_available() || n >= sizeof word / 2 || nl >= sizeof stem / 2)
		return 0;
	pthread_mutex_lock(&lock);
	if (convert(to_dict, word, sizeof word, w, n)) {
		count = Hunspell_stem(dict, &list, word);
		for (k = 0; k < count && !found; k++)
			found = convert(from_dict, stem, sizeof stem, list[k], strlen(list[k])) &&
			        same_but_case(stem, nom, nl);
		if (list)
			Hunspell_free_list(dict, &list, count);
	}
	pthread_mutex_unlock(&lock);
	return found;
}

#else /* no libhunspell: the paradigms alone */

int lt_dict_available(void)
{
	return 0;
}

int lt_dict_use(int on)
{
	(void)on;
	return 0;
}

int lt_dict_has_stem(const char *w, size_t n, const char *nom, size_t nl)
{
	(void)w;
	(void)n;
	(void)nom;
	(void)nl;
	return 0;
}

#endif
