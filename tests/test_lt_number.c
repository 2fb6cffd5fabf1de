/* SPDX-License-Identifier: MIT */
/*
 * test_lt_number.c -- counts in digits and Lithuanian number words
 * (lt_number_parse) and the shared word primitives of lt_number.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "lt.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

struct num_case {
	const char *text;
	int64_t value;
	const char *consumed; /* the exact text consumed; NULL = all of it */
};

static void check_numbers(const struct num_case *c, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		int64_t v = -12345;
		size_t want = c[k].consumed ? strlen(c[k].consumed) : strlen(c[k].text);
		size_t got = lt_number_parse(&v, c[k].text, strlen(c[k].text));
		if (got != want || v != c[k].value) {
			print_error("\"%s\": consumed %zu bytes (want %zu), value %lld (want %lld)\n",
			            c[k].text, got, want, (long long)v, (long long)c[k].value);
			fail();
		}
	}
}

static void check_rejected(const char *const *texts, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		int64_t v = 0;
		size_t got = lt_number_parse(&v, texts[k], strlen(texts[k]));
		if (got != 0) {
			print_error("\"%s\" parsed as %lld (%zu bytes), want no number\n", texts[k],
			            (long long)v, got);
			fail();
		}
	}
}

static void test_words_1_to_20(void **state)
{
	static const struct num_case c[] = {
		{ "vienas", 1, NULL },       { "viena", 1, NULL },       { "du", 2, NULL },
		{ "dvi", 2, NULL },          { "trys", 3, NULL },        { "keturi", 4, NULL },
		{ "keturios", 4, NULL },     { "penki", 5, NULL },       { "penkios", 5, NULL },
		{ "šeši", 6, NULL },         { "šešios", 6, NULL },      { "septyni", 7, NULL },
		{ "septynios", 7, NULL },    { "aštuoni", 8, NULL },     { "aštuonios", 8, NULL },
		{ "devyni", 9, NULL },       { "devynios", 9, NULL },    { "dešimt", 10, NULL },
		{ "vienuolika", 11, NULL },  { "dvylika", 12, NULL },    { "trylika", 13, NULL },
		{ "keturiolika", 14, NULL }, { "penkiolika", 15, NULL }, { "šešiolika", 16, NULL },
		{ "septyniolika", 17, NULL }, { "aštuoniolika", 18, NULL }, { "devyniolika", 19, NULL },
		{ "dvidešimt", 20, NULL },
	};
	(void)state;
	check_numbers(c, N_ELEMS(c));
}

static void test_tens_hundreds_thousands(void **state)
{
	static const struct num_case c[] = {
		{ "trisdešimt", 30, NULL },
		/* tens as a counted noun, and half a hundred */
		{ "dvi dešimtys", 20, NULL },
		{ "trys dešimtys", 30, NULL },
		{ "keturių dešimčių", 40, NULL },
		{ "pusšimtis", 50, NULL },
		{ "pusšimčio", 50, NULL },
		{ "keturiasdešimt", 40, NULL },
		{ "penkiasdešimt", 50, NULL },
		{ "šešiasdešimt", 60, NULL },
		{ "septyniasdešimt", 70, NULL },
		{ "aštuoniasdešimt", 80, NULL },
		{ "devyniasdešimt", 90, NULL },
		{ "šimtas", 100, NULL },
		{ "vienas šimtas", 100, NULL },
		{ "du šimtai", 200, NULL },
		{ "trys šimtai", 300, NULL },
		{ "keturi šimtai", 400, NULL },
		{ "penki šimtai", 500, NULL },
		{ "šeši šimtai", 600, NULL },
		{ "septyni šimtai", 700, NULL },
		{ "aštuoni šimtai", 800, NULL },
		{ "devyni šimtai", 900, NULL },
		{ "tūkstantis", 1000, NULL },
		{ "du tūkstančiai", 2000, NULL },
		{ "penki tūkstančiai", 5000, NULL },
		{ "dvidešimt tūkstančių", 20000, NULL },
	};
	(void)state;
	check_numbers(c, N_ELEMS(c));
}

