/* SPDX-License-Identifier: MIT */
/*
 * test_fold_index.c -- the document fold's words and their cue classes
 * (fold_index.c): a piece's classes answer as strstr over the piece for
 * every stem of the class (ex_has_any_stem's way) would, for random texts
 * and pieces cut anywhere (stems cut at the piece's end, words cut at its
 * start, digits and non-ASCII bytes before a stem, texts longer than the
 * sixteen bytes read at once); indexes nest; another text gets no answer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "extract_int.h"
#include "fold_index.h"

static const uint32_t bits[] = { FI_NOT_HAPPENED, FI_MEMBER_LEFT, FI_MEMBER_INSTEAD, FI_MEMBER_JOINED,
	                          FI_MEMBER_ENTERS, FI_MEMBER_CHANGE };
#define N_BITS (sizeof bits / sizeof bits[0])

/* ex_find_stem's answer, written again: stem at folded's start or after a
 * byte that is no ASCII letter or digit. */
static int has_stem(const char *folded, const char *stem)
{
	const char *p = folded;

	while ((p = strstr(p, stem)) != NULL) {
		if (p == folded || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9')))
			return 1;
		p++;
	}
	return 0;
}

static uint32_t expected(const char *piece)
{
	uint32_t r = 0;
	size_t k, i;

	for (k = 0; k < N_BITS; k++) {
		const char *const *stems = fi_cue_stems(bits[k]);
		for (i = 0; stems[i]; i++)
			if (has_stem(piece, stems[i]))
				r |= bits[k];
	}
	return r;
}

/* The classes of fold[a, b) through an index, and through strstr. */
static void check_piece(const fi_words *w, const char *fold, size_t a, size_t b)
{
	char piece[1024];
	fi_index ix;

	assert_true(b - a < sizeof piece);
	memcpy(piece, fold + a, b - a);
	piece[b - a] = '\0';
	fi_open(&ix, piece, w, a, b);
	assert_int_equal(fi_cues(piece), expected(piece));
	fi_close(&ix);
}

static void test_stems_start_with_letters(void **state)
{
	size_t k, i, n = 0;

	(void)state;
	for (k = 0; k < N_BITS; k++) {
		const char *const *stems = fi_cue_stems(bits[k]);
		assert_non_null(stems);
		for (i = 0; stems[i]; i++, n++)
			assert_true(stems[i][0] >= 'a' && stems[i][0] <= 'z');
	}
	assert_true(n > 10);
	assert_null(fi_cue_stems(1u << 20));
}

static void test_sentences(void **state)
{
	static const struct {
		const char *text;
		uint32_t cues;
	} cases[] = {
		{ "renginys atsauktas del oro", FI_NOT_HAPPENED },
		{ "vietoj jono deleguota ona", FI_MEMBER_INSTEAD | FI_MEMBER_JOINED | FI_MEMBER_CHANGE },
		{ "o jo vieta taryboje uzims ona", FI_MEMBER_ENTERS },
		{ "pirmininkas atsistatydino, pirmininke isrinkta ona",
		  FI_MEMBER_LEFT | FI_MEMBER_JOINED },
		{ "is tarybos pasitrauke jonas", FI_MEMBER_LEFT | FI_MEMBER_CHANGE },
		{ "taryba posedziavo 5 kartus", 0 },
		/* inside a word, after a digit: no word starts with the stem */
		{ "xatsaukt 1atsaukt zvietoj", 0 },
		/* after a dash, a quote or a byte outside ASCII: it does */
		{ "-atsaukt", FI_NOT_HAPPENED },
		{ "\xe2\x80\x9evietoje", FI_MEMBER_INSTEAD | FI_MEMBER_CHANGE },
		{ "", 0 },
	};
	size_t k;

	(void)state;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		const char *t = cases[k].text;
		fi_words w;
		fi_index ix;
		assert_int_equal(fi_words_init(&w, t, strlen(t)), 0);
		fi_open(&ix, t, &w, 0, strlen(t));
		assert_int_equal(fi_cues(t), cases[k].cues);
		fi_close(&ix);
		fi_words_free(&w);
	}
}

