/* SPDX-License-Identifier: MIT */
/*
 * test_lt_tok.c -- the phrase readers' tokens (lt_tok.c): a word list
 * grouped by first byte (lp_wordset) answers as the list asked form by form
 * (lp_tok_in, lp_tok_starts_any) for every kind of word: ASCII and
 * Lithuanian first letters, capitals, text typed without diacritics,
 * punctuation, and lists too long to group.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "lt_int.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const forms[] = {
	"savivaldyb", "taryb", "šventė", "žmonės", "įstaig", "ąžuol", "a", "seniūnij",
	"sąjung", "jaunimo", "istorij", "", NULL
};

static const char *const words[] = {
	"Savivaldybės", "savivaldybe", "TARYBOS", "taryba", "Šventė", "svente", "šventės",
	"žmonės", "zmones", "Žmonės", "Įstaigos", "istaiga", "ąžuolas", "azuolas", "a", "A",
	"Jonas", "jaunimo", "Jaunimo", "seniunija", "Sąjunga", "sajunga", "x", "1990", "-",
	"„", "Kaunas", "", "ė", "Ėjo", "\xc4\xb0staigos", "\xc4\xb0storija", "Ÿ"
};

/* Each word of text, as a token, through both ways; both answers the same,
 * and the expected ones where the test states them. */
static void agree(const char *const *list, lp_wordset *ws)
{
	size_t k;

	for (k = 0; k < N_ELEMS(words); k++) {
		const char *s = words[k];
		tok t = { 0, strlen(s), 1 };

		t.word = t.e > 0 && lt_is_word_at(s, t.e, 0);
		if (lp_tok_in(s, &t, list) != lp_tok_in_set(s, &t, ws) ||
		    lp_tok_starts_any(s, &t, list) != lp_tok_starts_set(s, &t, ws)) {
			print_error("\"%s\": in %d/%d, starts %d/%d\n", s, lp_tok_in(s, &t, list),
			            lp_tok_in_set(s, &t, ws), lp_tok_starts_any(s, &t, list),
			            lp_tok_starts_set(s, &t, ws));
			fail();
		}
	}
}

static int in_set(lp_wordset *ws, const char *s)
{
	tok t = { 0, strlen(s), 1 };

	return lp_tok_in_set(s, &t, ws);
}

static int starts_set(lp_wordset *ws, const char *s)
{
	tok t = { 0, strlen(s), 1 };

	return lp_tok_starts_set(s, &t, ws);
}

static void test_wordset_agrees(void **state)
{
	static lp_wordset ws = LP_WORDSET(forms);

	(void)state;
	agree(forms, &ws);
	/* what the grouping must still find: a capital, a Lithuanian first
	 * letter, one typed without it, the form "a" among longer ones */
	assert_true(starts_set(&ws, "Savivaldybės"));
	assert_true(starts_set(&ws, "ŠVENTĖS"));
	assert_true(starts_set(&ws, "sventes"));
	assert_true(starts_set(&ws, "azuolas"));
	assert_true(in_set(&ws, "A"));
	assert_true(in_set(&ws, "jaunimo"));
	assert_false(in_set(&ws, "jaunimas"));
	assert_false(in_set(&ws, "Kaunas"));
	/* the empty form starts every word */
	assert_true(starts_set(&ws, "Kaunas"));
}

static void test_wordset_no_empty(void **state)
{
	static const char *const named[] = { "taryb", "šventė", "įstaig", "jaunimo", "istorij", NULL };
	static lp_wordset ws = LP_WORDSET(named);
	static const char *const short_list[] = { "vietoj", NULL };
	static lp_wordset ws2 = LP_WORDSET(short_list);

	(void)state;
	agree(named, &ws);
	assert_false(starts_set(&ws, "Kaunas"));
	assert_false(starts_set(&ws, "Savivaldybės"));
	assert_true(starts_set(&ws, "istaigos"));
	assert_true(starts_set(&ws2, "Vietoje"));
	assert_false(starts_set(&ws2, "vieta"));
	/* a punctuation token is no word of any list */
	{
		tok t = { 0, 1, 0 };
		assert_false(lp_tok_starts_set("v", &t, &ws2));
	}
}

/* A list longer than LP_WORDSET_MAX is asked form by form, with the same
 * answers. */
static void test_wordset_long_list(void **state)
{
	static char buf[LP_WORDSET_MAX + 10][8];
	static const char *list[LP_WORDSET_MAX + 11];
	static lp_wordset ws = LP_WORDSET(list);
	size_t k;

	(void)state;
	for (k = 0; k < LP_WORDSET_MAX + 10; k++) {
		snprintf(buf[k], sizeof buf[k], "w%zu", k);
		list[k] = buf[k];
	}
	list[k] = NULL;
	assert_true(in_set(&ws, "w0"));
	assert_true(in_set(&ws, "W260"));
	assert_false(in_set(&ws, "w265"));
	assert_true(starts_set(&ws, "w12345"));
	assert_false(starts_set(&ws, "x1"));
	agree(list, &ws);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wordset_agrees),
		cmocka_unit_test(test_wordset_no_empty),
		cmocka_unit_test(test_wordset_long_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