static void test_compounds(void **state)
{
	static const struct num_case c[] = {
		{ "dvidešimt vienas", 21, NULL },
		{ "trisdešimt penki", 35, NULL },
		{ "keturiasdešimt dvi", 42, NULL },
		{ "devyniasdešimt devyni", 99, NULL },
		{ "šimtas dvidešimt trys", 123, NULL },
		{ "šimtas vienuolika", 111, NULL },
		{ "šimtas dešimt", 110, NULL },
		{ "du šimtai penkiasdešimt", 250, NULL },
		{ "dviejų šimtų penkiasdešimt", 250, NULL },
		{ "tris šimtus keturiasdešimt penkis", 345, NULL },
		{ "devyni šimtai devyniasdešimt devyni", 999, NULL },
		{ "tūkstantis du šimtai", 1200, NULL },
		{ "du tūkstančiai penki šimtai", 2500, NULL },
		{ "trys tūkstančiai septyni", 3007, NULL },
		{ "dvidešimt vienas dalyvis", 21, "dvidešimt vienas" },
		{ "trys posėdžiai", 3, "trys" },
		{ "du šimtai žmonių", 200, "du šimtai" },
		/* a compound never joins two units or a unit and a teen */
		{ "du trys", 2, "du" },
		{ "penki dvylika", 5, "penki" },
		{ "dešimt penki", 10, "dešimt" },
		{ "dvidešimt\nvienas", 21, NULL },
		{ "dvidešimt\n\nvienas", 20, "dvidešimt" },
	};
	(void)state;
	check_numbers(c, N_ELEMS(c));
}

static void test_cases_1_to_9(void **state)
{
	/* every case and gender of 1..9, and the collective forms */
	static const char *const forms[10][24] = {
		{ NULL },
		{ "vienas", "viena", "vieno", "vienos", "vienam", "vienai", "vieną", "vienu",
		  "viename", "vienoje", NULL },
		{ "du", "dvi", "dviejų", "dviem", "dviejuose", "dviejose", "dveji", "dvejos", "dvejų",
		  "dvejus", "dvejas", NULL },
		{ "trys", "trijų", "trims", "tris", "trimis", "trijuose", "trijose", "treji", "trejos",
		  "trejų", NULL },
		{ "keturi", "keturios", "keturių", "keturiems", "keturioms", "keturis", "keturias",
		  "keturiais", "keturiomis", "keturiuose", "keturiose", "ketveri", "ketverių", NULL },
		{ "penki", "penkios", "penkių", "penkiems", "penkioms", "penkis", "penkias", "penkiais",
		  "penkiomis", "penkiuose", "penkiose", "penkeri", NULL },
		{ "šeši", "šešios", "šešių", "šešiems", "šešioms", "šešis", "šešias", "šešiais",
		  "šešiomis", "šešiuose", "šešiose", "šešeri", NULL },
		{ "septyni", "septynios", "septynių", "septyniems", "septynioms", "septynis",
		  "septynias", "septyniais", "septyniomis", "septyniuose", "septyniose", NULL },
		{ "aštuoni", "aštuonios", "aštuonių", "aštuoniems", "aštuonioms", "aštuonis",
		  "aštuonias", "aštuoniais", "aštuoniomis", "aštuoniuose", "aštuoniose", NULL },
		{ "devyni", "devynios", "devynių", "devyniems", "devynioms", "devynis", "devynias",
		  "devyniais", "devyniomis", "devyniuose", "devyniose", NULL },
	};
	int v, k;

	(void)state;
	for (v = 1; v <= 9; v++) {
		for (k = 0; forms[v][k]; k++) {
			struct num_case c = { forms[v][k], v, NULL };
			check_numbers(&c, 1);
		}
	}
}

static void test_other_cases(void **state)
{
	static const struct num_case c[] = {
		{ "vienuolikos", 11, NULL },    { "dvylikai", 12, NULL },     { "trylikoje", 13, NULL },
		{ "keturiolikos", 14, NULL },   { "dešimties", 10, NULL },    { "dešimčiai", 10, NULL },
		{ "dvidešimties", 20, NULL },   { "trisdešimčiai", 30, NULL }, { "keturiasdešimčia", 40, NULL },
		{ "penkiasdešimtyje", 50, NULL }, { "šimto", 100, NULL },     { "šimtą", 100, NULL },
		{ "tūkstančio", 1000, NULL },   { "tūkstantį", 1000, NULL },
		/* letter case and text without accents */
		{ "Trys", 3, NULL },            { "DU", 2, NULL },            { "Dvidešimt Vienas", 21, NULL },
		{ "ŠEŠIOLIKA", 16, NULL },      { "sesi", 6, NULL },          { "astuoniolika", 18, NULL },
		{ "dviem", 2, NULL },
	};
	(void)state;
	check_numbers(c, N_ELEMS(c));
}