/* Random texts of stems, pieces of stems, letters, digits, punctuation and
 * bytes outside ASCII, every piece [a, b) of some, checked. */
static void test_random_pieces(void **state)
{
	static const char *const bits_of_text[] = {
		"atsaukt", "atsauk", "vietoj", "vietoje", "isrinkt", "isrink", "pasitrauk", "deleguot",
		"neivyk", "ne", "a", "p", "x", "uzims", "pakeit", "iejo", "uz", "taryba", "posedis", "1", "20", " ", " ", " ", ",", "-",
		".", "\xc5\xbe", "\xe2\x80\x9e", "\t", "planuot", "nukelt", "netek", "itrauk", "i",
	};
	const size_t n_bits = sizeof bits_of_text / sizeof bits_of_text[0];
	unsigned seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 400; round++) {
		char text[600];
		size_t len = 0, target, a, b;
		fi_words w;

		seed = seed * 1103515245u + 12345u;
		target = (seed >> 8) % 300;
		while (len < target) {
			const char *piece;
			seed = seed * 1103515245u + 12345u;
			piece = bits_of_text[(seed >> 8) % n_bits];
			if (len + strlen(piece) >= sizeof text)
				break;
			memcpy(text + len, piece, strlen(piece));
			len += strlen(piece);
		}
		text[len] = '\0';
		assert_int_equal(fi_words_init(&w, text, len), 0);
		for (a = 0; a <= len; a += 1 + a % 7)
			for (b = a; b <= len; b += 1 + b % 5)
				check_piece(&w, text, a, b);
		check_piece(&w, text, 0, len);
		fi_words_free(&w);
	}
}

/* Indexes nest; a piece answers only while it is the innermost; another
 * text, or a piece that is no copy (no words), gets every bit. */
static void test_nesting(void **state)
{
	const char *doc = "vietoj jono atsaukta";
	char outer[32], inner[32];
	fi_words w;
	fi_index ox, ix, nx;

	(void)state;
	assert_int_equal(fi_words_init(&w, doc, strlen(doc)), 0);
	strcpy(outer, doc);
	strcpy(inner, doc + 12);
	assert_int_equal(fi_cues(outer), ~0u);
	fi_open(&ox, outer, &w, 0, strlen(doc));
	assert_int_equal(fi_cues(outer), FI_MEMBER_INSTEAD | FI_MEMBER_CHANGE | FI_NOT_HAPPENED);
	assert_int_equal(fi_cues(outer + 1), ~0u);
	fi_open(&ix, inner, &w, 12, strlen(doc));
	assert_int_equal(fi_cues(inner), FI_NOT_HAPPENED);
	assert_int_equal(fi_cues(outer), ~0u);
	fi_open(&nx, outer, NULL, 0, 0);
	assert_int_equal(fi_cues(outer), ~0u);
	fi_close(&nx);
	fi_close(&ix);
	assert_int_equal(fi_cues(outer), FI_MEMBER_INSTEAD | FI_MEMBER_CHANGE | FI_NOT_HAPPENED);
	fi_close(&ox);
	assert_int_equal(fi_cues(outer), ~0u);
	fi_words_free(&w);
}

static void find_rule(void *arg, const char *id, const char *what)
{
	(void)what;
	if (!strcmp(id, "member.term") || !strcmp(id, "member.change"))
		++*(int *)arg;
}

/* A rule named with cues is a sentence rule; one not named reads every
 * sentence. */
static void test_rule_cues(void **state)
{
	int found = 0;

	(void)state;
	ex_sentence_rules_each(find_rule, &found);
	assert_int_equal(found, 2);
	assert_int_equal(fi_rule_cues("member.term"), FI_MEMBER_LEFT | FI_MEMBER_INSTEAD | FI_MEMBER_JOINED);
	assert_int_equal(fi_rule_cues("member.change"), FI_MEMBER_CHANGE | FI_MEMBER_ENTERS);
	assert_ptr_equal(fi_cue_stems(FI_MEMBER_CHANGE), ex_member_change_stems);
	assert_int_equal(fi_rule_cues("date.happening"), 0);
	assert_int_equal(fi_rule_cues("no.such.rule"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stems_start_with_letters),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_random_pieces),
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_rule_cues),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
