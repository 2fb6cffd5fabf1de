/* SPDX-License-Identifier: MIT */
/*
 * judge_match.h -- the fixture judge's comparisons of stored and gold values
 * (judge_match.c).  Every returned string is the caller's to free.
 */
#ifndef JUDGE_MATCH_H
#define JUDGE_MATCH_H

/* s folded (lower case, no diacritics; "" for NULL). */
char *fold(const char *s);
/* Whether needle is in hay, folded, spaces and dashes aside (NULL needle: 1). */
int contains(const char *hay, const char *needle);
/* Whether a and b name the same body, word for word by folded stem. */
int same_words_stemmed(const char *a, const char *b);
/* Whether a gold job title ("X centro direktorius") names the stored body. */
int body_of_job_title(const char *stored, const char *gold);
/* Whether a and b are both set and equal. */
int streq(const char *a, const char *b);
/* Whether the stored council name is the gold's, or the gold's without its
 * municipality's genitive before it. */
int same_council_name(const char *stored, const char *gold, const char *municipality);

#endif