static void test_digits(void **state)
{
	static const struct num_case c[] = {
		{ "16", 16, NULL },
		{ "0", 0, NULL },
		{ "16 dalyvių", 16, "16" },
		{ "58 410 Eur", 58410, "58 410" },
		{ "1 000 000", 1000000, NULL },
		/* no-break and thin spaces: the view spells them as 2 and 3 spaces */
		{ "1  500 žmonių", 1500, "1  500" },
		{ "5   000", 5000, NULL },
		{ "5    000", 5, "5" },             /* four spaces are a gap, not a separator */
		{ "2024 m.", 2024, "2024" },
		{ "12 34", 12, "12" },           /* two digits are no thousands group */
		{ "1234 567", 1234, "1234" },    /* a lead of four digits takes no group */
		{ "5 1234", 5, "5" },
		{ "5 123, 6", 5123, "5 123" },
		{ "50+ dalyvių", 50, "50" },
		{ "31.", 31, "31" },             /* a sentence's period */
		{ "3, 10 ir 17", 3, "3" },
		{ "007", 7, NULL },
		{ "999999999999999999", 999999999999999999LL, NULL },
	};
	(void)state;
	check_numbers(c, N_ELEMS(c));
}

static void test_rejected(void **state)
{
	static const char *const texts[] = {
		/* ordinals are never counts */
		"pirmas", "pirmasis", "pirmame", "pirmąjį", "antras", "antrajame", "trečias",
		"ketvirtas", "penktas", "šeštas", "septintas", "aštuntas", "devintas", "dešimtas",
		"dešimtą", "vienuoliktas", "dvidešimtas", "šimtasis", "šimtame", "tūkstantasis",
		"2-ajame", "1-asis", "3-iasis", "5-ąjį",
		/* glued to something larger */
		"1.5", "2,5", "10:30", "3/4", "16val", "2023-2025", "T-55", "2.1.4",
		"9999999999999999999",
		/* words that only look like numbers, and bare multipliers */
		"", "dalyviai", "dukra", "duona", "trysis", "vienasis", "šimtai", "tūkstančiai",
		"dešimtys", "viens",
	};
	(void)state;
	check_rejected(texts, N_ELEMS(texts));
}

static void test_word_helpers(void **state)
{
	static const char *const ends[] = { "is", "io", "", NULL };
	const char *q = "„Smilgynai“ ir – kaimynai";
	size_t i;

	(void)state;
	assert_true(lt_is_wordbyte('a'));
	assert_true(lt_is_wordbyte('7'));
	assert_true(lt_is_wordbyte(0xC4));
	assert_false(lt_is_wordbyte('-'));
	assert_false(lt_is_wordbyte(' '));

	/* quotes and dashes are not letters even though they are not ASCII */
	assert_false(lt_is_word_at(q, strlen(q), 0));
	i = strlen("„");
	assert_true(lt_is_word_at(q, strlen(q), i));
	assert_true(lt_at_word_start(q, i));
	assert_int_equal(lt_word_end(q, strlen(q), i), i + strlen("Smilgynai"));
	assert_false(lt_at_word_start("Šalčininkai", 2));
	assert_true(lt_at_word_start("a šalis", 2));
	assert_false(lt_at_word_start("ašalis", 1));

	assert_int_equal(lt_skip_blank("a  \t b", 6, 1), 5);
	assert_int_equal(lt_skip_blank("a \n b", 5, 1), 4);
	assert_int_equal(lt_skip_blank("a \n\n b", 6, 1), 3); /* never past a blank line */

	assert_true(lt_word_is("Sausio", 6, "sausio"));
	assert_true(lt_word_is("SAUSIO", 6, "sausio"));
	assert_true(lt_word_is("geguzes", 7, "gegužės"));          /* accents lost */
	assert_false(lt_word_is("gegužės", strlen("gegužės"), "geguzes")); /* never added */
	assert_false(lt_word_is("sausis", 6, "sausio"));
	assert_false(lt_word_is("sausio", 6, "saus"));
	assert_true(lt_word_starts("Dalyvavo", 8, "dalyv"));
	assert_false(lt_word_starts("dal", 3, "dalyv"));

	assert_int_equal(lt_word_stem("Sausio", 6, "saus", ends), 2);
	assert_int_equal(lt_word_stem("saus", 4, "saus", ends), 3);
	assert_int_equal(lt_word_stem("sausį", strlen("sausį"), "saus", ends), 0);
	assert_int_equal(lt_word_stem("kovo", 4, "saus", ends), 0);
	{
		size_t used = 0;
		assert_true(lt_match_prefix(&used, "Kovą", strlen("Kovą"), "kovą", 1));
		assert_int_equal(used, strlen("Kovą"));
		assert_false(lt_match_prefix(&used, "kova", 4, "kovą", 1));
		assert_true(lt_match_prefix(&used, "kova", 4, "kovą", 0));
	}
}

static void test_next_word_start(void **state)
{
	const char *q = "„Šalčininkų“ r. – 2024-ųjų; x";
	size_t n = strlen(q), i, want;

	(void)state;
	assert_int_equal(lt_next_word_start(q, n, 0), strlen("„"));
	/* from inside a word: the next word, never a position inside it */
	assert_int_equal(lt_next_word_start(q, n, strlen("„Ša")), strlen("„Šalčininkų“ "));
	assert_int_equal(lt_next_word_start(q, n, strlen("„Šalčininkų“ r")),
	                 strlen("„Šalčininkų“ r. – "));
	assert_int_equal(lt_next_word_start(q, n, strlen("„Šalčininkų“ r. – 2024")),
	                 strlen("„Šalčininkų“ r. – 2024-"));
	assert_int_equal(lt_next_word_start(q, n, n - 1), n - 1);
	assert_int_equal(lt_next_word_start(q, n, n), n);
	assert_int_equal(lt_next_word_start("a, b", 2, 1), 2); /* none before len */
	/* the same positions as testing every byte */
	for (i = 0; i <= n; i++) {
		for (want = i; want < n && !(lt_is_word_at(q, n, want) && lt_at_word_start(q, want)); want++)
			;
		assert_int_equal(lt_next_word_start(q, n, i), want);
	}
}

/* The document's words found once answer as a scan does, for every
 * piece between character boundaries and every start in it, and a text
 * outside the document is scanned as before. */
static void test_words_found_once(void **state)
{
	const char *q = "„Šalčininkų“ r. – 2024-ųjų; x\nPosėdis ∑ 漢字 Ąžuolas‚ už 5 €";
	size_t n = strlen(q), a, b, i, scan_end[128], scan_next[128];
	char copy[128];
	lt_words w;

	(void)state;
	assert_true(n < sizeof copy);
	/* letters only from ASCII and U+00C0..U+1FFF, dashes and quotes
	 * aside: not wide; a letter of another script: wide */
	assert_int_equal(lt_words_init(&w, "„Ąžuolas“ – 5 €", strlen("„Ąžuolas“ – 5 €")), 0);
	assert_false(w.wide);
	lt_words_free(&w);
	assert_int_equal(lt_words_init(&w, q, n), 0);
	assert_true(w.wide); /* 漢字 */
	for (a = 0; a <= n; a++) {
		if (a < n && ((unsigned char)q[a] & 0xC0) == 0x80)
			continue;
		for (b = a; b <= n; b++) {
			if (b < n && ((unsigned char)q[b] & 0xC0) == 0x80)
				continue;
			for (i = 0; i <= b - a; i++) {
				scan_end[i] = lt_word_end(q + a, b - a, i);
				scan_next[i] = lt_next_word_start(q + a, b - a, i);
			}
			lt_words_use(&w);
			for (i = 0; i <= b - a; i++) {
				assert_int_equal(lt_word_end(q + a, b - a, i), scan_end[i]);
				assert_int_equal(lt_next_word_start(q + a, b - a, i), scan_next[i]);
			}
			lt_words_use(NULL);
		}
	}
	/* the same bytes elsewhere are no piece of the document */
	memcpy(copy, q, n + 1);
	lt_words_use(&w);
	assert_int_equal(lt_word_end(copy, n, strlen("„")), strlen("„Šalčininkų"));
	assert_int_equal(lt_next_word_start(copy, n, strlen("„Ša")), strlen("„Šalčininkų“ "));
	lt_words_free(&w);
	/* freed: no longer in use */
	assert_int_equal(lt_word_end(q, n, strlen("„")), strlen("„Šalčininkų"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_1_to_20),
		cmocka_unit_test(test_tens_hundreds_thousands),
		cmocka_unit_test(test_compounds),
		cmocka_unit_test(test_cases_1_to_9),
		cmocka_unit_test(test_other_cases),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_rejected),
		cmocka_unit_test(test_word_helpers),
		cmocka_unit_test(test_next_word_start),
		cmocka_unit_test(test_words_found_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
